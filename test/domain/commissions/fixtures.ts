import type { Deal, DesiredLine, LedgerLine } from '../../../src/domain/commissions';
import { desiredLedger } from '../../../src/domain/commissions';

export const won = (
  leadId: string,
  partnerId: string,
  currency: string,
  dealValueMinor: number,
  closedOn: string,
): Deal => ({
  leadId,
  partnerId,
  currency,
  dealValueMinor,
  closedOn,
  status: 'Won',
});

/** Desired lines of one partner on one plan (hold 30 days unless the plan says). */
export function linesFor(plan: Record<string, unknown>, deals: Deal[], asOf = '2026-12-31') {
  const partners = [...new Set(deals.map((d) => d.partnerId))].map((id) => ({ id, plan: String(plan.name) }));
  return desiredLedger({ deals, partners, plans: [plan], settings: { defaultHoldDays: 30 }, asOf });
}

export const pick = (lines: readonly DesiredLine[]) =>
  lines.map((l) => [l.key, l.currency, l.amountMinor, l.earnedOn, l.explanation]);

export function counter(prefix = 'C-', start = 1) {
  let n = start;
  return () => `${prefix}${String(n++).padStart(6, '0')}`;
}

/** What the app layer does with a reconcile result: append, then update cells. */
export function apply(
  ledger: readonly LedgerLine[],
  result: {
    create: LedgerLine[];
    statusChanges: Array<{ id: string; to: LedgerLine['status']; key?: string }>;
  },
): LedgerLine[] {
  const changes = new Map(result.statusChanges.map((c) => [c.id, c]));
  const updated = ledger.map((l) => {
    const change = changes.get(l.id);
    return change ? { ...l, status: change.to, ...(change.key && { key: change.key }) } : l;
  });
  return [...updated, ...result.create];
}
