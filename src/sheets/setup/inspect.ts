/**
 * Set-up's read phase: finds every tracker sheet (by metadata or name), reads each existing one once,
 * maps its columns, and decides what to do with it, so that NOTHING is written when a sheet with a
 * tracker name cannot be adopted (its identifying column is missing).
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
      values: unknown[][];
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

export function inspectWorkbook(ss: Spreadsheet): SetupPlan {
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
    const values = sheet.getDataRange().getValues();
    const headers = values[0] ?? [];
    const empty = values.every((row) => row.every((v) => v === '' || v === null));
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
      cols,
      missing: def.columns.filter((c) => !cols[c.key]).map((c) => c.key),
      hasMetadata: new Set(meta.keys()),
      tagged: tags.some((t) => t.value === def.key && t.sheetId === sheet.getSheetId()),
      empty,
    });
  }
  return plan;
}

export function conflictMessage(conflicts: SetupPlan['conflicts']): string {
  const parts = conflicts.map(
    (c) => `the sheet "${c.sheet}" has no column ${c.missing.map((m) => `"${m}"`).join(', ')}`,
  );
  return `Set-up changed nothing: ${parts.join('; ')}. Rename that sheet (or add the missing columns to its header row) and run Set up tracker again.`;
}
