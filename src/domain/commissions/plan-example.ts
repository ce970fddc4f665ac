/**
 * A plan's live example for the Plans page: what one deal of a given value would earn under it,
 * computed by the engine itself (desiredLedger), so the page shows what the ledger will do:
 * "A 40,000.00 USD deal pays 4,000.00 USD (10% of 40,000.00 USD)".
 */
import { validatePlanInput, type PlanFieldError } from '../../shared/schema/plan';
import { LEAD_STATUS } from '../../shared/statuses';
import { MoneyError, currencyExponent, formatMoney, toMinor } from '../money';
import { desiredLedger } from './desired-ledger';

export type PlanExample =
  | { readonly ok: true; readonly text: string; readonly amountMinor: number; readonly currency: string }
  | { readonly ok: false; readonly errors: readonly PlanFieldError[] };

export interface ExampleDeal {
  /** Major units as typed ("40000", "40,000.00"). */
  readonly value: string | number;
  /** The deal's currency (the plan's when absent, else USD). */
  readonly currency?: string;
  /** ISO day the example deal closes (the plan's Effective From when absent). */
  readonly closedOn: string;
}

export function planExample(input: unknown, deal: ExampleDeal): PlanExample {
  const checked = validatePlanInput(input, { currencyExponent });
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const plan = checked.value;
  const currency = deal.currency || plan.currency || 'USD';
  let valueMinor: number;
  try {
    valueMinor = toMinor(deal.value, currency);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    return { ok: false, errors: [{ field: 'exampleValue', label: 'Example deal', message: error.message }] };
  }
  const closedOn =
    plan.effectiveFrom && plan.effectiveFrom > deal.closedOn ? plan.effectiveFrom : deal.closedOn;
  const { lines, flags } = desiredLedger({
    deals: [
      {
        leadId: 'example',
        partnerId: 'example',
        currency,
        dealValueMinor: valueMinor,
        closedOn,
        status: LEAD_STATUS.Won,
      },
    ],
    partners: [{ id: 'example', plan: plan.name }],
    plans: [input],
    settings: { defaultHoldDays: 30 },
    asOf: closedOn,
  });
  const dealText = formatMoney(valueMinor, currency);
  if (flags.length)
    return {
      ok: true,
      text: `A ${dealText} deal earns nothing: ${flags[0].reason}`,
      amountMinor: 0,
      currency,
    };
  const paid = lines.length ? lines[0].currency : currency;
  const total = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const how = lines.map((l) => l.explanation).join('; ');
  return {
    ok: true,
    text: `A ${dealText} deal pays ${formatMoney(total, paid)}${how ? ` (${how})` : ''}`,
    amountMinor: total,
    currency: paid,
  };
}
