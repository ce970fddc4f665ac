/**
 * The dependency rule of docs/ARCHITECTURE.md, checked on TypeScript's own resolution of every
 * import in src/ (import-graph.ts): index -> app -> sheets -> domain -> shared; app reaches Apps
 * Script only through sheets/ (ESLint forbids the globals there too, with the list used here);
 * and the things there is one of: one way to open a sidebar page, one trigger installer, one
 * style of error for the person.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT, importGraph } from './import-graph';

const graph = importGraph();
const files = [...graph.keys()];

/** "app", "sheets", "domain", "shared", or the file itself for one at the top of src/. */
function layer(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1] : file;
}

/** What each layer's files may import from src/ (and beyond it: packages, and the listed files). */
const MAY_IMPORT: Record<string, { layers: string[]; outside?: string[] }> = {
  'src/index.ts': { layers: ['app', 'shared'] },
  app: { layers: ['app', 'sheets', 'domain', 'shared'] },
  sheets: { layers: ['sheets', 'domain', 'shared'], outside: ['appsscript.json'] },
  domain: { layers: ['domain', 'shared'] },
  shared: { layers: ['shared'] },
};

/** Files at the top of src/ besides index.ts: compile-time checks that import types only. */
const TYPE_CHECKS = ['src/server-api-check.ts'];

/** The Apps Script services, as eslint.config.mjs lists them (one list for both). */
const APPS_SCRIPT_GLOBALS: string[] = (() => {
  const config = readFileSync(path.join(ROOT, 'eslint.config.mjs'), 'utf8');
  const list = /const APPS_SCRIPT_GLOBALS = \[([^\]]*)\]/.exec(config);
  if (!list) throw new Error('eslint.config.mjs has no APPS_SCRIPT_GLOBALS list');
  return [...list[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
})();

function source(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Where `file` uses an Apps Script service as a value (a type, GoogleAppsScript.X, is fine). */
function globalUses(file: string): string[] {
  const found: string[] = [];
  const src = source(file);
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && APPS_SCRIPT_GLOBALS.includes(node.text)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ts.isQualifiedName(parent) ||
        ((ts.isPropertyAssignment(parent) ||
          ts.isPropertyDeclaration(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isPropertySignature(parent)) &&
          parent.name === node);
      if (!isName) {
        const { line } = src.getLineAndCharacterOfPosition(node.getStart(src));
        found.push(`${file}:${line + 1} ${node.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

/** Files that import `name` from a module whose path ends with `from`. */
function importersOf(name: string, from: string): string[] {
  return files.filter((file) =>
    source(file).statements.some(
      (s) =>
        ts.isImportDeclaration(s) &&
        ts.isStringLiteral(s.moduleSpecifier) &&
        s.moduleSpecifier.text.endsWith(from) &&
        !!s.importClause?.namedBindings &&
        ts.isNamedImports(s.importClause.namedBindings) &&
        s.importClause.namedBindings.elements.some((e) => (e.propertyName ?? e.name).text === name),
    ),
  );
}

/** Files of src/ whose text matches. */
const filesMatching = (pattern: RegExp): string[] =>
  files.filter((file) => pattern.test(readFileSync(path.join(ROOT, file), 'utf8')));

describe('the dependency rule', () => {
  it('every file of src/ is in a layer the rule knows', () => {
    const unknown = files.filter((f) => !(layer(f) in MAY_IMPORT) && !TYPE_CHECKS.includes(f));
    expect(unknown).toEqual([]);
  });

  it.each(Object.keys(MAY_IMPORT))('%s imports only what it may', (name) => {
    const allowed = MAY_IMPORT[name];
    const wrong = files
      .filter((f) => layer(f) === name)
      .flatMap((f) =>
        graph
          .get(f)!
          .filter((e) =>
            e.target === null
              ? false
              : e.target.startsWith('src/')
                ? !allowed.layers.includes(layer(e.target))
                : !(allowed.outside ?? []).includes(e.target),
          )
          .map((e) => `${f} imports ${e.specifier}`),
      );
    expect(wrong).toEqual([]);
  });

  it('the compile-time checks import types only, and nothing imports them', () => {
    for (const file of TYPE_CHECKS) expect(graph.get(file)!.filter((e) => !e.typeOnly)).toEqual([]);
    const importers = files.filter((f) =>
      graph.get(f)!.some((e) => e.target && TYPE_CHECKS.includes(e.target)),
    );
    expect(importers).toEqual([]);
  });

  it('app/ and index.ts use no Apps Script service: they go through an adapter in sheets/', () => {
    expect(APPS_SCRIPT_GLOBALS).toEqual(
      expect.arrayContaining(['SpreadsheetApp', 'ScriptApp', 'Sheets', 'Logger']),
    );
    const uses = files.filter((f) => layer(f) === 'app' || f === 'src/index.ts').flatMap(globalUses);
    expect(uses).toEqual([]);
  });

  it('the scan finds a service used as a value, and only as a value', () => {
    const probe = 'test/architecture/fixtures/uses-globals.ts';
    const marked = readFileSync(path.join(ROOT, probe), 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.endsWith('// value') ? [`${probe}:${i + 1}`] : []));
    expect(marked).toHaveLength(3);
    expect(globalUses(probe).map((use) => use.split(' ')[0])).toEqual(marked);
  });
});

describe('one of each', () => {
  it('one way to open a sidebar page: app/pages.ts showPage, over sheets/ui.ts showSidebar', () => {
    expect(filesMatching(/\.showSidebar\(/)).toEqual(['src/sheets/ui.ts']);
    expect(importersOf('showSidebar', '/ui')).toEqual(['src/app/pages.ts']);
    // Every show* endpoint that opens a sidebar is one line: showPage('<Name>').
    const index = readFileSync(path.join(ROOT, 'src/index.ts'), 'utf8');
    const sidebarShows = [...index.matchAll(/export function (show\w+)\(\): void \{\n\s+(.*)\n\}/g)].filter(
      ([, name]) => name !== 'showDashboard',
    );
    expect(sidebarShows.length).toBeGreaterThanOrEqual(7);
    for (const [, name, body] of sidebarShows)
      expect([name, body]).toEqual([name, expect.stringMatching(/^showPage\('\w+'\);$/)]);
  });

  it('one trigger installer: sheets/triggers.ts', () => {
    expect(filesMatching(/\.(newTrigger|deleteTrigger)\(/)).toEqual(['src/sheets/triggers.ts']);
  });

  it('one error style for the person: app/user-error.ts (UserError, fail, valid)', () => {
    expect(filesMatching(/class \w+ extends Error\b/).filter((f) => layer(f) === 'app')).toEqual([
      'src/app/user-error.ts',
    ]);
    expect(filesMatching(/export function (fail|valid)\b/)).toEqual(['src/app/user-error.ts']);
  });
});
