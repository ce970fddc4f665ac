/**
 * What the ledger is computed from, protected for the owner and the Team (not warning-only): the
 * Value cells of the money settings (Hold Days, Minimum Payout, Payout Approval, Reporting
 * Currency), and a sheet whose schema asks for a full protection but still has a warning-only one
 * from an older set-up (Plans) made strict. Column protections of money columns are made with the
 * others (build.ts applyProtection). Their editors follow every Team change (team.ts
 * syncTeamProtections: every tracker protection that is not warning-only).
 *
 * Google: "setWarningOnly(false)" makes a warning-only protection a full one; a protection's editors
 * are changed with addEditors/removeEditors (developers.google.com/apps-script/reference/spreadsheet/protection).
 */
import { SETTING_DEFS } from '../sheet-defs/settings';
import { SHEETS } from '../schema';
import type { BuiltSheet, EditorsFor } from './build';
import { PROTECTION_PREFIX, protectRange, type KnownProtection } from './protect';

/** The description of the protection of a money setting's Value cell. */
export function settingProtection(label: string): string {
  return `${PROTECTION_PREFIX}Settings > ${label}`;
}

/** Protects the Value cell of each money setting that has no protection yet; returns those added. */
export function protectMoneySettings(
  settings: BuiltSheet,
  have: ReadonlySet<string>,
  editors: EditorsFor,
): string[] {
  const { sheet, cols, values } = settings;
  const added: string[] = [];
  for (const def of SETTING_DEFS) {
    if (!def.money) continue;
    const description = settingProtection(def.label);
    if (have.has(description)) continue;
    const index = values.findIndex(
      (row, i) =>
        i > 0 &&
        String(row[cols.setting - 1] ?? '')
          .trim()
          .toLowerCase() === def.label.toLowerCase(),
    );
    if (index < 0) continue;
    protectRange(sheet.getRange(index + 1, cols.value), description, editors(description));
    added.push(description);
  }
  return added;
}

/** Sheet protections left warning-only where the schema now asks for a full one; returns them. */
export function strictenSheetProtections(known: readonly KnownProtection[]): string[] {
  const full = new Set(
    SHEETS.filter((d) => d.protection === 'sheet').map((d) => `${PROTECTION_PREFIX}${d.name}`),
  );
  const changed: string[] = [];
  for (const { protection, description } of known) {
    if (!full.has(description) || !protection.isWarningOnly()) continue;
    protection.setWarningOnly(false);
    changed.push(description);
  }
  return changed;
}
