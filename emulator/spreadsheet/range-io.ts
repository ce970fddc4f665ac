/** Reading and writing the cells of a box: values, formulas, and the per-cell property layers. */
import type { GridBox } from './a1';
import type { CellValue, ParsedInput } from './cells';
import { displayValue, readValue } from './cells';
import { formulaValue } from './formulas';
import type { Layer } from './layer';
import type { DocModel, SheetModel } from './model';
import { CELL_CHAR_LIMIT, exception, SheetErrors } from './errors';

export function cellCount(box: GridBox): number {
  return box.numRows * box.numCols;
}

/** The computed value of one cell (a formula's result, a fresh Date, "" when empty). */
export function cellValue(doc: DocModel, sheet: SheetModel, row: number, col: number): CellValue {
  if (sheet.formulas.get(row, col) !== undefined) return formulaValue(doc, sheet, row, col);
  return readValue(sheet.values.get(row, col));
}

export function readValues(doc: DocModel, sheet: SheetModel, box: GridBox): CellValue[][] {
  const out: CellValue[][] = new Array<CellValue[]>(box.numRows);
  const hasFormulas = !sheet.formulas.isEmpty();
  for (let i = 0; i < box.numRows; i++) {
    const r = box.row + i;
    const line = sheet.values.row(r);
    const formulaLine = hasFormulas ? sheet.formulas.row(r) : undefined;
    const row: CellValue[] = new Array<CellValue>(box.numCols);
    for (let j = 0; j < box.numCols; j++) {
      const c = box.col + j;
      if (formulaLine && formulaLine[c - 1] !== undefined) row[j] = formulaValue(doc, sheet, r, c);
      else row[j] = readValue(line?.[c - 1]);
    }
    out[i] = row;
  }
  return out;
}

export function readDisplay(doc: DocModel, sheet: SheetModel, box: GridBox): string[][] {
  const values = readValues(doc, sheet, box);
  return values.map((row, i) =>
    row.map((v, j) => displayValue(v, sheet.formats.get(box.row + i, box.col + j), doc.locale, doc.timeZone)),
  );
}

/** A layer's property over the box, with `empty` where unset. */
export function readLayer<T, E>(layer: Layer<T>, box: GridBox, empty: E): Array<Array<T | E>> {
  const out: Array<Array<T | E>> = [];
  for (let i = 0; i < box.numRows; i++) {
    const line = layer.row(box.row + i);
    const row: Array<T | E> = new Array<T | E>(box.numCols);
    for (let j = 0; j < box.numCols; j++) row[j] = line?.[box.col + j - 1] ?? empty;
    out.push(row);
  }
  return out;
}

export function writeLayer<T>(
  layer: Layer<T>,
  box: GridBox,
  value: (i: number, j: number) => T | undefined,
): void {
  for (let i = 0; i < box.numRows; i++) {
    for (let j = 0; j < box.numCols; j++) layer.set(box.row + i, box.col + j, value(i, j));
  }
}

/** Checks a 2-D argument against the range's dimensions, with Apps Script's messages. */
export function checkDimensions(data: unknown, box: GridBox): unknown[][] {
  if (!Array.isArray(data)) throw exception(SheetErrors.rowsMismatch(0, box.numRows));
  if (data.length !== box.numRows) throw exception(SheetErrors.rowsMismatch(data.length, box.numRows));
  for (const row of data) {
    const width = Array.isArray(row) ? row.length : 0;
    if (width !== box.numCols) throw exception(SheetErrors.columnsMismatch(width, box.numCols));
  }
  return data as unknown[][];
}

/**
 * Throws Sheets' error when a text input is longer than a cell may hold (50,000 characters: not on
 * Google's limits page; the limit and its text are reported by users of setValues and the Sheets
 * API); checked for a whole call before any cell is written.
 */
export function assertFits(values: readonly unknown[] | readonly (readonly unknown[])[]): void {
  for (const v of values) {
    if (Array.isArray(v)) assertFits(v as unknown[]);
    else if (typeof v === 'string' && v.length > CELL_CHAR_LIMIT) throw exception(SheetErrors.cellTooLong);
  }
}

/** Stores one parsed input in a cell; typing a date or percent sets the format if none was set. */
export function writeCell(sheet: SheetModel, row: number, col: number, input: ParsedInput): void {
  if (input.kind === 'empty') {
    sheet.values.set(row, col, undefined);
    sheet.formulas.set(row, col, undefined);
  } else if (input.kind === 'formula') {
    sheet.values.set(row, col, undefined);
    sheet.formulas.set(row, col, input.formula);
  } else {
    sheet.values.set(row, col, input.value);
    sheet.formulas.set(row, col, undefined);
    const current = sheet.formats.get(row, col);
    if (input.format && (current === undefined || current === 'General')) {
      sheet.formats.set(row, col, input.format);
    }
  }
}
