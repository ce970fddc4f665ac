/**
 * The sheet reads and writes of adopting a chunk of rows (app/setup/adopt.ts): one getValues of the
 * chunk's rows, one of a column, one setValues of the chunk's shadow cells, one setDataValidation per
 * validated column. Nothing here is per row.
 */
import { writeShadow } from '../shadow-sheet';
import type { TrackerDocument } from '../document';
import type { SheetKey } from '../schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Rows `from`..`to` of columns 1..`width` (one getValues). */
export function readRows(sheet: Sheet, from: number, to: number, width: number): unknown[][] {
  if (to < from || width < 1) return [];
  return sheet.getRange(from, 1, to - from + 1, width).getValues();
}

/** Rows `from`..`to` of one column (one getValues). */
export function readColumn(sheet: Sheet, col: number, from: number, to: number): unknown[] {
  if (to < from || col < 1) return [];
  return sheet
    .getRange(from, col, to - from + 1, 1)
    .getValues()
    .map((r) => r[0]);
}

/**
 * Writes the shadow cells of rows `from`.. of sheet `key` (one setValues through writeShadow; the
 * column is marked `filling` in the layout until the sheet is adopted whole, so no one reads a
 * half-filled shadow).
 */
export function writeShadowBlock(
  doc: TrackerDocument,
  key: SheetKey,
  from: number,
  cells: readonly string[],
): void {
  writeShadow(doc, key, new Map(cells.map((cell, i) => [from + i, cell])));
}

/** The named range `name` (asked once per execution through `cache`). */
export function namedRange(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  cache: Map<string, Range | null>,
  name: string,
): Range | null {
  if (!cache.has(name)) cache.set(name, ss.getRangeByName(name));
  return cache.get(name) ?? null;
}

/** A document property read now (not the execution's first read: another may have changed it since). */
export function freshDocumentProperty(key: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(key);
}
