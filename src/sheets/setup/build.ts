/**
 * Set-up's write phase, sheet by sheet: create or complete the header row, metadata, formats,
 * banding, notes, validation, protection, conditional formats. Every step is a constant number of
 * calls whatever the rows of the sheet (whole-column ranges), works from what the read phase found
 * (no second read), and skips what is already there, so a second run repairs only.
 */
import { METADATA, SHADOW_HEADER, SHADOW_SHEET_NAME, type ColumnDef, type SheetDef } from '../schema';
import { LIST_CAPACITY, LIST_DEFS, REF_RANGES, SETTING_DEFS } from '../sheet-defs/settings';
import { GROW_BY, columnLetter } from '../capacity';
import { neutralizeBlock } from '../cell-text';
import { numberFormat, sameRule, validationRule } from './formats';
import { PROTECTION_PREFIX, protectRange, protectSheet } from './protect';
import { LEAD_STATUS } from '../../shared/statuses';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Audit Log starts with room for this many rows, so appends rarely need to add rows. */
const AUDIT_INITIAL_ROWS = 5000;

type Range = GoogleAppsScript.Spreadsheet.Range;

/** A sheet set-up found and read (its values, header row first: [] when empty). */
export interface ExistingSheet {
  sheet: Sheet;
  cols: Record<string, number>;
  values: unknown[][];
  hasMetadata: Set<string>;
  /** The sheet already carries the tracker's sheet metadata (set up before). */
  tagged: boolean;
  /** `values` holds every row (false: only the header row; the rows are adopted in chunks). */
  whole: boolean;
  /** The sheet's last row with content. */
  lastRow: number;
}

export interface BuiltSheet {
  sheet: Sheet;
  def: SheetDef;
  cols: Record<string, number>;
  created: boolean;
  /** Set up before (its sheet metadata was there): what is missing now is a repair. */
  tagged: boolean;
  addedColumns: string[];
  repaired: string[];
  /** getMaxRows, asked once. */
  maxRows: number;
  /** The sheet's values as set-up left them (header row first, the columns it added included). */
  values: unknown[][];
  /** `values` holds every row (false: only the header row). */
  whole: boolean;
  /** The last row with content (0: empty). */
  lastRow: number;
}

/** The rows insertSheet gives a new sheet. */
const SHEET_INITIAL_ROWS = 1000;

/** The editors a new protection gets, by its description. */
export type EditorsFor = (description: string) => readonly string[];

/** Creates the sheet, or adds its missing columns after the user's; headers bold and frozen; metadata. */
export function completeSheet(
  ss: Spreadsheet,
  def: SheetDef,
  existing: ExistingSheet | null,
  index: number,
): BuiltSheet {
  const created = !existing;
  const sheet = existing ? existing.sheet : ss.insertSheet(def.name, index);
  // Sheets counts every grid cell toward 10 million per spreadsheet, empty ones included: a new
  // sheet (1000 x 26) keeps only the columns it uses. (The Dashboard, which has none yet, keeps its
  // default grid; a user's adopted sheet keeps its own.)
  let knownColumns: number | null = null;
  if (created && def.columns.length) knownColumns = trimColumns(sheet, def.columns.length);
  // An empty sheet no set-up has tagged yet (a user's blank tab, or one a set-up that died had just
  // created) is trimmed too, past its header.
  else if (existing && !existing.tagged && existing.lastRow <= 1 && def.columns.length)
    knownColumns = trimColumns(sheet, Math.max(def.columns.length, existing.values[0]?.length ?? 0));
  let maxRows = sheet.getMaxRows();
  // (also when an earlier set-up died after creating the sheet: running it again finishes the job)
  if (def.key === 'auditLog' && maxRows < AUDIT_INITIAL_ROWS) {
    sheet.insertRowsAfter(maxRows, AUDIT_INITIAL_ROWS - maxRows);
    maxRows = AUDIT_INITIAL_ROWS;
  }
  // A tracked sheet full to its last row gets a chunk of empty rows, so the first append after
  // set-up (registerLead, an import) does not have to add rows.
  const lastRow = existing?.lastRow ?? 0;
  if (existing && def.tracked && lastRow >= maxRows) {
    sheet.insertRowsAfter(maxRows, GROW_BY);
    maxRows += GROW_BY;
  }
  const whole = existing?.whole ?? true;
  const values = existing ? existing.values : [];
  if (def.columns.length && !values.length) values.push([]);
  const header = values[0] ?? [];
  const cols = { ...(existing?.cols ?? {}) };
  const missing = def.columns.filter((c) => !cols[c.key]);
  const repaired: string[] = [];
  if (def.columns.length && missing.length) {
    const start = header.length + 1;
    missing.forEach((c, i) => (cols[c.key] = start + i));
    const last = start + missing.length - 1;
    const maxColumns = knownColumns ?? sheet.getMaxColumns();
    if (maxColumns < last) sheet.insertColumnsAfter(maxColumns, last - maxColumns);
    const headers = missing.map((c) => c.header);
    sheet.getRange(1, start, 1, missing.length).setValues([headers]);
    header.push(...headers);
    // A sheet adopted in chunks: its header row now, each chunk its rows (app/setup/adopt.ts).
    formatColumns(sheet, missing, start, 1, whole ? maxRows : 1);
    if (!created) repaired.push(`added columns ${headers.join(', ')}`);
  }
  // An empty tab no set-up tagged, with the tracker's columns in order (one a set-up that died had
  // begun): its columns get their formats, as a new sheet's do.
  const ours = def.columns.every((c, i) => cols[c.key] === i + 1);
  if (existing && !existing.tagged && lastRow <= 1 && def.columns.length && ours)
    formatColumns(sheet, def.columns, 1, 1, maxRows);
  const tagged = existing?.tagged ?? false;
  if (def.columns.length) {
    const width = header.length;
    const headerRange = sheet.getRange(1, 1, 1, width);
    if (!tagged || missing.length) headerRange.setFontWeight('bold');
    if (created || sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
    const notes: string[] = created ? new Array<string>(width).fill('') : headerRange.getNotes()[0];
    let notesChanged = false;
    for (const c of def.columns) {
      if (!notes[cols[c.key] - 1]) {
        notes[cols[c.key] - 1] = c.note;
        notesChanged = true;
      }
    }
    if (notesChanged) headerRange.setNotes([notes]);
  }
  if (!tagged) sheet.addDeveloperMetadata(METADATA.sheet, def.key);
  for (const c of def.columns) {
    if (existing?.hasMetadata.has(c.key)) continue;
    sheet
      .getRange(`${columnLetter(cols[c.key])}:${columnLetter(cols[c.key])}`)
      .addDeveloperMetadata(METADATA.column, c.key);
  }
  if (def.banded && (created || sheet.getBandings().length === 0)) {
    sheet
      .getRange(1, 1, maxRows, header.length)
      .applyRowBanding(SpreadsheetApp.BandingTheme.LIGHT_GREY, true, false);
    if (!created) repaired.push('banding');
  }
  return {
    sheet,
    def,
    cols,
    created,
    tagged,
    addedColumns: missing.map((c) => c.key),
    repaired,
    maxRows,
    values,
    whole,
    lastRow,
  };
}

/** Deletes a new sheet's columns past `width`; returns the columns it keeps. */
function trimColumns(sheet: Sheet, width: number): number {
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > width) sheet.deleteColumns(width + 1, maxColumns - width);
  return Math.min(maxColumns, width);
}

/**
 * Widths and number formats of new columns (placed side by side from `start`): one call per run of
 * neighbouring columns with the same width, one per run with the same format (rows `top`..`bottom`).
 */
function formatColumns(
  sheet: Sheet,
  columns: readonly ColumnDef[],
  start: number,
  top: number,
  bottom: number,
): void {
  runs(columns, (c) => c.width).forEach(({ from, count, value }) =>
    sheet.setColumnWidths(start + from, count, value),
  );
  setFormats(sheet, columns, start, top, bottom);
}

/**
 * Number formats of neighbouring columns placed side by side from `start`, rows `top`..`bottom`: one
 * call per run of columns with the same format.
 */
export function setFormats(
  sheet: Sheet,
  columns: readonly ColumnDef[],
  start: number,
  top: number,
  bottom: number,
): void {
  if (bottom < top) return;
  runs(columns, (c) => numberFormat(c.format)).forEach(({ from, count, value }) => {
    if (value) sheet.getRange(top, start + from, bottom - top + 1, count).setNumberFormat(value);
  });
}

function runs<T>(
  items: readonly ColumnDef[],
  of: (c: ColumnDef) => T,
): Array<{ from: number; count: number; value: T }> {
  const out: Array<{ from: number; count: number; value: T }> = [];
  items.forEach((c, i) => {
    const value = of(c);
    const last = out[out.length - 1];
    if (last && last.value === value) last.count++;
    else out.push({ from: i, count: 1, value });
  });
  return out;
}

/** The validated columns of a sheet with their rules (list rules need their named range). */
export function validatedColumns(
  def: SheetDef,
  named: (name: string) => Range | null,
): Array<{ column: ColumnDef; rule: GoogleAppsScript.Spreadsheet.DataValidation }> {
  const wanted: Array<{ column: ColumnDef; rule: GoogleAppsScript.Spreadsheet.DataValidation }> = [];
  for (const column of def.columns) {
    if (column.protected) continue;
    const rule = validationRule(column, named);
    if (rule) wanted.push({ column, rule });
  }
  return wanted;
}

/**
 * Data validation on each validated column (rows 2..max, one call per column). On a sheet that
 * existed, the rules of its first and last rows are read (two calls) and a column is set only when
 * either lacks set-up's rule, so a deleted rule is repaired and a second run writes none. Returns
 * the headers of the columns it repaired on a sheet that was set up before, and the keys of the
 * columns to set. With `now` false (a sheet adopted in chunks) nothing is set here: each chunk sets
 * the rules of `set` on its rows.
 */
export function applyValidation(
  built: BuiltSheet,
  named: (name: string) => Range | null,
  now = true,
): { repaired: string[]; set: string[] } {
  const { sheet, cols, maxRows } = built;
  const rows = maxRows - 1;
  if (rows < 1) return { repaired: [], set: [] };
  const wanted = validatedColumns(built.def, named);
  if (!wanted.length) return { repaired: [], set: [] };
  const first = Math.min(...wanted.map((w) => cols[w.column.key]));
  const span = Math.max(...wanted.map((w) => cols[w.column.key])) - first + 1;
  const edges = built.created
    ? []
    : [2, ...(maxRows > 2 ? [maxRows] : [])].map(
        (row) => sheet.getRange(row, first, 1, span).getDataValidations()[0],
      );
  const repaired: string[] = [];
  const set: string[] = [];
  for (const { column, rule } of wanted) {
    const col = cols[column.key];
    if (edges.length && edges.every((edge) => sameRule(edge[col - first], rule))) continue;
    if (now) sheet.getRange(2, col, rows, 1).setDataValidation(rule);
    set.push(column.key);
    if (built.tagged && !built.addedColumns.includes(column.key)) repaired.push(column.header);
  }
  return { repaired, set };
}

/** Protections by the schema, those missing from `have`; returns the descriptions it added. */
export function applyProtection(built: BuiltSheet, have: ReadonlySet<string>, editors: EditorsFor): string[] {
  const { sheet, def } = built;
  if (def.protection === 'none') return [];
  const added: string[] = [];
  if (def.protection === 'sheet' || def.protection === 'warning') {
    const description = `${PROTECTION_PREFIX}${def.name}`;
    if (!have.has(description)) {
      protectSheet(sheet, description, def.protection === 'warning', editors(description));
      added.push(description);
    }
    if (def.protection === 'sheet') return added;
  }
  for (const c of def.columns) {
    if (!(c.protected && def.protection === 'columns') && !c.ownerOnly && !c.money) continue;
    const description = `${PROTECTION_PREFIX}${def.name} > ${c.header}`;
    if (have.has(description)) continue;
    protectRange(sheet.getRange(1, built.cols[c.key], built.maxRows, 1), description, editors(description));
    added.push(description);
  }
  return added;
}

/** Sets a cell of an in-memory values grid (rows and columns added as needed). */
function put(values: unknown[][], row: number, col: number, value: unknown): void {
  while (values.length < row) values.push([]);
  const cells = values[row - 1];
  while (cells.length < col) cells.push('');
  cells[col - 1] = value;
}

/** The named range `name`: asked once, or set to `range` when missing. */
function ensureNamed(ss: Spreadsheet, named: Map<string, Range>, name: string, range: () => Range): void {
  if (named.has(name)) return;
  let found = ss.getRangeByName(name);
  if (!found) {
    found = range();
    ss.setNamedRange(name, found);
  }
  named.set(name, found);
}

/**
 * Settings: the key/value rows and list entries that are missing (also put into `built.values`, so
 * the sheet need not be read again), then the named ranges (into `named`). An empty Team list is
 * seeded with the owner.
 */
export function fillSettings(
  ss: Spreadsheet,
  built: BuiltSheet,
  owner: string,
  named: Map<string, Range>,
): string[] {
  const { sheet, cols, values } = built;
  const done: string[] = [];
  const labels = new Set(
    values.slice(1).map((r) =>
      String(r[cols.setting - 1] ?? '')
        .trim()
        .toLowerCase(),
    ),
  );
  const missing = SETTING_DEFS.filter((s) => !labels.has(s.label.toLowerCase()));
  if (missing.length) {
    let last = 1;
    values.forEach((row, i) => {
      if (i > 0 && String(row[cols.setting - 1] ?? '') !== '') last = i + 1;
    });
    const block = neutralizeBlock(missing.map((s) => [s.label, s.value, s.about]));
    if (cols.value === cols.setting + 1 && cols.about === cols.setting + 2) {
      sheet.getRange(last + 1, cols.setting, block.length, 3).setValues(block);
      block.forEach((row, i) => row.forEach((v, j) => put(values, last + 1 + i, cols.setting + j, v)));
    }
    done.push(`settings ${missing.map((s) => s.label).join(', ')}`);
  }
  for (const list of LIST_DEFS) {
    const col = cols[list.key];
    const hasEntries = values.slice(1).some((r) => String(r[col - 1] ?? '').trim() !== '');
    const defaults = list.key === 'team' && owner ? [owner] : list.defaults;
    if (!hasEntries && defaults.length) {
      sheet.getRange(2, col, defaults.length, 1).setValues(defaults.map((d) => [d]));
      defaults.forEach((d, i) => put(values, 2 + i, col, d));
      done.push(`list ${list.key}`);
    }
    ensureNamed(ss, named, list.rangeName, () => sheet.getRange(2, col, LIST_CAPACITY, 1));
  }
  const width = Math.max(...values.map((r) => r.length));
  for (const row of values) while (row.length < width) row.push('');
  return done;
}

/** The named ranges behind Partner ID and Plan dropdowns (the id/name column of their sheets). */
export function referenceRanges(
  ss: Spreadsheet,
  partners: BuiltSheet | undefined,
  plans: BuiltSheet | undefined,
  named: Map<string, Range>,
): void {
  if (partners)
    ensureNamed(ss, named, REF_RANGES.partnerIds, () =>
      partners.sheet.getRange(2, partners.cols.partnerId, partners.maxRows - 1, 1),
    );
  if (plans)
    ensureNamed(ss, named, REF_RANGES.planNames, () =>
      plans.sheet.getRange(2, plans.cols.planName, plans.maxRows - 1, 1),
    );
}

/** Leads: status colours, Expires On within 14 days, Submitted for more than 7 days (set when absent). */
export function leadFormats(built: BuiltSheet): boolean {
  const { sheet, cols } = built;
  if (!built.created && sheet.getConditionalFormatRules().length) return false;
  const rows = built.maxRows - 1;
  const width = Math.max(...Object.values(cols));
  const all = sheet.getRange(2, 1, rows, width);
  const status = columnLetter(cols.status);
  const expires = columnLetter(cols.expiresOn);
  const registered = columnLetter(cols.registeredOn);
  const { Submitted, Approved, Rejected, Won, Lost, Expired } = LEAD_STATUS;
  const colours: Array<[string, string]> = [
    [Won, '#d9ead3'],
    [Lost, '#eeeeee'],
    [Rejected, '#f4cccc'],
    [Expired, '#eeeeee'],
    [Approved, '#cfe2f3'],
  ];
  const rules = [
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($${status}2="${Submitted}",$${registered}2<>"",TODAY()-$${registered}2>7)`)
      .setBackground('#fce5cd')
      .setRanges([all])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($${status}2="${Approved}",$${expires}2<>"",$${expires}2-TODAY()<=14)`)
      .setBackground('#fff2cc')
      .setRanges([all])
      .build(),
    ...colours.map(([value, colour]) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=$${status}2="${value}"`)
        .setBackground(colour)
        .setRanges([all])
        .build(),
    ),
  ];
  sheet.setConditionalFormatRules(rules);
  return true;
}

/**
 * The hidden, protected shadow sheet (one column per tracked sheet). A new one is given the rows of
 * the largest tracked sheet (`rowsNeeded`) and a chunk of headroom at once, so filling it never
 * grows it and the calls do not depend on the rows adopted.
 */
export function ensureShadowSheet(
  ss: Spreadsheet,
  existing: Sheet | null,
  have: ReadonlySet<string>,
  editors: EditorsFor,
  rowsNeeded: number,
  unfinished = false,
): { sheet: Sheet; created: boolean; maxRows: number } {
  const description = `${PROTECTION_PREFIX}${SHADOW_SHEET_NAME}`;
  if (existing) {
    // An earlier set-up that died right after creating it (`unfinished`): its header row (the column
    // keys) is written again.
    if (unfinished) {
      trimColumns(existing, SHADOW_HEADER.length);
      existing.getRange(1, 1, 1, SHADOW_HEADER.length).setValues([[...SHADOW_HEADER]]);
    }
    if (!have.has(description)) protectSheet(existing, description, false, editors(description));
    if (!existing.isSheetHidden()) existing.hideSheet();
    let maxRows = existing.getMaxRows();
    // ... and the rows it would have been given
    if (unfinished && maxRows < rowsNeeded + GROW_BY) {
      const wanted = Math.max(SHEET_INITIAL_ROWS, rowsNeeded) + GROW_BY;
      existing.insertRowsAfter(maxRows, wanted - maxRows);
      maxRows = wanted;
    }
    return { sheet: existing, created: false, maxRows };
  }
  const sheet = ss.insertSheet(SHADOW_SHEET_NAME, ss.getNumSheets());
  // One column per tracked sheet and the journal's, nothing more (every grid cell counts toward 10 million).
  trimColumns(sheet, SHADOW_HEADER.length);
  const initialRows = sheet.getMaxRows();
  sheet.addDeveloperMetadata(METADATA.sheet, 'shadow');
  sheet.getRange(1, 1, 1, SHADOW_HEADER.length).setValues([[...SHADOW_HEADER]]);
  // No number format: a shadow cell is a JSON object ("{...}"), which Sheets never reads as a
  // number, date, boolean or formula, so every row (the ones added later too) stores it as text.
  const maxRows = Math.max(initialRows, rowsNeeded) + GROW_BY;
  sheet.insertRowsAfter(initialRows, maxRows - initialRows);
  protectSheet(sheet, description, false, editors(description));
  sheet.hideSheet();
  return { sheet, created: true, maxRows };
}
