/**
 * Cell values of the money and date columns the commission and payout sheets hold: amounts are
 * major-unit numbers (exactly the decimal of the minor units), days are Date cells at midnight in
 * the spreadsheet's time zone (sheets/days.ts), and number formats follow the currency's exponent.
 */
import { currencyExponent, isKnownCurrency, toMajor, toMinor } from '../../domain/money';

/** "#,##0.00" for USD, "#,##0" for JPY, "#,##0.000" for KWD. */
export function moneyFormat(currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  return exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
}

export function minorToCell(minor: number | null, currency: string): number | string {
  return minor === null ? '' : toMajor(minor, currency);
}

/** A money cell in minor units; null when empty; throws a MoneyError when it is not an amount. */
export function cellToMinor(value: unknown, currency: string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  if (!isKnownCurrency(currency)) return null;
  return toMinor(value, currency, { allowNegative: true });
}
