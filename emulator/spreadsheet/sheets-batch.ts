/**
 * spreadsheets.batchUpdate and spreadsheets.get of the advanced Sheets service, as Google documents
 * them (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate,
 * .../spreadsheets/get, .../spreadsheets/request):
 * - "The requests are validated before being applied. If any request is not valid then the entire
 *   request will fail and nothing will be applied": every request is checked against the structure
 *   the earlier requests of the batch leave, then all are applied.
 * - Requests emulated: addSheet, updateSheetProperties (title, gridProperties.rowCount/columnCount),
 *   appendDimension, updateCells with fields "userEnteredValue" (rows from `start`, or a `range`
 *   cleared where no row gives a value). userEnteredValue.stringValue is stored as it is: never a
 *   formula or a number (formulaValue would be the formula). Anything else throws "not emulated".
 * - A sheet's grid counts toward the 10-million-cell limit, as for SpreadsheetApp.
 */
import type { Runtime } from '../runtime';
import { apiError, unsupported } from './sheets-api';
import { SheetModel, type DocModel } from './model';
import { writeCell } from './range-io';
import { GRID_CELL_LIMIT } from './errors';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type BatchRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;
type BatchResponse = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
type SheetProperties = GoogleAppsScript.Sheets.Schema.SheetProperties;

const METHOD = 'batchUpdate';
const KNOWN = new Set(['addSheet', 'updateSheetProperties', 'appendDimension', 'updateCells']);

/** What the structure is after the requests checked so far (nothing applied yet). */
interface Plan {
  sheets: Array<{ id: number; title: string; rows: number; cols: number }>;
  nextId: number;
}

function fail(index: number, kind: string, message: string): Error {
  return apiError(METHOD, `Invalid requests[${index}].${kind}: ${message}`);
}

function planSheet(plan: Plan, index: number, kind: string, sheetId: unknown) {
  const sheet = plan.sheets.find((s) => s.id === Number(sheetId ?? 0));
  if (!sheet) throw fail(index, kind, `No grid with id: ${String(sheetId ?? 0)}`);
  return sheet;
}

function fieldsOf(index: number, kind: string, fields: unknown, allowed: readonly string[]): string[] {
  const list = String(fields ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (!list.length) throw fail(index, kind, 'At least one field must be updated, but none were specified.');
  for (const f of list)
    if (!allowed.includes(f)) throw unsupported(`Spreadsheets.batchUpdate ${kind}`, `fields ${f}`);
  return list;
}

/** A cell of updateCells as the emulator stores it, or null when the cell gives no value. */
function cellInput(index: number, value: unknown) {
  const entered = (value as { userEnteredValue?: Record<string, unknown> } | null)?.userEnteredValue;
  if (!entered) return null;
  const keys = Object.keys(entered);
  if (keys.length !== 1) throw fail(index, 'updateCells', 'Exactly one value type must be set.');
  const [key] = keys;
  const v = entered[key];
  if (key === 'stringValue') return { kind: 'value' as const, value: String(v) };
  if (key === 'numberValue' && typeof v === 'number' && Number.isFinite(v))
    return { kind: 'value' as const, value: v };
  if (key === 'boolValue' && typeof v === 'boolean') return { kind: 'value' as const, value: v };
  throw unsupported('Spreadsheets.batchUpdate updateCells', `userEnteredValue.${key}`);
}

function check(plan: Plan, request: Request, index: number): void {
  const kinds = Object.keys(request ?? {}).filter(
    (k) => (request as Record<string, unknown>)[k] !== undefined,
  );
  if (kinds.length !== 1)
    throw apiError(METHOD, `Invalid requests[${index}]: exactly one kind of request must be set.`);
  const kind = kinds[0];
  if (!KNOWN.has(kind)) throw unsupported('Spreadsheets.batchUpdate', `request ${kind}`);
  if (kind === 'addSheet') {
    const p: SheetProperties = request.addSheet?.properties ?? {};
    for (const key of Object.keys(p))
      if (!['sheetId', 'title', 'gridProperties', 'index'].includes(key))
        throw unsupported('Spreadsheets.batchUpdate addSheet', `properties.${key}`);
    const title = p.title ?? `Sheet${plan.sheets.length + 1}`;
    if (plan.sheets.some((s) => s.title === title))
      throw fail(index, kind, `A sheet with the name "${title}" already exists. Please enter another name.`);
    const id = p.sheetId ?? plan.nextId;
    if (plan.sheets.some((s) => s.id === id)) throw fail(index, kind, `Sheet with id ${id} already exists.`);
    plan.nextId = Math.max(plan.nextId, id + 1);
    plan.sheets.push({
      id,
      title,
      rows: p.gridProperties?.rowCount ?? 1000,
      cols: p.gridProperties?.columnCount ?? 26,
    });
  } else if (kind === 'updateSheetProperties') {
    const u = request.updateSheetProperties ?? {};
    const fields = fieldsOf(index, kind, u.fields, [
      'title',
      'gridProperties.rowCount',
      'gridProperties.columnCount',
    ]);
    const sheet = planSheet(plan, index, kind, u.properties?.sheetId);
    if (fields.includes('title')) {
      const title = String(u.properties?.title ?? '');
      if (!title) throw fail(index, kind, 'The sheet name cannot be empty.');
      if (plan.sheets.some((s) => s !== sheet && s.title === title))
        throw fail(
          index,
          kind,
          `A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      sheet.title = title;
    }
    if (fields.includes('gridProperties.rowCount'))
      sheet.rows = Number(u.properties?.gridProperties?.rowCount);
    if (fields.includes('gridProperties.columnCount'))
      sheet.cols = Number(u.properties?.gridProperties?.columnCount);
    if (!(sheet.rows >= 1 && sheet.cols >= 1))
      throw fail(index, kind, 'A sheet must keep at least one row and one column.');
  } else if (kind === 'appendDimension') {
    const a = request.appendDimension ?? {};
    const sheet = planSheet(plan, index, kind, a.sheetId);
    const length = Number(a.length);
    if (!Number.isInteger(length) || length < 1) throw fail(index, kind, 'length must be at least 1.');
    if (a.dimension === 'ROWS') sheet.rows += length;
    else if (a.dimension === 'COLUMNS') sheet.cols += length;
    else throw fail(index, kind, `Invalid dimension: ${String(a.dimension)}`);
  } else {
    const u = request.updateCells ?? {};
    fieldsOf(index, kind, u.fields, ['userEnteredValue']);
    if ((u.start === undefined) === (u.range === undefined))
      throw fail(index, kind, 'Exactly one of start or range must be set.');
    const sheet = planSheet(plan, index, kind, (u.start ?? u.range)?.sheetId);
    const rows = u.rows ?? [];
    const top = u.start ? (u.start.rowIndex ?? 0) : (u.range!.startRowIndex ?? 0);
    const left = u.start ? (u.start.columnIndex ?? 0) : (u.range!.startColumnIndex ?? 0);
    const width = rows.reduce((w, r) => Math.max(w, r.values?.length ?? 0), 0);
    const bottom = u.range ? (u.range.endRowIndex ?? sheet.rows) : top + rows.length;
    const right = u.range ? (u.range.endColumnIndex ?? sheet.cols) : left + width;
    if (u.range && (rows.length > bottom - top || width > right - left))
      throw fail(index, kind, 'The rows given do not fit in the range.');
    if (bottom > sheet.rows || right > sheet.cols)
      throw fail(
        index,
        kind,
        `Range ('${sheet.title}'!R${top + 1}C${left + 1}:R${bottom}C${right}) exceeds grid limits. Max rows: ${sheet.rows}, max columns: ${sheet.cols}`,
      );
    rows.forEach((r) => (r.values ?? []).forEach((c) => cellInput(index, c)));
  }
  const cells = plan.sheets.reduce((n, s) => n + s.rows * s.cols, 0);
  if (cells > GRID_CELL_LIMIT)
    throw apiError(
      METHOD,
      `Invalid requests[${index}].${kind}: This action would increase the number of cells in the workbook above the limit of ${GRID_CELL_LIMIT} cells.`,
    );
}

function apply(doc: DocModel, request: Request): Record<string, unknown> {
  const byId = (id: unknown) => doc.sheets.find((s) => s.id === Number(id ?? 0))!;
  if (request.addSheet) {
    const p = request.addSheet.properties ?? {};
    const title = p.title ?? `Sheet${doc.sheets.length + 1}`;
    let sheet: SheetModel;
    if (p.sheetId !== undefined) {
      sheet = new SheetModel(doc, p.sheetId, title);
      doc.sheets.push(sheet);
      doc.structureVersion++;
    } else sheet = doc.addSheet(title);
    if (p.gridProperties?.rowCount) sheet.maxRows = p.gridProperties.rowCount;
    if (p.gridProperties?.columnCount) sheet.maxCols = p.gridProperties.columnCount;
    return { addSheet: { properties: sheetProperties(doc, sheet) } };
  }
  if (request.updateSheetProperties) {
    const u = request.updateSheetProperties;
    const sheet = byId(u.properties?.sheetId);
    const fields = String(u.fields)
      .split(',')
      .map((f) => f.trim());
    if (fields.includes('title')) sheet.name = String(u.properties?.title);
    if (fields.includes('gridProperties.rowCount'))
      sheet.maxRows = Number(u.properties?.gridProperties?.rowCount);
    if (fields.includes('gridProperties.columnCount'))
      sheet.maxCols = Number(u.properties?.gridProperties?.columnCount);
    doc.structureVersion++;
    return {};
  }
  if (request.appendDimension) {
    const a = request.appendDimension;
    const sheet = byId(a.sheetId);
    if (a.dimension === 'ROWS') sheet.maxRows += Number(a.length);
    else sheet.maxCols += Number(a.length);
    doc.structureVersion++;
    return {};
  }
  const u = request.updateCells!;
  const sheet = byId((u.start ?? u.range)?.sheetId);
  const top = (u.start ? u.start.rowIndex : u.range!.startRowIndex) ?? 0;
  const left = (u.start ? u.start.columnIndex : u.range!.startColumnIndex) ?? 0;
  if (u.range) {
    const bottom = u.range.endRowIndex ?? sheet.maxRows;
    const right = u.range.endColumnIndex ?? sheet.maxCols;
    for (const layer of [sheet.values, sheet.formulas])
      layer.clearBox(top + 1, left + 1, bottom - top, right - left);
  }
  (u.rows ?? []).forEach((r, i) =>
    (r.values ?? []).forEach((c, j) => {
      const input = cellInput(0, c);
      if (input) writeCell(sheet, top + i + 1, left + j + 1, input);
    }),
  );
  doc.touch();
  return {};
}

/** Checks every request, then applies them all: one invalid request applies none. */
export function applyBatch(rt: Runtime, doc: DocModel, resource: BatchRequest): BatchResponse {
  for (const key of Object.keys(resource ?? {}))
    if (key !== 'requests') throw unsupported('Spreadsheets.batchUpdate', key);
  const requests = resource?.requests ?? [];
  const plan: Plan = {
    sheets: doc.sheets.map((s) => ({ id: s.id, title: s.name, rows: s.maxRows, cols: s.maxCols })),
    nextId: Math.max(0, ...doc.sheets.map((s) => s.id)) + 1,
  };
  requests.forEach((request, index) => check(plan, request, index));
  let written = 0;
  const replies = requests.map((request) => {
    if (request.updateCells) for (const r of request.updateCells.rows ?? []) written += r.values?.length ?? 0;
    return apply(doc, request);
  });
  rt.countCells(0, written);
  return { spreadsheetId: doc.id, replies };
}

function sheetProperties(doc: DocModel, sheet: SheetModel): SheetProperties {
  return {
    sheetId: sheet.id,
    title: sheet.name,
    index: doc.sheets.indexOf(sheet),
    sheetType: 'GRID',
    gridProperties: { rowCount: sheet.maxRows, columnCount: sheet.maxCols },
  };
}

/** spreadsheets.get without grid data: the file's and its sheets' properties. */
export function describeSpreadsheet(doc: DocModel): GoogleAppsScript.Sheets.Schema.Spreadsheet {
  return {
    spreadsheetId: doc.id,
    properties: { title: doc.name, locale: doc.locale, timeZone: doc.timeZone, autoRecalc: 'ON_CHANGE' },
    sheets: doc.sheets.map((s) => ({ properties: sheetProperties(doc, s) })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${doc.id}/edit`,
  };
}
