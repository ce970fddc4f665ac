/** Major units (a number or decimal text, as in cells and forms) to integer minor units, exactly. */
import { currencyOf } from './currencies';
import { readDecimal } from './decimal';
import { MoneyError, moneyMessages } from './messages';

export interface ToMinorOptions {
  /** Refunds and clawbacks may be negative; amounts a person enters may not (the default). */
  readonly allowNegative?: boolean;
}

/** toMinor(12345.67, 'USD') === 1234567; toMinor('1,234.5', 'KWD') === 1234500. */
export function toMinor(value: number | string, currency: string, options: ToMinorOptions = {}): number {
  const { exponent, code } = currencyOf(currency);
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
