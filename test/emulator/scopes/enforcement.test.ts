/**
 * The emulator refuses what Google refuses: a call whose scopes the manifest (appsscript.json
 * oauthScopes) does not grant throws Apps Script's authorization error; the AuthMode rules still
 * apply on top; an advanced service exists only when the manifest enables it; and the advanced
 * Sheets service reaches, under drive.file, only the files this app created for this user.
 */
import { Emulator } from '../../../emulator/harness';
import type { Manifest } from '../../../emulator/manifest';
import { readManifest } from '../../../emulator/manifest';
import { Scope } from '../../../emulator/scopes';

const OWNER = 'owner@acme.test';
const TEAMMATE = 'rep@acme.test';
const SHEETS_V4 = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' };

/** A small script standing in for a bundle: each function tries one thing and returns plain data. */
const CODE = `
function createOther() { return SpreadsheetApp.create('Other').getId(); }
function openOther(id) { return SpreadsheetApp.openById(id).getName(); }
function readActive() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); }
function whoAmI() { return Session.getActiveUser().getEmail(); }
function mail() { MailApp.sendEmail('p@partner.test', 'Hi', 'Body'); return MailApp.getRemainingDailyQuota(); }
function hasSheets() { return typeof Sheets !== 'undefined'; }
function apiCreate(title) {
  const made = Sheets.Spreadsheets.create({ properties: { title: title },
    sheets: [{ properties: { title: 'Log', gridProperties: { rowCount: 3, columnCount: 2 } } }] });
  return { id: made.spreadsheetId, url: made.spreadsheetUrl, sheets: made.sheets.map(function (s) { return s.properties; }) };
}
function apiWrite(id, range, values, option) {
  return Sheets.Spreadsheets.Values.update({ values: values }, id, range, { valueInputOption: option });
}
function apiRead(id, range, render) {
  return Sheets.Spreadsheets.Values.get(id, range, render ? { valueRenderOption: render } : {});
}
function caught(fn, arg) { try { this[fn](arg); return null; } catch (e) { return String(e); } }
function apiWriteNoOption(id) { return Sheets.Spreadsheets.Values.update({ values: [['x']] }, id, 'A1'); }
`;

function emulator(manifest: Manifest): Emulator {
  return new Emulator({ owner: OWNER, editors: [TEAMMATE], now: '2026-03-02T09:00:00Z', manifest }).load(
    CODE,
  );
}

function outcome(emu: Emulator, user: string, fn: string, ...args: unknown[]) {
  return emu.measure(() => emu.call(user, fn, ...args));
}

const CURRENT_ONLY: Manifest = {
  oauthScopes: [Scope.spreadsheetsCurrentOnly, Scope.userinfoEmail, Scope.sendMail],
};
/** The add-on's own manifest: spreadsheets.currentonly, drive.file and the Sheets API service. */
const SHIPPED = readManifest();

describe('scopes from the manifest', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)
  // lists only https://www.googleapis.com/auth/spreadsheets.
  it('refuses SpreadsheetApp.create under spreadsheets.currentonly with Google\u2019s text', () => {
    const emu = emulator(CURRENT_ONLY);
    const out = outcome(emu, OWNER, 'createOther');
    expect(out).toMatchObject({
      ok: false,
      error:
        'Specified permissions are not sufficient to call SpreadsheetApp.create. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    });
    // Nothing was created; the script sees an Exception, as Apps Script throws it.
    expect(emu.rt.createdFiles()).toEqual([]);
    expect(outcome(emu, OWNER, 'caught', 'createOther').result).toBe(
      'Exception: Specified permissions are not sufficient to call SpreadsheetApp.create. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)
  it('refuses SpreadsheetApp.openById under currentonly, even for a file the user owns; allows it with spreadsheets', () => {
    const refused = emulator(CURRENT_ONLY);
    const id = refused.spreadsheet.getId();
    expect(outcome(refused, OWNER, 'openOther', id).error).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    const allowed = emulator({ oauthScopes: [Scope.spreadsheets] });
    expect(outcome(allowed, OWNER, 'openOther', allowed.spreadsheet.getId())).toMatchObject({
      ok: true,
      result: 'Partner Program',
    });
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValue()
  it('allows the bound file under spreadsheets.currentonly', () => {
    expect(outcome(emulator(CURRENT_ONLY), OWNER, 'readActive')).toMatchObject({ ok: true, result: '' });
  });

  // https://developers.google.com/apps-script/reference/base/session#getActiveUser()
  it('refuses Session.getActiveUser without userinfo.email', () => {
    const emu = emulator({ oauthScopes: [Scope.spreadsheetsCurrentOnly] });
    expect(outcome(emu, OWNER, 'whoAmI').error).toBe(
      'Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });

  it('grants what the code uses when the manifest lists no oauthScopes (Apps Script infers them)', () => {
    const emu = emulator({});
    expect(outcome(emu, OWNER, 'createOther').ok).toBe(true);
    expect(outcome(emu, OWNER, 'whoAmI')).toMatchObject({ ok: true, result: OWNER });
  });

  // https://developers.google.com/apps-script/guides/triggers#restrictions: simple triggers cannot
  // use services that require authorization, whatever the manifest grants.
  it('keeps the AuthMode rules: MailApp is refused in a simple trigger even with script.send_mail', () => {
    const emu = emulator(CURRENT_ONLY);
    const run = emu.measure(() =>
      emu.invoke('mail', [], {
        kind: 'simpleTrigger',
        activeUser: OWNER,
        effectiveUser: OWNER,
        authMode: 'LIMITED',
      }),
    );
    expect(run.error).toMatch(/^You do not have permission to call MailApp\.sendEmail/);
    expect(outcome(emu, OWNER, 'mail')).toMatchObject({ ok: true, result: 99 });
  });

  it('the shipped manifest requests script.external_request (UrlFetchApp: webhooks, Slack, the Forms API), never spreadsheets', () => {
    expect(SHIPPED.oauthScopes).toContain(Scope.externalRequest);
    expect(SHIPPED.oauthScopes).not.toContain(Scope.spreadsheets);
    expect(SHIPPED.oauthScopes).toContain(Scope.driveFile);
  });
});

describe('the advanced Sheets service', () => {
  // https://developers.google.com/apps-script/guides/services/advanced: an advanced service is
  // available only once enabled (appsscript.json dependencies.enabledAdvancedServices).
  it('exists only when the manifest enables it', () => {
    expect(outcome(emulator({ oauthScopes: [Scope.driveFile] }), OWNER, 'hasSheets').result).toBe(false);
    const enabled = emulator({
      oauthScopes: [Scope.driveFile],
      dependencies: { enabledAdvancedServices: [SHEETS_V4] },
    });
    expect(outcome(enabled, OWNER, 'hasSheets').result).toBe(true);
    expect(enabled.topLevelFunctions()).not.toContain('Sheets');
  });

  it('refuses an advanced service the emulator does not implement, at load', () => {
    const drive = { userSymbol: 'Drive', serviceId: 'drive', version: 'v2' };
    expect(() => emulator({ dependencies: { enabledAdvancedServices: [drive] } })).toThrow(
      'Emulator: advanced service drive v2 (Drive) is not emulated',
    );
  });

  const DRIVE_FILE: Manifest = {
    oauthScopes: [Scope.spreadsheetsCurrentOnly, Scope.driveFile],
    dependencies: { enabledAdvancedServices: [SHEETS_V4] },
  };

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/create accepts
  // drive.file; the file is the user's, in their Drive.
  it('creates a spreadsheet under drive.file alone, owned by the user, sized as asked', () => {
    const emu = emulator(DRIVE_FILE);
    const made = outcome(emu, OWNER, 'apiCreate', 'Archive').result as {
      id: string;
      url: string;
      sheets: unknown[];
    };
    expect(made.url).toBe(`https://docs.google.com/spreadsheets/d/${made.id}/edit`);
    expect(made.sheets).toEqual([
      expect.objectContaining({ title: 'Log', index: 0, gridProperties: { rowCount: 3, columnCount: 2 } }),
    ]);
    const [file] = emu.rt.createdFiles();
    expect(file).toMatchObject({ id: made.id, name: 'Archive', owner: OWNER });
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption: RAW stores
  // input as is; USER_ENTERED parses it as typed (a leading = is a formula).
  it('writes RAW strings as they are (never a formula) and USER_ENTERED as typed', () => {
    const emu = emulator(DRIVE_FILE);
    const { id } = outcome(emu, OWNER, 'apiCreate', 'Archive').result as { id: string };
    const raw = outcome(emu, OWNER, 'apiWrite', id, "'Log'!A1:B1", [['=1+1', '007']], 'RAW');
    expect(raw.result).toEqual({
      spreadsheetId: id,
      updatedRange: 'Log!A1:B1',
      updatedRows: 1,
      updatedColumns: 2,
      updatedCells: 2,
    });
    outcome(emu, OWNER, 'apiWrite', id, 'Log!A2', [['=1+1', '007']], 'USER_ENTERED');
    expect(outcome(emu, OWNER, 'apiRead', id, 'Log!A1:B3', 'UNFORMATTED_VALUE').result).toEqual({
      range: 'Log!A1:B3',
      majorDimension: 'ROWS',
      values: [
        ['=1+1', '007'],
        [2, 7],
      ],
    });
    expect(outcome(emu, OWNER, 'apiRead', id, 'Log!A2:A', 'FORMULA').result).toMatchObject({
      range: 'Log!A2:A3',
      values: [['=1+1']],
    });
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/get:
  // "empty trailing rows and columns will not be included"; an empty range has no values.
  it('leaves trailing empty cells and rows out of values.get', () => {
    const emu = emulator(DRIVE_FILE);
    const { id } = outcome(emu, OWNER, 'apiCreate', 'Archive').result as { id: string };
    outcome(
      emu,
      OWNER,
      'apiWrite',
      id,
      'Log!A1:B2',
      [
        ['a', ''],
        ['', 'b'],
      ],
      'RAW',
    );
    expect(outcome(emu, OWNER, 'apiRead', id, 'Log').result).toEqual({
      range: 'Log!A1:B3',
      majorDimension: 'ROWS',
      values: [['a'], ['', 'b']],
    });
    expect(outcome(emu, OWNER, 'apiRead', id, 'Log!A3:B3').result).toEqual({
      range: 'Log!A3:B3',
      majorDimension: 'ROWS',
    });
  });

  it('refuses a write past the grid, a missing valueInputOption and an unknown file, as the API does', () => {
    const emu = emulator(DRIVE_FILE);
    const { id } = outcome(emu, OWNER, 'apiCreate', 'Archive').result as { id: string };
    expect(outcome(emu, OWNER, 'apiWrite', id, 'Log!A3:B4', [['a'], ['b']], 'RAW').error).toBe(
      'API call to sheets.spreadsheets.values.update failed with error: Range (Log!A3:A4) exceeds grid limits. Max rows: 3, max columns: 2',
    );
    expect(outcome(emu, OWNER, 'apiWriteNoOption', id).error).toBe(
      'API call to sheets.spreadsheets.values.update failed with error: Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED',
    );
    expect(outcome(emu, OWNER, 'apiRead', 'no-such-id', 'A1').error).toBe(
      'API call to sheets.spreadsheets.values.get failed with error: Requested entity was not found.',
    );
    expect(outcome(emu, OWNER, 'apiRead', id, 'Nope!A1').error).toBe(
      'API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: Nope!A1',
    );
    expect(outcome(emu, OWNER, 'caught', 'apiWriteNoOption', id).result).toBe(
      'GoogleJsonResponseException: API call to sheets.spreadsheets.values.update failed with error: Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED',
    );
  });

  // https://developers.google.com/workspace/sheets/api/scopes: drive.file covers "only the specific
  // Google Drive files you use with this app"; a file it did not create is refused (403, as
  // reported: "The caller does not have permission").
  it('under drive.file reaches only the files this app created for this user', () => {
    const emu = emulator(DRIVE_FILE);
    const bound = emu.spreadsheet.getId();
    expect(outcome(emu, OWNER, 'apiRead', bound, 'A1').error).toBe(
      'API call to sheets.spreadsheets.values.get failed with error: The caller does not have permission',
    );
    const { id } = outcome(emu, OWNER, 'apiCreate', 'Archive').result as { id: string };
    emu.rt.files.get(id)!.editors.add(TEAMMATE);
    // Shared with the teammate, but this app did not create it for them.
    expect(outcome(emu, TEAMMATE, 'apiRead', id, 'A1').error).toBe(
      'API call to sheets.spreadsheets.values.get failed with error: The caller does not have permission',
    );
    // With the spreadsheets scope, any file the user may open.
    const wide = emulator({ ...DRIVE_FILE, oauthScopes: [Scope.spreadsheets] });
    expect(outcome(wide, OWNER, 'apiRead', wide.spreadsheet.getId(), 'A1')).toMatchObject({ ok: true });
  });

  // https://developers.google.com/apps-script/guides/triggers#restrictions: no service that needs
  // authorization in a simple trigger.
  it('is refused in a simple trigger (AuthMode LIMITED), whatever the manifest grants', () => {
    const emu = emulator(DRIVE_FILE);
    const run = emu.measure(() =>
      emu.invoke('apiCreate', ['Archive'], {
        kind: 'simpleTrigger',
        activeUser: OWNER,
        effectiveUser: OWNER,
        authMode: 'LIMITED',
      }),
    );
    expect(run.error).toBe(
      'You do not have permission to call Sheets.Spreadsheets.create. Required permissions: (https://www.googleapis.com/auth/drive || https://www.googleapis.com/auth/drive.file || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  it('needs one of the scopes the API lists: refused under spreadsheets.currentonly alone', () => {
    const emu = emulator({
      oauthScopes: [Scope.spreadsheetsCurrentOnly],
      dependencies: { enabledAdvancedServices: [SHEETS_V4] },
    });
    expect(outcome(emu, OWNER, 'apiCreate', 'Archive').error).toBe(
      'Specified permissions are not sufficient to call Sheets.Spreadsheets.create. Required permissions: (https://www.googleapis.com/auth/drive || https://www.googleapis.com/auth/drive.file || https://www.googleapis.com/auth/spreadsheets)',
    );
  });
});
