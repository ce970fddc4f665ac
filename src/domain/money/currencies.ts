/** Currencies as data: ISO 4217 code and exponent, from the one table (src/shared/currencies.ts). */
import { CURRENCY_EXPONENTS, isCurrencyCodeKnown } from '../../shared/currencies';
import { MoneyError, moneyMessages } from './messages';

export interface Currency {
  readonly code: string;
  readonly exponent: number;
}

export const CURRENCIES: readonly Currency[] = Object.entries(CURRENCY_EXPONENTS)
  .map(([code, exponent]) => ({ code, exponent }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));

/** The exponent of a known code, or undefined (for validators that report instead of throwing). */
export function currencyExponent(code: string): number | undefined {
  return isCurrencyCodeKnown(code) ? CURRENCY_EXPONENTS[code] : undefined;
}

export function isKnownCurrency(code: string): boolean {
  return currencyExponent(code) !== undefined;
}

/** The currency of an exact upper-case code; throws a MoneyError for anything else. */
export function currencyOf(code: string): Currency {
  const exponent = currencyExponent(code);
  if (exponent === undefined) throw new MoneyError(moneyMessages.unknownCurrency(code));
  return { code, exponent };
}
