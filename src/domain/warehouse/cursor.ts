/**
 * The warehouse's cursor: the last Audit Log row it holds (its sheet row then, its hash and its
 * sequence number in the warehouse). Everything the tracker changes is in the Audit Log, so the
 * entries after the cursor name every row to load next. Stored in a document property, advanced
 * only after every load job of a batch is DONE without error.
 */
export interface WarehouseCursor {
  row: number;
  hash: string;
  seq: number;
}

export function parseCursor(text: string | null): WarehouseCursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<WarehouseCursor>;
    if (typeof value.row === 'number' && typeof value.hash === 'string' && typeof value.seq === 'number')
      return { row: value.row, hash: value.hash, seq: value.seq };
  } catch {
    // unreadable: start over (the views keep one copy of each row)
  }
  return null;
}
