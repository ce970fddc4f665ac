/**
 * A block of a mirrored sheet's rows, for the warehouse's first load (one block per batch, so a
 * 100,000-row sheet is read over several hourly runs): the header row and rows `first`..,
 * at most `count` of them, in two getValues; and the sheet's last row.
 */
import type { TrackerDocument } from '../document';
import type { SheetKey } from '../schema-types';

export function sheetBlock(
  doc: TrackerDocument,
  key: SheetKey,
  first: number,
  count: number,
): { values: unknown[][]; lastRow: number; width: number } {
  const sheet = doc.sheet(key);
  if (!sheet)
    throw new Error(`The ${key} sheet is missing: run Extensions > Partnership Tracker > Set up tracker.`);
  const lastRow = sheet.getLastRow();
  const width = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, width).getValues();
  const n = Math.min(count, lastRow - first + 1);
  const rows = n > 0 ? sheet.getRange(first, 1, n, width).getValues() : [];
  return { values: [...header, ...rows], lastRow, width };
}
