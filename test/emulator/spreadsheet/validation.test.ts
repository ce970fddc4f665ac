import { loadSheets, personEdit } from '../../../emulator/spreadsheet';
import { EDITOR, setup } from './helpers';

describe('data validation', () => {
  test('a new data validation rule allows invalid input until setAllowInvalid(false)', () => {
    const { app } = setup();
    const builder = app.newDataValidation().requireValueInList(['Won', 'Lost']);
    expect(builder.build().getAllowInvalid()).toBe(true);
    expect(builder.setAllowInvalid(false).build().getAllowInvalid()).toBe(false);
  });

  test('a rule reports its criteria, values and help text; copy() rebuilds it', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).setHelpText('1 to 5').build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
    expect(rule.getCriteriaValues()).toEqual([1, 5]);
    expect(rule.getHelpText()).toBe('1 to 5');
    expect(rule.copy().requireNumberBetween(2, 3).build().getCriteriaValues()).toEqual([2, 3]);
    expect(rule.getCriteriaValues()).toEqual([1, 5]);
  });

  test("a person's edit rejected by validation changes nothing", () => {
    const { ss, sheet, app } = setup();
    sheet.getRange('A1:B1').setValues([['old', 'keep']]);
    const rule = app.newDataValidation().requireValueInList(['Won', 'Lost']).setAllowInvalid(false).build();
    sheet.getRange('A1').setDataValidation(rule);
    const result = personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['Maybe', 'new']] });
    expect(result).toEqual({ ok: false, reason: 'Input must be an item on the specified list' });
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['old', 'keep']]);
  });

  test("a rejected edit's reason is the rule's help text when it has one", () => {
    const { ss, sheet, app } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(
        app
          .newDataValidation()
          .requireTextIsEmail()
          .setAllowInvalid(false)
          .setHelpText('An email, please')
          .build(),
      );
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['nope']] })).toEqual({
      ok: false,
      reason: 'An email, please',
    });
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['a@b.co']] }).ok).toBe(true);
  });

  test('a rule that allows invalid input lets the edit through', () => {
    const { ss, sheet, app } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireNumberGreaterThan(10).build());
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['3']] }).ok).toBe(true);
    expect(sheet.getRange('A1').getValue()).toBe(3);
  });

  test("requireValueInRange checks the range's current values", () => {
    const { ss, sheet, app } = setup();
    loadSheets(ss, { Lists: [['Gold'], ['Silver']] });
    const list = ss.getSheetByName('Lists')!.getRange('A1:A10');
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireValueInRange(list).setAllowInvalid(false).build());
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['Bronze']] }).ok).toBe(false);
    ss.getSheetByName('Lists')!.getRange('A3').setValue('Bronze');
    expect(personEdit(ss, { user: EDITOR, sheet: 'Sheet1', a1: 'A1', values: [['Bronze']] }).ok).toBe(true);
  });

  test('script writes are not checked against validation', () => {
    const { sheet, app } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('not a checkbox');
    expect(sheet.getRange('A1').getValue()).toBe('not a checkbox');
  });

  test('cells share one rule object and clearDataValidations removes it', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1:A3').setDataValidation(app.newDataValidation().requireDate().build());
    expect(
      sheet
        .getRange('A1:A3')
        .getDataValidations()
        .map((r) => r[0]!.getCriteriaType()),
    ).toEqual(['DATE_IS_VALID_DATE', 'DATE_IS_VALID_DATE', 'DATE_IS_VALID_DATE']);
    sheet.getRange('A2').clearDataValidations();
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });
});
