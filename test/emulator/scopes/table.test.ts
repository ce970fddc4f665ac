/**
 * The scope table (emulator/scopes.ts): every method an emulated class implements has an entry,
 * and the entries the add-on depends on say what Google's reference pages say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../../emulator/runtime';
import { METHOD_SCOPES, Scope, insufficientPermissions, scopeRule } from '../../../emulator/scopes';
import * as Sheets from '../../../emulator/spreadsheet';
import * as DataSource from '../../../emulator/spreadsheet/data-source';
import { EmuSheetsSpreadsheets, EmuSheetsValues } from '../../../emulator/spreadsheet/sheets-api';
import { EmuBigQueryDatasets, EmuBigQueryJobs, EmuBigQueryTables } from '../../../emulator/bigquery/service';
import { EmuBlob } from '../../../emulator/services/blob';
import { EmuCache, EmuCacheService } from '../../../emulator/services/cache';
import { EmuDriveUser, EmuFile } from '../../../emulator/services/drive';
import { EmuDriveApp, EmuFileIterator } from '../../../emulator/services/drive-app';
import { EmuHtmlOutput } from '../../../emulator/services/html-output';
import { EmuHtmlService } from '../../../emulator/services/html-service';
import { EmuHtmlTemplate } from '../../../emulator/services/html-template';
import { EmuLock, EmuLockService } from '../../../emulator/services/lock';
import { EmuConsole, EmuLogger } from '../../../emulator/services/logger';
import { EmuMailApp } from '../../../emulator/services/mail';
import { EmuProperties, EmuPropertiesService } from '../../../emulator/services/properties';
import { EmuAuthorizationInfo, EmuScriptApp, EmuTrigger } from '../../../emulator/services/script-app';
import { EmuSession } from '../../../emulator/services/session';
import {
  EmuClockTriggerBuilder,
  EmuSpreadsheetTriggerBuilder,
  EmuTriggerBuilder,
} from '../../../emulator/services/trigger-builders';
import { EmuMenu, EmuPromptResponse, EmuUi } from '../../../emulator/services/ui';
import { EmuHttpResponse, EmuUrlFetchApp } from '../../../emulator/services/url-fetch';
import { EmuUtilities } from '../../../emulator/services/utilities';

/** Each emulated class and the name runtime.call gives its methods ('Range' in 'Range.getValues'). */
const CLASSES: Array<[string, { prototype: object }]> = [
  ['SpreadsheetApp', Sheets.EmuSpreadsheetApp],
  ['Spreadsheet', Sheets.EmuSpreadsheet],
  ['Sheet', Sheets.EmuSheet],
  ['Range', Sheets.EmuRange],
  ['NamedRange', Sheets.EmuNamedRange],
  ['Protection', Sheets.EmuProtection],
  ['DataValidation', Sheets.EmuDataValidation],
  ['DataValidationBuilder', Sheets.EmuDataValidationBuilder],
  ['ConditionalFormatRule', Sheets.EmuConditionalFormatRule],
  ['ConditionalFormatRuleBuilder', Sheets.EmuConditionalFormatRuleBuilder],
  ['BooleanCondition', Sheets.EmuBooleanCondition],
  ['DeveloperMetadata', Sheets.EmuDeveloperMetadata],
  ['DeveloperMetadataFinder', Sheets.EmuDeveloperMetadataFinder],
  ['DeveloperMetadataLocation', Sheets.EmuDeveloperMetadataLocation],
  ['Banding', Sheets.EmuBanding],
  ['DataSourceSpecBuilder', DataSource.EmuDataSourceSpecBuilder],
  ['BigQueryDataSourceSpecBuilder', DataSource.EmuBigQueryDataSourceSpecBuilder],
  ['DataSourceSpec', DataSource.EmuDataSourceSpec],
  ['DataSource', DataSource.EmuDataSource],
  ['DataSourceSheet', DataSource.EmuDataSourceSheet],
  ['DataSourcePivotTable', DataSource.EmuDataSourcePivotTable],
  ['Sheets.Spreadsheets', EmuSheetsSpreadsheets],
  ['Sheets.Spreadsheets.Values', EmuSheetsValues],
  ['BigQuery.Jobs', EmuBigQueryJobs],
  ['BigQuery.Datasets', EmuBigQueryDatasets],
  ['BigQuery.Tables', EmuBigQueryTables],
  ['Blob', EmuBlob],
  ['Cache', EmuCache],
  ['CacheService', EmuCacheService],
  ['User', EmuDriveUser],
  ['File', EmuFile],
  ['DriveApp', EmuDriveApp],
  ['FileIterator', EmuFileIterator],
  ['HtmlOutput', EmuHtmlOutput],
  ['HtmlService', EmuHtmlService],
  ['HtmlTemplate', EmuHtmlTemplate],
  ['Lock', EmuLock],
  ['LockService', EmuLockService],
  ['console', EmuConsole],
  ['Logger', EmuLogger],
  ['MailApp', EmuMailApp],
  ['Properties', EmuProperties],
  ['PropertiesService', EmuPropertiesService],
  ['AuthorizationInfo', EmuAuthorizationInfo],
  ['ScriptApp', EmuScriptApp],
  ['Trigger', EmuTrigger],
  ['Session', EmuSession],
  ['ClockTriggerBuilder', EmuClockTriggerBuilder],
  ['SpreadsheetTriggerBuilder', EmuSpreadsheetTriggerBuilder],
  ['TriggerBuilder', EmuTriggerBuilder],
  ['Menu', EmuMenu],
  ['PromptResponse', EmuPromptResponse],
  ['Ui', EmuUi],
  ['HTTPResponse', EmuHttpResponse],
  ['UrlFetchApp', EmuUrlFetchApp],
  ['Utilities', EmuUtilities],
];

/** TypeScript-private helpers on the prototypes (not Apps Script methods; interfaces.test.ts lists them too). */
const HELPERS = new Set([
  'local',
  'show',
  'answer',
  'attempt',
  'sameExecution',
  'write',
  'writeAll',
  'read',
  'checkKey',
  'handle',
  'on',
  'set',
  'schedule',
  'readFile',
  'auth',
  'file',
  'change',
  'user',
  'share',
  'request',
  'send',
]);

function methods(cls: { prototype: object }): string[] {
  const proto = cls.prototype;
  return Object.getOwnPropertyNames(proto).filter(
    (n) =>
      n !== 'constructor' &&
      !HELPERS.has(n) &&
      typeof Object.getOwnPropertyDescriptor(proto, n)?.value === 'function',
  );
}

describe('the scope table', () => {
  it.each(CLASSES)('has an entry for every method of the emulated %s', (prefix, cls) => {
    const own = methods(cls);
    expect(own.length).toBeGreaterThan(0);
    expect(own.map((m) => `${prefix}.${m}`).filter((name) => !METHOD_SCOPES.has(name))).toEqual([]);
  });

  it("has an entry for every 'Class.method' name written in the emulator's source", () => {
    const root = path.resolve(__dirname, '../../../emulator');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(path.join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [path.join(dir, e.name)]
            : [],
      );
    const names = new Set<string>();
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.call(?:<[^>]*>)?\(\s*'([^']+)'/g)) names.add(m[1]);
      for (const m of text.matchAll(/#?setLayer(?:Grid)?\(\s*'([^']+)'/g)) names.add(m[1]);
    }
    expect(names.size).toBeGreaterThan(200);
    expect([...names].filter((n) => !METHOD_SCOPES.has(n))).toEqual([]);
  });

  it('makes a call of a method without an entry an emulator error, not a silent pass', () => {
    const rt = new Runtime('owner@acme.test');
    expect(() => rt.call('Range.frobnicate', () => 1)).toThrow(
      'Emulator: Range.frobnicate has no entry in emulator/scopes.ts',
    );
  });

  it('names a reference page for every entry (Google Cloud pages for the BigQuery API)', () => {
    for (const [name, rule] of METHOD_SCOPES) {
      expect([name, rule.reference]).toEqual([
        name,
        name.startsWith('BigQuery.')
          ? expect.stringMatching(/^https:\/\/cloud\.google\.com\/bigquery\/docs\/reference\/rest\/v2\//)
          : expect.stringMatching(/^https:\/\/developers\.google\.com\//),
      ]);
    }
  });
});

describe("what Google's reference lists", () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app (create, openById,
  // openByUrl: "https://www.googleapis.com/auth/spreadsheets" only; getActiveSpreadsheet also
  // accepts spreadsheets.currentonly).
  it('SpreadsheetApp.create, openById and openByUrl need the spreadsheets scope; currentonly is not enough', () => {
    for (const m of ['create', 'openById', 'openByUrl']) {
      expect(scopeRule(`SpreadsheetApp.${m}`)).toEqual({
        scopes: [Scope.spreadsheets],
        reference: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app',
      });
    }
    expect(scopeRule('SpreadsheetApp.getActiveSpreadsheet')?.scopes).toEqual([
      Scope.spreadsheetsCurrentOnly,
      Scope.spreadsheets,
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range
  it('Range methods accept spreadsheets.currentonly or spreadsheets', () => {
    expect(scopeRule('Range.setValues')).toEqual({
      scopes: [Scope.spreadsheetsCurrentOnly, Scope.spreadsheets],
      reference: 'https://developers.google.com/apps-script/reference/spreadsheet/range',
    });
  });

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/create and
  // .../spreadsheets.values/update, .../spreadsheets.values/get: drive.file is accepted.
  it('the Sheets API (advanced service) accepts drive.file for create, values.update and values.get', () => {
    expect(scopeRule('Sheets.Spreadsheets.create')).toEqual({
      scopes: [Scope.drive, Scope.driveFile, Scope.spreadsheets],
      reference: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/create',
    });
    expect(scopeRule('Sheets.Spreadsheets.Values.update')?.scopes).toContain(Scope.driveFile);
    expect(scopeRule('Sheets.Spreadsheets.Values.get')?.scopes).toEqual(
      expect.arrayContaining([Scope.driveFile, Scope.spreadsheetsReadonly, Scope.driveReadonly]),
    );
  });

  // https://developers.google.com/apps-script/reference/base/session: getActiveUser and
  // getEffectiveUser require userinfo.email; getScriptTimeZone lists no authorization.
  it('Session.getActiveUser and getEffectiveUser need userinfo.email', () => {
    expect(scopeRule('Session.getActiveUser')?.scopes).toEqual([Scope.userinfoEmail]);
    expect(scopeRule('Session.getEffectiveUser')?.scopes).toEqual([Scope.userinfoEmail]);
    expect(scopeRule('Session.getScriptTimeZone')?.scopes).toEqual([]);
  });

  it.each([
    // https://developers.google.com/apps-script/reference/mail/mail-app
    ['MailApp.sendEmail', [Scope.sendMail]],
    // https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
    ['UrlFetchApp.fetch', [Scope.externalRequest]],
    // https://developers.google.com/apps-script/reference/script/script-app
    ['ScriptApp.newTrigger', [Scope.scriptApp]],
    ['ScriptApp.getUserTriggers', [Scope.scriptApp]],
    // https://developers.google.com/apps-script/reference/base/ui (a dialog: script.container.ui)
    ['Ui.showModalDialog', [Scope.containerUi]],
    // https://developers.google.com/apps-script/reference/drive/drive-app: DriveApp works on all of
    // Drive, so drive.file does not cover it.
    ['DriveApp.createFile', [Scope.drive]],
    ['DriveApp.getFileById', [Scope.driveReadonly, Scope.drive]],
    // https://developers.google.com/apps-script/reference/properties/properties: no authorization.
    ['Properties.getProperties', []],
    // https://developers.google.com/apps-script/reference/lock/lock
    ['Lock.waitLock', []],
  ])('%s accepts %j', (method, scopes) => {
    expect(scopeRule(method)?.scopes).toEqual(scopes);
  });

  it("words the refusal as Apps Script does: one scope plain, several as '(a || b)'", () => {
    expect(insufficientPermissions('SpreadsheetApp.create', scopeRule('SpreadsheetApp.create')!)).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.create. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(insufficientPermissions('DriveApp.getFileById', scopeRule('DriveApp.getFileById')!)).toBe(
      'Specified permissions are not sufficient to call DriveApp.getFileById. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)',
    );
  });
});
