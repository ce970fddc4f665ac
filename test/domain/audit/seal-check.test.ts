/**
 * The quick seal check (domain/audit/seal-check.ts) against node:crypto's HMAC-SHA-256: every
 * length of content across the block and padding boundaries, every row-number width, every single
 * character changed, the tag's case, and text above ASCII (left to the library's HMAC).
 */
import { createHmac } from 'node:crypto';
import { sealCheck } from '../../../src/domain/audit/seal-check';
import { checkShadow, sealShadow, shadowMac, SEAL_ROOM } from '../../../src/domain/audit/shadow-seal';

const KEY = '0f'.repeat(16) + 'c3'.repeat(16);
const OTHER = 'b'.repeat(64);
const quick = sealCheck(KEY);

/** A cell sealed by node:crypto's HMAC (not by the code under test). */
function sealedByNode(sheet: string, row: number, content: string): string {
  const tag = createHmac('sha256', Buffer.from(KEY, 'hex'))
    .update(Buffer.from(`shadow\n${sheet}\n${row}\n${content}`, 'utf8'))
    .digest('hex')
    .slice(0, 32);
  return content === '' ? `{"~":"${tag}"}` : `${content.slice(0, -1)},"~":"${tag}"}`;
}

/** The arguments checkShadow gives the quick check for a sealed-looking cell. */
function check(sheet: string, row: number, cell: string, q = quick): boolean | null {
  const tagAt = cell.length - 34;
  const empty = cell.length === SEAL_ROOM + 1;
  return q(sheet, row, cell, empty ? 0 : tagAt - 6, tagAt);
}

describe('quick seal check', () => {
  it('agrees with node:crypto for every content length 0..300 and row numbers of 1 to 7 digits', () => {
    for (let length = 0; length <= 300; length++) {
      const content =
        length === 0
          ? ''
          : JSON.stringify({ v: 'abcdefghij'.repeat(40).slice(0, Math.max(0, length - 8)) }).slice(0, -1) +
            '}';
      for (const row of [2, 17, 345, 1002, 100001, 1234567]) {
        const cell = sealedByNode('leads', row, content);
        expect(check('leads', row, cell)).toBe(true);
        expect(check('commissions', row, cell)).toBe(false);
        expect(check('leads', row + 1, cell)).toBe(false);
      }
    }
  });

  it('every single character changed anywhere in the cell fails, and the other key fails', () => {
    const cell = sealedByNode(
      'leads',
      42,
      JSON.stringify({ leadId: 'L-000042', status: 'Won', dealValue: '1200.5' }),
    );
    expect(check('leads', 42, cell)).toBe(true);
    expect(check('leads', 42, cell, sealCheck(OTHER))).toBe(false);
    for (let i = 0; i < cell.length; i++) {
      const changed = cell.slice(0, i) + (cell[i] === 'x' ? 'y' : 'x') + cell.slice(i + 1);
      expect(checkShadow(shadowMac(KEY), 'leads', 42, changed, quick).state).toBe('forged');
    }
    expect(
      check(
        'leads',
        42,
        cell.replace(/"~":"([0-9a-f]+)"/, (_, t: string) => `"~":"${t.toUpperCase()}"`),
      ),
    ).toBe(false);
  });

  it('text above ASCII is left to the library (null), and checkShadow still answers as the library does', () => {
    const mac = shadowMac(KEY);
    for (const content of ['{"notes":"é"}', '{"notes":"😀 \\ud800"}', '{"a":"x","b":"ü"}']) {
      const cell = sealShadow(mac, 'leads', 9, content);
      expect(check('leads', 9, cell)).toBeNull();
      expect(checkShadow(mac, 'leads', 9, cell, quick)).toEqual({ content, state: 'sealed' });
      expect(checkShadow(mac, 'leads', 10, cell, quick).state).toBe('forged');
    }
  });

  it('checkShadow with the quick check gives what it gives without it', () => {
    const mac = shadowMac(KEY);
    const cells = [
      sealShadow(mac, 'leads', 5, ''),
      sealShadow(mac, 'leads', 5, '{"leadId":"L-1","notes":"line 1\\n\\"quoted\\""}'),
      '{"leadId":"L-1"}',
      '',
      '{"~":"short"}',
      sealShadow(mac, 'leads', 6, '{"leadId":"L-1"}'),
    ];
    for (const cell of cells)
      expect(checkShadow(mac, 'leads', 5, cell, quick)).toEqual(checkShadow(mac, 'leads', 5, cell));
  });
});
