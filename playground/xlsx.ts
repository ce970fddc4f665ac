/**
 * "Export .xlsx": the emulated workbook as an Excel file (exceljs) that Google Sheets and Excel open
 * with its values (formulas with their results), number formats, list validations (dropdowns),
 * frozen header, notes, bold headers, backgrounds, column widths and hidden sheets.
 */
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator/harness';
import { readSheet, sheetNames, type CellRule } from './workbook-read';

/** Rows read for the export at least (validations usually run past the data). */
const MIN_EXPORT_ROWS = 1000;
/** Excel caps an inline list ("a,b,c") at 255 characters; longer lists go to a hidden sheet. */
const INLINE_LIST_LIMIT = 255;
const LISTS_SHEET = 'Lists';

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The wall-clock time in the spreadsheet's zone, as the UTC instant exceljs turns into a serial. */
function wallClockAsUtc(date: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(
    Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
      date.getUTCMilliseconds(),
    ),
  );
}

function argb(color: string): string | null {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  return m ? `FF${m[1].toUpperCase()}` : null;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

class ListSource {
  private sheet: ExcelJS.Worksheet | null = null;
  private readonly known = new Map<string, string>();
  constructor(private readonly book: ExcelJS.Workbook) {}

  /** The formula of a list validation for these options. */
  formula(options: string[]): string {
    const inline = `"${options.map((o) => o.replace(/"/g, '""')).join(',')}"`;
    if (inline.length <= INLINE_LIST_LIMIT && !options.some((o) => o.includes(','))) return inline;
    const key = JSON.stringify(options);
    const found = this.known.get(key);
    if (found) return found;
    if (!this.sheet) {
      this.sheet = this.book.addWorksheet(LISTS_SHEET);
      this.sheet.state = 'hidden';
    }
    const col = this.known.size + 1;
    options.forEach((o, i) => (this.sheet!.getCell(i + 1, col).value = o));
    const letter = this.sheet.getColumn(col).letter;
    const ref = `${quoteSheet(LISTS_SHEET)}!$${letter}$1:$${letter}$${Math.max(1, options.length)}`;
    this.known.set(key, ref);
    return ref;
  }
}

/** The Excel rule of each list rule, made once per export and shared by its cells. */
function validationCache(lists: ListSource): (rule: CellRule) => ExcelJS.DataValidation | null {
  const made = new Map<CellRule, ExcelJS.DataValidation | null>();
  return (rule) => {
    if (!made.has(rule)) made.set(rule, makeValidation(rule, lists));
    return made.get(rule)!;
  };
}

function makeValidation(rule: CellRule, lists: ListSource): ExcelJS.DataValidation | null {
  if (!rule.list) return null;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [lists.formula(rule.list)],
    showErrorMessage: !rule.allowInvalid,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { error: rule.helpText, prompt: rule.helpText, showInputMessage: true } : {}),
  };
}

/** Each column's runs of one rule become one range validation (C2:C1000), as Sheets stores them. */
function addValidations(
  ws: ExcelJS.Worksheet,
  rules: Array<Array<CellRule | null>>,
  validationFor: (rule: CellRule) => ExcelJS.DataValidation | null,
): void {
  // exceljs keeps a sheet's rules by address; a range address is written as one rule.
  const store = (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  const cols = rules[0]?.length ?? 0;
  for (let c = 0; c < cols; c++) {
    const letter = ws.getColumn(c + 1).letter;
    for (let r = 0; r < rules.length;) {
      const rule = rules[r][c];
      let end = r;
      while (end + 1 < rules.length && rules[end + 1][c] === rule) end++;
      const validation = rule ? validationFor(rule) : null;
      if (validation) {
        const address = end > r ? `${letter}${r + 1}:${letter}${end + 1}` : `${letter}${r + 1}`;
        store.add(address, validation);
      }
      r = end + 1;
    }
  }
}

export async function exportXlsx(emu: Emulator): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Partnership Tracker playground';
  book.created = emu.rt.now();
  const lists = new ListSource(book);
  const validationFor = validationCache(lists);
  const timeZone = emu.options.timeZone;
  for (const { name } of sheetNames(emu)) {
    const snap = readSheet(emu, name, MIN_EXPORT_ROWS, 1);
    const ws = book.addWorksheet(name);
    if (snap.hidden) ws.state = 'hidden';
    if (snap.frozenRows || snap.frozenCols) {
      ws.views = [{ state: 'frozen', xSplit: snap.frozenCols, ySplit: snap.frozenRows }];
    }
    snap.columnWidths.forEach((px, i) => {
      if (i < snap.lastCol || px !== 100) ws.getColumn(i + 1).width = Math.max(2, Math.round(px / 7));
    });
    for (let r = 0; r < snap.rows; r++) {
      for (let c = 0; c < snap.cols; c++) {
        const value = snap.values[r][c];
        const formula = snap.formulas[r][c];
        const note = snap.notes[r][c];
        const format = snap.formats[r][c];
        const background = argb(snap.backgrounds[r][c] ?? '');
        const has = formula || value !== '' || note || snap.bold[r][c];
        if (!has) continue;
        const cell = ws.getCell(r + 1, c + 1);
        const plain = isDate(value) ? wallClockAsUtc(value, timeZone) : (value as ExcelJS.CellValue);
        if (formula) cell.value = { formula: formula.replace(/^=/, ''), result: plain as never };
        else if (value !== '') cell.value = plain;
        if (format && format !== 'General') cell.numFmt = format;
        if (note) cell.note = note;
        if (snap.bold[r][c]) cell.font = { bold: true };
        if (background && background !== 'FFFFFFFF') {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: background } };
        }
      }
    }
    addValidations(ws, snap.rules, validationFor);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
