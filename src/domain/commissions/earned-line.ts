/** What a plan computes for one deal, before the engine adds partner, plan name and hold. */
import type { Plan } from '../../shared/schema/plan';
import { formatMoney, toMinor, wholeMinor, type ExactMinor } from '../money';
import type { Deal, EarnedKind } from './types';
import type { Period } from './period';

export interface EarnedLine {
  readonly key: string;
  readonly kind: EarnedKind;
  readonly currency: string;
  readonly amountMinor: number;
  readonly basisMinor: number | null;
  readonly earnedOn: string;
  readonly explanation: string;
}

export type WonDeal = Deal & {
  readonly dealValueMinor: number;
  /**
   * A converted deal's value before its rounding (convert-deal.ts): rates apply to it, so the
   * commission is rounded once. Absent: the value is dealValueMinor exactly.
   */
  readonly exactValueMinor?: ExactMinor;
};

/** The deal value a rate applies to: exact, as a fraction of minor units. */
export function exactValue(deal: WonDeal): ExactMinor {
  return deal.exactValueMinor ?? wholeMinor(deal.dealValueMinor);
}

export interface DealContext {
  readonly plan: Plan;
  readonly deal: WonDeal;
  /** The partner's won value in this period before this deal (plan currency, ordered by closedOn, leadId). */
  readonly cumulativeBeforeMinor: number;
  readonly period: Period;
  readonly asOf: string;
}

/** The plan's cap per deal in the line's currency, applied to an amount: the note says so when it bites. */
export function applyCap(
  plan: Plan,
  amountMinor: number,
  currency: string,
): { amountMinor: number; note: string } {
  if (plan.capPerDeal === undefined) return { amountMinor, note: '' };
  const cap = toMinor(plan.capPerDeal, currency);
  if (amountMinor <= cap) return { amountMinor, note: '' };
  return {
    amountMinor: cap,
    note: `, capped at ${formatMoney(cap, currency)} (was ${formatMoney(amountMinor, currency)})`,
  };
}
