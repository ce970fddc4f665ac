/**
 * The tracker's sheets as data: each sheet's columns (camelCase key, header, note, width, number
 * format kind, validation kind, protection) and what identifies it. Set-up builds the workbook from
 * these definitions; tables find their columns through them; the audit names fields by their header.
 * The definitions themselves live one file per sheet in `sheet-defs/`.
 */
import { AUDIT_LOG } from './sheet-defs/audit-log';
import { COMMISSIONS } from './sheet-defs/commissions';
import { DASHBOARD } from './sheet-defs/dashboard';
import { LEADS } from './sheet-defs/leads';
import { PARTNERS } from './sheet-defs/partners';
import { PAYOUTS } from './sheet-defs/payouts';
import { PLANS } from './sheet-defs/plans';
import { SETTINGS } from './sheet-defs/settings';
import type { SheetDef, SheetKey } from './schema-types';

export type * from './schema-types';

/** In the order set-up creates them (left to right in the tab bar). */
export const SHEETS: readonly SheetDef[] = [
  DASHBOARD,
  PARTNERS,
  LEADS,
  COMMISSIONS,
  PAYOUTS,
  PLANS,
  SETTINGS,
  AUDIT_LOG,
];

const BY_KEY = new Map<SheetKey, SheetDef>(SHEETS.map((def) => [def.key, def]));

export function sheetDef(key: SheetKey): SheetDef {
  const def = BY_KEY.get(key);
  if (!def) throw new Error(`Unknown tracker sheet: ${key}`);
  return def;
}

/** The hidden sheet holding one compact JSON cell per row of each tracked sheet (old values for the audit). */
export const SHADOW_SHEET_NAME = '_Shadow';

/** Sheets whose people's edits are audited, with a shadow column each (in this order). */
export const TRACKED_SHEETS: readonly SheetKey[] = SHEETS.filter((def) => def.tracked).map((def) => def.key);
/** The shadow sheet's last column, after one per tracked sheet: a journal too big for a property (journal.ts). */
export const JOURNAL_COLUMN = TRACKED_SHEETS.length + 1;
/** The shadow sheet's column after the journal's: the active registrations' conflict keys (lead-index.ts). */
export const INDEX_COLUMN = JOURNAL_COLUMN + 1;
/** The shadow sheet's column after the lead index's: the ledger lines' ids, statuses and rows (ledger-index.ts). */
export const LEDGER_INDEX_COLUMN = INDEX_COLUMN + 1;
/** The shadow sheet's header row: the tracked sheets' keys, then the journal's, the lead index's and the ledger index's. */
export const SHADOW_HEADER: readonly string[] = [...TRACKED_SHEETS, 'journal', 'leadIndex', 'ledgerIndex'];

/** Header comparison ignores case, spaces and punctuation ("partner  name" finds "Partner Name"). */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Developer metadata keys (sheet-level: which tracker sheet; column-level: which column). */
export const METADATA = {
  sheet: 'partnership-tracker.sheet',
  column: 'partnership-tracker.column',
} as const;
