/**
 * Loads the numfmt library. The installed package's `require` export points at a file it does not
 * ship (dist/index.cjs), so it is loaded from its CommonJS build by file path, found by walking up
 * from the working directory to the nearest node_modules that holds it.
 */
import type * as NumfmtModule from 'numfmt';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function load(): typeof NumfmtModule {
  let dir = process.cwd();
  for (;;) {
    const file = join(dir, 'node_modules', 'numfmt', 'dist', 'index.js');
    if (existsSync(file)) return createRequire(file)(file) as typeof NumfmtModule;
    const up = dirname(dir);
    if (up === dir) throw new Error('numfmt is not installed');
    dir = up;
  }
}

export const numfmt = load();
