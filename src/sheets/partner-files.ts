/**
 * The partners' own view files, through the advanced Drive (v3) and Sheets (v4) services: both accept
 * the non-sensitive `drive.file` scope for files the add-on created, where SpreadsheetApp.create,
 * openById and DriveApp would need `spreadsheets` (sensitive) or `drive` (restricted).
 *
 * - A file is made with Drive files.create in one call: a Google Sheets file with
 *   copyRequiresWriterPermission (readers cannot copy, print or download it) and appProperties
 *   naming the tracker, the partner and the file's generation, so a run that died after creating it
 *   finds it again (files.list by appProperties) instead of making a second one.
 * - Its content is written with ONE spreadsheets.batchUpdate (all or nothing): the sheets' titles and
 *   grid when new, rows added when needed, each sheet cleared and written. Strings go in as
 *   stringValue: text from a form is never a formula.
 * - It is shared with permissions.create (role reader, sendNotificationEmail false: no Drive e-mail,
 *   whose quota is not the add-on's to spend; the partner gets the link in the tracker's own mail),
 *   and unshared with permissions.delete.
 */
import type { PartnerView, ViewCell } from '../domain/partners/view';
import type { TrackerDocument } from './document';

const MIME_SHEETS = 'application/vnd.google-apps.spreadsheet';
/** appProperties keys on each view file. */
const TAG = { tracker: 'ptTracker', partner: 'ptPartner', generation: 'ptGeneration' } as const;
/** Rows a sheet gets beyond its content when it is made or grown (fewer growth requests). */
const HEADROOM = 50;

export interface ViewFileRef {
  id: string;
  partnerId: string;
  generation: number;
}

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive)
    throw new Error(
      'Partner views need the Google Drive API advanced service: enable it in appsscript.json (dependencies.enabledAdvancedServices).',
    );
  return Drive;
}
function sheets(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error(
      'Partner views need the Google Sheets API advanced service: enable it in appsscript.json (dependencies.enabledAdvancedServices).',
    );
  return Sheets;
}

const names = new WeakMap<TrackerDocument, string>();

/** The tracker's id (no call) and name (one call, once an execution): the program a view belongs to. */
export function trackerIdentity(doc: TrackerDocument): { id: string; name: string } {
  let name = names.get(doc);
  if (name === undefined) {
    name = doc.ss.getName();
    names.set(doc, name);
  }
  return { id: doc.ss.getId(), name };
}

/** The address of a spreadsheet (no call). */
export function fileUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** Makes an empty view file (one call): its one sheet is "Sheet1", id 0. */
export function createViewFile(
  name: string,
  trackerId: string,
  partnerId: string,
  generation: number,
): string {
  const made = drive().Files.create({
    name,
    mimeType: MIME_SHEETS,
    copyRequiresWriterPermission: true,
    appProperties: {
      [TAG.tracker]: trackerId,
      [TAG.partner]: partnerId,
      [TAG.generation]: String(generation),
    },
  });
  return String(made.id);
}

/** Every view file this tracker made that is not in the trash (one call a thousand files). */
export function findViewFiles(trackerId: string): ViewFileRef[] {
  const out: ViewFileRef[] = [];
  let pageToken: string | undefined;
  const q = `appProperties has { key='${TAG.tracker}' and value='${trackerId.replace(/['\\]/g, '\\$&')}' } and trashed = false`;
  do {
    const page: GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList = drive().Files.list({
      q,
      pageSize: 1000,
      fields: 'nextPageToken, files(id, appProperties)',
      ...(pageToken && { pageToken }),
    });
    for (const f of page.files ?? [])
      out.push({
        id: String(f.id),
        partnerId: String(f.appProperties?.[TAG.partner] ?? ''),
        generation: Number(f.appProperties?.[TAG.generation] ?? 0),
      });
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/** The grid rows of a view file's sheets, or null when it still has only the sheet it was made with. */
export function viewGrid(id: string, titles: readonly string[]): number[] | null {
  const found = sheets().Spreadsheets.get(id, { fields: 'sheets.properties' }).sheets ?? [];
  const grid = titles.map((title, index) => {
    const sheet = found.find((s) => s.properties?.title === title && s.properties?.sheetId === index);
    return sheet ? Number(sheet.properties?.gridProperties?.rowCount ?? 0) : -1;
  });
  if (grid.every((rows) => rows > 0)) return grid;
  return null;
}

function cellData(value: ViewCell): GoogleAppsScript.Sheets.Schema.CellData {
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (value === '') return {};
  return { userEnteredValue: { stringValue: value } };
}

/**
 * Writes a view into its file with one batchUpdate: `grid` is the rows each sheet has (null: a new
 * file, whose sheets are made now). Returns the grid after the write.
 */
export function writeView(id: string, view: PartnerView, grid: readonly number[] | null): number[] {
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  const after: number[] = [];
  view.sheets.forEach((sheet, sheetId) => {
    const width = Math.max(2, ...sheet.rows.map((r) => r.length));
    const needed = Math.max(1, sheet.rows.length);
    if (grid === null) {
      const rowCount = needed + HEADROOM;
      const properties = { sheetId, title: sheet.title, gridProperties: { rowCount, columnCount: width } };
      requests.push(
        sheetId === 0
          ? {
              updateSheetProperties: {
                properties,
                fields: 'title,gridProperties.rowCount,gridProperties.columnCount',
              },
            }
          : { addSheet: { properties } },
      );
      after.push(rowCount);
    } else {
      let rows = grid[sheetId];
      if (needed > rows) {
        requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length: needed - rows + HEADROOM } });
        rows = needed + HEADROOM;
      }
      requests.push({ updateCells: { range: { sheetId }, fields: 'userEnteredValue' } });
      after.push(rows);
    }
    if (sheet.rows.length)
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: 0 },
          rows: sheet.rows.map((r) => ({ values: r.map(cellData) })),
          fields: 'userEnteredValue',
        },
      });
  });
  sheets().Spreadsheets.batchUpdate({ requests }, id);
  return after;
}

/** Shares a file as viewer with one person, without Drive's e-mail; returns the permission id. */
export function shareView(id: string, email: string): string {
  const permission = drive().Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, id, {
    sendNotificationEmail: false,
  });
  return String(permission.id);
}

/** Removes a person's access (by the permission id shareView returned, else found by e-mail). */
export function unshareView(id: string, email: string, permissionId: string): void {
  let permission = permissionId;
  if (!permission) {
    const all =
      drive().Permissions.list(id, { fields: 'permissions(id, emailAddress, role)' }).permissions ?? [];
    permission = String(
      all.find((p) => p.emailAddress?.toLowerCase() === email && p.role !== 'owner')?.id ?? '',
    );
    if (!permission) return;
  }
  try {
    drive().Permissions.remove(id, permission);
  } catch (err) {
    // Already removed (a run that died after removing it, before storing that it did).
    if (!/Permission not found/i.test(err instanceof Error ? err.message : String(err))) throw err;
  }
}
