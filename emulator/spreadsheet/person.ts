/**
 * A person's actions in the Sheets editor (test-bed functions, not Apps Script methods): typing or
 * pasting values, inserting and deleting rows. Each checks what Sheets checks (edit access,
 * protections, validation rules that reject input) and changes nothing when refused.
 */
import type { GridBox } from './a1';
import { parseA1, refToBox } from './a1';
import { blockingProtection, isFileEditor, mayEditProtection } from './access';
import type { CellValue } from './cells';
import { fromScript } from './cells';
import { CELL_CHAR_LIMIT, GRID_CELL_LIMIT, SheetErrors } from './errors';
import { formulaValue } from './formulas';
import type { DocModel, SheetModel } from './model';
import { EmuRange, rangeIn } from './range';
import { readValues, writeCell } from './range-io';
import { docOf, rtOf, type EmuSpreadsheet } from './spreadsheet';
import * as structure from './structure';
import { rejection, satisfies } from './validation';

export type Refused = { ok: false; reason: string };
export type EditResult =
  { ok: true; range: EmuRange; oldValues: unknown[][]; newValues: unknown[][] } | Refused;
export type RowsResult = { ok: true; deleted?: unknown[][] } | Refused;

export const PersonErrors = {
  noEditAccess: "You don't have permission to edit this file.",
  noSheet: (name: string) => `There is no sheet named "${name}".`,
  outsideGrid: 'The edit is outside the dimensions of the sheet.',
} as const;

function target(doc: DocModel, user: string, sheetName: string): SheetModel | Refused {
  if (!isFileEditor(doc, user)) return { ok: false, reason: PersonErrors.noEditAccess };
  const sheet = doc.sheetByName(sheetName);
  if (!sheet) return { ok: false, reason: PersonErrors.noSheet(sheetName) };
  return sheet;
}

/**
 * Typing into a cell or pasting a block at `a1` (its top-left cell): strings are parsed as typing
 * ("1,234.5", "TRUE", "3/2/2026", "=SUM(...)", "'literal"); "" clears the cell.
 */
export function personEdit(
  ss: EmuSpreadsheet,
  edit: { user: string; sheet: string; a1: string; values: unknown[][] },
): EditResult {
  const doc = docOf(ss);
  const sheet = target(doc, edit.user, edit.sheet);
  if ('ok' in sheet) return sheet;
  const start = refToBox(parseA1(edit.a1), sheet.maxRows, sheet.maxCols);
  const numRows = edit.values.length;
  const numCols = edit.values.reduce((w, r) => Math.max(w, r.length), 0);
  const box: GridBox = { row: start.row, col: start.col, numRows, numCols };
  if (
    numRows === 0 ||
    numCols === 0 ||
    box.row + numRows - 1 > sheet.maxRows ||
    box.col + numCols - 1 > sheet.maxCols
  ) {
    return { ok: false, reason: PersonErrors.outsideGrid };
  }
  if (blockingProtection(doc, sheet, box, edit.user)) return { ok: false, reason: SheetErrors.protectedCell };
  if (edit.values.some((row) => row.some((v) => typeof v === 'string' && v.length > CELL_CHAR_LIMIT)))
    return { ok: false, reason: SheetErrors.cellTooLong };
  const inputs = edit.values.map((row, i) =>
    Array.from({ length: numCols }, (_, j) =>
      fromScript(row[j] ?? '', sheet.formats.get(box.row + i, box.col + j), doc.locale, doc.timeZone),
    ),
  );
  for (let i = 0; i < numRows; i++) {
    for (let j = 0; j < numCols; j++) {
      const rule = sheet.validations.get(box.row + i, box.col + j);
      const input = inputs[i][j];
      if (!rule || rule.allowInvalid || input.kind !== 'value') continue;
      if (!satisfies(rule, input.value)) return { ok: false, reason: rejection(rule) };
    }
  }
  const oldValues = readValues(doc, sheet, box);
  for (let i = 0; i < numRows; i++) {
    for (let j = 0; j < numCols; j++) writeCell(sheet, box.row + i, box.col + j, inputs[i][j]);
  }
  doc.touch();
  const formulaRejected = checkFormulaResults(doc, sheet, box);
  if (formulaRejected) {
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const old = oldValues[i][j];
        writeCell(
          sheet,
          box.row + i,
          box.col + j,
          old === '' ? { kind: 'empty' } : { kind: 'value', value: old },
        );
      }
    }
    doc.touch();
    return { ok: false, reason: formulaRejected };
  }
  const newValues = readValues(doc, sheet, box);
  return { ok: true, range: rangeIn(rtOf(ss), doc, sheet, box), oldValues, newValues };
}

/** A typed formula is checked by its result. */
function checkFormulaResults(doc: DocModel, sheet: SheetModel, box: GridBox): string | null {
  for (let r = box.row; r < box.row + box.numRows; r++) {
    for (let c = box.col; c < box.col + box.numCols; c++) {
      const rule = sheet.validations.get(r, c);
      if (!rule || rule.allowInvalid || sheet.formulas.get(r, c) === undefined) continue;
      const value: CellValue = formulaValue(doc, sheet, r, c);
      if (!satisfies(rule, value)) return rejection(rule);
    }
  }
  return null;
}

export function personInsertRows(
  ss: EmuSpreadsheet,
  action: { user: string; sheet: string; before: number; count: number },
): RowsResult {
  const doc = docOf(ss);
  const sheet = target(doc, action.user, action.sheet);
  if ('ok' in sheet) return sheet;
  if (action.before < 1 || action.before > sheet.maxRows + 1 || action.count < 1) {
    return { ok: false, reason: PersonErrors.outsideGrid };
  }
  const blocked = doc.protections.some((p) => {
    if (p.removed || p.warningOnly || p.anchor.sheet !== sheet || mayEditProtection(doc, p, action.user))
      return false;
    if (p.type === 'SHEET') return true;
    return p.anchor.row < action.before && action.before <= p.anchor.row + p.anchor.numRows - 1;
  });
  if (blocked) return { ok: false, reason: SheetErrors.protectedCell };
  if (doc.gridCells() + action.count * sheet.maxCols > GRID_CELL_LIMIT)
    return { ok: false, reason: SheetErrors.cellLimit };
  structure.insertRows(doc, sheet, action.before, action.count);
  return { ok: true };
}

export function personDeleteRows(
  ss: EmuSpreadsheet,
  action: { user: string; sheet: string; row: number; count: number },
): RowsResult {
  const doc = docOf(ss);
  const sheet = target(doc, action.user, action.sheet);
  if ('ok' in sheet) return sheet;
  if (action.row < 1 || action.count < 1 || action.row + action.count - 1 > sheet.maxRows) {
    return { ok: false, reason: PersonErrors.outsideGrid };
  }
  const box = { row: action.row, col: 1, numRows: action.count, numCols: sheet.maxCols };
  if (blockingProtection(doc, sheet, box, action.user))
    return { ok: false, reason: SheetErrors.protectedCell };
  const width = Math.max(1, sheet.lastColumn());
  const deleted = readValues(doc, sheet, { ...box, numCols: width });
  structure.deleteRows(doc, sheet, action.row, action.count);
  return { ok: true, deleted };
}

/**
 * Data > Sort range: the rows `first`..the sheet's last row sorted by column `col` (text order,
 * descending when `descending`), every property of a row moving with it. Refused where a protection
 * blocks the person.
 */
export function personSortRows(
  ss: EmuSpreadsheet,
  action: { user: string; sheet: string; first: number; col: number; descending?: boolean },
): RowsResult {
  const doc = docOf(ss);
  const sheet = target(doc, action.user, action.sheet);
  if ('ok' in sheet) return sheet;
  const last = sheet.lastRow();
  const count = last - action.first + 1;
  if (action.first < 1 || count < 1) return { ok: false, reason: PersonErrors.outsideGrid };
  const box = { row: action.first, col: 1, numRows: count, numCols: sheet.maxCols };
  if (blockingProtection(doc, sheet, box, action.user))
    return { ok: false, reason: SheetErrors.protectedCell };
  const keys = readValues(doc, sheet, { row: action.first, col: action.col, numRows: count, numCols: 1 }).map(
    (r) => String(r[0] ?? ''),
  );
  const order = keys.map((_, i) => i);
  order.sort((a, b) => keys[a].localeCompare(keys[b]) * (action.descending ? -1 : 1) || a - b);
  for (const layer of sheet.layers()) layer.permuteRows(action.first, order);
  doc.touch();
  return { ok: true };
}
