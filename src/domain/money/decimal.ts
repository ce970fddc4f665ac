/**
 * Reading a decimal written as text or as a JavaScript number into its digits, without any floating
 * point step. A number is read through its shortest round-trip text (String(12345.67) is
 * "12345.67"), which is the decimal the person typed.
 *
 * Accepted: "1234.5", "-3", ".5", "1,234.50" (commas only as correctly placed thousands
 * separators). Rejected: "1,5" (a decimal comma is ambiguous), "1.234,50", "12e3", "$5", "".
 */
export interface DecimalDigits {
  readonly negative: boolean;
  /** Whole-part digits without leading zeros ("0" for none). */
  readonly whole: string;
  /** Fraction digits without trailing zeros ("" for none). */
  readonly fraction: string;
}

const DECIMAL = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

export function readDecimal(value: number | string): DecimalDigits | null {
  const text = typeof value === 'number' ? numberText(value) : String(value).trim();
  if (text === null) return null;
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const wholeRaw = (match[2] ?? '').replace(/,/g, '');
  const fractionRaw = match[3] ?? '';
  if (wholeRaw === '' && fractionRaw === '') return null;
  const whole = wholeRaw.replace(/^0+/, '') || '0';
  const fraction = fractionRaw.replace(/0+$/, '');
  const zero = whole === '0' && fraction === '';
  return { negative: match[1] === '-' && !zero, whole, fraction };
}

/** The text of a finite number with exponent notation expanded (1e-7 -> "0.0000001"). */
function numberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const exponent = Number(text.slice(e + 1));
  const mantissa = text.slice(0, e);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const [intPart, fracPart = ''] = mantissa.replace('-', '').split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
