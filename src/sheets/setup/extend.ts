/**
 * Rows added at the end of a tracker sheet get what set-up gave its first rows. Google documents
 * nothing about rows inserted after a sheet's last row (Sheet.insertRowsAfter; the Sheets API's
 * inheritFromBefore speaks of row properties only): whether they take the number formats and the
 * validation of the row above, or fall inside the protections, named ranges, conditional formats
 * and bandings that ended at the old last row, is not said. So the tracker does not count on it:
 * when it adds rows (`ensureRows`) it extends each of them itself, a constant number of calls per
 * growth (growth is in steps of thousands of rows, so rare):
 * - number formats: one call per run of neighbouring columns with the same format;
 * - validation: one setDataValidations over the validated columns (plus a named-range look-up per
 *   list rule);
 * - protections of script-filled columns: the sheet's range protections, their descriptions, one
 *   setRange each (sheet protections cover the whole sheet already);
 * - conditional formats (Leads): read and set once;
 * - banding: each banding's range, extended;
 * - the named ranges behind the Partner ID and Plan dropdowns (Partners, Plans), and the rules that
 *   read them (a rule keeps the range it was built with: Leads > Partner ID, Partners > Plan).
 */
import type { DocumentHost } from '../document-host';
import type { SheetLayout } from '../layout';
import { SHEETS, sheetDef, type ColumnDef, type SheetDef, type SheetKey } from '../schema';
import { REF_RANGES } from '../sheet-defs/settings';
import { numberFormat, validationRule } from './formats';
import { PROTECTION_PREFIX } from './protect';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The sheets set-up gives conditional formats (see build.ts leadFormats). */
const CONDITIONAL_SHEETS: ReadonlySet<SheetKey> = new Set<SheetKey>(['leads']);

/** The named range each reference list is, by the sheet and column it lists. */
const REFERENCE_LISTS: ReadonlyArray<{ sheet: SheetKey; column: string; name: string; kind: string }> = [
  { sheet: 'partners', column: 'partnerId', name: REF_RANGES.partnerIds, kind: 'partnerRef' },
  { sheet: 'plans', column: 'planName', name: REF_RANGES.planNames, kind: 'planRef' },
];

/** Named ranges looked up once per execution (a list rule needs its range). */
const namedCache = new WeakMap<DocumentHost, Map<string, Range | null>>();

function named(doc: DocumentHost): (name: string) => Range | null {
  let cache = namedCache.get(doc);
  if (!cache) namedCache.set(doc, (cache = new Map()));
  const known = cache;
  return (name) => {
    if (!known.has(name)) known.set(name, doc.ss.getRangeByName(name));
    return known.get(name) ?? null;
  };
}

/**
 * Gives rows `from`..`to` of the tracker sheet `key` (just added at its end) what its first rows
 * have. `entry` is the sheet's layout (columns by position).
 */
export function extendRows(
  doc: DocumentHost,
  sheet: Sheet,
  key: SheetKey,
  entry: SheetLayout,
  from: number,
  to: number,
): void {
  if (to < from) return;
  const def = sheetDef(key);
  const placed = def.columns
    .filter((c) => entry.cols[c.key] !== undefined)
    .map((column) => ({ column, col: entry.cols[column.key] }))
    .sort((a, b) => a.col - b.col);
  extendFormats(sheet, placed, from, to);
  extendValidation(doc, sheet, placed, from, to);
  extendProtections(sheet, def, entry, to);
  if (CONDITIONAL_SHEETS.has(key)) extendConditionalFormats(sheet, from, to);
  if (def.banded) extendBandings(sheet, from, to);
  const list = REFERENCE_LISTS.find((l) => l.sheet === key);
  if (list && entry.cols[list.column] !== undefined)
    extendReferenceList(doc, list, entry.cols[list.column], from, to);
}

interface Placed {
  column: ColumnDef;
  col: number;
}

/**
 * The number formats of the columns `which` picks, rows `from`..`to`, wherever the sheet has placed
 * them (an adopted sheet keeps its own column order): one call per run of neighbouring columns.
 */
export function formatColumns(
  sheet: Sheet,
  key: SheetKey,
  entry: SheetLayout,
  from: number,
  to: number,
  which: (column: ColumnDef) => boolean,
): void {
  if (to < from) return;
  const placed = sheetDef(key)
    .columns.filter((c) => entry.cols[c.key] !== undefined && which(c))
    .map((column) => ({ column, col: entry.cols[column.key] }))
    .sort((a, b) => a.col - b.col);
  extendFormats(sheet, placed, from, to);
}

/** One setNumberFormat per run of neighbouring columns with the same format. */
function extendFormats(sheet: Sheet, placed: readonly Placed[], from: number, to: number): void {
  let run: { start: number; count: number; format: string } | null = null;
  const flush = () => {
    if (run) sheet.getRange(from, run.start, to - from + 1, run.count).setNumberFormat(run.format);
    run = null;
  };
  for (const { column, col } of placed) {
    const format = numberFormat(column.format);
    if (run && format === run.format && col === run.start + run.count) {
      run.count++;
      continue;
    }
    flush();
    if (format) run = { start: col, count: 1, format };
  }
  flush();
}

/** The validated columns' rules over the new rows: one setDataValidations (null between them). */
function extendValidation(
  doc: DocumentHost,
  sheet: Sheet,
  placed: readonly Placed[],
  from: number,
  to: number,
): void {
  const rules = new Map<number, GoogleAppsScript.Spreadsheet.DataValidation>();
  for (const { column, col } of placed) {
    // Script-filled columns are protected, not validated (as set-up does, build.ts validatedColumns).
    if (column.protected) continue;
    const rule = validationRule(column, named(doc));
    if (rule) rules.set(col, rule);
  }
  if (!rules.size) return;
  const first = Math.min(...rules.keys());
  const span = Math.max(...rules.keys()) - first + 1;
  const row = Array.from({ length: span }, (_, j) => rules.get(first + j) ?? null);
  const grid = Array.from({ length: to - from + 1 }, () => row);
  sheet.getRange(from, first, grid.length, span).setDataValidations(grid);
}

/**
 * The range protections of the script-filled and money columns, stretched to the sheet's new last row. The
 * owner-only protection (Settings > Team) is left: no use case adds Settings rows, and a team
 * member could not edit it.
 */
function extendProtections(sheet: Sheet, def: SheetDef, entry: SheetLayout, to: number): void {
  if (def.protection !== 'columns') return;
  const byDescription = new Map<string, number>();
  for (const c of def.columns) {
    if ((!c.protected && !c.money) || c.ownerOnly || entry.cols[c.key] === undefined) continue;
    byDescription.set(` > ${c.header}`, entry.cols[c.key]);
  }
  if (!byDescription.size) return;
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = protection.getDescription();
    if (!description.startsWith(PROTECTION_PREFIX)) continue;
    const suffix = description.slice(description.lastIndexOf(' > '));
    const col = byDescription.get(suffix);
    if (col !== undefined) protection.setRange(sheet.getRange(1, col, to, 1));
  }
}

/** A range of `sheet` that ended at the row before `from`, stretched to `to` (null: leave it). */
function stretched(sheet: Sheet, range: Range, from: number, to: number): Range | null {
  if (range.getSheet().getSheetId() !== sheet.getSheetId()) return null;
  if (range.getRow() + range.getNumRows() !== from) return null;
  return sheet.getRange(range.getRow(), range.getColumn(), to - range.getRow() + 1, range.getNumColumns());
}

function extendConditionalFormats(sheet: Sheet, from: number, to: number): void {
  const rules = sheet.getConditionalFormatRules();
  let changed = false;
  const next = rules.map((rule) => {
    const ranges = rule.getRanges();
    const grown = ranges.map((r) => stretched(sheet, r, from, to));
    if (!grown.some((g) => g)) return rule;
    changed = true;
    return rule
      .copy()
      .setRanges(grown.map((g, i) => g ?? ranges[i]))
      .build();
  });
  if (changed) sheet.setConditionalFormatRules(next);
}

function extendBandings(sheet: Sheet, from: number, to: number): void {
  for (const banding of sheet.getBandings()) {
    const grown = stretched(sheet, banding.getRange(), from, to);
    if (grown) banding.setRange(grown);
  }
}

/**
 * The named range listing a sheet's ids (Partner IDs, Plan Names) takes the new rows, and the rules
 * built on it are set again on the columns that use it: a rule keeps the range it was given.
 */
function extendReferenceList(
  doc: DocumentHost,
  list: (typeof REFERENCE_LISTS)[number],
  col: number,
  from: number,
  to: number,
): void {
  const range = doc.ss.getNamedRanges().find((n) => n.getName() === list.name);
  if (!range) return;
  const current = range.getRange();
  if (current.getColumn() !== col || current.getRow() + current.getNumRows() !== from) return;
  const grown = current.getSheet().getRange(current.getRow(), col, to - current.getRow() + 1, 1);
  range.setRange(grown);
  namedCache.get(doc)?.set(list.name, grown);
  for (const def of SHEETS) {
    const entry = doc.layout().sheets[def.key];
    if (!entry || entry.maxRows < 2) continue;
    for (const column of def.columns) {
      if (column.validation?.kind !== list.kind || entry.cols[column.key] === undefined) continue;
      const rule = validationRule(column, (name) => (name === list.name ? grown : named(doc)(name)));
      const target = doc.sheet(def.key);
      if (rule && target)
        target.getRange(2, entry.cols[column.key], entry.maxRows - 1, 1).setDataValidation(rule);
    }
  }
}
