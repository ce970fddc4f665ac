import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { DEFAULT_DIST } from '../../emulator/harness';
import { newEmulator, OWNER } from '../support/emulator';

const code = readFileSync(path.join(DEFAULT_DIST, 'Code.js'), 'utf8');

describe('dist/Code.js, the shipped bundle', () => {
  it('parses as a classic script (no import or export)', () => {
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares each export of src/index.ts as a top-level function Apps Script can call', () => {
    const declared = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]);
    for (const name of ['onOpen', 'onInstall']) expect(declared).toContain(name);
    const emu = newEmulator();
    expect(emu.topLevelFunctions().sort()).toEqual(expect.arrayContaining(declared));
  });

  it('onOpen in AuthMode.NONE builds the add-on menu without touching the document', () => {
    const emu = newEmulator();
    const outcome = emu.measure(() => emu.open(OWNER, 'NONE'));
    expect(outcome.ok).toBe(true);
    const captions = emu.menuItems().map((i) => i.caption);
    expect(captions).toEqual(expect.arrayContaining(['Set up tracker', 'Register lead', 'Verify audit log']));
    const touched = Object.keys(outcome.stats.byMethod).filter((m) => /^(Spreadsheet|Sheet|Range)\./.test(m));
    expect(touched).toEqual([]);
  });

  it('ships appsscript.json with V8 and an explicit scope list', () => {
    const manifest = JSON.parse(readFileSync(path.join(DEFAULT_DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining(['https://www.googleapis.com/auth/spreadsheets.currentonly']),
    );
    expect(manifest.addOns).toBeUndefined();
  });

  it('ships every sidebar page self-contained: nothing loaded from another host', () => {
    const pages = readdirSync(DEFAULT_DIST).filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const html = readFileSync(path.join(DEFAULT_DIST, page), 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=/i);
      expect(html).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
      expect(html).not.toMatch(/@import\s+url\(/i);
    }
  });
});
