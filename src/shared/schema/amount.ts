/** Reading an amount in major units (a number or a decimal string) without floating-point steps. */
export type AmountReading =
  | { kind: 'ok'; text: string; negative: boolean; integerDigits: number; decimals: number }
  | { kind: 'notNumber' };

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

export function readAmount(value: unknown): AmountReading {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'notNumber' };
    text = numberToPlain(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { kind: 'notNumber' };
  }
  const match = DECIMAL.exec(text);
  if (!match) return { kind: 'notNumber' };
  const sign = match[1] ?? match[4] ?? '';
  const whole = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? match[5] ?? '').replace(/0+$/, '');
  const isZero = /^0*$/.test(whole) && fraction === '';
  return {
    kind: 'ok',
    text,
    negative: sign === '-' && !isZero,
    integerDigits: whole === '0' ? 0 : whole.length,
    decimals: fraction.length,
  };
}

/** 1e-7 -> "0.0000001": numbers written without exponent notation. */
function numberToPlain(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^[-+]/, '').replace('.', '');
  const pointAt = mantissa.replace(/^[-+]/, '').split('.')[0].length + exponent;
  const plain =
    pointAt <= 0
      ? `0.${'0'.repeat(-pointAt)}${digits}`
      : pointAt >= digits.length
        ? digits + '0'.repeat(pointAt - digits.length)
        : `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return (negative ? '-' : '') + plain;
}
