/** Minor units back to major units: as exact decimal text, or as the number a cell should hold. */
import { currencyOf } from './currencies';
import { assertMinor } from './parse';

/** toDecimalText(1234567, 'USD') === "12345.67"; toDecimalText(-5, 'KWD') === "-0.005". */
export function toDecimalText(minor: number, currency: string): string {
  const { exponent } = currencyOf(currency);
  assertMinor(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** The double nearest the exact decimal value (12345.67 for 1234567 USD): what a cell is given. */
export function toMajor(minor: number, currency: string): number {
  return Number(toDecimalText(minor, currency));
}
