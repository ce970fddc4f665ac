/**
 * Currency checks of the shared schema, over the one currency table (src/shared/currencies.ts): a
 * listed code has its exponent; any other three-letter code is checked as 2 decimals (domain/money
 * refuses it when it computes).
 */
import { CURRENCY_EXPONENTS, isCurrencyCodeKnown } from '../currencies';

export function currencyExponent(code: string): number {
  const upper = code.toUpperCase();
  return isCurrencyCodeKnown(upper) ? CURRENCY_EXPONENTS[upper] : 2;
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}
