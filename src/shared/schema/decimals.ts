import { readAmount } from './amount';
import { currencyExponent } from './currency';
import { labelOf } from './labels';
import { messages } from './messages';

/** The message when `value` has more decimals than `currency` allows; undefined when it fits (or is not a number). */
export function decimalsProblem(field: string, value: unknown, currency: string): string | undefined {
  if (value === undefined) return undefined;
  const reading = readAmount(value);
  if (reading.kind !== 'ok') return undefined;
  const exponent = currencyExponent(currency);
  return reading.decimals > exponent
    ? messages.tooManyDecimals(labelOf(field), value, currency.toUpperCase(), exponent)
    : undefined;
}
