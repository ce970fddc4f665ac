/** Major units (a number or decimal text, as in cells and forms) to integer minor units, exactly. */
import { currencyOf } from './currencies';
import { readDecimal } from './decimal';
import { MoneyError, moneyMessages } from './messages';

export interface ToMinorOptions {
  /** Refunds and clawbacks may be negative; amounts a person enters may not (the default). */
  readonly allowNegative?: boolean;
}

/**
 * A number cell's minor units without reading its digits (the common case, tens of thousands per
 * reconcile): exact when scaling and dividing back gives the number again, since below this bound two
 * decimals with at most `exponent` fraction digits are more than two doubles apart, so the scaled
 * integer is the one decimal the number stands for. Anything else (too many decimals, huge values,
 * negatives not allowed) takes the digit path, which also words the errors.
 */
function fastMinor(value: number, exponent: number, allowNegative: boolean): number | null {
  const scale = 10 ** exponent;
  if (!(Math.abs(value) < Number.MAX_SAFE_INTEGER / (scale * 10))) return null;
  const minor = Math.round(value * scale);
  if (minor / scale !== value) return null;
  if (minor < 0 && !allowNegative) return null;
  return minor === 0 ? 0 : minor;
}

/** toMinor(12345.67, 'USD') === 1234567; toMinor('1,234.5', 'KWD') === 1234500. */
export function toMinor(value: number | string, currency: string, options: ToMinorOptions = {}): number {
  const { exponent, code } = currencyOf(currency);
  if (typeof value === 'number') {
    const fast = fastMinor(value, exponent, options.allowNegative ?? false);
    if (fast !== null) return fast;
  }
  const shown = String(value).trim();
  const digits = readDecimal(value);
  if (digits === null) throw new MoneyError(moneyMessages.notANumber(shown));
  if (digits.fraction.length > exponent) {
    throw new MoneyError(moneyMessages.tooManyDecimals(shown, code, exponent));
  }
  if (digits.negative && !options.allowNegative) throw new MoneyError(moneyMessages.negative(shown));
  const magnitude = BigInt(digits.whole + digits.fraction.padEnd(exponent, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError(moneyMessages.tooLarge(shown));
  const minor = Number(magnitude);
  return digits.negative ? -minor : minor;
}

/** Throws unless the value is a safe integer: every function taking minor units checks with this. */
export function assertMinor(value: number): number {
  if (!Number.isSafeInteger(value)) throw new MoneyError(moneyMessages.notMinorUnits(value));
  return value;
}
