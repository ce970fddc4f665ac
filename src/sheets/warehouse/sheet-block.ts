/**
 * A block of a mirrored sheet's rows, for the warehouse's first load (one block per batch, so a
 * 100,000-row sheet is read over several hourly runs): the sheet's last row, the ids of the rows
 * already loaded (rows 2..`first`-1 of the id column: did they move since?), and rows `first`..,
 * at most `count` of them; three calls at most. The header and the width come from the layout.
 */
import type { TrackerDocument } from '../document';
import type { SheetKey } from '../schema-types';
import { valuesFromShadow } from '../table';

export interface SheetBlock {
  /** The header row (from the layout), then the block's rows. */
  values: unknown[][];
  lastRow: number;
  width: number;
  /** The id column of rows 2..first-1 as they stand now ([] when `first` is 2). */
  loadedIds: unknown[];
}

export function sheetBlock(
  doc: TrackerDocument,
  key: SheetKey,
  idKey: string,
  first: number,
  count: number,
): SheetBlock {
  const sheet = doc.sheet(key);
  const entry = doc.layout().sheets[key];
  if (!sheet || !entry)
    throw new Error(`The ${key} sheet is missing: run Extensions > Partnership Tracker > Set up tracker.`);
  const lastRow = sheet.getLastRow();
  const width = Math.max(1, entry.width);
  const idCol = entry.cols[idKey];
  const loaded = Math.min(first, lastRow + 1) - 2;
  const loadedIds =
    loaded > 0
      ? sheet
          .getRange(2, idCol, loaded, 1)
          .getValues()
          .map((r) => r[0])
      : [];
  const n = Math.min(count, lastRow - first + 1);
  const rows = n > 0 ? sheet.getRange(first, 1, n, width).getValues() : [];
  return { values: [valuesFromShadow(key, entry, [])[0], ...rows], lastRow, width, loadedIds };
}
