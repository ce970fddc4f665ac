/**
 * The advanced Sheets service (`Sheets`, the Sheets REST API v4 as Apps Script exposes it once the
 * manifest lists it under dependencies.enabledAdvancedServices), over the same emulated files as
 * SpreadsheetApp. Only what the add-on uses is emulated: Spreadsheets.create, Values.get and
 * Values.update; anything else of a request the emulator does not model throws rather than being
 * ignored.
 *
 * As Google documents it (https://developers.google.com/workspace/sheets/api/reference/rest/v4):
 * - create / values.update accept drive, drive.file or spreadsheets; values.get also the read-only
 *   ones. Under drive.file alone a file is reachable only when this app created it for this user
 *   (https://developers.google.com/workspace/sheets/api/scopes); otherwise the call fails with
 *   "The caller does not have permission" (403, as users report it).
 * - valueInputOption RAW stores strings as given (never a formula, never parsed); USER_ENTERED
 *   parses them as typing would. null leaves a cell as it is, "" clears it.
 * - values.get returns FORMATTED_VALUE strings by default; trailing empty cells of each row and
 *   trailing empty rows are left out, and `values` is absent when nothing is there.
 * - A write past the sheet's grid fails ("exceeds grid limits"); the API does not grow the sheet
 *   (values.append would; it is not emulated).
 * Errors read as Apps Script reports them: a GoogleJsonResponseException whose message is
 * "API call to sheets.spreadsheets.<method> failed with error: <message>".
 */
import type { Runtime } from '../runtime';
import { MIME_SHEETS } from '../runtime';
import { Scope, scopeRule } from '../scopes';
import { requireAuth } from '../services/common';
import { boxToA1, columnLetters, parseA1, quoteSheetName, refToBox, type GridBox } from './a1';
import { blockingProtection } from './access';
import { displayValue, isDate, parseTyped, type CellValue, type ParsedInput } from './cells';
import { dateToSerial } from './dates';
import type { DocModel, SheetModel } from './model';
import { readValues, writeCell } from './range-io';
import { docOf, type EmuSpreadsheet } from './spreadsheet';
import { createSpreadsheetFile } from './testbed';
import { applyBatch, describeSpreadsheet } from './sheets-batch';

type SpreadsheetResource = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type UpdateValuesResponse = GoogleAppsScript.Sheets.Schema.UpdateValuesResponse;
type ValuesMethods = 'get' | 'update';
type SpreadsheetsMethods = 'create' | 'batchUpdate' | 'get';

export interface SheetsApiOptions {
  /** Locale and time zone of a new file when the request names none (the user's settings). */
  defaults: () => { locale: string; timeZone: string };
}

/** The error Apps Script throws for a failed advanced-service call. */
export function apiError(method: string, message: string): Error {
  const error = new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

const NOT_FOUND = 'Requested entity was not found.';
const NO_PERMISSION = 'The caller does not have permission';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Advanced services need an authorized execution (FULL), as every service that needs a scope. */
export function requireFull(rt: Runtime, method: string): void {
  const scopes = scopeRule(method)?.scopes ?? [];
  requireAuth(rt, method, scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`);
}

/** The emulated file behind an id, if the running user (and the granted scopes) may reach it. */
export function reach(rt: Runtime, method: string, id: unknown, write: boolean): DocModel {
  const file = rt.files.get(String(id));
  if (!file || file.trashed || file.mimeType !== MIME_SHEETS) throw apiError(method, NOT_FOUND);
  const user = rt.current().effectiveUser;
  const editor = file.owner === user || file.editors.has(user);
  if (!editor && (write || !file.viewers.has(user))) throw apiError(method, NO_PERMISSION);
  const wide =
    rt.hasScope(Scope.spreadsheets) ||
    rt.hasScope(Scope.drive) ||
    (!write && (rt.hasScope(Scope.spreadsheetsReadonly) || rt.hasScope(Scope.driveReadonly)));
  // Only drive.file among the scopes the call accepts: the files this app created for this user.
  if (!wide && !rt.appCanReach(file.id, user)) throw apiError(method, NO_PERMISSION);
  return docOf(file.content as EmuSpreadsheet);
}

/** A1 notation with an optional sheet name ("'Audit Log'!J2:J", "Sheet1", "A1:B2") on a sheet. */
function resolve(doc: DocModel, method: string, a1: unknown): { sheet: SheetModel; box: GridBox } {
  const text = String(a1 ?? '').trim();
  const fail = () => apiError(method, `Unable to parse range: ${text}`);
  if (!text) throw fail();
  let sheet: SheetModel | undefined;
  let ref: ReturnType<typeof parseA1> | null = null;
  const whole = text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text;
  if (!text.includes('!') && doc.sheetByName(whole)) {
    sheet = doc.sheetByName(whole);
  } else {
    try {
      ref = parseA1(text);
    } catch {
      throw fail();
    }
    sheet = ref.sheetName === null ? doc.sheets[0] : doc.sheetByName(ref.sheetName);
  }
  if (!sheet) throw fail();
  const box = ref
    ? refToBox(ref, sheet.maxRows, sheet.maxCols)
    : { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
  return { sheet, box };
}

function a1Of(sheet: SheetModel, box: GridBox): string {
  return `${quoteSheetName(sheet.name)}!${boxToA1(box)}`;
}

function exceedsGrid(sheet: SheetModel, box: GridBox): string {
  return `Range (${a1Of(sheet, box)}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`;
}

function inGrid(sheet: SheetModel, box: GridBox): boolean {
  return (
    box.row >= 1 &&
    box.col >= 1 &&
    box.row + box.numRows - 1 <= sheet.maxRows &&
    box.col + box.numCols - 1 <= sheet.maxCols
  );
}

export function unsupported(method: string, what: string): Error {
  return new Error(`Emulator: Sheets.${method}: ${what} is not emulated`);
}

function optionsOf(args: unknown): Record<string, unknown> {
  return args && typeof args === 'object' ? (args as Record<string, unknown>) : {};
}

/** One cell of a request as it is stored (RAW) or as typing would store it (USER_ENTERED). */
function inputOf(
  method: string,
  value: unknown,
  raw: boolean,
  doc: DocModel,
  at: [number, number],
): ParsedInput | null {
  if (value === null || value === undefined) return null;
  if (value === '') return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'value', value };
  if (typeof value === 'boolean') return { kind: 'value', value };
  // A Date crosses to the API as JSON, an ISO string.
  const text = isDate(value) ? value.toISOString() : typeof value === 'string' ? value : null;
  if (text === null)
    throw apiError(method, `Invalid values[${at[0]}][${at[1]}]: ${JSON.stringify(value) ?? String(value)}`);
  return raw ? { kind: 'value', value: text } : parseTyped(text, doc.locale, doc.timeZone);
}

export class EmuSheetsValues implements Pick<
  GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection,
  ValuesMethods
> {
  readonly #rt: Runtime;
  constructor(rt: Runtime) {
    this.#rt = rt;
  }

  get(spreadsheetId: string, range: string, optionalArgs?: object): ValueRange {
    const rt = this.#rt;
    return rt.call('Sheets.Spreadsheets.Values.get', () => {
      requireFull(rt, 'Sheets.Spreadsheets.Values.get');
      const options = optionsOf(optionalArgs);
      const render = String(options.valueRenderOption ?? 'FORMATTED_VALUE');
      const dates = String(options.dateTimeRenderOption ?? 'SERIAL_NUMBER');
      if (options.majorDimension !== undefined && options.majorDimension !== 'ROWS')
        throw unsupported('Spreadsheets.Values.get', `majorDimension ${String(options.majorDimension)}`);
      const doc = reach(rt, 'values.get', spreadsheetId, false);
      const { sheet, box } = resolve(doc, 'values.get', range);
      if (!inGrid(sheet, box)) throw apiError('values.get', exceedsGrid(sheet, box));
      const values = readValues(doc, sheet, box);
      rt.countCells(box.numRows * box.numCols, 0);
      const cell = (v: CellValue, i: number, j: number): unknown => {
        if (render === 'FORMULA') {
          const formula = sheet.formulas.get(box.row + i, box.col + j);
          if (formula !== undefined) return formula;
        }
        if (render === 'FORMATTED_VALUE' || (isDate(v) && dates === 'FORMATTED_STRING'))
          return displayValue(v, sheet.formats.get(box.row + i, box.col + j), doc.locale, doc.timeZone);
        if (isDate(v)) return dateToSerial(v, doc.timeZone);
        return v;
      };
      const rows = values.map((row, i) => {
        const out = row.map((v, j) => cell(v, i, j));
        while (out.length && out[out.length - 1] === '') out.pop();
        return out;
      });
      while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
      const result: ValueRange = { range: a1Of(sheet, box), majorDimension: 'ROWS' };
      if (rows.length) result.values = rows;
      return result;
    });
  }

  update(
    resource: ValueRange,
    spreadsheetId: string,
    range: string,
    optionalArgs?: object,
  ): UpdateValuesResponse {
    const rt = this.#rt;
    return rt.call('Sheets.Spreadsheets.Values.update', () => {
      requireFull(rt, 'Sheets.Spreadsheets.Values.update');
      const options = optionsOf(optionalArgs);
      const input = options.valueInputOption;
      if (input !== 'RAW' && input !== 'USER_ENTERED')
        throw apiError(
          'values.update',
          `Invalid valueInputOption: ${String(input ?? 'INPUT_VALUE_OPTION_UNSPECIFIED')}`,
        );
      if (resource?.majorDimension !== undefined && resource.majorDimension !== 'ROWS')
        throw unsupported('Spreadsheets.Values.update', `majorDimension ${String(resource.majorDimension)}`);
      const doc = reach(rt, 'values.update', spreadsheetId, true);
      const { sheet, box } = resolve(doc, 'values.update', range);
      const data = (resource?.values ?? []) as unknown[][];
      const height = data.length;
      const width = data.reduce((w, row) => Math.max(w, Array.isArray(row) ? row.length : 0), 0);
      const anchorOnly = box.numRows === 1 && box.numCols === 1;
      if (!anchorOnly) {
        if (height > box.numRows)
          throw apiError(
            'values.update',
            `Requested writing within range [${a1Of(sheet, box)}], but tried writing to row [${box.row + box.numRows}]`,
          );
        if (width > box.numCols)
          throw apiError(
            'values.update',
            `Requested writing within range [${a1Of(sheet, box)}], but tried writing to column [${columnLetters(box.col + box.numCols)}]`,
          );
      }
      const written: GridBox = { row: box.row, col: box.col, numRows: height, numCols: width };
      if (height === 0 || width === 0)
        return { spreadsheetId: String(spreadsheetId), updatedRange: a1Of(sheet, box) };
      if (!inGrid(sheet, written)) throw apiError('values.update', exceedsGrid(sheet, written));
      if (blockingProtection(doc, sheet, written, rt.current().effectiveUser))
        throw apiError('values.update', PROTECTED);
      const raw = input === 'RAW';
      const inputs = data.map((row, i) =>
        (Array.isArray(row) ? row : []).map((v, j) => inputOf('values.update', v, raw, doc, [i, j])),
      );
      let cells = 0;
      inputs.forEach((row, i) =>
        row.forEach((cellInput, j) => {
          if (!cellInput) return;
          writeCell(sheet, box.row + i, box.col + j, cellInput);
          cells++;
        }),
      );
      doc.touch();
      rt.countCells(0, cells);
      return {
        spreadsheetId: String(spreadsheetId),
        updatedRange: a1Of(sheet, written),
        updatedRows: height,
        updatedColumns: width,
        updatedCells: cells,
      };
    });
  }
}

export class EmuSheetsSpreadsheets implements Pick<
  GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection,
  SpreadsheetsMethods | 'Values'
> {
  readonly Values: GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
  readonly #rt: Runtime;
  readonly #options: SheetsApiOptions;
  constructor(rt: Runtime, options: SheetsApiOptions) {
    this.#rt = rt;
    this.#options = options;
    this.Values = new EmuSheetsValues(
      rt,
    ) as unknown as GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
  }

  /** A new file owned by the user the script runs as, in their Drive, reachable under drive.file. */
  create(resource: SpreadsheetResource): SpreadsheetResource {
    const rt = this.#rt;
    return rt.call('Sheets.Spreadsheets.create', () => {
      requireFull(rt, 'Sheets.Spreadsheets.create');
      const props = resource?.properties ?? {};
      const known = new Set(['title', 'locale', 'timeZone']);
      for (const key of Object.keys(props))
        if (!known.has(key)) throw unsupported('Spreadsheets.create', `properties.${key}`);
      const defaults = this.#options.defaults();
      const user = rt.current().effectiveUser;
      rt.countSpreadsheetCreated(user);
      const ss = createSpreadsheetFile(rt, {
        name: props.title ?? 'Untitled spreadsheet',
        owner: user,
        timeZone: props.timeZone ?? defaults.timeZone,
        locale: props.locale ?? defaults.locale,
      });
      const doc = docOf(ss);
      (resource?.sheets ?? []).forEach((spec, index) => {
        for (const key of Object.keys(spec ?? {}))
          if (key !== 'properties') throw unsupported('Spreadsheets.create', `sheets[].${key}`);
        const p = spec.properties ?? {};
        for (const key of Object.keys(p))
          if (key !== 'title' && key !== 'gridProperties')
            throw unsupported('Spreadsheets.create', `sheets[].properties.${key}`);
        const title = p.title ?? `Sheet${index + 1}`;
        if (doc.sheets.slice(0, index).some((s) => s.name === title))
          throw apiError('create', `Invalid requests: A sheet with the name "${title}" already exists.`);
        const sheet = index === 0 ? doc.sheets[0] : doc.addSheet(title);
        sheet.name = title;
        sheet.maxRows = p.gridProperties?.rowCount ?? sheet.maxRows;
        sheet.maxCols = p.gridProperties?.columnCount ?? sheet.maxCols;
      });
      rt.scriptCreatedFile(doc.id, user);
      return {
        spreadsheetId: doc.id,
        properties: { title: doc.name, locale: doc.locale, timeZone: doc.timeZone, autoRecalc: 'ON_CHANGE' },
        sheets: doc.sheets.map((s, index) => ({
          properties: {
            sheetId: s.id,
            title: s.name,
            index,
            sheetType: 'GRID',
            gridProperties: { rowCount: s.maxRows, columnCount: s.maxCols },
          },
        })),
        spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${doc.id}/edit`,
      };
    });
  }

  /** Applies every request, or none when one is invalid (emulator/spreadsheet/sheets-batch.ts). */
  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    const rt = this.#rt;
    return rt.call('Sheets.Spreadsheets.batchUpdate', () => {
      requireFull(rt, 'Sheets.Spreadsheets.batchUpdate');
      const doc = reach(rt, 'batchUpdate', spreadsheetId, true);
      return applyBatch(rt, doc, resource);
    });
  }

  /** The spreadsheet's properties and its sheets' properties (no grid data). */
  get(spreadsheetId: string, optionalArgs?: object): SpreadsheetResource {
    const rt = this.#rt;
    return rt.call('Sheets.Spreadsheets.get', () => {
      requireFull(rt, 'Sheets.Spreadsheets.get');
      const options = optionsOf(optionalArgs);
      if (options.includeGridData || options.ranges)
        throw unsupported('Spreadsheets.get', 'includeGridData / ranges');
      return describeSpreadsheet(reach(rt, 'get', spreadsheetId, false));
    });
  }
}

/** The `Sheets` global: Spreadsheets (create, batchUpdate, get, Values.get, Values.update). */
export class EmuSheetsApi implements Pick<GoogleAppsScript.Sheets, 'Spreadsheets'> {
  readonly Spreadsheets: GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
  constructor(rt: Runtime, options: SheetsApiOptions) {
    this.Spreadsheets = new EmuSheetsSpreadsheets(
      rt,
      options,
    ) as unknown as GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
  }
}
