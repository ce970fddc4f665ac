/**
 * Stable keys: one per line the plans imply, the same on every run, so the reconcile can tell what is
 * already in the ledger. Lines the reconcile adds to correct a settled line carry the key they
 * correct plus a suffix; a rejected line carries `/rejected`.
 *
 *   L-000012/commission            L-000012/recurring/03        L-000012/first-deal-bonus
 *   P-0003/threshold/2026-Q1       L-000012/commission/clawback/C-000012
 *   L-000012/commission/adjustment/2                            L-000012/commission/rejected
 *   L-000012/commission/adjustment/3/after-payout   (corrects a line in an Approved or Paid payout)
 */
export const keys = {
  commission: (leadId: string) => `${leadId}/commission`,
  recurring: (leadId: string, month: number) => `${leadId}/recurring/${String(month).padStart(2, '0')}`,
  firstDealBonus: (leadId: string) => `${leadId}/first-deal-bonus`,
  threshold: (partnerId: string, periodKey: string) => `${partnerId}/threshold/${periodKey}`,
  clawback: (key: string, reversedId: string) => `${key}/clawback/${reversedId}`,
  adjustment: (key: string, n: number) => `${key}/adjustment/${n}`,
  /** An Adjustment of a line already in an Approved or Paid payout: it waits for a person's approval. */
  afterPayoutAdjustment: (key: string, n: number) => `${key}/adjustment/${n}/after-payout`,
  rejected: (key: string) => `${key}/rejected`,
} as const;

const DERIVED = /^(.*)\/(clawback\/[^/]+|adjustment\/\d+(?:\/after-payout)?|rejected)$/;
const ADJUSTMENT = /\/adjustment\/\d+(?:\/after-payout)?$/;
const AFTER_PAYOUT = /\/adjustment\/\d+\/after-payout$/;

/**
 * The desired line's key a ledger line belongs to ('' for a line without a key): a rejected
 * correction (`.../adjustment/2/rejected`) belongs to the key it corrected.
 */
export function baseKey(key: string): string {
  let base = key;
  for (let match = DERIVED.exec(base); match; match = DERIVED.exec(base)) base = match[1];
  return base;
}

/** Whether a key is an Adjustment's (either kind). */
export function isAdjustmentKey(key: string): boolean {
  return ADJUSTMENT.test(key);
}

/** Whether a key is an Adjustment of a line already in an Approved or Paid payout. */
export function isAfterPayoutKey(key: string): boolean {
  return AFTER_PAYOUT.test(key);
}

/** The id a clawback key points to, or null. */
export function reversedIdOf(key: string): string | null {
  const match = /\/clawback\/([^/]+)$/.exec(key);
  return match ? match[1] : null;
}

export function isRejectedKey(key: string): boolean {
  return key.endsWith('/rejected');
}
