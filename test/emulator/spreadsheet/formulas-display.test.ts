import { loadSheets } from '../../../emulator/spreadsheet';
import { setup } from './helpers';

describe('formulas and display values', () => {
  test('SUMIFS across sheets computes with HyperFormula', () => {
    const { ss, sheet } = setup();
    loadSheets(ss, {
      Leads: [
        ['Partner', 'Status', 'Value'],
        ['P-1', 'Won', 100],
        ['P-2', 'Won', 50],
        ['P-1', 'Lost', 70],
        ['P-1', 'Won', 25],
      ],
    });
    sheet.getRange('A1').setFormula(`=SUMIFS(Leads!C:C, Leads!A:A, "P-1", Leads!B:B, "Won")`);
    sheet.getRange('A2').setFormula(`=COUNTIFS(Leads!B2:B5, "Won")`);
    sheet.getRange('A3').setFormula(`=VLOOKUP("P-2", Leads!A2:C5, 3, FALSE)`);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[125], [3], [50]]);
  });

  test('a formula result follows later writes to the cells it reads', () => {
    const { ss, sheet } = setup();
    loadSheets(ss, { Data: [[1], [2]] });
    sheet.getRange('A1').setValue('=SUM(Data!A1:A2)');
    expect(sheet.getRange('A1').getValue()).toBe(3);
    ss.getSheetByName('Data')!.getRange('A2').setValue(40);
    expect(sheet.getRange('A1').getValue()).toBe(41);
  });

  test('a formula error reads as its error text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=1/0');
    expect(sheet.getRange('A1').getValue()).toBe('#DIV/0!');
  });

  test("getDisplayValues formats dates in the spreadsheet's locale and time zone", () => {
    const { sheet } = setup({ timeZone: 'America/New_York' });
    // 2026-03-02T03:30Z is still March 1st, 22:30 in New York.
    sheet.getRange('A1:B1').setValues([[new Date('2026-03-02T03:30:00Z'), new Date('2026-03-02T03:30:00Z')]]);
    sheet.getRange('B1').setNumberFormat('yyyy-MM-dd');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['3/1/2026 22:30:00', '2026-03-01']]);
  });

  test("getDisplayValues formats numbers with the spreadsheet locale's separators", () => {
    const { sheet } = setup({ locale: 'de_DE' });
    sheet.getRange('A1:B1').setValues([[1234.5, 1234.5]]);
    sheet.getRange('B1').setNumberFormat('#,##0.00');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1234,5', '1.234,50']]);
  });

  test('getNumberFormat of an unformatted cell is General; setNumberFormats sets each cell', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
    sheet.getRange('A1:B1').setNumberFormats([['0.00', '@']]);
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['0.00', '@']]);
    sheet.getRange('A1').setValue(2);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2.00');
  });

  test('a date formula result is a Date when the cell has a date format', () => {
    const { sheet } = setup({ timeZone: 'UTC' });
    sheet.getRange('A1').setValue(new Date('2026-03-02T00:00:00Z'));
    sheet.getRange('A2').setNumberFormat('yyyy-mm-dd').setFormula('=A1+1');
    expect(sheet.getRange('A2').getValue()).toEqual(new Date('2026-03-03T00:00:00Z'));
  });
});
