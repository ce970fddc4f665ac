/**
 * Every status a tracker record can have, in one place: the values a Status cell may hold (in the
 * order its dropdown lists them), the types derived from them, the names code compares with
 * (`LEAD_STATUS.Won`, never the string 'Won'), and the check a cell read from a sheet goes through
 * (`readStatus`): an unknown value is reported with the row and the value, never cast. Rules over
 * these statuses (which lead statuses are protected, which commission lines are settled) live with
 * their rule in domain/, written with these names; a test finds any status string written elsewhere.
 */

export const PARTNER_STATUSES = ['Active', 'Paused', 'Terminated'] as const;
export const LEAD_STATUSES = ['Submitted', 'Approved', 'Rejected', 'Won', 'Lost', 'Expired'] as const;
export const COMMISSION_STATUSES = ['Pending', 'Eligible', 'Approved', 'Paid', 'Void'] as const;
export const PAYOUT_STATUSES = ['Draft', 'Approved', 'Paid'] as const;
/** What a ledger line is (the Kind column): not a status, but a closed set read from cells the same way. */
export const COMMISSION_KINDS = ['Commission', 'Bonus', 'Clawback', 'Adjustment'] as const;

export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export type CommissionKind = (typeof COMMISSION_KINDS)[number];

type Named<T extends string> = { readonly [K in T]: K };

function named<T extends string>(values: readonly T[]): Named<T> {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as Named<T>;
}

export const PARTNER_STATUS = named(PARTNER_STATUSES);
export const LEAD_STATUS = named(LEAD_STATUSES);
export const COMMISSION_STATUS = named(COMMISSION_STATUSES);
export const PAYOUT_STATUS = named(PAYOUT_STATUSES);
export const COMMISSION_KIND = named(COMMISSION_KINDS);

/** Whether `value` is exactly one of `values` (a type guard: no cast needed after it). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** The value of `values` that `typed` names whatever its case ('won' -> 'Won'), or null. */
export function matchIgnoringCase<T extends string>(values: readonly T[], typed: string): T | null {
  const wanted = typed.trim().toLowerCase();
  return values.find((value) => value.toLowerCase() === wanted) ?? null;
}

export const statusMessages = {
  notOneOf: (what: string, value: string, allowed: readonly string[]) =>
    `${what} '${value}' is not one of: ${allowed.join(', ')}`,
} as const;

/**
 * A status cell as read (trimmed): `status` when it holds one of `values`, null when it is empty
 * (no status yet: an adopted row, say), or a `problem` naming `where` (the sheet and row) and the value.
 */
export type StatusReading<T extends string> =
  { ok: true; status: T | null } | { ok: false; value: string; problem: string };

export function readStatus<T extends string>(
  values: readonly T[],
  cell: unknown,
  where: string,
  what = 'Status',
): StatusReading<T> {
  const value = cell === null || cell === undefined ? '' : String(cell).trim();
  if (value === '') return { ok: true, status: null };
  if (isOneOf(values, value)) return { ok: true, status: value };
  return { ok: false, value, problem: `${where}: ${statusMessages.notOneOf(what, value, values)}` };
}
