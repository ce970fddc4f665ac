/**
 * Highlights cells (invalid adopted data): per column holding such cells, one read of the
 * backgrounds of the rows between its first and last one, and one write only when a cell is not
 * highlighted yet (so running set-up again writes nothing). Other cells keep their backgrounds.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const INVALID_BACKGROUND = '#f4cccc';

export function highlightCells(sheet: Sheet, cells: ReadonlyArray<{ row: number; col: number }>): void {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col);
    if (rows) rows.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  for (const [col, rows] of byCol) {
    let top = rows[0];
    let bottom = rows[0];
    for (const row of rows) {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
    }
    const range = sheet.getRange(top, col, bottom - top + 1, 1);
    const backgrounds = range.getBackgrounds();
    let changed = false;
    for (const row of rows) {
      if (backgrounds[row - top][0].toLowerCase() === INVALID_BACKGROUND) continue;
      backgrounds[row - top][0] = INVALID_BACKGROUND;
      changed = true;
    }
    if (changed) range.setBackgrounds(backgrounds);
  }
}
