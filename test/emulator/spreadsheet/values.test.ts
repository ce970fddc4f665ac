import { dumpSheets, loadSheets } from '../../../emulator/spreadsheet';
import { setup } from './helpers';

describe('Range values', () => {
  test('an empty cell reads as an empty string', () => {
    const { sheet } = setup();
    expect(sheet.getRange('B2').getValue()).toBe('');
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('numbers, booleans, dates and strings read back as written', () => {
    const { sheet } = setup();
    const when = new Date('2026-03-02T05:00:00Z');
    sheet.getRange('A1:D1').setValues([[12.5, true, when, 'P-0001']]);
    const [[n, b, d, s]] = sheet.getRange('A1:D1').getValues();
    expect(n).toBe(12.5);
    expect(b).toBe(true);
    expect(d).toEqual(when);
    expect(d).not.toBe(when);
    expect(s).toBe('P-0001');
  });

  test('setValues with the wrong number of rows throws', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  test('setValues with the wrong number of columns throws', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('a string starting with = becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[2], [3]]);
    sheet.getRange('A3').setValue('=A1+A2');
    expect(sheet.getRange('A3').getFormula()).toBe('=A1+A2');
    expect(sheet.getRange('A3').getValue()).toBe(5);
  });

  test('a leading apostrophe stores the rest as literal text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue("'=1+1");
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('=1+1');
  });

  test('a script-written numeric string is parsed like typing, unless the cell is plain text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('00123');
    expect(sheet.getRange('A1').getValue()).toBe(123);
    sheet.getRange('B1').setNumberFormat('@').setValue('00123');
    expect(sheet.getRange('B1').getValue()).toBe('00123');
  });

  test('getRange outside the grid throws', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions');
  });

  test('whole-column and whole-row A1 ranges span the grid', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('A:C').getNumColumns()).toBe(3);
    expect(sheet.getRange('2:5').getA1Notation()).toBe('A2:Z5');
  });

  test('appendRow writes after the last row with content and grows the grid', () => {
    const { ss, sheet } = setup();
    loadSheets(ss, { Sheet1: Array.from({ length: 1000 }, (_, i) => [i + 1]) });
    sheet.appendRow(['next', 2]);
    expect(sheet.getLastRow()).toBe(1001);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['next', 2]]);
  });

  test('dumpSheets trims trailing empties and gives dates as ISO strings', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['x', new Date('2026-01-02T00:00:00Z')],
      ['', ''],
    ]);
    expect(dumpSheets(ss).Sheet1).toEqual([['x', '2026-01-02T00:00:00.000Z']]);
  });
});
