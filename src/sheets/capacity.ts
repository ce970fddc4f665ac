/**
 * Row capacity: writing beyond a sheet's last row fails in Sheets, so writes past the cached
 * getMaxRows first add rows (in chunks, so it is rare), and the layout cache learns the new size.
 * The new rows get what set-up gave the sheet's first rows (formats, validation, protections,
 * conditional formats, banding, reference lists: setup/extend.ts): Google does not say that rows
 * added at the end inherit any of it.
 */
import type { DocumentHost } from './document-host';
import { extendRows } from './setup/extend';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Rows added at a time (the audit log grows by thousands of rows per big paste). Every row is
 * counted by Sheets toward its 10-million-cell limit whether it holds anything or not: 5,000 rows of
 * the 19-column Leads sheet are 95,000 cells.
 */
export const GROW_BY = 5000;

export const capacityMessages = {
  full: () =>
    "The spreadsheet is at Google Sheets' limit of 10,000,000 cells (every sheet's rows x columns count, empty ones too), so no row can be added: delete empty rows or columns, or sheets you no longer need, and try again.",
} as const;

/** Whether an error is Sheets refusing a change that would pass its 10-million-cell limit. */
function atCellLimit(err: unknown): boolean {
  return /number of cells in the workbook above the limit/.test(String(err));
}

/**
 * Makes sure the sheet has `lastRowNeeded` rows: a rows op staged with the writes that need them (made
 * by the journaled flush, see `applyRowsOp`), the layout cache told the new size at once.
 */
export function ensureRows(
  doc: DocumentHost,
  sheet: Sheet,
  entry: { maxRows: number; id: number },
  lastRowNeeded: number,
): void {
  if (lastRowNeeded <= entry.maxRows) return;
  // always leave a chunk of headroom, so a large append is not followed by growth on every next write
  stageRows(doc, sheet, entry, lastRowNeeded, lastRowNeeded + GROW_BY);
}

/**
 * Rows up to `lastRow` that nothing needs yet (room ahead of need): staged as `ensureRows` stages
 * them, but near the cell limit `applyRowsOp` adds what fits, or none, and never fails for them.
 */
export function addRowsAhead(
  doc: DocumentHost,
  sheet: Sheet,
  entry: { maxRows: number; id: number },
  lastRow: number,
): void {
  if (lastRow > entry.maxRows) stageRows(doc, sheet, entry, entry.maxRows, lastRow);
}

function stageRows(
  doc: DocumentHost,
  sheet: Sheet,
  entry: { maxRows: number; id: number },
  need: number,
  to: number,
): void {
  doc.stage({ k: 'rows', s: sheet.getSheetId(), n: sheet.getName(), from: entry.maxRows, need, to });
  entry.maxRows = to;
  doc.markLayoutChanged();
}

/**
 * Adds the rows of a staged rows op and gives them what the sheet's first rows have (formats,
 * validation, protections...: setup/extend.ts). Near Sheets' 10-million-cell limit only the rows
 * needed are added, and the layout cache is corrected at once. Applied again after a failure, it
 * adds only what is missing (`replaying`).
 */
export function applyRowsOp(
  doc: DocumentHost,
  op: { s: number; from: number; need: number; to: number },
  replaying: boolean,
): void {
  const sheet = doc.sheetById(op.s);
  if (!sheet) return;
  const had = replaying ? sheet.getMaxRows() : op.from;
  // Applied again, the rows may be there already but not set up: they are set up all the same.
  const size = had < op.to ? addRows(doc, sheet, op, had) : had;
  const key = doc.keyOfSheet(op.s);
  const layout = key ? doc.layout().sheets[key] : undefined;
  if (key && layout) extendRows(doc, sheet, key, layout, op.from + 1, Math.min(size, op.to));
}

/** Adds the op's rows to a sheet of `size` rows (near the cell limit only those needed): the new size. */
function addRows(
  doc: DocumentHost,
  sheet: Sheet,
  op: { s: number; need: number; to: number },
  size: number,
): number {
  try {
    sheet.insertRowsAfter(size, op.to - size);
    return op.to;
  } catch (err) {
    if (!atCellLimit(err)) throw err;
  }
  if (size < op.need) {
    try {
      sheet.insertRowsAfter(size, op.need - size);
    } catch (again) {
      throw atCellLimit(again) ? new Error(capacityMessages.full()) : again;
    }
  }
  const added = Math.max(size, op.need);
  doc.correctMaxRows(op.s, added);
  return added;
}

/** "A", "Z", "AA", ... for a 1-based column. */
export function columnLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
