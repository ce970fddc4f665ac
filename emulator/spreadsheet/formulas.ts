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
