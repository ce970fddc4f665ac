/**
 * Grouping Approved commission lines into Draft payouts, per partner and currency. A line counts when
 * it is Approved, eligible by `throughDate` and on no existing payout. A group whose total is under
 * the currency's minimum (or not positive, when clawbacks outweigh it) is carried over, not created.
 * Minimums are per currency in that currency's minor units: the core converts no currency.
 */
import type { LedgerLine } from '../commissions';
import { compareDays } from '../dates';
import { formatMoney, sumMinor } from '../money';
import { payoutMessages as m } from './messages';
import type { PayoutPartner, PayoutRecord } from './types';
import { COMMISSION_STATUS, PAYOUT_STATUS } from '../../shared/statuses';

export interface PlanPayoutsInput {
  readonly lines: readonly LedgerLine[];
  readonly partners: readonly PayoutPartner[];
  readonly throughDate: string;
  /** { USD: 5000 } = 50.00 USD; a currency not listed has no minimum. */
  readonly minimumPayoutMinor: Readonly<Record<string, number>>;
  /** Lines whose Payout ID is not one of these (a deleted payout) are free again. */
  readonly existingPayoutIds: readonly string[];
  readonly nextId: () => string;
  readonly today: string;
}

export interface CarriedOver {
  readonly partnerId: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly lineIds: readonly string[];
  readonly reason: string;
}

export interface PlannedPayouts {
  readonly payouts: PayoutRecord[];
  /** The Payout ID to write on each line. */
  readonly assignments: Array<{ lineId: string; payoutId: string }>;
  readonly carriedOver: CarriedOver[];
}

export function planPayouts(input: PlanPayoutsInput): PlannedPayouts {
  const existing = new Set(input.existingPayoutIds);
  const free = input.lines.filter(
    (l) =>
      l.status === COMMISSION_STATUS.Approved &&
      compareDays(l.eligibleOn, input.throughDate) <= 0 &&
      (l.payoutId === '' || !existing.has(l.payoutId)),
  );
  const groups = new Map<string, LedgerLine[]>();
  for (const line of free) {
    const group = `${line.partnerId}\u0000${line.currency}`;
    groups.set(group, [...(groups.get(group) ?? []), line]);
  }
  const names = new Map(input.partners.map((p) => [p.id, p.partnerName]));
  const result: PlannedPayouts = { payouts: [], assignments: [], carriedOver: [] };
  for (const group of [...groups.keys()].sort()) {
    const lines = groups.get(group)!;
    const { partnerId, currency } = lines[0];
    const total = sumMinor(lines.map((l) => l.amountMinor));
    const minimum = input.minimumPayoutMinor[currency] ?? 0;
    const lineIds = lines.map((l) => l.id);
    if (total <= 0 || total < minimum) {
      const shown = formatMoney(total, currency);
      const reason =
        total <= 0
          ? m.notPositive(partnerId, shown)
          : m.underMinimum(partnerId, shown, formatMoney(minimum, currency));
      result.carriedOver.push({ partnerId, currency, amountMinor: total, lineIds, reason });
      continue;
    }
    const first = lines.map((l) => l.earnedOn).sort()[0];
    const payout: PayoutRecord = {
      id: input.nextId(),
      partnerId,
      partnerName: names.get(partnerId) ?? '',
      currency,
      amountMinor: total,
      lineIds,
      period: `${first} to ${input.throughDate}`,
      status: PAYOUT_STATUS.Draft,
      createdOn: input.today,
      paidOn: '',
      reference: '',
    };
    result.payouts.push(payout);
    result.assignments.push(...lineIds.map((lineId) => ({ lineId, payoutId: payout.id })));
  }
  return result;
}
