/** Highlights cells (invalid adopted data) with two calls per sheet: read backgrounds, write them back changed. */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const INVALID_BACKGROUND = '#f4cccc';

export function highlightCells(sheet: Sheet, cells: ReadonlyArray<{ row: number; col: number }>): void {
  if (!cells.length) return;
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const right = Math.max(...cells.map((c) => c.col));
  const range = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
  const backgrounds = range.getBackgrounds();
  for (const c of cells) backgrounds[c.row - top][c.col - left] = INVALID_BACKGROUND;
  range.setBackgrounds(backgrounds);
}
