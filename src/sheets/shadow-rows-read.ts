/**
 * Shadow cells this execution read under the document lock, by row, as read (seals unchecked), kept
 * current by its own writes (writeShadow) and forgotten with the remembered columns (forgetColumns)
 * or when a column is rewritten (rows moved): a commit bridging rows that a read already fetched
 * (the writer's block between two changed rows) reads them again for free.
 */
import type { TrackerDocument } from './document';
import type { SheetKey } from './schema';

const rowsRead = new WeakMap<TrackerDocument, Map<SheetKey, Map<number, unknown>>>();

/** Remembers raw shadow cells of `key` read from `firstRow` down (only under the lock). */
export function rememberShadowRows(
  doc: TrackerDocument,
  key: SheetKey,
  firstRow: number,
  raw: readonly unknown[],
): void {
  if (!doc.holdsLock()) return;
  if (!rowsRead.has(doc)) rowsRead.set(doc, new Map());
  const byKey = rowsRead.get(doc)!;
  if (!byKey.has(key)) byKey.set(key, new Map());
  const rows = byKey.get(key)!;
  raw.forEach((cell, i) => rows.set(firstRow + i, cell));
}

/** This execution's own shadow writes of `key` (row -> sealed text), into what it remembers. */
export function noteShadowRowsWritten(
  doc: TrackerDocument,
  key: SheetKey,
  cells: ReadonlyMap<number, string>,
): void {
  const rows = rowsRead.get(doc)?.get(key);
  if (rows) for (const [row, text] of cells) rows.set(row, text);
}

/** The raw cells (one per row, as getValues gives them) of rows from..from+count-1 when all were read. */
export function shadowRowsRead(
  doc: TrackerDocument,
  key: SheetKey,
  from: number,
  count: number,
): unknown[][] | null {
  const rows = rowsRead.get(doc)?.get(key);
  if (!rows) return null;
  const out: unknown[][] = [];
  for (let row = from; row < from + count; row++) {
    if (!rows.has(row)) return null;
    out.push([rows.get(row)]);
  }
  return out;
}

/** Forgets the rows of `key` (its rows moved), or of every sheet. */
export function forgetShadowRows(doc: TrackerDocument, key?: SheetKey): void {
  if (key) rowsRead.get(doc)?.delete(key);
  else rowsRead.delete(doc);
}
