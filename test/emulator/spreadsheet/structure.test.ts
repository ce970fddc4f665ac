import { loadSheets } from '../../../emulator/spreadsheet';
import { setup } from './helpers';

describe('inserting and deleting rows and columns', () => {
  test('inserting rows moves developer metadata and named ranges', () => {
    const { ss, sheet } = setup();
    sheet.getRange('3:3').addDeveloperMetadata('row', 'L-1');
    sheet.getRange('B:B').addDeveloperMetadata('col', 'status');
    ss.setNamedRange('Totals', sheet.getRange('A5:B6'));
    sheet.insertRowsBefore(2, 3);
    sheet.insertColumnsBefore(1, 1);
    const [row] = ss.createDeveloperMetadataFinder().withKey('row').find();
    expect(row.getLocation().getLocationType()).toBe('ROW');
    expect(row.getLocation().getRow()!.getRow()).toBe(6);
    const [col] = ss.createDeveloperMetadataFinder().withKey('col').find();
    expect(col.getLocation().getColumn()!.getColumn()).toBe(3);
    expect(ss.getRangeByName('Totals')!.getA1Notation()).toBe('B8:C9');
  });

  test('inserting rows shifts values, formats, notes and validations', () => {
    const { ss, sheet, app } = setup();
    loadSheets(ss, { Sheet1: [['h'], ['a'], ['b']] });
    sheet.getRange('A3').setNote('note').setBackground('#FF0000');
    sheet.getRange('A3').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    sheet.insertRowAfter(1);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['h'], [''], ['a'], ['b']]);
    expect(sheet.getRange('A4').getNote()).toBe('note');
    expect(sheet.getRange('A4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('A4').getDataValidation()!.getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    expect(sheet.getMaxRows()).toBe(1001);
  });

  test("deleting rows removes their metadata and shrinks a protection's range", () => {
    const { ss, sheet } = setup();
    loadSheets(ss, { Sheet1: [[1], [2], [3], [4], [5]] });
    sheet.getRange('2:2').addDeveloperMetadata('gone');
    const p = sheet.getRange('A2:A4').protect();
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [4], [5]]);
    expect(ss.createDeveloperMetadataFinder().withKey('gone').find()).toHaveLength(0);
    expect(p.getRange().getA1Notation()).toBe('A2');
    expect(sheet.getMaxRows()).toBe(998);
  });

  test('deleting a column shifts the columns after it', () => {
    const { ss, sheet } = setup();
    loadSheets(ss, { Sheet1: [[1, 2, 3]] });
    sheet.setColumnWidth(3, 250);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[2, 3]]);
    expect(sheet.getColumnWidth(2)).toBe(250);
    expect(sheet.getMaxColumns()).toBe(25);
  });

  test('a range handle keeps its coordinates after rows are inserted', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A2');
    sheet.insertRows(1, 2);
    expect(r.getA1Notation()).toBe('A2');
  });
});
