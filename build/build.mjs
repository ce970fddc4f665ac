// Build: dist/Code.js (one classic script whose top-level functions are the entry file's exports),
// dist/<Page>.html (one self-contained page per sidebar folder) and dist/appsscript.json.
import * as esbuild from 'esbuild';
import { mkdir, readdir, readFile, writeFile, copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const entry = path.join(root, 'src/index.ts');
const GLOBAL = '__PartnershipTracker';

/** The entry file's exports, read from esbuild's metafile (no hand-kept list). */
async function discoverExports() {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // papaparse's Node stream adapter (never used here) requires 'stream' lazily inside a function.
    external: ['stream'],
    target: 'es2020',
    write: false,
    metafile: true,
    outfile: 'exports-probe.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return [...output.exports].sort();
}

export async function buildCode() {
  const names = await discoverExports();
  const bad = names.filter((n) => !/^[A-Za-z_$][\w$]*$/.test(n) || n === 'default');
  if (bad.length) throw new Error(`src/index.ts exports names Apps Script cannot call: ${bad.join(', ')}`);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['stream'],
    target: 'es2020',
    minify: false,
    legalComments: 'inline',
    write: false,
    outfile: 'Code.js',
    logLevel: 'warning',
  });
  const body = result.outputFiles[0].text;
  const wrappers = names
    .map((n) => `function ${n}(...args) {\n  return ${GLOBAL}.${n}(...args);\n}`)
    .join('\n\n');
  const header =
    '// Partnership Tracker: built by build/build.mjs from src/. Do not edit; edit src/ and run npm run build.\n';
  await writeFile(path.join(dist, 'Code.js'), `${header}${body}\n${wrappers}\n`);
  return names;
}

async function exists(p) {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** One dist/<Page>.html per folder in sidebar/pages: markup + inlined CSS and JS. */
export async function buildPages() {
  const pagesDir = path.join(root, 'sidebar/pages');
  const commonCss = await readFile(path.join(root, 'sidebar/common/style.css'), 'utf8');
  const pages = [];
  for (const name of (await readdir(pagesDir)).sort()) {
    const dir = path.join(pagesDir, name);
    if (!(await stat(dir)).isDirectory()) continue;
    const markup = await readFile(path.join(dir, 'page.html'), 'utf8');
    const js = await esbuild.build({
      entryPoints: [path.join(dir, 'main.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      minify: true,
      write: false,
      outfile: 'page.js',
      logLevel: 'warning',
    });
    const pageCssPath = path.join(dir, 'style.css');
    const pageCss = (await exists(pageCssPath)) ? await readFile(pageCssPath, 'utf8') : '';
    const script = js.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
    const title = (markup.match(/<!--\s*title:\s*(.*?)\s*-->/) || [null, name])[1];
    const html =
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
      '<base target="_top">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      `<title>${title}</title>\n<style>\n${commonCss}\n${pageCss}\n</style>\n</head>\n<body>\n` +
      `${markup}\n<script>\n${script}</script>\n</body>\n</html>\n`;
    if (/\b(src|href)\s*=\s*["']?(https?:)?\/\//i.test(markup))
      throw new Error(`sidebar/pages/${name}/page.html loads something from another host`);
    await writeFile(path.join(dist, `${name}.html`), html);
    pages.push(name);
  }
  return pages;
}

/** Builds everything into dist/; returns the top-level function names and the page names. */
export async function buildAll() {
  await mkdir(dist, { recursive: true });
  const [names, pages] = await Promise.all([buildCode(), buildPages()]);
  await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  return { names, pages };
}

async function main() {
  const { names, pages } = await buildAll();
  process.stderr.write(
    `built dist/Code.js (${names.length} top-level functions), ${pages.length} sidebar pages (${pages.join(', ')}), dist/appsscript.json\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
