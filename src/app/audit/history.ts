/**
 * "History of this row": the selected record's audit entries, newest first (the log is read from its
 * last row up), values shown as the sheet shows them.
 */
import type { HistoryEntry, RowHistory } from '../../shared/api';
import { latestArchiveUrl } from '../../domain/audit/archive';
import { rowEntry } from '../../domain/audit/entry';
import { readLog } from '../../sheets/audit-sheet';
import { TrackerDocument } from '../../sheets/document';
import { recordOfCell } from '../../sheets/record-of';
import { sheetDef } from '../../sheets/schema';
import { fail } from '../user-error';
import { shownValue } from './history-values';

export function getRowHistory(doc: TrackerDocument = new TrackerDocument()): RowHistory {
  const range = doc.ss.getActiveRange();
  const sheet = range ? range.getSheet() : null;
  const key = sheet ? doc.keyOfSheet(sheet.getSheetId()) : null;
  if (!range || !sheet || !key || !sheetDef(key).tracked || range.getRow() < 2) {
    fail('Select a row of Partners, Leads, Commissions, Payouts, Plans or Settings first.');
  }
  const def = sheetDef(key);
  const layout = doc.layout().sheets[key]!;
  const idCol = layout.cols[def.id?.column ?? def.identifying];
  const rowRecord = idCol ? String(sheet.getRange(range.getRow(), idCol).getValue() ?? '') : '';
  const selectedKey = Object.entries(layout.cols).find(([, col]) => col === range.getColumn())?.[0] ?? '';
  const recordId = recordOfCell(def, selectedKey, rowRecord);
  if (!recordId) fail(`Row ${range.getRow()} of ${sheet.getName()} has no ${def.id ? 'id' : 'name'} yet.`);
  const formats = new Map(def.columns.map((c) => [c.header, c.format]));
  const days = doc.days();
  const { rows } = readLog(doc);
  const entries: HistoryEntry[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const e = rowEntry(rows[i]);
    if (e.recordId !== recordId) continue;
    if (!def.id && e.sheet !== sheet.getName()) continue;
    const format = formats.get(e.field);
    entries.push({
      timestamp: e.timestamp,
      user: e.user,
      source: e.source,
      field: e.field,
      cell: e.cell,
      oldValue: shownValue(e.oldValue, format, days),
      newValue: shownValue(e.newValue, format, days),
    });
  }
  return { sheet: sheet.getName(), recordId, entries, archivedIn: latestArchiveUrl(rows) };
}
