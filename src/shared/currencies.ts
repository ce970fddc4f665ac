/**
 * The currency table, in one place: ISO 4217 code -> exponent (the number of minor-unit decimals).
 * domain/money computes in these currencies and refuses others; the shared schema checks amount
 * decimals against the same exponents (a code not listed here is checked as 2 decimals there, and
 * refused by money). Shared code cannot import domain/, so the table lives here.
 */
export const CURRENCY_EXPONENTS = {
  AED: 2,
  AUD: 2,
  BHD: 3,
  BIF: 0,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLF: 4,
  CLP: 0,
  CNY: 2,
  CZK: 2,
  DJF: 0,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  GNF: 0,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PHP: 2,
  PLN: 2,
  PYG: 0,
  RON: 2,
  RWF: 0,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  UGX: 0,
  USD: 2,
  UYI: 0,
  UYW: 4,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  ZAR: 2,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

/** The currency when neither a form, a row nor Settings > Default Currency names one. */
export const DEFAULT_CURRENCY: CurrencyCode = 'USD';

/** Whether `code` is exactly (upper case) a currency of the table. */
export function isCurrencyCodeKnown(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}
