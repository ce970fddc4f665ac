/**
 * Stable keys: one per line the plans imply, the same on every run, so the reconcile can tell what is
 * already in the ledger. Lines the reconcile adds to correct a settled line carry the key they
 * correct plus a suffix; a rejected line carries `/rejected`.
 *
 *   L-000012/commission            L-000012/recurring/03        L-000012/first-deal-bonus
 *   P-0003/threshold/2026-Q1       L-000012/commission/clawback/C-000012
 *   L-000012/commission/adjustment/2                            L-000012/commission/rejected
 */
export const keys = {
  commission: (leadId: string) => `${leadId}/commission`,
  recurring: (leadId: string, month: number) => `${leadId}/recurring/${String(month).padStart(2, '0')}`,
  firstDealBonus: (leadId: string) => `${leadId}/first-deal-bonus`,
  threshold: (partnerId: string, periodKey: string) => `${partnerId}/threshold/${periodKey}`,
  clawback: (key: string, reversedId: string) => `${key}/clawback/${reversedId}`,
  adjustment: (key: string, n: number) => `${key}/adjustment/${n}`,
  rejected: (key: string) => `${key}/rejected`,
} as const;

const DERIVED = /^(.*)\/(clawback\/[^/]+|adjustment\/\d+|rejected)$/;

/** The desired line's key a ledger line belongs to ('' for a line without a key). */
export function baseKey(key: string): string {
  const match = DERIVED.exec(key);
  return match ? match[1] : key;
}

/** The id a clawback key points to, or null. */
export function reversedIdOf(key: string): string | null {
  const match = /\/clawback\/([^/]+)$/.exec(key);
  return match ? match[1] : null;
}

export function isRejectedKey(key: string): boolean {
  return key.endsWith('/rejected');
}
