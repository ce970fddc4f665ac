/**
 * Percentage rates as integers: 1 rate unit = 0.0001 percentage point, so 12 -> 120000,
 * 12.5 -> 125000, 7.25 -> 72500. Rates are read from text like amounts (no floating step), may have
 * up to 4 decimals and lie in [0, 100].
 */
import { readDecimal } from './decimal';
import { MoneyError, moneyMessages } from './messages';
import { assertMinor } from './parse';
import { divideHalfEven } from './round';

export const RATE_DECIMALS = 4;
/** Rate units in 100%: amount * units / FULL_RATE is the product. */
const FULL_RATE = 100n * 10n ** BigInt(RATE_DECIMALS);

export function parseRate(value: number | string): number {
  const shown = String(value).trim();
  const digits = readDecimal(value);
  if (digits === null) throw new MoneyError(moneyMessages.rateNotANumber(shown));
  if (digits.fraction.length > RATE_DECIMALS) throw new MoneyError(moneyMessages.rateTooPrecise(shown));
  const units = BigInt(digits.whole + digits.fraction.padEnd(RATE_DECIMALS, '0'));
  if (digits.negative || units > FULL_RATE) throw new MoneyError(moneyMessages.rateOutOfRange(shown));
  return Number(units);
}

/** 125000 -> "12.5%". */
export function formatRate(units: number): string {
  const text = String(units).padStart(RATE_DECIMALS + 1, '0');
  const whole = text.slice(0, -RATE_DECIMALS);
  const fraction = text.slice(-RATE_DECIMALS).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

export interface RatedPart {
  readonly minor: number;
  readonly rateUnits: number;
}

/** Σ minor x rate, rounded half-to-even ONCE at the end (a graduated commission is one line). */
export function applyRates(parts: readonly RatedPart[]): number {
  return applyRatesExact(
    parts.map((part) => ({ numerator: BigInt(assertMinor(part.minor)), rateUnits: part.rateUnits })),
    1n,
  );
}

/**
 * Σ (numerator / denominator) x rate for parts given as exact fractions of minor units over one
 * denominator (a converted deal value before its rounding), rounded half-to-even ONCE at the end:
 * a commission on a converted deal is never computed from an already rounded value.
 */
export function applyRatesExact(
  parts: ReadonlyArray<{ readonly numerator: bigint; readonly rateUnits: number }>,
  denominator: bigint,
): number {
  let numerator = 0n;
  for (const part of parts) numerator += part.numerator * BigInt(part.rateUnits);
  return assertMinor(Number(divideHalfEven(numerator, denominator * FULL_RATE)));
}

/** applyRate(1_200_000, parseRate(12)) === 144_000: 12% of 12,000.00. */
export function applyRate(minor: number, rateUnits: number): number {
  return applyRates([{ minor, rateUnits }]);
}
