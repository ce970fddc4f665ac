/** Creates an archive spreadsheet holding audit rows (header + rows, plain text, one write). */
import { AUDIT_LOG } from './sheet-defs/audit-log';
import { neutralizeBlock } from './cell-text';

export function createArchive(name: string, rows: unknown[][]): { id: string; url: string } {
  const file = SpreadsheetApp.create(name, rows.length + 1, AUDIT_LOG.columns.length);
  const sheet = file.getSheets()[0];
  sheet.setName(AUDIT_LOG.name);
  const range = sheet.getRange(1, 1, rows.length + 1, AUDIT_LOG.columns.length);
  range.setNumberFormat('@');
  range.setValues(neutralizeBlock([AUDIT_LOG.columns.map((c) => c.header), ...rows]));
  return { id: file.getId(), url: file.getUrl() };
}

/** The audit rows of an archive spreadsheet (for verification across log and archive). */
export function readArchive(id: string): unknown[][] {
  const sheet = SpreadsheetApp.openById(id).getSheets()[0];
  const last = sheet.getLastRow();
  return last < 2 ? [] : sheet.getRange(2, 1, last - 1, AUDIT_LOG.columns.length).getValues();
}
