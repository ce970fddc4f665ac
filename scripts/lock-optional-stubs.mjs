// Adds lock entries for platform-specific optional dependencies the package registry reachable here
// does not serve (e.g. @unrs/resolver-binding-darwin-arm64, pulled in by jest's resolver). `npm
// install` silently leaves them out of package-lock.json, and `npm ci` then refuses the lock as out
// of sync. The stubs carry the version and the os/cpu/libc taken from the package name, so `npm ci`
// accepts the lock and skips them on this platform, as it would with full entries. Idempotent.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const PLATFORM =
  /-(android|darwin|freebsd|linux|openharmony|win32|sunos|aix)-([a-z0-9]+)(?:-(gnu|gnueabihf|musl|musleabihf|msvc|eabi))?$/;
const added = [];

for (const meta of Object.values(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key]) continue;
    const match = PLATFORM.exec(dep);
    if (!match) continue;
    const [, os, cpu, abi] = match;
    const entry = { version, ...(meta.dev ? { dev: true } : {}), optional: true, os: [os], cpu: [cpu] };
    if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
    if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
    packages[key] = entry;
    added.push(dep);
  }
}

if (added.length) {
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
  );
  lock.packages = sorted;
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
process.stderr.write(
  `lock-optional-stubs: ${added.length ? `added ${added.join(', ')}` : 'nothing to add'}\n`,
);
