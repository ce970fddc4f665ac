/** The writer's range plan (src/sheets/write-blocks.ts): every change covered once, few calls, few extra cells. */
import fc from 'fast-check';
import { BRIDGE_CELLS, writeBlocks, type ChangedRow, type WriteBlock } from '../../src/sheets/write-blocks';

const cells = (blocks: readonly WriteBlock[]) =>
  blocks.reduce((n, b) => n + (b.end - b.start + 1) * (b.last - b.first + 1), 0);

/** Changed rows in row order, each once, with a column span. */
const changedRows = fc
  .uniqueArray(
    fc.record({
      row: fc.integer({ min: 2, max: 5000 }),
      first: fc.integer({ min: 0, max: 15 }),
      width: fc.integer({ min: 0, max: 15 }),
    }),
    { selector: (r) => r.row, maxLength: 300 },
  )
  .map((rows) =>
    rows
      .map(({ row, first, width }) => ({ row, first, last: Math.min(15, first + width) }))
      .sort((a, b) => a.row - b.row),
  );

test('every changed cell is in exactly one block; blocks are in row order and at most the cap', () => {
  fc.assert(
    fc.property(changedRows, fc.integer({ min: 1, max: 12 }), (rows: ChangedRow[], max) => {
      const blocks = writeBlocks(rows, max);
      expect(blocks.length).toBeLessThanOrEqual(Math.max(max, 0));
      for (let i = 1; i < blocks.length; i++) expect(blocks[i].start).toBeGreaterThan(blocks[i - 1].end);
      for (const r of rows) {
        const holding = blocks.filter((b) => b.start <= r.row && r.row <= b.end);
        expect(holding).toHaveLength(1);
        expect(holding[0].first).toBeLessThanOrEqual(r.first);
        expect(holding[0].last).toBeGreaterThanOrEqual(r.last);
      }
    }),
    { numRuns: 300 },
  );
});

test('under the cap, two neighbouring blocks stay apart only when joining them would add more than a call is worth', () => {
  fc.assert(
    fc.property(changedRows, (rows: ChangedRow[]) => {
      const blocks = writeBlocks(rows, Number.MAX_SAFE_INTEGER);
      for (let i = 1; i < blocks.length; i++) {
        const [a, b] = [blocks[i - 1], blocks[i]];
        const join = (b.end - a.start + 1) * (Math.max(a.last, b.last) - Math.min(a.first, b.first) + 1);
        expect(join - cells([a]) - cells([b])).toBeGreaterThan(BRIDGE_CELLS);
      }
    }),
    { numRuns: 300 },
  );
});

test('a wide block of new rows is not spread over far, narrow status changes', () => {
  // The ledger after a day: ~100 status changes (one column) scattered over 52,000 lines, then 72
  // new lines (16 columns) appended at the end.
  const rows: ChangedRow[] = [];
  for (let i = 0; i < 100; i++) rows.push({ row: 300 + i * 520, first: 8, last: 8 });
  for (let r = 52_448; r < 52_520; r++) rows.push({ row: r, first: 0, last: 15 });
  const blocks = writeBlocks(rows);
  expect(blocks).toHaveLength(10);
  const wide = blocks.find((b) => b.last - b.first === 15)!;
  expect(wide.end - wide.start + 1).toBeLessThan(1_000);
  // All status changes joined into 9 one-column blocks: about the rows they span, not 16 times that.
  expect(cells(blocks)).toBeLessThan(52_520 + 72 * 16);
});

test('a wider bridge (the hourly run) joins the neighbours it can afford; 2 blocks still cover every change', () => {
  // Two status changes 40 rows apart (one column) and a new row far below (16 columns).
  const rows: ChangedRow[] = [
    { row: 10, first: 8, last: 8 },
    { row: 50, first: 8, last: 8 },
    { row: 900, first: 0, last: 15 },
  ];
  // The default bridge (a call is worth 20 cells): three blocks.
  expect(writeBlocks(rows, 3)).toHaveLength(3);
  // 1,000 cells: the two status changes join (39 cells more), the new row far below does not.
  expect(writeBlocks(rows, 3, 1_000)).toEqual([
    { start: 10, end: 50, first: 8, last: 8 },
    { start: 900, end: 900, first: 0, last: 15 },
  ]);
  fc.assert(
    fc.property(changedRows, fc.integer({ min: 20, max: 2_000 }), (changed: ChangedRow[], bridge) => {
      const blocks = writeBlocks(changed, 2, bridge);
      expect(blocks.length).toBeLessThanOrEqual(2);
      // every changed cell covered
      for (const r of changed) {
        const holding = blocks.filter((b) => b.start <= r.row && r.row <= b.end);
        expect(holding).toHaveLength(1);
        expect(holding[0].first).toBeLessThanOrEqual(r.first);
        expect(holding[0].last).toBeGreaterThanOrEqual(r.last);
      }
    }),
  );
});
