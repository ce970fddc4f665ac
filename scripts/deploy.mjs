// npm run deploy [-- --prod] [-- --dry-run]
//
// Pushes dist/ to the add-on's Apps Script project with clasp 3, after the same gate as CI: type
// check, lint, build and every test (npm test). Two targets, two standalone script projects:
//   dev  (default)                          .clasp.json       the project you test with
//   prod (--prod, or DEPLOY_TARGET=prod)    .clasp.prod.json  the project the Marketplace listing uses
// Neither file is committed (.gitignore); .clasp.json.example shows the shape. For prod it then
// creates an immutable version (clasp create-version): the Marketplace SDK's Editor add-on
// configuration names the version users get.
// --dry-run: checks the project file and prints the steps without running them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const target = args.includes('--prod') || process.env.DEPLOY_TARGET === 'prod' ? 'prod' : 'dev';
const dryRun = args.includes('--dry-run');
const projectFile = path.join(root, target === 'prod' ? '.clasp.prod.json' : '.clasp.json');
const projectName = path.basename(projectFile);

function fail(message) {
  process.stderr.write(`deploy (${target}): ${message}\n`);
  process.exit(1);
}

function howToCreate() {
  const title = target === 'prod' ? 'Partnership Tracker' : 'Partnership Tracker (dev)';
  const rename = target === 'prod' ? '\n  mv .clasp.json .clasp.prod.json' : '';
  return (
    `Create the ${target} script project once (a standalone project: a published Editor add-on is one):\n` +
    `  npx clasp login\n` +
    `  npx clasp create-script --type standalone --title "${title}" --rootDir dist${rename}\n` +
    `or, for a project that exists, copy .clasp.json.example to ${projectName} and put its script id in it\n` +
    `(script.google.com > the project > Project Settings > IDs > Script ID).`
  );
}

if (!existsSync(projectFile))
  fail(`no ${projectName}: there is no ${target} script project to push to.\n${howToCreate()}`);

let project;
try {
  project = JSON.parse(readFileSync(projectFile, 'utf8'));
} catch (err) {
  fail(`${projectName} is not JSON (${err.message}).`);
}
const scriptId = String(project.scriptId ?? '');
if (!/^[A-Za-z0-9_-]{20,}$/.test(scriptId) || /REPLACE|PASTE|YOUR/i.test(scriptId))
  fail(`${projectName} has no real scriptId ("${scriptId}").\n${howToCreate()}`);
const rootDir = path.resolve(path.dirname(projectFile), String(project.rootDir ?? '.'));
if (rootDir !== path.join(root, 'dist'))
  fail(`${projectName} must have "rootDir": "dist" (the built add-on), not "${project.rootDir ?? ''}".`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const steps = [
  { what: 'type check, lint, build and every test', cmd: npm, args: ['test'] },
  { what: `push dist/ to ${scriptId}`, cmd: npx, args: ['clasp', '-P', projectFile, 'push', '--force'] },
];
if (target === 'prod')
  steps.push({
    what: 'create an immutable version',
    cmd: npx,
    args: ['clasp', '-P', projectFile, 'create-version', `Partnership Tracker ${version}`],
  });

for (const step of steps) {
  process.stderr.write(`deploy (${target}): ${step.what}\n  $ ${[step.cmd, ...step.args].join(' ')}\n`);
  if (dryRun) continue;
  const run = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) fail(`stopped: "${step.what}" failed (exit ${run.status ?? run.signal}).`);
}

process.stderr.write(
  dryRun
    ? `deploy (${target}): dry run, nothing was run.\n`
    : target === 'prod'
      ? `deploy (prod): done. In the Google Cloud console > Google Workspace Marketplace SDK > App Configuration, set the Sheets add-on's version to the version number above and save. Update with versions, not new deployments (Google: a new deployment can disable the triggers users installed).\n`
      : `deploy (dev): done. Try it: Apps Script editor > Deploy > Test deployments > Editor add-on (see README, "Deploy to Google").\n`,
);
