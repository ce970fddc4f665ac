/**
 * A deal in another currency than its plan's is converted to the plan's currency at the latest
 * exchange rate on or before its close day (money/exchange.ts), and the lines it earns say so: the
 * rounded value is the line's basis, the exact one what rates apply to (one rounding, at the end); with no rate it is not computed, with the reason (never a silent zero).
 */
import { convertExact, formatMoney, type ExchangeRate } from '../money';
import type { WonDeal } from './earned-line';

/** Settings' exchange rates and the reporting currency they are quoted in. */
export interface ExchangeTable {
  readonly rates: readonly ExchangeRate[];
  readonly reportingCurrency: string;
}

export type ConvertedDeal = { readonly deal: WonDeal; readonly note: string } | { readonly reason: string };

export function dealInPlanCurrency(
  deal: WonDeal,
  planCurrency: string,
  fx: ExchangeTable | undefined,
): ConvertedDeal {
  if (deal.currency === planCurrency) return { deal, note: '' };
  const reporting = fx?.reportingCurrency ?? '';
  const result = convertExact(
    deal.dealValueMinor,
    deal.currency,
    planCurrency,
    deal.closedOn,
    fx?.rates ?? [],
    reporting || undefined,
  );
  if (!result.ok) {
    return {
      reason: `${result.reason}: add one in Settings (Rate Date, Rate Currency, Rate${reporting ? ` in ${reporting}` : ''})`,
    };
  }
  return {
    deal: {
      ...deal,
      currency: planCurrency,
      dealValueMinor: result.amountMinor,
      exactValueMinor: result.exact,
    },
    note: `; ${formatMoney(deal.dealValueMinor, deal.currency)} converted at ${result.rate} (rate of ${result.rateDate})`,
  };
}
