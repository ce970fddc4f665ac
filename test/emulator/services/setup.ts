import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime, type ExecutionOptions } from '../../../emulator/runtime';
import { createServices, type ServicesOptions } from '../../../emulator/services';

export const OWNER = 'owner@example.com';
export const DOC = 'doc-1';

export function setup(options: Partial<ServicesOptions> = {}, start?: string) {
  const rt = new Runtime(OWNER, start);
  const distDir = mkdtempSync(join(tmpdir(), 'services-dist-'));
  const services = createServices(rt, { distDir, documentId: () => DOC, ...options });
  return {
    rt,
    distDir,
    writePage: (name: string, html: string) => writeFileSync(join(distDir, `${name}.html`), html),
    ...services,
  };
}

export function as(
  user: string,
  authMode: ExecutionOptions['authMode'] = 'FULL',
  kind: ExecutionOptions['kind'] = 'call',
): ExecutionOptions {
  return { kind, activeUser: user, effectiveUser: user, authMode };
}
