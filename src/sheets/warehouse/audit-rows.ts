/**
 * The Audit Log rows the warehouse reads: those after its cursor (one getValues, the cursor's own
 * row included to check it is still where it was), else every row.
 */
import { AUDIT_WIDTH } from '../audit-sheet';
import type { TrackerDocument } from '../document';

function auditSheet(doc: TrackerDocument): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = doc.sheet('auditLog');
  if (!sheet)
    throw new Error('The Audit Log sheet is missing: run Extensions > Partnership Tracker > Set up tracker.');
  return sheet;
}

/** Rows `first`..`last` of the log (ten cells each): one getValues. */
export function auditRows(doc: TrackerDocument, first: number, last: number): unknown[][] {
  if (last < first) return [];
  return auditSheet(doc)
    .getRange(first, 1, last - first + 1, AUDIT_WIDTH)
    .getValues();
}

/** The sheet row holding `hash` in the Hash column (one getValues), or null. */
export function findAuditRow(doc: TrackerDocument, hash: string, last: number): number | null {
  if (last < 2) return null;
  const hashes = auditSheet(doc)
    .getRange(2, AUDIT_WIDTH, last - 1, 1)
    .getValues();
  for (let i = hashes.length - 1; i >= 0; i--) if (String(hashes[i][0]) === hash) return i + 2;
  return null;
}
