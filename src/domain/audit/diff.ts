/**
 * Changes between a row before and after, by column, as audit text; and the grouping of row numbers
 * into contiguous blocks (one write per block).
 */
import { auditText } from './entry';

export interface CellChange {
  /** 0-based column index. */
  col: number;
  oldValue: string;
  newValue: string;
}

export function rowChanges(before: readonly unknown[], after: readonly unknown[]): CellChange[] {
  const changes: CellChange[] = [];
  const width = Math.max(before.length, after.length);
  for (let col = 0; col < width; col++) {
    const oldValue = auditText(before[col]);
    const newValue = auditText(after[col]);
    if (oldValue !== newValue) changes.push({ col, oldValue, newValue });
  }
  return changes;
}

/** Sorted, de-duplicated row numbers as [first, count] blocks of consecutive rows. */
export function contiguousBlocks(rows: Iterable<number>): Array<{ start: number; count: number }> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const blocks: Array<{ start: number; count: number }> = [];
  for (const row of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.start + last.count === row) last.count++;
    else blocks.push({ start: row, count: 1 });
  }
  return blocks;
}
