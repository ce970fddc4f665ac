/**
 * Sheet.getRangeList and RangeList.setValue / clearContent
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list#setValue(Object),
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)):
 * one value set in every cell of ranges anywhere in one sheet with ONE counted call; the handle
 * costs nothing; the cells are written as Range.setValue writes them; bad notations and an empty
 * list throw.
 */
import { Runtime } from '../../../emulator/runtime';
import { as, OWNER, setup } from './helpers';

describe('RangeList', () => {
  test('setValue writes one value in every cell of every range, as one call', () => {
    const { rt, sheet } = setup();
    const before = rt.snapshot();
    const list = as(rt, OWNER, () => sheet.getRangeList(['B2', 'B40', 'C5:D6']));
    as(rt, OWNER, () => list.setValue('Void'));
    const d = Runtime.diff(before, rt.snapshot());
    expect(d.total).toBe(1);
    expect(d.byMethod).toEqual({ 'Sheet.getRangeList': 1, 'RangeList.setValue': 1 });
    expect(d.cells.written).toBe(6);
    const values = rt.uncounted(() => sheet.getRange('A1:D40').getValues());
    const set = values.flatMap((r, i) => r.map((v, j) => (v === 'Void' ? `${i + 1}:${j + 1}` : null)));
    expect(set.filter(Boolean).sort()).toEqual(['2:2', '40:2', '5:3', '5:4', '6:3', '6:4'].sort());
  });

  test('a formula-like text is a formula, and an apostrophe keeps text text, as with Range.setValue', () => {
    const { rt, sheet } = setup();
    as(rt, OWNER, () => sheet.getRangeList(['A1', 'A3']).setValue("'=1+1"));
    expect(rt.uncounted(() => sheet.getRange('A1').getValue())).toBe('=1+1');
    expect(rt.uncounted(() => sheet.getRange('A3').getFormula())).toBe('');
  });

  test('clearContent empties the ranges', () => {
    const { rt, sheet } = setup();
    rt.uncounted(() => sheet.getRange('A1:A3').setValues([['x'], ['y'], ['z']]));
    as(rt, OWNER, () => sheet.getRangeList(['A1', 'A3']).clearContent());
    expect(rt.uncounted(() => sheet.getRange('A1:A3').getValues())).toEqual([[''], ['y'], ['']]);
  });

  test('an empty list, a bad notation, a range past the sheet or on another sheet throws', () => {
    const { rt, sheet } = setup();
    expect(() => as(rt, OWNER, () => sheet.getRangeList([]))).toThrow();
    expect(() => as(rt, OWNER, () => sheet.getRangeList(['not a range']))).toThrow();
    expect(() => as(rt, OWNER, () => sheet.getRangeList([`A${sheet.getMaxRows() + 1}`]))).toThrow();
    expect(() => as(rt, OWNER, () => sheet.getRangeList(["'Some other sheet'!A1"]))).toThrow();
    expect(() => as(rt, OWNER, () => sheet.getRangeList([`'${sheet.getName()}'!A1`]))).not.toThrow();
  });
});
