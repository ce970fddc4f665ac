import { Runtime } from '../../../emulator/runtime';
import { loadSheets } from '../../../emulator/spreadsheet';
import { setup } from './helpers';

describe('call accounting', () => {
  test('one getValues on a 1000-row range counts one call and 1000*cols cells', () => {
    const { rt, ss } = setup();
    loadSheets(ss, { Data: Array.from({ length: 1000 }, (_, i) => [i, `n${i}`, i % 2 === 0]) });
    const range = rt.uncounted(() => ss.getSheetByName('Data')!.getRange(1, 1, 1000, 3));
    const before = rt.snapshot();
    range.getValues();
    const d = Runtime.diff(before, rt.snapshot());
    expect(d.total).toBe(1);
    expect(d.byMethod).toEqual({ 'Range.getValues': 1 });
    expect(d.cells).toEqual({ read: 3000, written: 0 });
  });

  test('setValues counts the cells it writes', () => {
    const { rt, sheet } = setup();
    const before = rt.snapshot();
    sheet.getRange(1, 1, 10, 4).setValues(Array.from({ length: 10 }, () => [1, 2, 3, 4]));
    const d = Runtime.diff(before, rt.snapshot());
    expect(d.total).toBe(1); // setValues; getRange only hands back a handle
    expect(d.byMethod).toEqual({ 'Sheet.getRange': 1, 'Range.setValues': 1 });
    expect(d.cells.written).toBe(40);
  });

  test('handle factories (getRange, the property store, the lock) are listed but not counted', () => {
    const { rt, sheet } = setup();
    const before = rt.snapshot();
    sheet.getRange('A1:B2');
    sheet.getRange(3, 1);
    const d = Runtime.diff(before, rt.snapshot());
    expect(d.total).toBe(0);
    expect(d.local).toBe(2);
  });

  test('local accessors are listed by method but not counted in total', () => {
    const { rt, sheet } = setup();
    const range = sheet.getRange('B2:C3');
    const before = rt.snapshot();
    range.getRow();
    range.getNumColumns();
    range.getA1Notation();
    range.getSheet().getName();
    const d = Runtime.diff(before, rt.snapshot());
    expect(d.total).toBe(0);
    expect(d.local).toBe(5);
    expect(d.byMethod['Range.getRow']).toBe(1);
  });

  test('getLastRow reads the document and is counted', () => {
    const { rt, sheet } = setup();
    const before = rt.snapshot();
    sheet.getLastRow();
    expect(Runtime.diff(before, rt.snapshot()).total).toBe(1);
  });

  test('a method using another internally counts once', () => {
    const { rt, ss } = setup();
    const before = rt.snapshot();
    ss.getRange("'Sheet1'!A1:B2").getValues();
    const d = Runtime.diff(before, rt.snapshot());
    expect(d.byMethod).toEqual({ 'Spreadsheet.getRange': 1, 'Range.getValues': 1 });
  });
});
