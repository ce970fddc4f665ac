/**
 * The shadow sheet (`_Shadow`, hidden and protected): ONE cell per row of each tracked sheet, the
 * row's values as compact JSON, in the same row number as the row it shadows, one column per tracked
 * sheet. Read and written for just the affected rows: one getValues, one setValues per block. Every
 * read sees the cells one-cell edits left in the document properties over the sheet's
 * (shadow-deferred.ts); every write drops the ones it supersedes.
 */
import { contiguousBlocks } from '../domain/audit/diff';
import { decodeShadow, type ShadowRow } from '../domain/audit/shadow';
import { sealOf } from '../domain/audit/shadow-seal';
import { ensureRows } from './capacity';
import type { TrackerDocument } from './document';
import { noteLeadRowsMoved, noteLeadShadow } from './lead-index';
import { noteLedgerRowsMoved, noteLedgerShadow } from './ledger-index';
import type { SheetKey } from './schema';
import { checkCells, forgetForgedRows, sealCells } from './shadow-seals';
import { deferCell, deferredBlocks, dropDeferred, overlayDeferred } from './shadow-deferred';
import {
  forgetShadowRows,
  noteShadowRowsWritten,
  rememberShadowRows,
  shadowRowsRead,
} from './shadow-rows-read';

function shadowTarget(doc: TrackerDocument, key: SheetKey) {
  const shadow = doc.layout().shadow;
  const col = shadow?.cols[key];
  if (!shadow || !col) return null;
  return {
    shadow,
    col,
    range: (row: number, rows: number) => doc.range(shadow.id, shadow.name, row, col, rows, 1),
    sheet: () => doc.sheetById(shadow.id)!,
    stage: (row: number, values: string[][], same?: readonly number[]) =>
      doc.stage({
        k: 'values',
        s: shadow.id,
        n: shadow.name,
        r: row,
        c: col,
        v: values,
        ...(same?.length ? { same } : {}),
      }),
  };
}

/**
 * Shadow cells this execution staged and has not written yet (they are made by the next journaled
 * flush): every read of the shadow sees them, so a use case that runs after another one in the same
 * execution (an edit's reactions after its audit) reads the rows as they will be.
 */
const staged = new WeakMap<TrackerDocument, Map<SheetKey, Map<number, string>>>();

function stageCells(
  doc: TrackerDocument,
  key: SheetKey,
  cells: Iterable<[number, string]>,
  deferred = false,
): void {
  if (!staged.has(doc)) staged.set(doc, new Map());
  const byKey = staged.get(doc)!;
  if (!byKey.has(key)) byKey.set(key, new Map());
  const rows = byKey.get(key)!;
  const written: number[] = [];
  for (const [row, text] of cells) {
    rows.set(row, text);
    written.push(row);
  }
  // A row written supersedes its deferred cell (shadow-deferred.ts): dropped with the same commit.
  if (!deferred) dropDeferred(doc, key, written);
}

/** `raw` (a getValues of column `key` of `_Shadow` from `firstRow`) with the deferred cells over it. */
function overlaid<T extends unknown[][]>(doc: TrackerDocument, key: SheetKey, firstRow: number, raw: T): T {
  const shadow = doc.layout().shadow;
  return shadow ? overlayDeferred(doc, shadow.cols, firstRow, shadow.cols[key] ?? 0, raw) : raw;
}

/** `cells` (the shadow of rows firstRow..) with this execution's staged cells over them. */
function withStaged<T>(
  doc: TrackerDocument,
  key: SheetKey,
  firstRow: number,
  cells: T[],
  wrap: (text: string) => T,
): T[] {
  const rows = staged.get(doc)?.get(key);
  if (!rows) return cells;
  for (const [row, text] of rows)
    if (row >= firstRow && row < firstRow + cells.length) cells[row - firstRow] = wrap(text);
  return cells;
}

/** The shadow rows startRow..startRow+count-1 of sheet `key` (one getValues, none when already read). */
export function readShadow(
  doc: TrackerDocument,
  key: SheetKey,
  startRow: number,
  count: number,
): ShadowRow[] {
  const target = shadowTarget(doc, key);
  if (!target || count <= 0) return new Array(Math.max(count, 0)).fill({});
  if (startRow > target.shadow.maxRows) return new Array(count).fill({});
  const readable = Math.min(count, target.shadow.maxRows - startRow + 1);
  let raw = shadowRowsRead(doc, key, startRow, readable);
  if (!raw) {
    raw = overlaid(doc, key, startRow, target.range(startRow, readable).getValues());
    rememberShadowRows(
      doc,
      key,
      startRow,
      raw.map((r) => r[0]),
    );
  }
  const values = withStaged(doc, key, startRow, raw, (t) => [t]);
  const rows = checkCells(
    doc,
    key,
    startRow,
    values.map((r) => r[0]),
  ).map(decodeShadow);
  while (rows.length < count) rows.push({});
  return rows;
}

/** True while set-up is still filling the shadow of `key` (it is written, not read whole). */
export function shadowFilling(doc: TrackerDocument, key: SheetKey): boolean {
  return doc.layout().shadow?.filling?.includes(key) ?? false;
}

/**
 * The whole shadow column of `key` from row 2 to `lastRow` (one getValues); none while filling.
 * `unchecked`: the cells as they are, seals not checked (the caller checks the ones it uses:
 * checkCells with `lastRow`, as the dashboard's memo does for the chunks that changed).
 */
export function readShadowColumn(
  doc: TrackerDocument,
  key: SheetKey,
  lastRow: number,
  options: { unchecked?: boolean } = {},
): unknown[] {
  const target = shadowTarget(doc, key);
  if (!target || lastRow < 2 || shadowFilling(doc, key)) return [];
  const rows = Math.min(lastRow, target.shadow.maxRows) - 1;
  if (rows <= 0) return [];
  const cells = withStaged(
    doc,
    key,
    2,
    overlaid(doc, key, 2, target.range(2, rows).getValues()).map((r) => r[0]),
    (t) => t,
  );
  if (options.unchecked) return cells;
  noteSeals(doc, key, cells);
  return checkCells(doc, key, 2, cells, { column: true, forgedAs: 'claimed' });
}

/**
 * The seals of the rows of a column this execution read whole and checked (readShadowColumn), kept
 * current by its writes ('' where unknown): a digest of each row for a reader of the remembered
 * column's contents that only asks which rows changed (the partner views).
 */
const seals = new WeakMap<TrackerDocument, Map<SheetKey, string[]>>();

function noteSeals(doc: TrackerDocument, key: SheetKey, cells: readonly unknown[]): void {
  if (!seals.has(doc)) seals.set(doc, new Map());
  seals.get(doc)!.set(
    key,
    cells.map((cell) => sealOf(cell)),
  );
}

export function rememberedSeals(doc: TrackerDocument, key: SheetKey): readonly string[] | null {
  return seals.get(doc)?.get(key) ?? null;
}

/**
 * Whole shadow columns an execution read and checked against its sheet (openSparseFromShadow), kept
 * for the execution and kept current by its own writes: a second job reads the column again for free.
 */
const remembered = new WeakMap<TrackerDocument, Map<SheetKey, string[]>>();

export function rememberedColumn(doc: TrackerDocument, key: SheetKey): string[] | null {
  return remembered.get(doc)?.get(key) ?? null;
}

/** Forgets the columns remembered (a job failed: what it staged may not have been written). */
export function forgetColumns(doc: TrackerDocument): void {
  remembered.delete(doc);
  forgetShadowRows(doc);
  seals.delete(doc);
}

export function rememberColumn(doc: TrackerDocument, key: SheetKey, cells: string[]): void {
  if (!remembered.has(doc)) remembered.set(doc, new Map());
  remembered.get(doc)!.set(key, cells);
}

/**
 * Writes shadow cells (row -> JSON text): one setValues per contiguous block of rows. `changed`: the
 * rows whose text is new (the others are written back as they were, bridging a block); all by default.
 */
export function writeShadow(
  doc: TrackerDocument,
  key: SheetKey,
  cells: ReadonlyMap<number, string>,
  changed?: ReadonlySet<number>,
  /**
   * Rows whose cell is written back exactly as this execution read it (row -> the raw text, its
   * content the row's in `cells`): a row bridged between changed ones. Not sealed again (its seal,
   * or its lack of one, goes back as it was), which spares a MAC per row.
   */
  asRead?: ReadonlyMap<number, string>,
): void {
  const target = shadowTarget(doc, key);
  if (!target || cells.size === 0) return;
  const sealed = sealCells(doc, key, asRead?.size ? [...cells].filter(([row]) => !asRead.has(row)) : cells);
  if (asRead) for (const [row, raw] of asRead) if (cells.has(row)) sealed.set(row, raw);
  rememberWritten(doc, key, cells, sealed);
  // The lead and ledger indexes learn every row their shadow is given (their state rides the same commit).
  const noted = changed ? new Map([...cells].filter(([row]) => changed.has(row))) : cells;
  if (key === 'leads' && noted.size) noteLeadShadow(doc, noted);
  if (key === 'commissions' && noted.size) noteLedgerShadow(doc, noted);
  const blocks = contiguousBlocks(cells.keys());
  const last = blocks[blocks.length - 1];
  if (last.start + last.count - 1 > target.shadow.maxRows)
    ensureRows(doc, target.sheet(), target.shadow, last.start + last.count - 1);
  for (const block of blocks) {
    const values: string[][] = [];
    // Rows written back as read: the sheet holds them (the journal stores the others only).
    const same: number[] = [];
    for (let i = 0; i < block.count; i++) {
      values.push([sealed.get(block.start + i) ?? '']);
      if (asRead?.has(block.start + i)) same.push(i);
    }
    target.stage(block.start, values, same);
  }
}

/**
 * What this execution remembers of the rows it gives a shadow (`cells`: contents; `sealed`: the cells
 * as `_Shadow` holds them): the remembered column, the rows read, the seals, the staged overlay.
 */
function rememberWritten(
  doc: TrackerDocument,
  key: SheetKey,
  cells: ReadonlyMap<number, string>,
  sealed: Map<number, string>,
  deferred = false,
): void {
  const known = rememberedColumn(doc, key);
  if (known) {
    for (const [row, text] of cells) {
      while (known.length < row - 1) known.push('');
      known[row - 2] = text;
    }
    while (known.length && known[known.length - 1] === '') known.pop();
  }
  noteShadowRowsWritten(doc, key, sealed);
  const knownSeals = seals.get(doc)?.get(key);
  if (knownSeals) for (const [row, text] of sealed) knownSeals[row - 2] = sealOf(text);
  stageCells(doc, key, sealed, deferred);
}

/**
 * Gives row `row` of `key` its shadow cell (`text`, contents) as a deferred cell (shadow-deferred.ts):
 * kept with the execution's next property write, not written to `_Shadow`; every read of this
 * execution sees it at once, as a written one. Not for Commissions (the ledger index learns its
 * rows by a write of its own). False when it cannot wait (no slot free, too long, past the shadow's
 * rows): the caller writes it (writeShadow).
 */
export function deferShadow(
  doc: TrackerDocument,
  key: SheetKey,
  row: number,
  text: string,
  /** The lead index learns the row (its state is a property: it rides the same write). */
  changed = true,
): boolean {
  const target = shadowTarget(doc, key);
  if (key === 'commissions' || !target || row < 2 || row > target.shadow.maxRows || shadowFilling(doc, key))
    return false;
  const cells = new Map([[row, text]]);
  const sealed = sealCells(doc, key, cells);
  if (!deferCell(doc, key, row, sealed.get(row)!)) return false;
  rememberWritten(doc, key, cells, sealed, true);
  if (key === 'leads' && changed) noteLeadShadow(doc, cells);
  return true;
}

/**
 * Writes the deferred cells to `_Shadow` (one setValues per block of rows, at most `most` blocks,
 * made at once: they are what every read already sees) and queues their drop for the execution's
 * next property write. Under the lock, by the hourly run. Returns the blocks written.
 */
export function foldDeferred(doc: TrackerDocument, most = Infinity): number {
  const blocks = deferredBlocks(doc)
    .filter((block) => {
      const target = shadowTarget(doc, block.key);
      return target && block.start + block.texts.length - 1 <= target.shadow.maxRows;
    })
    .slice(0, most);
  for (const block of blocks)
    shadowTarget(doc, block.key)!
      .range(block.start, block.texts.length)
      .setValues(block.texts.map((t) => [t]));
  for (const block of blocks)
    dropDeferred(
      doc,
      block.key,
      block.texts.map((_, i) => block.start + i),
    );
  return blocks.length;
}

/** Replaces the shadow column of `key` from row 2 (after rows were inserted or deleted). */
export function writeShadowColumn(
  doc: TrackerDocument,
  key: SheetKey,
  cells: readonly string[],
  clearTo: number,
): void {
  const target = shadowTarget(doc, key);
  if (!target) return;
  remembered.get(doc)?.delete(key);
  seals.get(doc)?.delete(key);
  forgetShadowRows(doc, key);
  // (rows moved: every deferred cell of the sheet is in `cells`, read through them, at its new row)
  dropDeferred(doc, key);
  if (key === 'leads') noteLeadRowsMoved(doc);
  if (key === 'commissions') noteLedgerRowsMoved(doc);
  const height = Math.max(cells.length, clearTo - 1);
  if (height <= 0) return;
  if (height + 1 > target.shadow.maxRows) ensureRows(doc, target.sheet(), target.shadow, height + 1);
  const sealed = sealCells(
    doc,
    key,
    cells.map((text, i): [number, string] => [i + 2, text]),
  );
  forgetForgedRows(doc, key);
  const values = Array.from({ length: height }, (_, i) => [sealed.get(i + 2) ?? '']);
  stageCells(
    doc,
    key,
    values.map((v, i): [number, string] => [i + 2, v[0]]),
  );
  target.stage(2, values);
}

/** A read's cost in cells: one call costs about as much as reading this many cells (3 ms / 0.1 ms). */
const CALL_IN_CELLS = 30;

interface ShadowRead {
  first: number;
  last: number;
  /** Rows 2..rows+1 are read. */
  rows: number;
}

/**
 * Groups the wanted shadow columns into rectangles: one getValues each, over the columns first..last
 * and the rows the tallest of them can have. Each sheet's shadow is no taller than the sheet (its
 * rows are the sheet's rows), so a small sheet's column is read down to the small sheet's size, not
 * the shadow's. Grouping minimizes calls x CALL_IN_CELLS + cells; `oneRead` forces one rectangle
 * (a use case that must stay within a call budget).
 */
function planReads(heights: ReadonlyMap<number, number>, oneRead: boolean): ShadowRead[] {
  const cols = [...heights.keys()].sort((a, b) => a - b);
  const group = (i: number, j: number): ShadowRead => {
    let rows = 0;
    for (let k = i; k <= j; k++) rows = Math.max(rows, heights.get(cols[k])!);
    return { first: cols[i], last: cols[j], rows };
  };
  if (oneRead) return [group(0, cols.length - 1)];
  const cost = (r: ShadowRead) => CALL_IN_CELLS + (r.last - r.first + 1) * r.rows;
  // best[j]: the cheapest plan for cols[0..j-1] (at most 6 columns: a tiny dynamic program).
  const best: Array<{ cost: number; reads: ShadowRead[] }> = [{ cost: 0, reads: [] }];
  for (let j = 1; j <= cols.length; j++) {
    for (let i = 0; i < j; i++) {
      const read = group(i, j - 1);
      const total = best[i].cost + cost(read);
      if (!best[j] || total < best[j].cost) best[j] = { cost: total, reads: [...best[i].reads, read] };
    }
  }
  return best[cols.length].reads;
}

/**
 * The shadow columns of several tracked sheets as read (one getValues per group of columns, see
 * planReads), seals not checked (`sealed`: the cells still carry them; the caller checks the ones it
 * uses, checkCells), each cut to its sheet's rows; a column this execution already read whole and
 * checked (`rememberedColumn`) is taken from memory (`sealed` false: its cells are contents). Null
 * when one of them has no shadow or set-up is still filling it (the caller reads the sheets).
 */
export function readShadowColumns(
  doc: TrackerDocument,
  keys: readonly SheetKey[],
  options: { oneRead?: boolean } = {},
): Map<SheetKey, { cells: readonly unknown[]; sealed: boolean; limit: number }> | null {
  const layout = doc.layout();
  const shadow = layout.shadow;
  const cols = keys.map((key) => shadow?.cols[key]);
  if (!shadow || cols.some((col) => !col) || shadow.maxRows < 2 || keys.length === 0) return null;
  if (keys.some((key) => shadowFilling(doc, key))) return null;
  const heights = new Map<number, number>();
  const limit = new Map<number, number>();
  const known = new Map<number, string[]>();
  keys.forEach((key, i) => {
    const sheetRows = layout.sheets[key]?.maxRows ?? shadow.maxRows;
    const height = Math.max(0, Math.min(sheetRows, shadow.maxRows) - 1);
    limit.set(cols[i]!, height);
    const cells = rememberedColumn(doc, key);
    if (cells) known.set(cols[i]!, cells);
    else heights.set(cols[i]!, height);
  });
  const columns = new Map<number, unknown[]>();
  for (const read of planReads(heights, options.oneRead ?? false)) {
    if (read.rows === 0) continue;
    const values = overlayDeferred(
      doc,
      shadow.cols,
      2,
      read.first,
      doc.range(shadow.id, shadow.name, 2, read.first, read.rows, read.last - read.first + 1).getValues(),
    );
    for (let col = read.first; col <= read.last; col++) {
      const key = keys[cols.indexOf(col)];
      if (heights.has(col))
        columns.set(
          col,
          withStaged(
            doc,
            key,
            2,
            values.map((r) => r[col - read.first]),
            (t) => t,
          ),
        );
    }
  }
  const out = new Map<SheetKey, { cells: readonly unknown[]; sealed: boolean; limit: number }>();
  keys.forEach((key, i) => {
    const kept = known.get(cols[i]!);
    out.set(key, {
      cells: kept ?? columns.get(cols[i]!) ?? [],
      sealed: !kept,
      limit: limit.get(cols[i]!)!,
    });
  });
  return out;
}

/**
 * The shadows of several tracked sheets (readShadowColumns): each sheet's rows, row 2 first, trailing
 * empty rows left out, seals checked. Null when one of them has no shadow or set-up is still filling
 * it (the caller reads the sheets).
 */
export function readShadowSheets(
  doc: TrackerDocument,
  keys: readonly SheetKey[],
  options: { oneRead?: boolean } = {},
): Map<SheetKey, ShadowRow[]> | null {
  const columns = readShadowColumns(doc, keys, options);
  if (!columns) return null;
  const out = new Map<SheetKey, ShadowRow[]>();
  keys.forEach((key) => {
    const column = columns.get(key)!;
    const cells = column.sealed
      ? checkCells(doc, key, 2, column.cells, { column: true, forgedAs: 'claimed' })
      : (column.cells as string[]);
    let end = Math.min(cells.length, column.limit);
    while (end > 0 && (cells[end - 1] ?? '') === '') end--;
    const rows: ShadowRow[] = [];
    for (let r = 0; r < end; r++) rows.push(decodeShadow(cells[r]));
    out.set(key, rows);
  });
  return out;
}
