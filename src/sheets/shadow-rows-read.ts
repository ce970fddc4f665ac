/**
 * Shadow cells this execution read under the document lock, by row, as read (seals unchecked), kept
 * current by its own writes (writeShadow) and forgotten with the remembered columns (forgetColumns)
 * or when a column is rewritten (rows moved): a commit bridging rows that a read already fetched
 * (the writer's block between two changed rows) reads them again for free. Also the cells of another
 * column read along with a read (the ledger index's chunks with the lead index's), taken once.
 */
import type { TrackerDocument } from './document';
import type { SheetKey } from './schema';

const rowsRead = new WeakMap<TrackerDocument, Map<SheetKey, Map<number, unknown>>>();
/** Raw cells of other `_Shadow` columns read along with another read, by column (taken once). */
const columnsRead = new WeakMap<TrackerDocument, Map<number, { from: number; cells: unknown[] }>>();

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
  else {
    rowsRead.delete(doc);
    columnsRead.delete(doc);
  }
}

/**
 * Remembers the raw cells of `_Shadow` column `col` read from `from` down with another read (the
 * ledger index's chunks read with the lead index's: sheets/lead-index.ts), for this execution.
 */
export function rememberColumnCells(doc: TrackerDocument, col: number, from: number, cells: unknown[]): void {
  if (!doc.holdsLock()) return;
  if (!columnsRead.has(doc)) columnsRead.set(doc, new Map());
  columnsRead.get(doc)!.set(col, { from, cells });
}

/**
 * The remembered cells of column `col`, rows from..from+count-1 (as getValues gives them), when they
 * were read; taken once (a later read of the column reads the sheet: it may have been written since).
 */
export function takeColumnCells(
  doc: TrackerDocument,
  col: number,
  from: number,
  count: number,
): unknown[][] | null {
  const read = columnsRead.get(doc)?.get(col);
  if (!read) return null;
  columnsRead.get(doc)!.delete(col);
  const at = from - read.from;
  if (at < 0 || at + count > read.cells.length) return null;
  return read.cells.slice(at, at + count).map((cell) => [cell]);
}

/** Forgets the remembered cells of column `col` (its cells are being written). */
export function forgetColumnCells(doc: TrackerDocument, col: number): void {
  columnsRead.get(doc)?.delete(col);
}
