/**
 * Row capacity: writing beyond a sheet's last row fails in Sheets, so writes past the cached
 * getMaxRows first add rows (in chunks, so it is rare; staged with the writes that need them), and
 * the layout cache learns the new size.
 */
import type { TrackerDocument } from './document';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows added at a time (the audit log grows by thousands of rows per big paste). */
export const GROW_BY = 5000;

export function ensureRows(
  doc: TrackerDocument,
  sheet: Sheet,
  entry: { maxRows: number },
  lastRowNeeded: number,
): void {
  if (lastRowNeeded <= entry.maxRows) return;
  // always leave a chunk of headroom, so a large append is not followed by growth on every next write
  const add = lastRowNeeded - entry.maxRows + GROW_BY;
  doc.stage({
    k: 'rows',
    s: sheet.getSheetId(),
    n: sheet.getName(),
    from: entry.maxRows,
    to: entry.maxRows + add,
  });
  entry.maxRows += add;
  doc.markLayoutChanged();
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
