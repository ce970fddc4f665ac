/**
 * Tables opened from their `_Shadow` columns instead of their sheets: one cell per row, not the 19
 * columns of Leads (one getValues per group of columns, see readShadowSheets), guarded by one
 * getLastRow per sheet. A sheet with
 * rows below the last one its shadow knows (rows another tool appended: script and API writes fire no
 * trigger) is read from the sheet as usual, and so is every table when there is no shadow. The
 * writer reads back the cells of a write block such a table does not change (`Table.fromShadow`).
 */
import { decodeShadow, type ShadowRow } from '../domain/audit/shadow';
import {
  readShadowColumn,
  readShadowColumns,
  readShadowSheets,
  rememberedSeals,
  rememberColumn,
  rememberedColumn,
  shadowFilling,
} from './shadow-sheet';
import type { TrackerDocument } from './document';
import { checkCells, hasForged } from './shadow-seals';
import type { SheetKey } from './schema';
import { NOT_READ, valuesFromShadow, type Table } from './table';

/** Where tables are opened (the use case's context, app/context.ts): each table once. */
export interface TableSource {
  readonly doc: TrackerDocument;
  isOpen(key: SheetKey): boolean;
  tableFrom(key: SheetKey, values: () => unknown[][], fromShadow?: boolean): Table;
}

/**
 * Opens the tables of `keys` not open yet in `ctx` from the shadow (each one its guard allows).
 * `guarded` names the sheets whose last row is checked (all by default): a caller that only reads a
 * sheet to look records up, and never writes it, may skip its guard to save the call. `oneRead`:
 * read every shadow column in one rectangle (fewest calls, more cells; registerLead's call budget).
 */
export function openFromShadow(
  ctx: TableSource,
  keys: readonly SheetKey[],
  guarded: readonly SheetKey[] = keys,
  options: { oneRead?: boolean } = {},
): void {
  const doc = ctx.doc;
  const layout = doc.layout();
  const wanted = keys.filter((key) => !ctx.isOpen(key));
  if (wanted.length === 0 || !wanted.every((key) => layout.sheets[key])) return;
  // A column this execution read whole was checked against its sheet then (openSparseFromShadow)
  // and kept current by its writes: no guard call again.
  const checked = new Set(wanted.filter((key) => rememberedColumn(doc, key)));
  const shadows = readShadowSheets(doc, wanted, options);
  if (!shadows) return;
  for (const key of wanted) {
    const rows = shadows.get(key)!;
    const sheet = doc.sheet(key);
    if (!sheet) continue;
    if (guarded.includes(key) && !checked.has(key) && sheet.getLastRow() - 1 > rows.length) continue;
    // A row whose seal does not check (a hand edit of _Shadow): the visible sheet is read instead.
    if (hasForged(doc, key)) continue;
    ctx.tableFrom(key, () => valuesFromShadow(key, layout.sheets[key]!, rows), true);
  }
}

/**
 * Opens the table `key` from its shadow with only the rows `pick` chooses (by their raw shadow text,
 * see shadowField; `pick` sees every cell first, then answers row by row) read as records: a daily
 * job that needs a few rows of 100,000 parses only those. The other rows stay unread (NOT_READ: empty
 * to rows(), refused by update()); the table's last row is always read, so an append goes after it;
 * the writer writes only changed rows. Opens in `ctx`, which must be the job's own context (another
 * use case would take the table for the whole sheet). One getValues and one getLastRow (the guard),
 * once per execution: the column is remembered, kept current by the execution's writes. Null when the
 * shadow cannot serve (none, still filling, or the sheet has rows it does not know): read the sheet.
 */
export function openSparseFromShadow(
  ctx: TableSource,
  key: SheetKey,
  pick: (cells: readonly string[]) => (index: number) => boolean,
): Table | null {
  const doc = ctx.doc;
  const layout = doc.layout().sheets[key];
  const sheet = doc.sheet(key);
  if (!layout || !sheet || ctx.isOpen(key) || shadowFilling(doc, key) || !layout.maxRows) return null;
  let cells = rememberedColumn(doc, key);
  if (!cells) {
    const read = readShadowColumn(doc, key, layout.maxRows).map((c) => String(c ?? ''));
    while (read.length && read[read.length - 1] === '') read.pop();
    if (!read.length || hasForged(doc, key) || sheet.getLastRow() - 1 > read.length) return null;
    rememberColumn(doc, key, read);
    cells = read;
  }
  const end = cells.length;
  // The last row must read as a row: appends go after it (a cell that is not a row: read the sheet).
  if (Object.keys(decodeShadow(cells[end - 1])).length === 0) return null;
  const chosen = pick(cells);
  const picked: number[] = [];
  const rows: ShadowRow[] = [];
  for (let i = 0; i < end; i++) {
    if (cells[i] !== '' && (i === end - 1 || chosen(i))) {
      picked.push(i);
      rows.push(decodeShadow(cells[i]));
    }
  }
  return openRows(ctx, key, end, picked, rows);
}

/** Opens `key` in `ctx` with the rows `picked` (0-based under the header) of `end`, the rest NOT_READ. */
function openRows(
  ctx: TableSource,
  key: SheetKey,
  end: number,
  picked: readonly number[],
  rows: readonly ShadowRow[],
): Table {
  const converted = valuesFromShadow(key, ctx.doc.layout().sheets[key]!, rows);
  const values: unknown[][] = [converted[0], ...new Array<unknown[]>(end).fill(NOT_READ)];
  picked.forEach((i, at) => (values[i + 1] = converted[at + 1]));
  return ctx.tableFrom(key, () => values, true);
}

/** A shadow column as shadowColumns gives it. */
export interface ShadowColumn {
  cells: readonly string[];
  /** True: the cells carry their seals, unchecked; false: contents this execution already checked. */
  sealed: boolean;
  /** The rows' seals when `sealed` is false and they are known (rememberedSeals). */
  seals?: readonly string[] | null;
}

/**
 * The shadow columns of `keys` (readShadowColumns: one getValues per group of columns, a column this
 * execution already read and checked taken from memory), for a reader that scans every row's text but
 * uses only a few rows (the partner views: which partners' rows changed); openPickedRows checks the
 * seals of the rows used. `guarded`: the sheets whose last row is checked (one getLastRow each, none
 * for a column taken from memory, checked then): null when one has rows below its shadow's (another
 * tool appended them), or when the shadow cannot serve (none, still filling): read the sheets.
 */
export function shadowColumns(
  doc: TrackerDocument,
  keys: readonly SheetKey[],
  guarded: readonly SheetKey[],
): Map<SheetKey, ShadowColumn> | null {
  if (!keys.every((key) => doc.layout().sheets[key]?.maxRows && doc.sheet(key))) return null;
  const read = readShadowColumns(doc, keys);
  if (!read) return null;
  const out = new Map<SheetKey, ShadowColumn>();
  for (const key of keys) {
    const { cells: raw, sealed, limit } = read.get(key)!;
    const cells = raw.slice(0, limit).map((c) => String(c ?? ''));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (sealed && guarded.includes(key) && doc.sheet(key)!.getLastRow() - 1 > cells.length) return null;
    out.set(key, { cells, sealed, seals: sealed ? null : rememberedSeals(doc, key) });
  }
  return out;
}

/**
 * Opens `key` in `ctx` (the job's own, see openSparseFromShadow) with only the rows at `indices` of
 * `column` (shadowCells), their seals checked now when the column carries them: null when one does not
 * check (read the sheet instead). The last row is read too (an append goes after it).
 */
export function openPickedRows(
  ctx: TableSource,
  key: SheetKey,
  column: ShadowColumn,
  indices: readonly number[],
): Table | null {
  const doc = ctx.doc;
  const { cells, sealed } = column;
  const end = cells.length;
  const picked = [...new Set(end ? [...indices, end - 1] : indices)]
    .filter((i) => i >= 0 && i < end && cells[i] !== '')
    .sort((a, b) => a - b);
  const rows: ShadowRow[] = [];
  for (const i of picked) {
    const content = sealed ? checkCells(doc, key, i + 2, [cells[i]])[0] : cells[i];
    if (hasForged(doc, key)) return null;
    rows.push(decodeShadow(content));
  }
  return openRows(ctx, key, end, picked, rows);
}

/**
 * Whether the sheet of `table` (opened from its shadow without its guard) has rows below the last
 * one the table holds: rows another tool appended, which the shadow does not know. One getLastRow,
 * made only when the caller needs to know (a record it looked for was not found).
 */
export function sheetOutgrew(doc: TrackerDocument, table: Table): boolean {
  const sheet = doc.sheet(table.key);
  if (!sheet) return false;
  let last = 1;
  for (const { row } of table.rows()) last = Math.max(last, row);
  return sheet.getLastRow() > last;
}
