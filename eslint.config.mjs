import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The Apps Script services: only src/sheets/ (the adapters) may use them. */
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'ScriptApp',
  'PropertiesService',
  'LockService',
  'Session',
  'Utilities',
  'MailApp',
  'UrlFetchApp',
  'HtmlService',
  'DriveApp',
  'CacheService',
  'Sheets',
  'BigQuery',
  'Logger',
  'Charts',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'artifacts/**', '.playground/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    // The pure core: no Apps Script globals, no clock, no randomness.
    files: ['src/domain/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_GLOBALS.map((name) => ({
          name,
          message: 'domain/ and shared/ are pure: pass what you need in.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass time in; no Date.now() in the pure core.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'No randomness in the pure core.',
        },
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'Pass time in; no new Date() in the pure core.',
        },
      ],
      'no-restricted-imports': ['error', { patterns: ['**/sheets/**', '**/app/**', '**/emulator/**'] }],
    },
  },
  {
    // The use cases and the public surface reach Apps Script only through src/sheets/ (its types,
    // GoogleAppsScript.*, are fine). test/architecture/layers.test.ts checks the imports.
    files: ['src/app/**/*.ts', 'src/index.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_GLOBALS.map((name) => ({
          name,
          message: 'app/ reaches Apps Script only through an adapter in src/sheets/.',
        })),
      ],
      // The boundary owns the lock and the property writes (docs/ARCHITECTURE.md, the read/commit
      // boundary): a use case reads (ctx.read), stages, and commits (ctx.commit / doc.commit).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='lock']",
          message: "The document lock is the boundary's: a context for a change locks before its first read.",
        },
        {
          selector: "CallExpression[callee.property.name='flushProperties']",
          message: 'Commit through ctx.commit() or doc.commit() (one journaled step), or doc.save().',
        },
      ],
      'no-restricted-imports': ['error', { patterns: ['**/emulator/**'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
