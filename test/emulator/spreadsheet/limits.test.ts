/**
 * The limits Sheets enforces and what Google documents (or does not) about rows added at the end of
 * a sheet and about who may read a protection's editors. Each test names the page it pins.
 */
import { personEdit, personInsertRows } from '../../../emulator/spreadsheet';
import { docOf } from '../../../emulator/spreadsheet/spreadsheet';
import { as, EDITOR, OWNER, setup } from './helpers';

const CELL_LIMIT =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
const TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';
const DENIED = 'You do not have permission to perform that action.';

/** Google Drive help, "Files you can store in Google Drive": spreadsheets hold up to 10 million cells. */
const DRIVE_LIMITS = 'https://support.google.com/drive/answer/37603';

describe(`grid cells: 10,000,000 per spreadsheet, empty cells included (${DRIVE_LIMITS})`, () => {
  test('every sheet counts maxRows x maxColumns; insertSheet makes 1000 x 26', () => {
    const { ss, sheet } = setup();
    expect(docOf(ss).gridCells()).toBe(26_000);
    const added = ss.insertSheet('Second');
    expect([added.getMaxRows(), added.getMaxColumns()]).toEqual([1000, 26]);
    expect(docOf(ss).gridCells()).toBe(52_000);
    added.deleteColumns(11, 16);
    sheet.insertRowsAfter(1000, 4000);
    expect(docOf(ss).gridCells()).toBe(5000 * 26 + 1000 * 10);
  });

  test('inserting rows or columns past the limit throws Sheets’ error and changes nothing', () => {
    const { ss, sheet } = setup();
    expect(() => sheet.insertRowsAfter(1000, 384_000)).toThrow(CELL_LIMIT); // 385,000 x 26 = 10,010,000
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertRowsAfter(1000, 383_615); // 384,615 x 26 = 9,999,990: within
    expect(docOf(ss).gridCells()).toBe(9_999_990);
    expect(() => sheet.insertRowsAfter(10, 1)).toThrow(CELL_LIMIT);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(CELL_LIMIT);
    expect(() => ss.insertSheet('More')).toThrow(CELL_LIMIT);
    expect(ss.getSheets()).toHaveLength(1);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(sheet.getMaxColumns()).toBe(26);
  });

  test('appendRow past the last row grows the grid within the limit', () => {
    const { ss, sheet } = setup();
    sheet.insertRowsAfter(1000, 383_615); // 384,615 x 26 = 9,999,990 cells
    sheet.getRange(384_615, 1).setValue('last');
    expect(() => sheet.appendRow(['one more'])).toThrow(CELL_LIMIT);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(docOf(ss).gridCells()).toBe(9_999_990);
  });

  test("a person's row insert past the limit is refused", () => {
    const { ss, sheet } = setup();
    sheet.insertRowsAfter(1000, 383_615);
    expect(personInsertRows(ss, { user: EDITOR, sheet: 'Sheet1', before: 5, count: 1 })).toEqual({
      ok: false,
      reason: CELL_LIMIT,
    });
  });
});

/**
 * Not on Google's limits page: the limit and Sheets' text are reported by users of setValues and
 * the Sheets API (e.g. https://github.com/ONE-F-M/one_fm/pull/1926,
 * https://github.com/bellingcat/auto-archiver, "Invalid data[4]: Your input contains more than ...").
 */
describe('50,000 characters per cell (reported)', () => {
  const exactly = 'x'.repeat(50_000);
  const over = 'x'.repeat(50_001);

  test('setValue, setValues, appendRow and setFormula refuse a longer text with Sheets’ error', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(exactly);
    expect(sheet.getRange('A1').getValue()).toBe(exactly);
    expect(() => sheet.getRange('A2').setValue(over)).toThrow(TOO_LONG);
    // the whole call is refused: no cell of it is written
    expect(() => sheet.getRange('A3:B3').setValues([['ok', over]])).toThrow(TOO_LONG);
    expect(sheet.getRange('A3:B3').getValues()).toEqual([['', '']]);
    expect(() => sheet.appendRow(['ok', over])).toThrow(TOO_LONG);
    expect(sheet.getLastRow()).toBe(1);
    expect(() => sheet.getRange('C1').setFormula(`="${over}"`)).toThrow(TOO_LONG);
  });

  test("a person's paste of a longer text is refused", () => {
    const { ss, sheet } = setup();
    const result = personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['fine', over]] });
    expect(result).toEqual({ ok: false, reason: TOO_LONG });
    expect(sheet.getRange('A1').getValue()).toBe('');
  });
});

/**
 * Sheet.insertRowsAfter says only that it inserts rows
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer));
 * the Sheets API's InsertDimensionRequest.inheritFromBefore extends "dimension properties" (row
 * height, hidden) from the neighbour
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest).
 * Neither says that rows added at the end take the formats, validation, protections, named ranges,
 * conditional formats or bandings of the rows above: the emulator models the conservative case
 * (they do not), so the add-on must extend them itself.
 */
describe('rows added at the end of a sheet get nothing of the rows above (undocumented: not extended)', () => {
  function prepared() {
    const env = setup();
    const { ss, sheet, app } = env;
    sheet.getRange(2, 1, 999, 1).setNumberFormat('@');
    sheet.getRange(2, 2, 999, 1).setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    const p = sheet.getRange(1, 3, 1000, 1).protect();
    as(env.rt, OWNER, () => p.removeEditors(p.getEditors()));
    ss.setNamedRange('Ids', sheet.getRange(2, 3, 999, 1));
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellNotEmpty()
        .setBackground('#eeeeee')
        .setRanges([sheet.getRange(2, 1, 999, 3)])
        .build(),
    ]);
    sheet.getRange(1, 1, 1000, 3).applyRowBanding();
    return env;
  }

  test('insertRowsAfter(maxRows, n)', () => {
    const { ss, sheet } = prepared();
    sheet.insertRowsAfter(1000, 500);
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getRange('A1000').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A1001').getNumberFormat()).toBe('General');
    expect(sheet.getRange('B1000').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('B1001').getDataValidation()).toBeNull();
    expect(ss.getProtections('RANGE')[0].getRange().getA1Notation()).toBe('C1:C1000');
    expect(ss.getRangeByName('Ids')!.getA1Notation()).toBe('C2:C1000');
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:C1000');
    expect(sheet.getBandings()[0].getRange().getA1Notation()).toBe('A1:C1000');
    // a person may type in the new rows of the protected column, and anything in the validated one
    expect(
      personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'B1200', values: [['not an email']] }).ok,
    ).toBe(true);
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'C1200', values: [['x']] }).ok).toBe(true);
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'C999', values: [['x']] }).ok).toBe(false);
  });

  test('appendRow past the last row', () => {
    const { ss, sheet } = prepared();
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['appended', 'x', 'y']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001').getNumberFormat()).toBe('General');
    expect(sheet.getRange('B1001').getDataValidation()).toBeNull();
    expect(ss.getProtections('RANGE')[0].getRange().getA1Notation()).toBe('C1:C1000');
  });

  test('the ranges can be extended by the script (Protection.setRange, NamedRange.setRange, Banding.setRange)', () => {
    const { ss, sheet } = prepared();
    sheet.insertRowsAfter(1000, 500);
    ss.getProtections('RANGE')[0].setRange(sheet.getRange(1, 3, 1500, 1));
    ss.getNamedRanges()[0].setRange(sheet.getRange(2, 3, 1499, 1));
    sheet.getBandings()[0].setRange(sheet.getRange(1, 1, 1500, 3));
    expect(ss.getProtections('RANGE')[0].getRange().getA1Notation()).toBe('C1:C1500');
    expect(ss.getRangeByName('Ids')!.getA1Notation()).toBe('C2:C1500');
    expect(sheet.getBandings()[0].getRange().getA1Notation()).toBe('A1:C1500');
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'C1200', values: [['x']] }).ok).toBe(false);
  });
});

/** https://developers.google.com/apps-script/reference/spreadsheet/protection */
describe('Protection: getEditors and canDomainEdit throw for a user who cannot edit the protected range', () => {
  function ownersOnly() {
    const env = setup();
    const p = env.sheet.getRange('A1:A10').protect().setDescription('owner only');
    p.removeEditors(p.getEditors());
    return { ...env, p };
  }

  test('an editor of the file who is not an editor of the protection', () => {
    const { rt, ss } = ownersOnly();
    as(rt, EDITOR, () => {
      const [p] = ss.getProtections('RANGE');
      expect(p.canEdit()).toBe(false);
      expect(p.getDescription()).toBe('owner only');
      expect(() => p.getEditors()).toThrow(DENIED);
      expect(() => p.canDomainEdit()).toThrow(DENIED);
    });
  });

  test('nor may that user change it (undocumented: refused, the conservative choice)', () => {
    const { rt, ss } = ownersOnly();
    as(rt, EDITOR, () => {
      const [p] = ss.getProtections('RANGE');
      expect(() => p.addEditor(EDITOR)).toThrow(DENIED);
      expect(() => p.removeEditors([OWNER])).toThrow(DENIED);
      expect(() => p.setDomainEdit(false)).toThrow(DENIED);
      expect(() => p.setDescription('mine')).toThrow(DENIED);
      expect(() => p.remove()).toThrow(DENIED);
    });
    expect(ss.getProtections('RANGE')).toHaveLength(1);
  });

  test('the owner and the protection’s editors may read and change it', () => {
    const { rt, ss, p } = ownersOnly();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    p.addEditor(EDITOR);
    as(rt, EDITOR, () => {
      const [mine] = ss.getProtections('RANGE');
      expect(mine.getEditors().map((u) => u.getEmail())).toEqual([OWNER, EDITOR]);
      expect(mine.canDomainEdit()).toBe(false);
    });
  });

  test('a warning-only protection stops nobody', () => {
    const { rt, ss, p } = ownersOnly();
    p.setWarningOnly(true);
    as(rt, EDITOR, () => expect(ss.getProtections('RANGE')[0].canDomainEdit()).toBe(false));
  });
});
