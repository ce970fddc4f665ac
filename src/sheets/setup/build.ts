/**
 * Set-up's write phase, sheet by sheet: create or complete the header row, metadata, formats,
 * banding, notes, validation, protection, conditional formats. Every step is constant in the rows
 * of the sheet (whole-column ranges), and skips what is already there, so a second run repairs only.
 */
import { METADATA, SHADOW_SHEET_NAME, TRACKED_SHEETS, type ColumnDef, type SheetDef } from '../schema';
import { LIST_CAPACITY, LIST_DEFS, REF_RANGES, SETTING_DEFS } from '../sheet-defs/settings';
import { columnLetter } from '../capacity';
import { neutralizeBlock } from '../cell-text';
import { numberFormat, validationRule } from './formats';
import { PROTECTION_PREFIX, existingDescriptions, protectRange, protectSheet } from './protect';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Audit Log starts with room for this many rows, so appends rarely need to add rows. */
const AUDIT_INITIAL_ROWS = 5000;

export interface BuiltSheet {
  sheet: Sheet;
  def: SheetDef;
  cols: Record<string, number>;
  created: boolean;
  addedColumns: string[];
  repaired: string[];
}

/** Creates the sheet, or adds its missing columns after the user's; headers bold and frozen; metadata. */
export function completeSheet(
  ss: Spreadsheet,
  def: SheetDef,
  existing: { sheet: Sheet; cols: Record<string, number>; width: number; hasMetadata: Set<string> } | null,
  index: number,
): BuiltSheet {
  const created = !existing;
  const sheet = existing ? existing.sheet : ss.insertSheet(def.name, index);
  if (created && def.key === 'auditLog')
    sheet.insertRowsAfter(sheet.getMaxRows(), AUDIT_INITIAL_ROWS - sheet.getMaxRows());
  const cols = { ...(existing?.cols ?? {}) };
  const missing = def.columns.filter((c) => !cols[c.key]);
  const repaired: string[] = [];
  if (def.columns.length && missing.length) {
    let next = existing ? Math.max(existing.width, 0) + 1 : 1;
    const start = next;
    for (const c of missing) cols[c.key] = next++;
    if (sheet.getMaxColumns() < next - 1)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), next - 1 - sheet.getMaxColumns());
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map((c) => c.header)]);
    formatColumns(sheet, missing, cols);
    if (!created) repaired.push(`added columns ${missing.map((c) => c.header).join(', ')}`);
  }
  if (def.columns.length) {
    const width = Math.max(...Object.values(cols));
    const header = sheet.getRange(1, 1, 1, width);
    header.setFontWeight('bold');
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
    const notes = sheet.getRange(1, 1, 1, width).getNotes()[0];
    let notesChanged = false;
    for (const c of def.columns) {
      if (!notes[cols[c.key] - 1]) {
        notes[cols[c.key] - 1] = c.note;
        notesChanged = true;
      }
    }
    if (notesChanged) header.setNotes([notes]);
  }
  if (created || !existing?.hasMetadata.size) {
    if (created || !hasSheetMetadata(sheet)) sheet.addDeveloperMetadata(METADATA.sheet, def.key);
  }
  for (const c of def.columns) {
    if (existing?.hasMetadata.has(c.key)) continue;
    sheet
      .getRange(`${columnLetter(cols[c.key])}:${columnLetter(cols[c.key])}`)
      .addDeveloperMetadata(METADATA.column, c.key);
  }
  if (def.banded && sheet.getBandings().length === 0) {
    sheet
      .getRange(1, 1, sheet.getMaxRows(), Math.max(...Object.values(cols)))
      .applyRowBanding(SpreadsheetApp.BandingTheme.LIGHT_GREY, true, false);
    if (!created) repaired.push('banding');
  }
  return { sheet, def, cols, created, addedColumns: missing.map((c) => c.key), repaired };
}

function hasSheetMetadata(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === METADATA.sheet);
}

/** Widths and number formats of new columns (whole data column, one call per column). */
function formatColumns(sheet: Sheet, columns: readonly ColumnDef[], cols: Record<string, number>): void {
  const rows = sheet.getMaxRows();
  for (const c of columns) {
    sheet.setColumnWidth(cols[c.key], c.width);
    const format = numberFormat(c.format);
    if (format) sheet.getRange(1, cols[c.key], rows, 1).setNumberFormat(format);
  }
}

/** Data validation on each validated column (rows 2..max): set again each run, so a deleted rule is repaired. */
export function applyValidation(ss: Spreadsheet, built: BuiltSheet): number {
  let n = 0;
  const rows = built.sheet.getMaxRows() - 1;
  for (const c of built.def.columns) {
    if (c.protected) continue;
    const rule = validationRule(ss, c);
    if (!rule || rows < 1) continue;
    built.sheet.getRange(2, built.cols[c.key], rows, 1).setDataValidation(rule);
    n++;
  }
  return n;
}

/** Protections by the schema; returns the descriptions it added. */
export function applyProtection(built: BuiltSheet): string[] {
  const { sheet, def } = built;
  if (def.protection === 'none') return [];
  const have = existingDescriptions(sheet);
  const added: string[] = [];
  if (def.protection === 'sheet' || def.protection === 'warning') {
    const description = `${PROTECTION_PREFIX}${def.name}`;
    if (!have.has(description)) {
      protectSheet(sheet, description, def.protection === 'warning');
      added.push(description);
    }
    if (def.protection === 'sheet') return added;
  }
  for (const c of def.columns) {
    if (!(c.protected && def.protection === 'columns') && !c.ownerOnly) continue;
    const description = `${PROTECTION_PREFIX}${def.name} > ${c.header}`;
    if (have.has(description)) continue;
    protectRange(sheet.getRange(1, built.cols[c.key], sheet.getMaxRows(), 1), description);
    added.push(description);
  }
  return added;
}

/**
 * Settings: the key/value rows and list entries that are missing, then the named ranges. An empty
 * Team list is seeded with the owner.
 */
export function fillSettings(
  ss: Spreadsheet,
  built: BuiltSheet,
  values: unknown[][],
  owner: string,
): string[] {
  const { sheet, cols } = built;
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
    const block = missing.map((s) => {
      const row: unknown[] = new Array(3).fill('');
      row[0] = s.label;
      row[1] = s.value;
      row[2] = s.about;
      return row;
    });
    if (cols.value === cols.setting + 1 && cols.about === cols.setting + 2) {
      sheet.getRange(last + 1, cols.setting, block.length, 3).setValues(neutralizeBlock(block));
    }
    done.push(`settings ${missing.map((s) => s.label).join(', ')}`);
  }
  for (const list of LIST_DEFS) {
    const col = cols[list.key];
    const hasEntries = values.slice(1).some((r) => String(r[col - 1] ?? '').trim() !== '');
    const defaults = list.key === 'team' && owner ? [owner] : list.defaults;
    if (!hasEntries && defaults.length) {
      sheet.getRange(2, col, defaults.length, 1).setValues(defaults.map((d) => [d]));
      done.push(`list ${list.key}`);
    }
    const range = sheet.getRange(2, col, LIST_CAPACITY, 1);
    if (!ss.getRangeByName(list.rangeName)) ss.setNamedRange(list.rangeName, range);
  }
  return done;
}

/** The named ranges behind Partner ID and Plan dropdowns (the id/name column of their sheets). */
export function referenceRanges(
  ss: Spreadsheet,
  partners: BuiltSheet | undefined,
  plans: BuiltSheet | undefined,
): void {
  if (partners && !ss.getRangeByName(REF_RANGES.partnerIds)) {
    ss.setNamedRange(
      REF_RANGES.partnerIds,
      partners.sheet.getRange(2, partners.cols.partnerId, partners.sheet.getMaxRows() - 1, 1),
    );
  }
  if (plans && !ss.getRangeByName(REF_RANGES.planNames)) {
    ss.setNamedRange(
      REF_RANGES.planNames,
      plans.sheet.getRange(2, plans.cols.planName, plans.sheet.getMaxRows() - 1, 1),
    );
  }
}

/** Leads: status colours, Expires On within 14 days, Submitted for more than 7 days (set when absent). */
export function leadFormats(built: BuiltSheet): boolean {
  const { sheet, cols } = built;
  if (sheet.getConditionalFormatRules().length) return false;
  const rows = sheet.getMaxRows() - 1;
  const width = Math.max(...Object.values(cols));
  const all = sheet.getRange(2, 1, rows, width);
  const status = columnLetter(cols.status);
  const expires = columnLetter(cols.expiresOn);
  const registered = columnLetter(cols.registeredOn);
  const colours: Array<[string, string]> = [
    ['Won', '#d9ead3'],
    ['Lost', '#eeeeee'],
    ['Rejected', '#f4cccc'],
    ['Expired', '#eeeeee'],
    ['Approved', '#cfe2f3'],
  ];
  const rules = [
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($${status}2="Submitted",$${registered}2<>"",TODAY()-$${registered}2>7)`)
      .setBackground('#fce5cd')
      .setRanges([all])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($${status}2="Approved",$${expires}2<>"",$${expires}2-TODAY()<=14)`)
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

/** The hidden, protected shadow sheet (one column per tracked sheet). */
export function ensureShadowSheet(
  ss: Spreadsheet,
  existing: Sheet | null,
): { sheet: Sheet; created: boolean } {
  if (existing) {
    if (!existingDescriptions(existing).has(`${PROTECTION_PREFIX}${SHADOW_SHEET_NAME}`)) {
      protectSheet(existing, `${PROTECTION_PREFIX}${SHADOW_SHEET_NAME}`);
    }
    if (!existing.isSheetHidden()) existing.hideSheet();
    return { sheet: existing, created: false };
  }
  const sheet = ss.insertSheet(SHADOW_SHEET_NAME, ss.getNumSheets());
  sheet.addDeveloperMetadata(METADATA.sheet, 'shadow');
  sheet.getRange(1, 1, 1, TRACKED_SHEETS.length).setValues([TRACKED_SHEETS.map((k) => k)]);
  sheet.getRange(1, 1, sheet.getMaxRows(), TRACKED_SHEETS.length).setNumberFormat('@');
  protectSheet(sheet, `${PROTECTION_PREFIX}${SHADOW_SHEET_NAME}`);
  sheet.hideSheet();
  return { sheet, created: true };
}
