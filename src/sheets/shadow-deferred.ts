/**
 * Shadow cells kept in document properties until the hourly run writes them to `_Shadow` (the
 * "deferred" cells). A person's one-cell edit stores its row's new shadow cell with its pending
 * entry, in the one property write it makes anyway, instead of writing `_Shadow` (app/audit/
 * record-edit.ts): one call less. The rules, all here:
 * - every read of `_Shadow` sees them over what the sheet holds (`overlayDeferred`, applied to the
 *   cells of each getValues of the sheet, before their seals are checked: they are sealed);
 * - a write of a row's shadow cell supersedes its deferred cell, dropped with the same commit's
 *   property write (`dropDeferred`); a rewrite of a whole column (rows moved) drops them all;
 * - the hourly run writes them to `_Shadow`, then drops them (`foldDeferred`): the cells it writes are
 *   the cells the reads already saw, so dying between the two changes nothing a reader sees.
 * At most DEFERRED_SLOTS rows wait, each under a key of its own (a property value holds 9 KB); an
 * edit that finds no slot free, or a cell too long, writes `_Shadow` itself.
 */
import { contiguousBlocks } from '../domain/audit/diff';
import type { TrackerDocument } from './document';
import type { SheetKey } from './schema';

export const DEFERRED_PREFIX = 'tracker.shadowCell.';
/** How many rows' cells may wait at once. */
export const DEFERRED_SLOTS = 12;
/** A cell longer than this is written to `_Shadow` at once (the store's room is for short rows). */
export const MAX_DEFERRED_CHARS = 4000;

export interface DeferredCell {
  /** The tracked sheet. */
  k: SheetKey;
  /** The row (the shadow's row is the sheet's). */
  r: number;
  /** The sealed cell text, as `_Shadow` would hold it. */
  t: string;
}

function slotKey(slot: number): string {
  return `${DEFERRED_PREFIX}${slot}`;
}

function parsedCell(text: string | null): DeferredCell | null {
  if (!text) return null;
  try {
    const cell = JSON.parse(text) as DeferredCell;
    return typeof cell?.k === 'string' && Number.isInteger(cell.r) && typeof cell.t === 'string'
      ? cell
      : null;
  } catch {
    return null;
  }
}

/** Every deferred cell with its slot, as this execution knows them (its queued writes included). */
export function deferredCells(doc: TrackerDocument): Array<DeferredCell & { slot: number }> {
  const out: Array<DeferredCell & { slot: number }> = [];
  for (let slot = 0; slot < DEFERRED_SLOTS; slot++) {
    const cell = parsedCell(doc.property(slotKey(slot)));
    if (cell) out.push({ ...cell, slot });
  }
  return out;
}

/** True when cells wait (no call: the properties are read). */
export function hasDeferred(doc: TrackerDocument): boolean {
  for (let slot = 0; slot < DEFERRED_SLOTS; slot++) if (doc.property(slotKey(slot))) return true;
  return false;
}

/**
 * Keeps row `row`'s shadow cell of `key` in a slot (queued with the execution's next property
 * write): its own slot when it has one, else a free one. False when none is free or the cell is too
 * long (the caller writes `_Shadow`).
 */
export function deferCell(doc: TrackerDocument, key: SheetKey, row: number, sealed: string): boolean {
  if (sealed.length > MAX_DEFERRED_CHARS) return false;
  const cells = deferredCells(doc);
  const own = cells.find((c) => c.k === key && c.r === row);
  let slot = own?.slot;
  if (slot === undefined) {
    const taken = new Set(cells.map((c) => c.slot));
    for (let s = 0; s < DEFERRED_SLOTS && slot === undefined; s++) if (!taken.has(s)) slot = s;
  }
  if (slot === undefined) return false;
  const text = JSON.stringify({ k: key, r: row, t: sealed } satisfies DeferredCell);
  if (doc.property(slotKey(slot)) !== text) doc.setProperty(slotKey(slot), text);
  return true;
}

/** Drops the deferred cells of `key` in `rows` (every row of `key` when omitted): queued. */
export function dropDeferred(doc: TrackerDocument, key: SheetKey, rows?: Iterable<number>): void {
  if (!hasDeferred(doc)) return;
  const wanted = rows ? new Set(rows) : null;
  for (const cell of deferredCells(doc))
    if (cell.k === key && (!wanted || wanted.has(cell.r))) doc.setProperty(slotKey(cell.slot), '');
}

/**
 * The cells of a `_Shadow` getValues (rows from `firstRow`, columns from `firstCol`) with the
 * deferred cells over them, in place. `cols`: the shadow column of each tracked sheet.
 */
export function overlayDeferred<T extends unknown[][]>(
  doc: TrackerDocument,
  cols: Partial<Record<SheetKey, number>>,
  firstRow: number,
  firstCol: number,
  block: T,
): T {
  if (!block.length || !hasDeferred(doc)) return block;
  const width = block[0].length;
  for (const cell of deferredCells(doc)) {
    const col = cols[cell.k];
    if (!col || col < firstCol || col >= firstCol + width) continue;
    const at = cell.r - firstRow;
    if (at >= 0 && at < block.length) block[at][col - firstCol] = cell.t;
  }
  return block;
}

/** The deferred cells of each sheet as blocks of contiguous rows (row -> sealed text), for the fold. */
export function deferredBlocks(
  doc: TrackerDocument,
): Array<{ key: SheetKey; start: number; texts: string[] }> {
  const byKey = new Map<SheetKey, Map<number, string>>();
  for (const cell of deferredCells(doc)) {
    if (!byKey.has(cell.k)) byKey.set(cell.k, new Map());
    byKey.get(cell.k)!.set(cell.r, cell.t);
  }
  const out: Array<{ key: SheetKey; start: number; texts: string[] }> = [];
  for (const [key, rows] of byKey)
    for (const block of contiguousBlocks(rows.keys()))
      out.push({
        key,
        start: block.start,
        texts: Array.from({ length: block.count }, (_, i) => rows.get(block.start + i)!),
      });
  return out;
}
