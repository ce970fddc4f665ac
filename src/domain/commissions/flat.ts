/** Flat plans: a fixed amount in the plan's currency per won deal, whatever the deal's currency. */
import { formatMoney, toMinor } from '../money';
import { keys } from './keys';
import { applyCap, type DealContext, type EarnedLine } from './earned-line';
import { COMMISSION_KIND } from '../../shared/statuses';

export function flatLines({ plan, deal }: DealContext): EarnedLine[] {
  if (plan.type !== 'flat') return [];
  const raw = toMinor(plan.amount, plan.currency);
  const { amountMinor, note } = applyCap(plan, raw, plan.currency);
  const basis = deal.currency === plan.currency ? deal.dealValueMinor : null;
  return [
    {
      key: keys.commission(deal.leadId),
      kind: COMMISSION_KIND.Commission,
      currency: plan.currency,
      amountMinor,
      basisMinor: basis,
      earnedOn: deal.closedOn,
      explanation: `flat ${formatMoney(raw, plan.currency)} per won deal${note}`,
    },
  ];
}
