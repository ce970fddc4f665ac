/** Number formats, validation rules and conditional formats built from the schema. */
import type { ColumnDef, FormatKind } from '../schema';
import { LIST_DEFS, REF_RANGES } from '../sheet-defs/settings';

type Range = GoogleAppsScript.Spreadsheet.Range;

export function numberFormat(kind: FormatKind): string | null {
  switch (kind) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'money':
      return '#,##0.00';
    case 'integer':
      return '0';
    case 'percent':
      // Rates are stored as percents (12 means 12%): a plain number (12.00, 7.125), not Sheets' % format (1200%).
      return '0.00##';
    case 'number':
      return '0.########';
    case 'text':
    case 'plainText':
      return '@';
    default:
      return null;
  }
}

/** The validation rule for a column, or null; list rules use their named range (looked up by set-up once). */
export function validationRule(
  column: ColumnDef,
  named: (name: string) => Range | null,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const v = column.validation;
  if (!v) return null;
  const builder = SpreadsheetApp.newDataValidation();
  let help = '';
  switch (v.kind) {
    case 'list': {
      const list = LIST_DEFS.find((l) => l.key === v.list)!;
      const range = named(list.rangeName);
      if (!range) return null;
      builder.requireValueInRange(range, true);
      help = `Pick one of the ${v.list} listed in Settings.`;
      break;
    }
    case 'values':
      builder.requireValueInList([...v.values], true);
      help = `One of: ${v.values.join(', ')}.`;
      break;
    case 'email':
      builder.requireTextIsEmail();
      help = 'An email address (name@example.com).';
      break;
    case 'nonNegative':
      builder.requireNumberGreaterThanOrEqualTo(0);
      help = 'A number, zero or more.';
      break;
    case 'date':
      builder.requireDate();
      help = 'A date.';
      break;
    case 'partnerRef': {
      const range = named(REF_RANGES.partnerIds);
      if (!range) return null;
      builder.requireValueInRange(range, false);
      help = 'A Partner ID from the Partners sheet.';
      break;
    }
    case 'planRef': {
      const range = named(REF_RANGES.planNames);
      if (!range) return null;
      builder.requireValueInRange(range, true);
      help = 'A Plan Name from the Plans sheet.';
      break;
    }
  }
  return builder
    .setAllowInvalid(column.strict === false)
    .setHelpText(`${column.header}: ${help}`)
    .build();
}

/** Whether a cell's rule is the one set-up would set (kind, strictness and help text). */
export function sameRule(
  have: GoogleAppsScript.Spreadsheet.DataValidation | null,
  want: GoogleAppsScript.Spreadsheet.DataValidation,
): boolean {
  return (
    !!have &&
    have.getCriteriaType() === want.getCriteriaType() &&
    have.getAllowInvalid() === want.getAllowInvalid() &&
    have.getHelpText() === want.getHelpText()
  );
}
