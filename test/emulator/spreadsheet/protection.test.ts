import { personEdit, personDeleteRows, personInsertRows, loadSheets } from '../../../emulator/spreadsheet';
import { as, EDITOR, OWNER, setup } from './helpers';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function lockedSheet() {
  const env = setup();
  const p = env.sheet.protect();
  p.removeEditors(p.getEditors());
  return { ...env, p };
}

describe('protections', () => {
  test("Sheet.protect returns the sheet's existing protection", () => {
    const { sheet, ss } = setup();
    const first = sheet.protect().setDescription('locked');
    const again = sheet.protect();
    expect(again.getDescription()).toBe('locked');
    expect(ss.getProtections('SHEET')).toHaveLength(1);
    expect(first.getProtectionType()).toBe('SHEET');
  });

  test("a new protection starts with the file's editors", () => {
    const { sheet } = setup();
    const p = sheet.getRange('A1:B2').protect();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, EDITOR]);
    expect(
      personEdit(sheet.getParent(), { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['x']] }).ok,
    ).toBe(true);
  });

  test("the owner cannot be removed from a protection's editors", () => {
    const { p } = lockedSheet();
    p.removeEditor(OWNER);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });

  test('the user running the script stays an editor', () => {
    const { rt, sheet } = setup();
    const emails = as(rt, EDITOR, () => {
      const p = sheet.getRange('A1').protect();
      p.removeEditors([OWNER, EDITOR]);
      return p.getEditors().map((u) => u.getEmail());
    });
    expect(emails.sort()).toEqual([EDITOR, OWNER].sort());
  });

  test("a person's edit of a protected cell is refused", () => {
    const { ss, sheet } = lockedSheet();
    const result = personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['x']] });
    expect(result).toEqual({ ok: false, reason: PROTECTED });
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  test("a warning-only protection lets a person's edit through", () => {
    const { ss, sheet, p } = lockedSheet();
    p.setWarningOnly(true);
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['x']] }).ok).toBe(true);
    expect(sheet.getRange('A1').getValue()).toBe('x');
  });

  test('unprotected ranges of a sheet protection stay editable', () => {
    const { ss, sheet, p } = lockedSheet();
    p.setUnprotectedRanges([sheet.getRange('C:C')]);
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'C5', values: [['ok']] }).ok).toBe(true);
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'B5:C5', values: [['no', 'no']] }).ok).toBe(
      false,
    );
  });

  test('setUnprotectedRanges works on sheet protections only', () => {
    const { sheet } = setup();
    const p = sheet.getRange('A1').protect();
    expect(() => p.setUnprotectedRanges([sheet.getRange('A1')])).toThrow();
  });

  test('the owner may edit any protected cell', () => {
    const { ss } = lockedSheet();
    expect(personEdit(ss, { user: OWNER, sheet: 'Sheet1', a1: 'A1', values: [['x']] }).ok).toBe(true);
  });

  test('a script running as a user who may not edit the cell gets the protection exception', () => {
    const { rt, sheet } = lockedSheet();
    expect(() => as(rt, EDITOR, () => sheet.getRange('A1').setValue(1), 'LIMITED')).toThrow(PROTECTED);
    expect(() => as(rt, EDITOR, () => sheet.appendRow([1]))).toThrow(PROTECTED);
    as(rt, OWNER, () => sheet.getRange('A1').setValue(1));
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  test('canEdit reports whether the running user may edit', () => {
    const { rt, p } = lockedSheet();
    expect(as(rt, EDITOR, () => p.canEdit())).toBe(false);
    expect(as(rt, OWNER, () => p.canEdit())).toBe(true);
  });

  test('a person cannot delete rows that hold protected cells', () => {
    const { ss, sheet } = setup();
    loadSheets(ss, { Sheet1: [[1], [2], [3]] });
    const p = sheet.getRange('A2').protect();
    p.removeEditors(p.getEditors());
    expect(personDeleteRows(ss, { user: EDITOR, sheet: 'Sheet1', row: 2, count: 1 })).toEqual({
      ok: false,
      reason: PROTECTED,
    });
    expect(personDeleteRows(ss, { user: EDITOR, sheet: 'Sheet1', row: 3, count: 1 })).toEqual({
      ok: true,
      deleted: [[3]],
    });
    expect(personInsertRows(ss, { user: EDITOR, sheet: 'Sheet1', before: 1, count: 1 }).ok).toBe(true);
    expect(p.getRange().getA1Notation()).toBe('A3');
  });

  test('range protections are removed by remove()', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').protect().remove();
    expect(ss.getProtections('RANGE')).toHaveLength(0);
  });
});
