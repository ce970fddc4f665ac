/** Archive spreadsheets holding audit rows (header + rows, plain text), written in steps. */
import { AUDIT_LOG } from './sheet-defs/audit-log';
import { neutralizeBlock } from './cell-text';

const WIDTH = AUDIT_LOG.columns.length;

export interface ArchiveFile {
  id: string;
  url: string;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Sheet row of the last audit row written (1 = only the header) and its hash. */
  end: { row: number; hash: string };
}

/**
 * Creates an archive sized for `capacity` audit rows (plain-text format over all of them, so the
 * steps that fill it need no format call), with only the header written.
 */
export function createArchive(name: string, capacity: number): ArchiveFile {
  const file = SpreadsheetApp.create(name, capacity + 1, WIDTH);
  const sheet = file.getSheets()[0];
  sheet.setName(AUDIT_LOG.name);
  sheet.getRange(1, 1, capacity + 1, WIDTH).setNumberFormat('@');
  sheet.getRange(1, 1, 1, WIDTH).setValues([AUDIT_LOG.columns.map((c) => c.header)]);
  return { id: file.getId(), url: file.getUrl(), sheet, end: { row: 1, hash: '' } };
}

/** Opens an archive to continue filling it: its last written row and that row's hash (two reads). */
export function openArchive(id: string, url: string): ArchiveFile {
  const sheet = SpreadsheetApp.openById(id).getSheets()[0];
  const last = sheet.getLastRow();
  const hash = last < 2 ? '' : String(sheet.getRange(last, WIDTH).getValue());
  return { id, url, sheet, end: { row: last, hash } };
}

/** Writes audit rows after the archive's last row (one setValues) and moves its end. */
export function appendToArchive(archive: ArchiveFile, rows: unknown[][]): void {
  if (!rows.length) return;
  archive.sheet.getRange(archive.end.row + 1, 1, rows.length, WIDTH).setValues(neutralizeBlock(rows));
  archive.end = { row: archive.end.row + rows.length, hash: String(rows[rows.length - 1][WIDTH - 1]) };
}

/** The audit rows of an archive spreadsheet (for verification across log and archive). */
export function readArchive(id: string): unknown[][] {
  const sheet = SpreadsheetApp.openById(id).getSheets()[0];
  const last = sheet.getLastRow();
  return last < 2 ? [] : sheet.getRange(2, 1, last - 1, WIDTH).getValues();
}
