/**
 * Notes on a column of a tracker table over a block of rows (why the tracker put a value back; ''
 * clears a note): one setNotes for the block.
 */
import type { Table } from './table';

export function setColumnNotes(table: Table, key: string, firstRow: number, notes: readonly string[]): void {
  if (!notes.length) return;
  table.sheet.getRange(firstRow, table.col(key), notes.length, 1).setNotes(notes.map((note) => [note]));
}
