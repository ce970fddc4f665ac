/** The playground page's own script and the google.script.run shim, bundled with esbuild at start. */
import * as esbuild from 'esbuild';
import path from 'node:path';

export interface ClientBundle {
  app: string;
  shim: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'client', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: false,
    write: false,
    outfile: entry.replace(/\.ts$/, '.js'),
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

export async function buildClient(): Promise<ClientBundle> {
  const [app, shim] = await Promise.all([bundle('main.ts'), bundle('script-run-shim.ts')]);
  return { app, shim };
}
