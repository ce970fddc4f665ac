/**
 * Reads the emulated workbook through the public SpreadsheetApp surface (the same calls a script
 * makes), outside any execution and uncounted, for the playground's grid and its .xlsx export.
 */
import type { Emulator } from '../emulator/harness';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface CellRule {
  criteria: string;
  /** The options of a list rule (VALUE_IN_LIST, or VALUE_IN_RANGE read now). */
  list: string[] | null;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ProtectionInfo {
  type: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  a1: string;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: Array<{ row: number; col: number; numRows: number; numCols: number }>;
}

export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  lastRow: number;
  lastCol: number;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  /** The block read: rows x cols from A1. */
  rows: number;
  cols: number;
  values: unknown[][];
  display: string[][];
  formulas: string[][];
  formats: string[][];
  notes: string[][];
  bold: boolean[][];
  backgrounds: string[][];
  rules: Array<Array<CellRule | null>>;
  columnWidths: number[];
  protections: ProtectionInfo[];
}

/** Calls a method the emulated class may not have yet (the emulator grows); fallback when absent. */
function optional<T>(target: object, method: string, args: unknown[], fallback: T): T {
  const fn = (target as Record<string, unknown>)[method];
  return typeof fn === 'function' ? (fn.apply(target, args) as T) : fallback;
}

function filled<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}

export function spreadsheetOf(emu: Emulator): Spreadsheet {
  return emu.spreadsheet as unknown as Spreadsheet;
}

export function sheetNames(emu: Emulator): Array<{ name: string; hidden: boolean }> {
  return emu.rt.uncounted(() =>
    spreadsheetOf(emu)
      .getSheets()
      .map((s) => ({ name: s.getName(), hidden: optional(s, 'isSheetHidden', [], false) })),
  );
}

/** Reads rules; a whole column usually shares one, so equal rules are read once. */
function ruleReader(): (rule: GoogleAppsScript.Spreadsheet.DataValidation | null) => CellRule | null {
  const seen = new Map<string, CellRule>();
  return (rule) => {
    if (!rule) return null;
    const criteria = String(rule.getCriteriaType());
    const args = rule.getCriteriaValues();
    const isRange = (a: unknown): a is Range => !!a && typeof (a as Range).getA1Notation === 'function';
    const key = JSON.stringify([
      criteria,
      rule.getAllowInvalid(),
      rule.getHelpText(),
      args.map((a) => (isRange(a) ? `${a.getSheet().getName()}!${a.getA1Notation()}` : a)),
    ]);
    const known = seen.get(key);
    if (known) return known;
    let list: string[] | null = null;
    if (criteria === 'VALUE_IN_LIST') list = (args[0] as unknown[]).map(String);
    if (criteria === 'VALUE_IN_RANGE' && isRange(args[0])) {
      list = args[0]
        .getDisplayValues()
        .flat()
        .filter((v) => v !== '');
    }
    const read = { criteria, list, allowInvalid: rule.getAllowInvalid(), helpText: rule.getHelpText() };
    seen.set(key, read);
    return read;
  };
}

function protectionsOf(
  sheet: Sheet,
  spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
): ProtectionInfo[] {
  const types = spreadsheetApp.ProtectionType ?? { RANGE: 'RANGE', SHEET: 'SHEET' };
  const out: ProtectionInfo[] = [];
  for (const type of [types.SHEET, types.RANGE]) {
    for (const p of sheet.getProtections(type)) {
      const range = p.getRange();
      const box = (r: Range) => ({
        row: r.getRow(),
        col: r.getColumn(),
        numRows: r.getNumRows(),
        numCols: r.getNumColumns(),
      });
      out.push({
        type: String(p.getProtectionType()),
        ...box(range),
        a1: range.getA1Notation(),
        description: p.getDescription(),
        warningOnly: p.isWarningOnly(),
        editors: p.getEditors().map((u) => u.getEmail()),
        unprotected: String(p.getProtectionType()) === 'SHEET' ? p.getUnprotectedRanges().map(box) : [],
      });
    }
  }
  return out;
}

/**
 * One sheet's cells from A1, at least `minRows` x `minCols` (the grid shows empty rows below the
 * data, as Sheets does), at most the sheet's size.
 */
export function readSheet(
  emu: Emulator,
  name: string,
  minRows = 1,
  minCols = 1,
  maxRowsRead = Number.POSITIVE_INFINITY,
): SheetSnapshot {
  return emu.rt.uncounted(() => {
    const sheet = spreadsheetOf(emu).getSheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    const maxRows = sheet.getMaxRows();
    const maxCols = sheet.getMaxColumns();
    const rows = Math.max(1, Math.min(maxRows, Math.max(lastRow, minRows), maxRowsRead));
    const cols = Math.max(1, Math.min(maxCols, Math.max(lastCol, minCols)));
    const range = sheet.getRange(1, 1, rows, cols);
    const readRule = ruleReader();
    const rules = optional<Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>>(
      range,
      'getDataValidations',
      [],
      filled(rows, cols, null),
    );
    return {
      name,
      hidden: optional(sheet, 'isSheetHidden', [], false),
      lastRow,
      lastCol,
      maxRows,
      maxCols,
      frozenRows: sheet.getFrozenRows(),
      frozenCols: sheet.getFrozenColumns(),
      rows,
      cols,
      values: range.getValues(),
      display: range.getDisplayValues(),
      formulas: range.getFormulas(),
      formats: range.getNumberFormats(),
      notes: range.getNotes(),
      bold: range.getFontWeights().map((row) => row.map((w) => w === 'bold')),
      backgrounds: range.getBackgrounds(),
      rules: rules.map((row) => row.map(readRule)),
      columnWidths: Array.from({ length: cols }, (_, i) => sheet.getColumnWidth(i + 1)),
      protections: protectionsOf(
        sheet,
        emu.spreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      ),
    };
  });
}

function inBox(
  b: { row: number; col: number; numRows: number; numCols: number },
  r: number,
  c: number,
): boolean {
  return r >= b.row && r < b.row + b.numRows && c >= b.col && c < b.col + b.numCols;
}

/**
 * Which cells `user` may not edit: the owner edits everything; an editor of the protection edits
 * what it covers; a warning-only protection stops nobody (Sheets asks to confirm).
 */
export function lockedCells(
  snap: SheetSnapshot,
  user: string,
  owner: string,
): { locked: boolean[][]; warned: boolean[][] } {
  const locked = filled(snap.rows, snap.cols, false);
  const warned = filled(snap.rows, snap.cols, false);
  for (const p of snap.protections) {
    const blocks = user !== owner && !p.editors.includes(user);
    for (let r = 1; r <= snap.rows; r++) {
      for (let c = 1; c <= snap.cols; c++) {
        if (!inBox(p, r, c) || p.unprotected.some((u) => inBox(u, r, c))) continue;
        if (p.warningOnly) warned[r - 1][c - 1] = true;
        else if (blocks) locked[r - 1][c - 1] = true;
      }
    }
  }
  return { locked, warned };
}
