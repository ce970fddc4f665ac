/**
 * Bonuses, in the plan's currency (or the deal's when the plan has none):
 * - first-deal bonus: on the partner's first won deal (ordered by closedOn, leadId);
 * - threshold bonus: once per period, on the deal whose won value takes the period's total past
 *   `over` (strictly more than it), counting deals in the plan's currency.
 */
import type { Plan } from '../../shared/schema/plan';
import { formatMoney, toMinor } from '../money';
import { keys } from './keys';
import type { EarnedLine, WonDeal } from './earned-line';
import type { Period } from './period';
import { COMMISSION_KIND } from '../../shared/statuses';

export function firstDealBonusLine(plan: Plan, deal: WonDeal): EarnedLine | null {
  if (plan.firstDealBonus === undefined) return null;
  const currency = plan.currency ?? deal.currency;
  const amountMinor = toMinor(plan.firstDealBonus, currency);
  return {
    key: keys.firstDealBonus(deal.leadId),
    kind: COMMISSION_KIND.Bonus,
    currency,
    amountMinor,
    basisMinor: deal.currency === currency ? deal.dealValueMinor : null,
    earnedOn: deal.closedOn,
    explanation: `first-deal bonus ${formatMoney(amountMinor, currency)}: ${deal.leadId} is the partner's first won deal`,
  };
}

export function thresholdBonusLine(
  plan: Plan,
  deal: WonDeal,
  period: Period,
  beforeMinor: number,
  afterMinor: number,
): EarnedLine | null {
  if (plan.thresholdBonus === undefined || plan.currency === undefined) return null;
  const over = toMinor(plan.thresholdBonus.over, plan.currency);
  if (!(beforeMinor <= over && afterMinor > over)) return null;
  const amountMinor = toMinor(plan.thresholdBonus.amount, plan.currency);
  return {
    key: keys.threshold(deal.partnerId, period.key),
    kind: COMMISSION_KIND.Bonus,
    currency: plan.currency,
    amountMinor,
    basisMinor: afterMinor,
    earnedOn: deal.closedOn,
    explanation:
      `threshold bonus ${formatMoney(amountMinor, plan.currency)}: ${period.label} won value ` +
      `${formatMoney(afterMinor, plan.currency)} passed ${formatMoney(over, plan.currency)} with ${deal.leadId}`,
  };
}
