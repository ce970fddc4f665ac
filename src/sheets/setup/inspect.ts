/**
 * Set-up's read phase: finds every tracker sheet (by metadata or name), reads each existing one's
 * header row and row count (a small sheet, and Settings, whole with one getValues; a sheet with more
 * rows than an adoption chunk only its header: its rows are adopted chunk by chunk, see
 * app/setup/adopt.ts), maps its columns, and decides what to do with it, so that NOTHING is written
 * when a sheet with a tracker name cannot be adopted (its identifying column is missing).
 */
import { findShadowSheet } from '../document';
import { columnMetadata, identifySheets, mapColumns, sheetTags } from '../layout';
import { SHEETS, type SheetDef } from '../schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type SheetPlan =
  | { def: SheetDef; action: 'create' }
  | {
      def: SheetDef;
      action: 'adopt';
      sheet: Sheet;
      /** Header row first: every row when `whole`, else only the header row. */
      values: unknown[][];
      /** All rows were read (a small sheet), or only the header row. */
      whole: boolean;
      /** The sheet's last row with content (getLastRow). */
      lastRow: number;
      cols: Record<string, number>;
      missing: string[];
      hasMetadata: Set<string>;
      tagged: boolean;
      empty: boolean;
    };

export interface SetupPlan {
  sheets: SheetPlan[];
  shadow: Sheet | null;
  conflicts: Array<{ sheet: string; missing: string[] }>;
}

/** A sheet is read whole when it has at most `wholeRows` data rows (Settings always). */
export function inspectWorkbook(ss: Spreadsheet, wholeRows: number): SetupPlan {
  const all = ss.getSheets();
  const tags = sheetTags(ss);
  const found = identifySheets(ss, tags, all);
  const metadata = columnMetadata(ss);
  const plan: SetupPlan = { sheets: [], shadow: findShadowSheet(ss, tags, all), conflicts: [] };
  for (const def of SHEETS) {
    const sheet = found.get(def.key);
    if (!sheet) {
      plan.sheets.push({ def, action: 'create' });
      continue;
    }
    const lastRow = sheet.getLastRow();
    const whole = lastRow - 1 <= wholeRows || def.key === 'settings';
    const values = lastRow === 0 ? [] : whole ? sheet.getDataRange().getValues() : headerRow(sheet);
    const headers = values[0] ?? [];
    const empty = lastRow === 0 || (whole && values.every((row) => row.every((v) => v === '' || v === null)));
    const meta = metadata.get(sheet.getSheetId()) ?? new Map<string, number>();
    const { cols, missing } = mapColumns(def, empty ? [] : headers, meta);
    if (!empty && def.identifying && !cols[def.identifying]) {
      plan.conflicts.push({ sheet: sheet.getName(), missing });
      continue;
    }
    plan.sheets.push({
      def,
      action: 'adopt',
      sheet,
      values: empty ? [] : values,
      whole: whole || empty,
      lastRow: empty ? 0 : lastRow,
      cols,
      missing: def.columns.filter((c) => !cols[c.key]).map((c) => c.key),
      hasMetadata: new Set(meta.keys()),
      tagged: tags.some((t) => t.value === def.key && t.sheetId === sheet.getSheetId()),
      empty,
    });
  }
  return plan;
}

/** The header row of a sheet (two calls: its width, its values). */
function headerRow(sheet: Sheet): unknown[][] {
  const width = sheet.getLastColumn();
  return width > 0 ? sheet.getRange(1, 1, 1, width).getValues() : [[]];
}

export function conflictMessage(conflicts: SetupPlan['conflicts']): string {
  const parts = conflicts.map(
    (c) => `the sheet "${c.sheet}" has no column ${c.missing.map((m) => `"${m}"`).join(', ')}`,
  );
  return `Set-up changed nothing: ${parts.join('; ')}. Rename that sheet (or add the missing columns to its header row) and run Set up tracker again.`;
}
