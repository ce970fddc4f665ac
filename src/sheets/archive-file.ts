/**
 * Archive spreadsheets holding audit rows (header + rows, stored exactly as given), created and
 * written in steps through the advanced Sheets service (the Sheets API), which accepts the
 * `drive.file` scope for files the add-on created. SpreadsheetApp.create and openById would need
 * the `spreadsheets` scope: every spreadsheet of the user.
 *
 * Rows are written with valueInputOption RAW: a string is stored as it is, never read as a formula
 * or a number, so the archive needs neither a plain-text format nor the leading apostrophe.
 */
import { AUDIT_LOG } from './sheet-defs/audit-log';
import { columnLetter } from './capacity';

const WIDTH = AUDIT_LOG.columns.length;
const LAST = columnLetter(WIDTH);
/** The archive's one sheet, named like the log, as A1 notation quotes it. */
const SHEET = `'${AUDIT_LOG.name.replace(/'/g, "''")}'`;

export interface ArchiveFile {
  id: string;
  url: string;
  /** Sheet row of the last audit row written (1 = only the header) and its hash. */
  end: { row: number; hash: string };
}

function sheetsApi(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error(
      'The audit archive needs the Google Sheets API advanced service: enable it in appsscript.json (dependencies.enabledAdvancedServices).',
    );
  return Sheets;
}

/** Creates an archive sized for `capacity` audit rows, with only the header written (two calls). */
export function createArchive(name: string, capacity: number): ArchiveFile {
  const api = sheetsApi();
  const created = api.Spreadsheets.create({
    properties: { title: name },
    sheets: [
      {
        properties: {
          title: AUDIT_LOG.name,
          gridProperties: { rowCount: capacity + 1, columnCount: WIDTH },
        },
      },
    ],
  });
  const id = String(created.spreadsheetId);
  api.Spreadsheets.Values.update(
    { values: [AUDIT_LOG.columns.map((c) => c.header)] },
    id,
    `${SHEET}!A1:${LAST}1`,
    {
      valueInputOption: 'RAW',
    },
  );
  return { id, url: String(created.spreadsheetUrl), end: { row: 1, hash: '' } };
}

/**
 * Opens an archive to continue filling it: its last written row and that row's hash, from one read
 * of the hash column starting at `knownEnd` (a row known to be written: the rows after it are the
 * ones a step wrote before it failed).
 */
export function openArchive(id: string, url: string, knownEnd = 1): ArchiveFile {
  const from = Math.max(1, Math.floor(knownEnd));
  const values = sheetsApi().Spreadsheets.Values.get(id, `${SHEET}!${LAST}${from}:${LAST}`).values ?? [];
  if (!values.length && from > 1) return openArchive(id, url, 1);
  const row = from + values.length - 1;
  const hash = row < 2 ? '' : String(values[values.length - 1]?.[0] ?? '');
  return { id, url, end: { row, hash } };
}

/** Writes audit rows after the archive's last row (one call) and moves its end. */
export function appendToArchive(archive: ArchiveFile, rows: unknown[][]): void {
  if (!rows.length) return;
  const first = archive.end.row + 1;
  const last = archive.end.row + rows.length;
  sheetsApi().Spreadsheets.Values.update(
    { values: rows.map((r) => r.slice(0, WIDTH)) },
    archive.id,
    `${SHEET}!A${first}:${LAST}${last}`,
    { valueInputOption: 'RAW' },
  );
  archive.end = { row: last, hash: String(rows[rows.length - 1][WIDTH - 1]) };
}
