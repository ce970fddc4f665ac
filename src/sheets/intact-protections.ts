/**
 * Which of the tracker's full (not warning-only) protections a sheet still has, by description: the
 * edit guard asks when Apps Script withholds the editor's e-mail (consumer accounts, other
 * domains). An edit Sheets let through an intact protection was made by one of its editors (the
 * owner or the Team), so it stands; one that no protection covered is put back. Two calls: the
 * sheet's protections of each type (then one description and one warning-only check each).
 */
import type { TrackerDocument } from './document';
import type { SheetKey } from './schema';
import { PROTECTION_PREFIX } from './setup/protect';

export function intactProtections(doc: TrackerDocument, key: SheetKey): Set<string> {
  const sheet = doc.sheet(key);
  const out = new Set<string>();
  if (!sheet) return out;
  for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
    for (const protection of sheet.getProtections(type)) {
      const description = protection.getDescription();
      if (description.startsWith(PROTECTION_PREFIX) && !protection.isWarningOnly()) out.add(description);
    }
  }
  return out;
}
