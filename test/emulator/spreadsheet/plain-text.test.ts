/**
 * How Sheets parses a string a script writes, modelled by the emulator (emulator/spreadsheet/cells.ts):
 * - Range.setValue / setValues: "If it begins with '=' it is interpreted as a formula"
 *   (developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue); other strings are
 *   parsed as typing in the UI is, the USER_ENTERED rule of the Sheets API: "strings may be converted
 *   to numbers, dates, etc. following the same rules that are applied when entering text into a cell
 *   via the Google Sheets UI" (developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
 * - A leading apostrophe keeps the rest as text and is not part of the value: "TO_TEXT is equivalent to
 *   prefixing a number with an apostrophe" (support.google.com/docs/answer/3094285).
 * - A cell whose number format is plain text ("@", Format > Number > Plain text; the Sheets API's
 *   NumberFormatType TEXT) keeps what is written as text, as written.
 * The tracker relies on both (src/domain/formula-text.ts cellText): text columns are plain text, other
 * columns get the apostrophe.
 */
import { cellText } from '../../../src/domain/formula-text';
import { as, OWNER, setup } from './helpers';

const TEXTS = [
  '00123',
  '1/2',
  'TRUE',
  '12.5%',
  "'Tis Ltd",
  '-Dash Co',
  '+44 20 7946 0000',
  '@here',
  '-15.00',
  '=1+1',
];

describe('a string written by a script', () => {
  it('into a cell of the default format is parsed as typing', () => {
    const { rt, sheet } = setup();
    const values = as(rt, OWNER, () => {
      sheet.getRange(1, 1, 1, TEXTS.length).setValues([TEXTS]);
      return sheet.getRange(1, 1, 1, TEXTS.length).getValues()[0];
    });
    expect(values[0]).toBe(123);
    expect(values[1]).toBeInstanceOf(Date);
    expect(values[2]).toBe(true);
    expect(values[3]).toBe(0.125);
    expect(values[4]).toBe('Tis Ltd');
    expect(values[5]).toBe('-Dash Co');
    expect(values[8]).toBe(-15);
    expect(values[9]).toBe(2); // a formula
  });

  it('into a plain-text cell stays as written, apostrophes and "=" included', () => {
    const { rt, sheet } = setup();
    const values = as(rt, OWNER, () => {
      const range = sheet.getRange(1, 1, 1, TEXTS.length).setNumberFormat('@');
      range.setValues([TEXTS]);
      return { values: range.getValues()[0], formulas: range.getFormulas()[0] };
    });
    expect(values.values).toEqual(TEXTS);
    expect(values.formulas.every((f) => f === '')).toBe(true);
  });

  it('through the tracker rule reads back exactly, in either kind of cell', () => {
    const { rt, sheet } = setup();
    const read = as(rt, OWNER, () => {
      const general = sheet.getRange(1, 1, 1, TEXTS.length);
      general.setValues([TEXTS.map((t) => cellText(t, false))]);
      const plain = sheet.getRange(2, 1, 1, TEXTS.length).setNumberFormat('@');
      plain.setValues([TEXTS.map((t) => cellText(t, true))]);
      return { general: general.getValues()[0], plain: plain.getValues()[0] };
    });
    expect(read.general).toEqual(TEXTS);
    // "=1+1" keeps a guard apostrophe in a plain-text cell (the reader removes it: readPlainText)
    expect(read.plain).toEqual([...TEXTS.slice(0, -1), "'=1+1"]);
  });
});
