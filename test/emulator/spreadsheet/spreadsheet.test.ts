import { Runtime } from '../../../emulator/runtime';
import { createSpreadsheetApp, fileEditors, toasts } from '../../../emulator/spreadsheet';
import { as, EDITOR, OWNER, setup, VIEWER } from './helpers';

describe('Spreadsheet', () => {
  test('insertSheet throws when the name exists', () => {
    const { ss } = setup();
    ss.insertSheet('Leads');
    expect(() => ss.insertSheet('Leads')).toThrow(
      'A sheet with the name "Leads" already exists. Please enter another name.',
    );
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Leads']);
  });

  test('insertSheet at an index, getSheetById, deleteSheet', () => {
    const { ss } = setup();
    const first = ss.insertSheet('First', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getSheetById(first.getSheetId())!.getName()).toBe('First');
    ss.deleteSheet(first);
    expect(ss.getSheetByName('First')).toBeNull();
  });

  test('getRange with a quoted sheet name reads that sheet', () => {
    const { ss } = setup();
    ss.insertSheet('Audit Log').getRange('B2').setValue('x');
    expect(ss.getRange("'Audit Log'!B2").getValue()).toBe('x');
  });

  test('named ranges: set, get, list, remove', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Tiers', sheet.getRange('A1:A3'));
    expect(ss.getRangeByName('Tiers')!.getA1Notation()).toBe('A1:A3');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Tiers']);
    ss.removeNamedRange('Tiers');
    expect(ss.getRangeByName('Tiers')).toBeNull();
  });

  test('developer metadata: the finder filters by key, value and location type', () => {
    const { ss, sheet, app } = setup();
    ss.addDeveloperMetadata('schema', '3');
    sheet.addDeveloperMetadata('table', 'partners');
    sheet.getRange('A:A').addDeveloperMetadata('column', 'Partner ID');
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['3']);
    expect(sheet.getDeveloperMetadata()[0].getLocation().getSheet()!.getName()).toBe('Sheet1');
    const found = ss
      .createDeveloperMetadataFinder()
      .withLocationType(app.DeveloperMetadataLocationType.COLUMN)
      .withValue('Partner ID')
      .find();
    expect(found.map((m) => m.getKey())).toEqual(['column']);
    found[0].remove();
    expect(ss.createDeveloperMetadataFinder().withKey('column').find()).toHaveLength(0);
  });

  test('developer metadata on a range must cover whole rows or columns', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('k')).toThrow(/arbitrary ranges/);
  });

  test('sharing: owner, editors, viewers', () => {
    const { ss } = setup();
    ss.addEditor('new@example.com');
    expect(ss.getOwner().getEmail()).toBe(OWNER);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, EDITOR, 'new@example.com']);
    expect(ss.getViewers().map((u) => u.getEmail())).toEqual([VIEWER]);
    expect(fileEditors(ss)).toEqual([OWNER, EDITOR, 'new@example.com']);
  });

  test('time zone and locale are settable; toast is recorded', () => {
    const { ss } = setup();
    ss.setSpreadsheetTimeZone('Europe/Paris');
    ss.setSpreadsheetLocale('fr_FR');
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(['Europe/Paris', 'fr_FR']);
    ss.toast('Saved', 'Tracker');
    expect(toasts(ss)).toEqual([{ message: 'Saved', title: 'Tracker', timeoutSeconds: 5 }]);
  });

  test('SpreadsheetApp.create registers a file owned by the effective user; openById opens it', () => {
    const { rt, app } = setup();
    const created = as(rt, EDITOR, () => app.create('Report'));
    const record = rt.files.get(created.getId())!;
    expect(record.owner).toBe(EDITOR);
    expect(as(rt, EDITOR, () => app.openById(created.getId()).getName())).toBe('Report');
    expect(() => as(rt, VIEWER, () => app.openById(created.getId()))).toThrow(/permission/);
    expect(as(rt, EDITOR, () => app.openByUrl(created.getUrl()).getId())).toBe(created.getId());
  });

  test("a file's copy has the same cells and no range protections", () => {
    const { rt, ss, sheet } = setup();
    sheet.getRange('A1').setValue('kept');
    sheet.getRange('A1').protect();
    const copy = rt.files.get(ss.getId())!.copyContent!('copy1', 'Copy') as typeof ss;
    expect(copy.getSheetByName('Sheet1')!.getRange('A1').getValue()).toBe('kept');
    expect(copy.getProtections('RANGE')).toHaveLength(0);
  });

  test('getUi returns the injected Ui; getActiveSpreadsheet the bound file', () => {
    const rt = new Runtime(OWNER);
    const ui = { marker: 1 };
    const app = createSpreadsheetApp(rt, { getUi: () => ui });
    expect(app.getUi()).toBe(ui);
    expect(app.getActiveSpreadsheet()).toBeNull();
  });

  test('conditional format rules round-trip through the sheet', () => {
    const { sheet, app } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Lost')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('K2:K')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [got] = sheet.getConditionalFormatRules();
    expect(got.getBooleanCondition().getCriteriaType()).toBe('TEXT_EQUAL_TO');
    expect(got.getBooleanCondition().getBackground()).toBe('#f4cccc');
    expect(got.getRanges()[0].getA1Notation()).toBe('K2:K1000');
  });

  test('applyRowBanding returns a Banding; a second banding over it throws', () => {
    const { sheet, app } = setup();
    const banding = sheet.getRange('A1:C10').applyRowBanding(app.BandingTheme.LIGHT_GREY);
    expect(banding.getRange().getA1Notation()).toBe('A1:C10');
    expect(() => sheet.getRange('B2:B3').applyRowBanding()).toThrow(/alternating/);
    expect(sheet.getBandings()).toHaveLength(1);
  });

  test('sheet settings: frozen rows, hidden sheet, tab color', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.hideSheet();
    sheet.setTabColor('#00ff00');
    expect([sheet.getFrozenRows(), sheet.isSheetHidden(), sheet.getTabColor()]).toEqual([1, true, '#00ff00']);
  });
});
