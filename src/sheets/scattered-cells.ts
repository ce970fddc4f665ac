/**
 * Scattered cells written as range lists (the hourly run): a block of rows whose changes are a few
 * cells (statuses, say) far apart costs two calls when written as a block, the read-back of the
 * cells between (kept as the sheet holds them) and the write, and moves every cell between. The
 * same cells set with Sheet.getRangeList(...).setValue(value) cost one call per distinct value and
 * move only themselves (nothing between is read or written back, so nothing is overwritten).
 * Pure planning: which blocks go as lists, and the lists (A1 notations by value).
 */
import { cellText } from '../domain/formula-text';
import { isDate } from '../domain/dates';
import { columnLetter } from './capacity';
import type { WriteBlock } from './write-blocks';

/** At most this many cells go as lists in one commit (a list's notations are one request). */
export const LIST_CELLS = 2_000;

export interface CellList {
  /** The value every cell gets (formula-like text guarded as the block writes guard it). */
  value: unknown;
  /** The cells, as A1 notations of one sheet (consecutive rows of a column joined: "I5:I9"). */
  a1: string[];
}

/**
 * The lists for the blocks that would need a read-back (`readBack`) and hold no appended row, when
 * their changed cells take at most two values per such block (never more calls than the blocks)
 * and at most LIST_CELLS cells; null when the blocks are the better plan. `cellsOf(row)`: a row's
 * changed cells (0-based column -> the value after); columns are 0-based (sheet column = col + 1).
 */
export function planLists(
  blocks: readonly WriteBlock[],
  readBack: (block: WriteBlock) => boolean,
  appended: (row: number) => boolean,
  cellsOf: (row: number) => ReadonlyArray<readonly [number, unknown]> | null,
  plainAt: readonly boolean[],
): { lists: CellList[]; listed: Set<WriteBlock> } | null {
  const listed = new Set<WriteBlock>();
  const groups = new Map<string, { value: unknown; cols: Map<number, number[]> }>();
  let cells = 0;
  for (const block of blocks) {
    if (!readBack(block)) continue;
    const found: Array<[number, number, unknown]> = [];
    let ok = true;
    for (let row = block.start; row <= block.end && ok; row++) {
      if (appended(row)) ok = false;
      for (const [col, value] of cellsOf(row) ?? []) found.push([row, col, value]);
    }
    if (!ok) continue;
    listed.add(block);
    for (const [row, col, value] of found) {
      const stored = cellText(value, plainAt[col] ?? false);
      const key = isDate(stored) ? `d${stored.getTime()}` : `${typeof stored}:${String(stored)}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { value: stored, cols: new Map() }));
      if (!group.cols.has(col)) group.cols.set(col, []);
      group.cols.get(col)!.push(row);
      cells++;
    }
  }
  if (!listed.size || !groups.size || groups.size > 2 * listed.size || cells > LIST_CELLS) return null;
  const lists = [...groups.values()].map(({ value, cols }) => ({ value, a1: notations(cols) }));
  return { lists, listed };
}

/** Column -> rows as A1 notations, runs of consecutive rows joined. */
function notations(cols: ReadonlyMap<number, number[]>): string[] {
  const out: string[] = [];
  for (const [col, rows] of cols) {
    const letter = columnLetter(col + 1);
    const sorted = [...rows].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      out.push(
        sorted[i] === sorted[j] ? `${letter}${sorted[i]}` : `${letter}${sorted[i]}:${letter}${sorted[j]}`,
      );
      i = j + 1;
    }
  }
  return out;
}
