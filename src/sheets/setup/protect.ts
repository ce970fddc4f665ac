/**
 * Protections the documented way: protect(), then only the wanted people (the owner and the Team)
 * as editors (removeEditors of everyone else, setDomainEdit(false) when possible); or warning-only.
 * Each carries a description naming it, so set-up recognises its own and repairs only what is missing.
 */
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECTION_PREFIX = 'Partnership Tracker: ';

export interface KnownProtection {
  protection: Protection;
  description: string;
}

/** Every protection of the workbook with its description: two reads, then one per protection. */
export function workbookProtections(ss: Spreadsheet): KnownProtection[] {
  const out: KnownProtection[] = [];
  for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
    for (const protection of ss.getProtections(type))
      out.push({ protection, description: protection.getDescription() });
  }
  return out;
}

/**
 * Restricts a new protection to `editors` (the owner and the Team); with none given, to the
 * effective user (the documented pattern). Warning-only protections have no editors.
 */
function restrict(
  protection: Protection,
  description: string,
  warningOnly: boolean,
  editors: readonly string[],
): void {
  protection.setDescription(description);
  if (warningOnly) {
    protection.setWarningOnly(true);
    return;
  }
  if (editors.length) protection.addEditors([...editors]);
  else protection.addEditor(Session.getEffectiveUser());
  const wanted = new Set(editors.map((e) => e.trim().toLowerCase()));
  const others = protection.getEditors().filter((u) => !wanted.has(u.getEmail().trim().toLowerCase()));
  if (others.length) protection.removeEditors(others.map((u) => u.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

export function protectSheet(
  sheet: Sheet,
  description: string,
  warningOnly = false,
  editors: readonly string[] = [],
): void {
  restrict(sheet.protect(), description, warningOnly, editors);
}

export function protectRange(range: Range, description: string, editors: readonly string[] = []): void {
  restrict(range.protect(), description, false, editors);
}
