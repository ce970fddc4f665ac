/**
 * Protections the documented way: protect(), then only the effective user (the owner/script) as
 * editor (removeEditors(getEditors()), setDomainEdit(false) when possible); or warning-only. Each
 * carries a description naming it, so set-up recognises its own and repairs only what is missing.
 */
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECTION_PREFIX = 'Partnership Tracker: ';

export function existingDescriptions(sheet: Sheet): Set<string> {
  const out = new Set<string>();
  for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
    for (const p of sheet.getProtections(type)) out.add(p.getDescription());
  }
  return out;
}

function restrict(protection: Protection, description: string, warningOnly: boolean): void {
  protection.setDescription(description);
  if (warningOnly) {
    protection.setWarningOnly(true);
    return;
  }
  protection.addEditor(Session.getEffectiveUser());
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

export function protectSheet(sheet: Sheet, description: string, warningOnly = false): void {
  restrict(sheet.protect(), description, warningOnly);
}

export function protectRange(range: Range, description: string): void {
  restrict(range.protect(), description, false);
}
