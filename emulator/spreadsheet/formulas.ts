/**
 * Formula evaluation with HyperFormula, kept lazy: the engine is built only when a formula cell is
 * read, and rebuilt only when the document changed since. A document with no formulas never builds
 * one, so 100,000-row sheets of plain values stay cheap.
 */
import { HyperFormula } from 'hyperformula';
import type { CellValue } from './cells';
import { isDateFormat } from './cells';
import { dateToSerial, serialToDate } from './dates';
import type { DocModel, SheetModel } from './model';

interface Engine {
  hf: HyperFormula;
  version: number;
  ids: Map<SheetModel, number>;
}

const engines = new WeakMap<DocModel, Engine>();

type RawCell = string | number | boolean | null;

/**
 * Sheets syntax -> HyperFormula syntax: bare TRUE/FALSE are literals in Sheets and functions in
 * HyperFormula. Text inside double quotes and sheet names inside single quotes is left alone.
 */
export function toEngineSyntax(formula: string): string {
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|\b(TRUE|FALSE)\b(?!\s*\()/gi,
    (m, quoted: string | undefined, word: string | undefined) =>
      quoted !== undefined ? m : `${word!.toUpperCase()}()`,
  );
}

function rawCell(doc: DocModel, sheet: SheetModel, row: number, col: number): RawCell {
  const formula = sheet.formulas.get(row, col);
  if (formula !== undefined) return toEngineSyntax(formula);
  const v = sheet.values.get(row, col);
  if (v === undefined) return null;
  if (v instanceof Date) return dateToSerial(v, doc.timeZone);
  if (typeof v === 'string') return `'${v}`;
  return v;
}

function sheetContent(doc: DocModel, sheet: SheetModel): RawCell[][] {
  const rows: RawCell[][] = [];
  const lastRow = sheet.lastRow();
  for (let r = 1; r <= lastRow; r++) {
    const width = Math.max(sheet.values.row(r)?.length ?? 0, sheet.formulas.row(r)?.length ?? 0);
    const line: RawCell[] = new Array<RawCell>(width);
    for (let c = 1; c <= width; c++) line[c - 1] = rawCell(doc, sheet, r, c);
    rows.push(line);
  }
  return rows;
}

function engineFor(doc: DocModel): Engine {
  const existing = engines.get(doc);
  if (existing && existing.version === doc.version) return existing;
  existing?.hf.destroy();
  const content: Record<string, RawCell[][]> = {};
  for (const s of doc.sheets) content[s.name] = sheetContent(doc, s);
  const hf = HyperFormula.buildFromSheets(content, {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
  });
  const ids = new Map<SheetModel, number>();
  for (const s of doc.sheets) ids.set(s, hf.getSheetId(s.name)!);
  const engine = { hf, version: doc.version, ids };
  engines.set(doc, engine);
  return engine;
}

/** The computed value of a formula cell, as getValue returns it. */
export function formulaValue(doc: DocModel, sheet: SheetModel, row: number, col: number): CellValue {
  const engine = engineFor(doc);
  const value = engine.hf.getCellValue({ sheet: engine.ids.get(sheet)!, row: row - 1, col: col - 1 });
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return (value as { value: string }).value;
  if (typeof value === 'number' && isDateFormat(sheet.formats.get(row, col))) {
    return serialToDate(value, doc.timeZone);
  }
  return value;
}

/** Shifts the relative references of a formula written for (row0, col0) to (row, col); quoted text left alone. */
export function shiftFormula(formula: string, rowDelta: number, colDelta: number): string {
  const letters = (n: number) => {
    let out = '';
    for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
    return out;
  };
  const number = (text: string) => [...text].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|(\$?)([A-Z]{1,3})(\$?)(\d+)\b(?!\s*\()/g,
    (m, quoted: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
      if (quoted !== undefined) return m;
      const c = colAbs ? col : letters(number(col) + colDelta);
      const r = rowAbs ? row : String(Number(row) + rowDelta);
      return `${colAbs}${c}${rowAbs}${r}`;
    },
  );
}

/**
 * A formula (Sheets syntax, "=..." as a conditional format rule holds it) evaluated on `sheet` with
 * TODAY() as the serial of `today` (the emulator's clock, not the machine's): for showing
 * conditional formats. Errors evaluate to null.
 */
export function evaluateFormula(doc: DocModel, sheet: SheetModel, formula: string, today: Date): unknown {
  const engine = engineFor(doc);
  const serial = Math.floor(dateToSerial(today, doc.timeZone));
  const text = toEngineSyntax(formula).replace(/\bTODAY\(\)/gi, String(serial));
  try {
    const value = engine.hf.calculateFormula(text, engine.ids.get(sheet)!);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : value;
    // (an array result is an array formula's rows x columns)
  } catch {
    return null;
  }
}

/** Splits "AND(a, b, c)" into its top-level arguments (null when the formula is not one AND). */
function andArguments(body: string): string[] | null {
  const match = /^\s*AND\((.*)\)\s*$/i.exec(body);
  if (!match) return null;
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  const text = match[1];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      if (--depth < 0) return null;
    } else if (ch === ',' && depth === 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  args.push(text.slice(start));
  return depth === 0 ? args : null;
}

/**
 * The same formula for `count` consecutive rows in ONE evaluation (array arithmetic): each relative
 * row reference becomes a column range of `count` cells and a top-level AND a product of its
 * arguments. Null when the formula has another shape or the result is not one value per row.
 */
export function evaluateRows(
  doc: DocModel,
  sheet: SheetModel,
  formula: string,
  count: number,
  today: Date,
): boolean[] | null {
  const body = formula.replace(/^=/, '');
  const args = andArguments(body);
  const ranged = (text: string) =>
    text.replace(
      /("(?:[^"]|"")*"|'(?:[^']|'')*')|(\$?[A-Z]{1,3})(\d+)\b(?!\s*\()/g,
      (m, quoted: string | undefined, col: string, row: string) =>
        quoted !== undefined ? m : `${col}${row}:${col}${Number(row) + count - 1}`,
    );
  const expression = args ? args.map((a) => `(${ranged(a)})`).join('*') : `(${ranged(body)})*1`;
  const value = evaluateFormula(doc, sheet, `=${expression}`, today);
  if (!Array.isArray(value) || value.length !== count) return null;
  return (value as unknown[][]).map((row) => typeof row[0] === 'number' && row[0] !== 0);
}
