/**
 * Notes on a column of a tracker table over a block of rows (why the tracker put a value back; ''
 * clears a note): one setNotes for the block.
 */
import type { Table } from './table';

export function setColumnNotes(table: Table, key: string, firstRow: number, notes: readonly string[]): void {
  if (!notes.length) return;
  const { id, name } = table.layout;
  table.doc.stage({
    k: 'notes',
    s: id,
    n: name,
    r: firstRow,
    c: table.col(key),
    v: notes.map((note) => [note]),
  });
}
