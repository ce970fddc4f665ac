/** Test-bed functions (not Apps Script methods): files, fixtures, dumps, selections. */
import { MIME_SHEETS, type Runtime } from '../runtime';
import { parseA1, refToBox } from './a1';
import { fileEditors as editorsOf } from './access';
import { isDate } from './cells';
import { DocModel } from './model';
import { readValues, writeCell } from './range-io';
import { fromScript } from './cells';
import { docOf, spreadsheetFor, toastsOf, type EmuSpreadsheet } from './spreadsheet';
import { copyDoc } from './copy';

export interface SpreadsheetFileOptions {
  name: string;
  owner: string;
  timeZone: string;
  locale: string;
  editors?: string[];
  viewers?: string[];
}

/** A new spreadsheet file registered in rt.files, with one sheet "Sheet1" of 1000 x 26. */
export function createSpreadsheetFile(rt: Runtime, options: SpreadsheetFileOptions): EmuSpreadsheet {
  const id = rt.newId('ss');
  const doc = new DocModel(id, options.name, options.timeZone, options.locale);
  doc.addSheet('Sheet1');
  const ss = spreadsheetFor(rt, doc);
  doc.files = rt.files;
  doc.file = {
    id,
    name: options.name,
    mimeType: MIME_SHEETS,
    owner: options.owner,
    editors: new Set((options.editors ?? []).filter((e) => e !== options.owner)),
    viewers: new Set(options.viewers ?? []),
    createdMs: rt.nowMillis(),
    trashed: false,
    content: ss,
    copyContent: (newId, newName) => spreadsheetFor(rt, copyDoc(doc, newId, newName, rt)),
  };
  rt.files.set(id, doc.file);
  return ss;
}

/** Creates or overwrites sheets with the given rows (script-write parsing), growing the grid. */
export function loadSheets(ss: EmuSpreadsheet, sheets: Record<string, unknown[][]>): void {
  const doc = docOf(ss);
  for (const [name, rows] of Object.entries(sheets)) {
    let sheet = doc.sheetByName(name);
    if (sheet) {
      for (const layer of [sheet.values, sheet.formulas]) layer.clearBox(1, 1, sheet.maxRows, sheet.maxCols);
    } else {
      sheet = doc.addSheet(name);
    }
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    sheet.maxRows = Math.max(sheet.maxRows, rows.length);
    sheet.maxCols = Math.max(sheet.maxCols, width);
    rows.forEach((row, i) => {
      row.forEach((value, j) => {
        writeCell(
          sheet!,
          i + 1,
          j + 1,
          fromScript(value, sheet!.formats.get(i + 1, j + 1), doc.locale, doc.timeZone),
        );
      });
    });
  }
  doc.touch();
  doc.structureVersion++;
}

/** Every sheet's computed values; Dates as ISO strings; trailing empty rows and columns trimmed. */
export function dumpSheets(ss: EmuSpreadsheet): Record<string, unknown[][]> {
  const doc = docOf(ss);
  const out: Record<string, unknown[][]> = {};
  for (const sheet of doc.sheets) {
    const numRows = sheet.lastRow();
    const numCols = sheet.lastColumn();
    if (numRows === 0 || numCols === 0) {
      out[sheet.name] = [];
      continue;
    }
    const values = readValues(doc, sheet, { row: 1, col: 1, numRows, numCols });
    const rows = values.map((row) => row.map((v) => (isDate(v) ? v.toISOString() : v)));
    let width = 0;
    for (const row of rows) {
      let w = row.length;
      while (w > 0 && row[w - 1] === '') w--;
      width = Math.max(width, w);
    }
    let height = rows.length;
    while (height > 0 && rows[height - 1].every((v) => v === '')) height--;
    out[sheet.name] = rows.slice(0, height).map((r) => r.slice(0, width));
  }
  return out;
}

/** Sets a user's selection (what getActiveRange returns in that user's executions). */
export function setSelection(ss: EmuSpreadsheet, user: string, sheet: string, a1: string): void {
  const doc = docOf(ss);
  const model = doc.sheetByName(sheet);
  if (!model) throw new Error(`setSelection: no sheet "${sheet}"`);
  doc.selections.set(user, { sheet: model, ...refToBox(parseA1(a1), model.maxRows, model.maxCols) });
  doc.activeSheet = model;
}

/** The file's editors, owner first. */
export function fileEditors(ss: EmuSpreadsheet): string[] {
  return editorsOf(docOf(ss));
}

/** The toasts shown in this file, oldest first. */
export function toasts(
  ss: EmuSpreadsheet,
): Array<{ message: string; title: string; timeoutSeconds: number }> {
  return [...(toastsOf.get(docOf(ss)) ?? [])];
}
