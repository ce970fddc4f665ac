/**
 * A shadow cell fits one Sheets cell: 50,000 characters (Sheets refuses a longer write with "Your
 * input contains more than the maximum of 50000 characters in a single cell.", reported; the
 * emulator pins it in test/emulator/spreadsheet/limits.test.ts).
 */
import fc from 'fast-check';
import {
  CELL_CHAR_LIMIT,
  SHADOW_CUT,
  decodeShadow,
  encodeShadow,
  fitAuditValue,
} from '../../../src/domain/audit/shadow';

const KEYS = ['leadId', 'company', 'notes', 'decisionNote', '#Extra'];

test('a row under the limit is encoded whole', () => {
  const values = ['L-000001', 'Acme', 'n'.repeat(40_000), '', 'x'];
  expect(decodeShadow(encodeShadow(KEYS, values))).toEqual({
    leadId: 'L-000001',
    company: 'Acme',
    notes: 'n'.repeat(40_000),
    '#Extra': 'x',
  });
});

test('a row over the limit has its longest values cut and marked; the short ones are whole', () => {
  const quoted = '"quoted" and \\ back\n'.repeat(2400); // 48,000 characters, more once escaped
  const raw = encodeShadow(KEYS, ['L-000002', 'Acme', quoted, 'd'.repeat(30_000), 'x']);
  expect(raw.length).toBeLessThanOrEqual(CELL_CHAR_LIMIT);
  const row = decodeShadow(raw);
  expect([row.leadId, row.company, row['#Extra']]).toEqual(['L-000002', 'Acme', 'x']);
  expect(row.notes.endsWith(SHADOW_CUT)).toBe(true);
  expect(quoted.startsWith(row.notes.slice(0, -SHADOW_CUT.length))).toBe(true);
});

test('any row of long texts fits one cell and parses', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.integer({ min: 0, max: 50_000 }).map((n) => '"\\😀é'.repeat(Math.ceil(n / 5)).slice(0, n)),
        ),
        { minLength: KEYS.length, maxLength: KEYS.length },
      ),
      (values) => {
        const raw = encodeShadow(KEYS, values);
        expect(raw.length).toBeLessThanOrEqual(CELL_CHAR_LIMIT);
        if (raw) expect(typeof JSON.parse(raw)).toBe('object');
      },
    ),
    { numRuns: 200 },
  );
});

test('an audit value keeps room for the apostrophe a formula-like text is written with', () => {
  expect(fitAuditValue('-'.repeat(49_999))).toBe('-'.repeat(49_999));
  const cut = fitAuditValue('-'.repeat(50_000));
  expect(cut.length).toBe(CELL_CHAR_LIMIT - 1);
  expect(cut.endsWith(SHADOW_CUT)).toBe(true);
});
