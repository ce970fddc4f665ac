/** Percent plans: rate x deal value, one rounding, capped per deal. "12% of 12,000.00 USD". */
import { applyRatesExact, formatMoney, formatRate, parseRate } from '../money';
import { keys } from './keys';
import { applyCap, exactValue, type DealContext, type EarnedLine } from './earned-line';
import { COMMISSION_KIND } from '../../shared/statuses';

export function percentLines({ plan, deal }: DealContext): EarnedLine[] {
  if (plan.type !== 'percent') return [];
  const rate = parseRate(plan.rate);
  const value = exactValue(deal);
  const raw = applyRatesExact([{ numerator: value.numerator, rateUnits: rate }], value.denominator);
  const { amountMinor, note } = applyCap(plan, raw, deal.currency);
  return [
    {
      key: keys.commission(deal.leadId),
      kind: COMMISSION_KIND.Commission,
      currency: deal.currency,
      amountMinor,
      basisMinor: deal.dealValueMinor,
      earnedOn: deal.closedOn,
      explanation: `${formatRate(rate)} of ${formatMoney(deal.dealValueMinor, deal.currency)}${note}`,
    },
  ];
}
