/**
 * Recurring plans: the deal value is monthly; month m (1..months) earns rate x value on closedOn +
 * (m - 1) months, at `rate` for the first `firstMonths` months and `thenRate` after. A month's line
 * exists only once asOf has reached its day. The cap per deal bounds the sum of the deal's months.
 */
import { addDays, addMonths, compareDays } from '../dates';
import { applyRatesExact, formatMoney, formatRate, parseRate, toMinor } from '../money';
import { keys } from './keys';
import { exactValue, type DealContext, type EarnedLine, type WonDeal } from './earned-line';
import type { Plan } from '../../shared/schema/plan';
import { periodOf } from './period';
import type { DesiredLine } from './types';
import { COMMISSION_KIND } from '../../shared/statuses';

export function recurringLines({ plan, deal, asOf }: DealContext): EarnedLine[] {
  if (plan.type !== 'recurring') return [];
  const cap = plan.capPerDeal === undefined ? null : toMinor(plan.capPerDeal, deal.currency);
  const lines: EarnedLine[] = [];
  let paidSoFar = 0;
  // The two rates and the basis text worked out once per deal, not once per month.
  const firstRate = parseRate(plan.rate);
  const laterRate =
    plan.firstMonths !== undefined && plan.thenRate !== undefined ? parseRate(plan.thenRate) : firstRate;
  const basisText = formatMoney(deal.dealValueMinor, deal.currency);
  const value = exactValue(deal);
  for (let month = 1; month <= plan.months; month++) {
    const earnedOn = addMonths(deal.closedOn, month - 1);
    if (compareDays(earnedOn, asOf) > 0) break;
    const later = plan.firstMonths !== undefined && plan.thenRate !== undefined && month > plan.firstMonths;
    const rate = later ? laterRate : firstRate;
    const raw = applyRatesExact([{ numerator: value.numerator, rateUnits: rate }], value.denominator);
    const amountMinor = cap === null ? raw : Math.max(0, Math.min(raw, cap - paidSoFar));
    paidSoFar += amountMinor;
    const capNote = amountMinor < raw ? `, capped at ${formatMoney(cap!, deal.currency)} per deal` : '';
    lines.push({
      key: keys.recurring(deal.leadId, month),
      kind: COMMISSION_KIND.Commission,
      currency: deal.currency,
      amountMinor,
      basisMinor: deal.dealValueMinor,
      earnedOn,
      explanation: `month ${month} of ${plan.months}: ${formatRate(rate)} of ${basisText} monthly${capNote}`,
    });
  }
  return lines;
}

/**
 * The months a recurring deal has earned by asOf, as desired ledger lines (what desiredLedger gives
 * for the deal's recurring keys): for the daily job, which accrues months deal by deal.
 */
export function recurringDesired(
  plan: Plan,
  deal: WonDeal,
  asOf: string,
  defaultHoldDays: number,
): DesiredLine[] {
  const hold = plan.holdDays ?? defaultHoldDays;
  return recurringLines({
    plan,
    deal,
    asOf,
    cumulativeBeforeMinor: 0,
    period: periodOf(deal.closedOn, plan.period),
  })
    .filter((line) => line.amountMinor !== 0)
    .map((line) => ({
      ...line,
      leadId: deal.leadId,
      partnerId: deal.partnerId,
      plan: plan.name,
      eligibleOn: addDays(line.earnedOn, hold),
    }));
}
