/**
 * The advanced Drive service (v3) and the Sheets API's batchUpdate/get, as Google documents them;
 * each test names the reference page it pins. Run through a small script in the emulator, under a
 * manifest granting drive.file only (the add-on's scope for files it creates).
 */
import { Emulator } from '../../../emulator/harness';
import type { Manifest } from '../../../emulator/manifest';
import { Scope } from '../../../emulator/scopes';

const OWNER = 'owner@acme.test';
const PARTNER = 'pat@partner.test';
const MANIFEST: Manifest = {
  oauthScopes: [Scope.spreadsheetsCurrentOnly, Scope.driveFile],
  dependencies: {
    enabledAdvancedServices: [
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ],
  },
};

const CODE = `
var SHEETS = 'application/vnd.google-apps.spreadsheet';
function make(name, key) {
  return Drive.Files.create({ name: name, mimeType: SHEETS, appProperties: { k: key }, copyRequiresWriterPermission: true });
}
function find(key) { return Drive.Files.list({ q: "appProperties has { key='k' and value='" + key + "' } and trashed = false", pageSize: 1000 }).files.map(function (f) { return f.id; }); }
function share(id, email, notify) { return Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, id, { sendNotificationEmail: notify }); }
function perms(id) { return Drive.Permissions.list(id).permissions; }
function unshare(id, permissionId) { Drive.Permissions.remove(id, permissionId); return perms(id).length; }
function trash(id) { return Drive.Files.update({ trashed: true }, id).trashed; }
function batch(id, requests) { return Sheets.Spreadsheets.batchUpdate({ requests: requests }, id); }
function sheets(id) { return Sheets.Spreadsheets.get(id).sheets.map(function (s) { return s.properties; }); }
function read(id, range) { return Sheets.Spreadsheets.Values.get(id, range, { valueRenderOption: 'UNFORMATTED_VALUE' }).values || []; }
function copyAs(id) { return DriveApp.getFileById(id).makeCopy().getId(); }
function caught(fn, a, b, c) { try { this[fn](a, b, c); return null; } catch (e) { return String(e); } }
`;

function emulator(manifest: Manifest = MANIFEST, quota?: number): Emulator {
  const emu = new Emulator({ owner: OWNER, now: '2026-03-02T09:00:00Z', manifest }).load(CODE);
  if (quota !== undefined) emu.rt.spreadsheetCreateQuota = quota;
  return emu;
}
const run = (emu: Emulator, user: string, fn: string, ...args: unknown[]) => emu.call(user, fn, ...args);

describe('Drive API v3 files', () => {
  // https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create (drive.file);
  // appProperties and copyRequiresWriterPermission: .../v3/files (the File resource).
  it('creates a spreadsheet owned by the caller, tagged, that list finds by its appProperties', () => {
    const emu = emulator();
    const made = run(emu, OWNER, 'make', 'Program - Acme', 'P-0001') as { id: string; name: string };
    expect(made).toMatchObject({
      kind: 'drive#file',
      name: 'Program - Acme',
      copyRequiresWriterPermission: true,
    });
    run(emu, OWNER, 'make', 'Program - Beta', 'P-0002');
    // https://developers.google.com/workspace/drive/api/guides/search-files: appProperties has {...}
    expect(run(emu, OWNER, 'find', 'P-0001')).toEqual([made.id]);
    expect(emu.rt.createdFiles().map((f) => f.owner)).toEqual([OWNER, OWNER]);
    expect(run(emu, OWNER, 'sheets', made.id)).toEqual([
      expect.objectContaining({
        sheetId: 0,
        title: 'Sheet1',
        gridProperties: { rowCount: 1000, columnCount: 26 },
      }),
    ]);
    expect(run(emu, OWNER, 'trash', made.id)).toBe(true);
    expect(run(emu, OWNER, 'find', 'P-0001')).toEqual([]);
  });

  // https://developers.google.com/apps-script/guides/services/quotas: spreadsheets created a day.
  it('refuses a spreadsheet past the daily creation quota, and allows more the next day', () => {
    const emu = emulator(MANIFEST, 2);
    run(emu, OWNER, 'make', 'a', '1');
    run(emu, OWNER, 'make', 'b', '2');
    expect(run(emu, OWNER, 'caught', 'make', 'c', '3')).toBe(
      'Exception: Service invoked too many times for one day: spreadsheets create.',
    );
    emu.advance('P1D');
    expect(run(emu, OWNER, 'caught', 'make', 'c', '3')).toBeNull();
    expect(emu.rt.createdFiles()).toHaveLength(3);
  });

  // drive.file reaches only files the app created (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
  it('does not reach a file the app did not create under drive.file', () => {
    const emu = emulator();
    const trackerId = emu.spreadsheet.getId();
    expect(run(emu, OWNER, 'caught', 'perms', trackerId)).toBe(
      `GoogleJsonResponseException: API call to drive.permissions.list failed with error: File not found: ${trackerId}.`,
    );
    expect(run(emu, OWNER, 'caught', 'make', 'x', 'y')).toBeNull();
    const noScope = emulator({ ...MANIFEST, oauthScopes: [Scope.spreadsheetsCurrentOnly] });
    expect(run(noScope, OWNER, 'caught', 'make', 'x', 'y')).toMatch(
      /Specified permissions are not sufficient to call Drive.Files.create/,
    );
  });
});

describe('Drive API v3 permissions', () => {
  // https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create:
  // sendNotificationEmail false sends no e-mail; permissions/delete removes; the owner stays.
  it('shares as reader without the notification, lists and removes the permission', () => {
    const emu = emulator();
    const { id } = run(emu, OWNER, 'make', 'View', 'P-1') as { id: string };
    const permission = run(emu, OWNER, 'share', id, PARTNER, false) as { id: string; role: string };
    expect(permission.role).toBe('reader');
    expect(emu.services.state.shares).toEqual([]);
    // The same user gets the same id again (the Permission resource's id is the user's).
    expect((run(emu, OWNER, 'share', id, PARTNER, false) as { id: string }).id).toBe(permission.id);
    expect(run(emu, OWNER, 'perms', id)).toEqual([
      expect.objectContaining({ role: 'owner', emailAddress: OWNER }),
      expect.objectContaining({ role: 'reader', emailAddress: PARTNER, id: permission.id }),
    ]);
    expect(emu.rt.files.get(id)!.viewers).toEqual(new Set([PARTNER]));
    run(emu, OWNER, 'share', id, 'other@partner.test', true);
    expect(emu.services.state.shares).toEqual([
      expect.objectContaining({ to: 'other@partner.test', role: 'viewer' }),
    ]);
    expect(run(emu, OWNER, 'unshare', id, permission.id)).toBe(2);
    expect(run(emu, OWNER, 'caught', 'unshare', id, permission.id)).toMatch(/Permission not found/);
    const ownerId = (run(emu, OWNER, 'perms', id) as Array<{ id: string }>)[0].id;
    expect(run(emu, OWNER, 'caught', 'unshare', id, ownerId)).toMatch(
      /The owner of a file cannot be removed/,
    );
  });

  // copyRequiresWriterPermission: readers may not copy the file.
  it('a reader cannot copy a file whose copying requires writer permission', () => {
    const emu = emulator({ ...MANIFEST, oauthScopes: [...MANIFEST.oauthScopes!, Scope.drive] });
    const { id } = run(emu, OWNER, 'make', 'View', 'P-1') as { id: string };
    run(emu, OWNER, 'share', id, PARTNER, false);
    expect(run(emu, PARTNER, 'caught', 'copyAs', id)).toBe('Exception: Access denied: DriveApp.');
  });
});

describe('Sheets API spreadsheets.batchUpdate', () => {
  const cells = (rows: unknown[][]) => ({
    values: rows.map((r) => ({
      values: r.map((v) => ({
        userEnteredValue: typeof v === 'number' ? { numberValue: v } : { stringValue: v },
      })),
    })),
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate and
  // .../spreadsheets/request (addSheet, updateSheetProperties, appendDimension, updateCells).
  it('renames, adds sheets, grows and writes cells in one call; a string is never a formula', () => {
    const emu = emulator();
    const { id } = run(emu, OWNER, 'make', 'View', 'P-1') as { id: string };
    const before = emu.stats().total;
    const out = run(emu, OWNER, 'batch', id, [
      { updateSheetProperties: { properties: { sheetId: 0, title: 'Summary' }, fields: 'title' } },
      {
        addSheet: {
          properties: { sheetId: 1, title: 'My leads', gridProperties: { rowCount: 2, columnCount: 3 } },
        },
      },
      { appendDimension: { sheetId: 1, dimension: 'ROWS', length: 2 } },
      {
        updateCells: {
          start: { sheetId: 1, rowIndex: 0, columnIndex: 0 },
          rows: cells([
            ['Lead', 'Value'],
            ['=1+1', 12.5],
            ['L-3', 3],
            ['L-4', 4],
          ]).values,
          fields: 'userEnteredValue',
        },
      },
    ]) as { replies: unknown[] };
    expect(emu.stats().total - before).toBe(1);
    expect(out.replies[1]).toEqual({
      addSheet: { properties: expect.objectContaining({ sheetId: 1, title: 'My leads' }) },
    });
    expect(run(emu, OWNER, 'read', id, "'My leads'!A1:C4")).toEqual([
      ['Lead', 'Value'],
      ['=1+1', 12.5],
      ['L-3', 3],
      ['L-4', 4],
    ]);
    // A range with no rows clears it (fields userEnteredValue).
    run(emu, OWNER, 'batch', id, [
      {
        updateCells: { range: { sheetId: 1, startRowIndex: 1, endRowIndex: 4 }, fields: 'userEnteredValue' },
      },
    ]);
    expect(run(emu, OWNER, 'read', id, "'My leads'!A1:C4")).toEqual([['Lead', 'Value']]);
  });

  // "If any request is not valid then the entire request will fail and nothing will be applied."
  it('applies nothing when one request is invalid', () => {
    const emu = emulator();
    const { id } = run(emu, OWNER, 'make', 'View', 'P-1') as { id: string };
    const error = run(emu, OWNER, 'caught', 'batch', id, [
      { updateSheetProperties: { properties: { sheetId: 0, title: 'Summary' }, fields: 'title' } },
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 1000, columnIndex: 0 },
          rows: cells([['x']]).values,
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect(error).toMatch(
      /API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests\[1\].updateCells: Range .* exceeds grid limits/,
    );
    expect((run(emu, OWNER, 'sheets', id) as Array<{ title: string }>).map((s) => s.title)).toEqual([
      'Sheet1',
    ]);
    expect(
      run(emu, OWNER, 'caught', 'batch', id, [{ addSheet: { properties: { title: 'Sheet1' } } }]),
    ).toMatch(/A sheet with the name "Sheet1" already exists/);
  });

  it('refuses a reader', () => {
    const emu = emulator();
    const { id } = run(emu, OWNER, 'make', 'View', 'P-1') as { id: string };
    run(emu, OWNER, 'share', id, PARTNER, false);
    expect(run(emu, PARTNER, 'caught', 'batch', id, [{ addSheet: { properties: { title: 'x' } } }])).toMatch(
      /The caller does not have permission/,
    );
  });
});
