/** Currencies as data: ISO 4217 code and exponent (the number of minor-unit decimals). */
import { MoneyError, moneyMessages } from './messages';

export interface Currency {
  readonly code: string;
  readonly exponent: number;
}

const EXPONENTS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  RON: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  SGD: 2,
  HKD: 2,
  ZAR: 2,
  CNY: 2,
  TWD: 2,
  THB: 2,
  MYR: 2,
  PHP: 2,
  IDR: 2,
  ILS: 2,
  AED: 2,
  SAR: 2,
  TRY: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
};

export const CURRENCIES: readonly Currency[] = Object.keys(EXPONENTS)
  .sort()
  .map((code) => ({ code, exponent: EXPONENTS[code] }));

/** The exponent of a known code, or undefined (for validators that report instead of throwing). */
export function currencyExponent(code: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(EXPONENTS, code) ? EXPONENTS[code] : undefined;
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
