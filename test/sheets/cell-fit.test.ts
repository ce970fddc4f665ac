/**
 * A commit's writes checked against the 50,000 characters a cell holds before its journal is written
 * (src/sheets/cell-fit.ts): a refused write names its cell; nothing shorter is refused.
 */
import fc from 'fast-check';
import { cellTooLong, refusedWrite } from '../../src/sheets/cell-fit';
import type { WriteOp } from '../../src/sheets/write-op';

const LIMIT = 50_000;

describe('what no cell holds, refused before the journal', () => {
  it('names the first cell past the limit, in values, notes and one-value lists; none at the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 15 }),
        fc.boolean(),
        (rows, cols, at, over) => {
          const cell = at % (rows * cols);
          const v = Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) =>
              i * cols + j === cell ? 'x'.repeat(over ? LIMIT + 1 : LIMIT) : 'short',
            ),
          );
          const values: WriteOp = { k: 'values', s: 1, n: 'Leads', r: 5, c: 3, v };
          const notes: WriteOp = { k: 'notes', s: 1, n: 'Leads', r: 5, c: 3, v };
          const where = `Leads!${String.fromCharCode(67 + (cell % cols))}${5 + Math.floor(cell / cols)}`;
          expect(cellTooLong([values])).toBe(over ? where : null);
          expect(cellTooLong([notes])).toBe(over ? where : null);
        },
      ),
    );
    const list: WriteOp = { k: 'list', s: 2, n: 'Partners', a: ['B7', 'B9'], v: 'y'.repeat(LIMIT + 1) };
    expect(cellTooLong([list])).toBe('Partners!B7');
    expect(cellTooLong([{ ...list, v: 'y'.repeat(LIMIT) }])).toBeNull();
    // Numbers and dates are not text.
    expect(cellTooLong([{ k: 'values', s: 1, n: 'Leads', r: 2, c: 1, v: [[1e300, new Date()]] }])).toBeNull();
  });

  it('the error says which cell and that nothing was written', () => {
    const op: WriteOp = { k: 'values', s: 1, n: 'Partners', r: 3, c: 12, v: [['z'.repeat(LIMIT + 5)]] };
    expect(refusedWrite([op])?.message).toBe(
      'A value for Partners!L3 is longer than the 50,000 characters a Google Sheets cell holds: nothing was written.',
    );
    expect(refusedWrite([])).toBeNull();
  });
});
