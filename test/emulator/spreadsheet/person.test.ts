import { personEdit, setSelection } from '../../../emulator/spreadsheet';
import { as, EDITOR, OWNER, setup, VIEWER } from './helpers';

describe("a person's edits", () => {
  test('typed text is parsed like Sheets typing in en_US', () => {
    const { ss, sheet } = setup({ timeZone: 'America/New_York' });
    const result = personEdit(ss, {
      user: EDITOR,
      sheet: 'Sheet1',
      a1: 'A1',
      values: [['1,234.5', 'TRUE', '3/2/2026', '2026-03-05', "'007", 'P-0001', '=1+2']],
    });
    expect(result.ok).toBe(true);
    const [[n, b, d1, d2, lit, text, f]] = sheet.getRange('A1:G1').getValues();
    expect([n, b, lit, text, f]).toEqual([1234.5, true, '007', 'P-0001', 3]);
    // Midnight in New York (UTC-5 in early March).
    expect(d1).toEqual(new Date('2026-03-02T05:00:00Z'));
    expect(d2).toEqual(new Date('2026-03-05T05:00:00Z'));
    expect(sheet.getRange('C1').getDisplayValue()).toBe('3/2/2026');
  });

  test('an edit reports the old and new values and its range', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B2').setValue('before');
    const result = personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'B2', values: [['after']] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.oldValues).toEqual([['before']]);
    expect(result.newValues).toEqual([['after']]);
    expect(result.range.getA1Notation()).toBe('B2');
  });

  test('an empty string clears the cell', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue('x');
    personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['']] });
    expect(sheet.getRange('A1').isBlank()).toBe(true);
  });

  test('a viewer cannot edit', () => {
    const { ss } = setup();
    expect(personEdit(ss, { user: VIEWER, sheet: 'Sheet1', a1: 'A1', values: [['x']] }).ok).toBe(false);
  });

  test('an edit outside the sheet grid is refused', () => {
    const { ss } = setup();
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'Z1', values: [['x', 'y']] }).ok).toBe(false);
  });

  test("getActiveRange returns the running user's selection", () => {
    const { ss, rt } = setup();
    ss.insertSheet('Leads');
    setSelection(ss, EDITOR, 'Leads', 'B3:B4');
    expect(as(rt, EDITOR, () => ss.getActiveRange()!.getA1Notation())).toBe('B3:B4');
    expect(as(rt, EDITOR, () => ss.getActiveRange()!.getSheet().getName())).toBe('Leads');
    expect(as(rt, OWNER, () => ss.getActiveRange()!.getA1Notation())).toBe('A1');
  });
});
