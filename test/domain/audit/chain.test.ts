import { createHash } from 'node:crypto';
import { utf8Bytes } from '../../../src/domain/audit/utf8';
import { canonicalEntry, chainEntries, entryHash, verifyRows } from '../../../src/domain/audit/chain';
import { type AuditEntry, auditText, rowEntry } from '../../../src/domain/audit/entry';

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  timestamp: `2026-03-02T09:00:0${n}.000Z`,
  user: 'rep@acme.test',
  source: 'edit',
  sheet: 'Leads',
  recordId: `L-00000${n}`,
  field: 'Status',
  cell: `K${n + 1}`,
  oldValue: 'Submitted',
  newValue: 'Approved',
  ...extra,
});

describe('audit hash chain', () => {
  it('hashes the previous hash and the JSON array of the entry with SHA-256 (checked against node:crypto)', () => {
    const e = entry(1);
    const expected = createHash('sha256')
      .update(`abc\n${JSON.stringify(Object.values(e))}`, 'utf8')
      .digest('hex');
    expect(entryHash('abc', e)).toBe(expected);
    expect(canonicalEntry(e)).toBe(JSON.stringify(Object.values(e)));
  });

  it('cannot be fooled by moving text between fields', () => {
    const a = entry(1, { oldValue: 'a,b', newValue: 'c' });
    const b = entry(1, { oldValue: 'a', newValue: 'b,c' });
    expect(entryHash('', a)).not.toBe(entryHash('', b));
  });

  it('chains entries and verifies them', () => {
    const { rows, lastHash } = chainEntries('', [entry(1), entry(2), entry(3)]);
    expect(rows).toHaveLength(3);
    expect(rows[2][9]).toBe(lastHash);
    expect(rows[1][9]).toBe(entryHash(rows[0][9], entry(2)));
    expect(verifyRows('', rows)).toEqual({
      ok: true,
      rows: 3,
      firstBad: null,
      lastHash,
      problems: [],
      more: 0,
    });
  });

  it.each([
    ['a changed value', (rows: string[][]) => (rows[1][8] = 'Won'), 1],
    ['a changed hash', (rows: string[][]) => (rows[2][9] = 'f'.repeat(64)), 2],
    ['a deleted row', (rows: string[][]) => rows.splice(1, 1), 1],
    ['an inserted row', (rows: string[][]) => rows.splice(1, 0, [...rows[0]]), 1],
    ['swapped rows', (rows: string[][]) => rows.splice(0, 2, rows[1], rows[0]), 0],
  ])('fails at the first bad row after %s', (_what, tamper, bad) => {
    const { rows } = chainEntries('', [entry(1), entry(2), entry(3)]);
    tamper(rows);
    const check = verifyRows('', rows);
    expect(check.ok).toBe(false);
    expect(check.firstBad).toBe(bad);
  });

  it('continues from an anchor (rotation) and fails when started from the wrong one', () => {
    const first = chainEntries('', [entry(1), entry(2)]);
    const second = chainEntries(first.lastHash, [entry(3)]);
    expect(verifyRows(first.lastHash, second.rows).ok).toBe(true);
    expect(verifyRows('', second.rows).firstBad).toBe(0);
  });

  it('reads back cells Sheets may have typed (numbers, dates) as the same text', () => {
    const e = entry(1, { oldValue: '12.5', newValue: '2026-03-01T00:00:00.000Z' });
    const { rows } = chainEntries('', [e]);
    const typed: unknown[] = [...rows[0]];
    typed[7] = 12.5;
    typed[8] = new Date('2026-03-01T00:00:00.000Z');
    expect(verifyRows('', [typed]).ok).toBe(true);
    expect(rowEntry(typed)).toEqual(e);
  });
});

describe('auditText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    [0, '0'],
    [1234.5, '1234.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date('2026-03-02T00:00:00Z'), '2026-03-02T00:00:00.000Z'],
    [new Date(Number.NaN), ''],
    ['=1+1', '=1+1'],
  ])('%p -> %p', (value, text) => {
    expect(auditText(value)).toBe(text);
  });
});

describe('utf8Bytes (Apps Script has no TextEncoder)', () => {
  it.each(['', 'plain', 'Zoë & Søren', '€100', '日本語', '😀 emoji', 'lone \ud800 surrogate'])(
    '%p matches TextEncoder',
    (text) => {
      expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
    },
  );
});
