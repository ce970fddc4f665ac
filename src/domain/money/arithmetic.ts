/** Money values of one currency: add, subtract, compare, sum. Mixing currencies throws. */
import { MoneyError, moneyMessages } from './messages';
import { assertMinor } from './parse';

export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(moneyMessages.currencyMismatch(a.currency, b.currency));
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return { amountMinor: assertMinor(a.amountMinor + b.amountMinor), currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return { amountMinor: assertMinor(a.amountMinor - b.amountMinor), currency: a.currency };
}

/** -1, 0 or 1. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  same(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

/** The exact sum of minor amounts (each checked to be a safe integer, and the total too). */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) total = assertMinor(total + assertMinor(amount));
  return total;
}

export function sum(currency: string, items: readonly Money[]): Money {
  return items.reduce((acc, item) => add(acc, item), { amountMinor: 0, currency });
}
