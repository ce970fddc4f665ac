/** The grid the page draws: a sheet as `user` sees it in Sheets. */
import { conditionalBackgrounds } from './conditional-view';
import { lockedCells, readSheet } from './workbook-read';
import type { Session } from './session';
import type { SheetView } from './view-types';
import { chartViews } from './chart-view';

/** Empty rows and columns shown past the data, as Sheets shows a sheet larger than its content. */
const SPARE_ROWS = 30;
const SPARE_COLS = 3;
const MIN_ROWS = 50;
const MIN_COLS = 26;

function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function kindOf(value: unknown): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return 'b';
  if (typeof value === 'number' || isDate(value)) return 'n';
  return 's';
}

/** Rows drawn unless the page asks for more (Sheets draws what is on screen; the page draws a block). */
export const DEFAULT_ROW_LIMIT = 500;

export function sheetView(
  session: Session,
  name: string,
  user: string,
  rowLimit = DEFAULT_ROW_LIMIT,
): SheetView {
  const emu = session.emu;
  const probe = readSheet(emu, name, 1, 1, 1);
  const snap = readSheet(
    emu,
    name,
    Math.max(probe.lastRow + SPARE_ROWS, MIN_ROWS),
    Math.max(probe.lastCol + SPARE_COLS, MIN_COLS),
    Math.max(rowLimit, 1),
  );
  const { locked, warned } = lockedCells(snap, user, session.owner);
  const viewer = !session.canEditFile(user);
  const conditional = conditionalBackgrounds(emu, name, snap.rows, snap.cols);
  return {
    name,
    lastRow: snap.lastRow,
    rows: snap.rows,
    cols: snap.cols,
    frozenRows: snap.frozenRows,
    frozenCols: snap.frozenCols,
    display: snap.display,
    raw: snap.values.map((row, r) =>
      row.map((value, c) => {
        const formula = snap.formulas[r][c];
        if (formula) return formula;
        if (isDate(value) || typeof value === 'number') return snap.display[r][c];
        if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
        return String(value ?? '');
      }),
    ),
    kinds: snap.values.map((row) => row.map(kindOf)),
    notes: snap.notes,
    bold: snap.bold,
    // A conditional format's background shows over the cell's own, as in Sheets.
    backgrounds: snap.backgrounds.map((row, r) =>
      row.map((b, c) => conditional[r]?.[c] || (b && b !== '#ffffff' ? b : '')),
    ),
    lists: snap.rules.map((row) => row.map((rule) => rule?.list ?? null)),
    help: snap.rules.map((row) => row.map((rule) => rule?.helpText ?? null)),
    locked: viewer ? locked.map((row) => row.map(() => true)) : locked,
    warned,
    columnWidths: snap.columnWidths,
    charts: chartViews(session, name),
    protections: snap.protections.map((p) => ({
      a1: p.a1,
      description: p.description,
      warningOnly: p.warningOnly,
      type: p.type,
    })),
  };
}
