import fc from 'fast-check';
import {
  MoneyError,
  toMinor,
  toDecimalText,
  toMajor,
  formatMoney,
  currencyOf,
} from '../../../src/domain/money';

describe('toMinor: exact major -> minor, string-based', () => {
  test.each([
    [12345.67, 'USD', 1234567],
    ['12345.67', 'USD', 1234567],
    [0.3, 'USD', 30],
    [1.005, 'KWD', 1005],
    ['1,234.50', 'USD', 123450],
    ['1,234,567', 'JPY', 1234567],
    [1500, 'JPY', 1500],
    ['0.125', 'KWD', 125],
    ['  7.10 ', 'EUR', 710],
    ['1.230', 'USD', 123],
    ['.5', 'GBP', 50],
    ['90071992547409.91', 'USD', 9007199254740991],
  ])('%p %s -> %p', (value, currency, expected) => {
    expect(toMinor(value, currency)).toBe(expected);
  });

  test('a float that is not representable still converts to the decimal typed', () => {
    expect(toMinor(19.99, 'USD')).toBe(1999);
    expect(toMinor(4.35, 'USD')).toBe(435); // 4.35 * 100 === 434.99999999999994
    expect(toMinor(1.15, 'KWD')).toBe(1150);
  });

  test.each([
    ['1.234', 'USD', "Amount '1.234' has more decimals than USD allows (2)"],
    [1.5, 'JPY', "Amount '1.5' has more decimals than JPY allows (0)"],
    ['0.0001', 'KWD', "Amount '0.0001' has more decimals than KWD allows (3)"],
    [1e-7, 'USD', "Amount '1e-7' has more decimals than USD allows (2)"],
    [0.1 + 0.2, 'USD', "Amount '0.30000000000000004' has more decimals than USD allows (2)"],
    ['-5', 'USD', "Amount '-5' must not be negative"],
    ['1,5', 'EUR', "Amount '1,5' is not a number (write 1234.50 or 1,234.50)"],
    ['1.234,50', 'EUR', "Amount '1.234,50' is not a number (write 1234.50 or 1,234.50)"],
    ['12e3', 'USD', "Amount '12e3' is not a number (write 1234.50 or 1,234.50)"],
    ['', 'USD', "Amount '' is not a number (write 1234.50 or 1,234.50)"],
    [Number.NaN, 'USD', "Amount 'NaN' is not a number (write 1234.50 or 1,234.50)"],
    ['90071992547409.92', 'USD', "Amount '90071992547409.92' is too large"],
    ['10', 'XYZ', "Unknown currency 'XYZ' (use an ISO 4217 code such as USD)"],
  ])('%p %s is refused: %s', (value, currency, message) => {
    expect(() => toMinor(value, currency)).toThrow(new MoneyError(message));
  });

  test('negative amounts only when allowed', () => {
    expect(toMinor('-12.5', 'USD', { allowNegative: true })).toBe(-1250);
    expect(toMinor('-0', 'USD')).toBe(0);
  });
});

describe('minor -> major', () => {
  test.each([
    [1234567, 'USD', '12345.67', 12345.67, '12,345.67 USD'],
    [1200000, 'USD', '12000.00', 12000, '12,000.00 USD'],
    [5, 'USD', '0.05', 0.05, '0.05 USD'],
    [-5, 'KWD', '-0.005', -0.005, '-0.005 KWD'],
    [1500000, 'JPY', '1500000', 1500000, '1,500,000 JPY'],
    [1234567891, 'BHD', '1234567.891', 1234567.891, '1,234,567.891 BHD'],
    [0, 'EUR', '0.00', 0, '0.00 EUR'],
  ])('%p %s', (minor, currency, text, major, formatted) => {
    expect(toDecimalText(minor, currency)).toBe(text);
    expect(toMajor(minor, currency)).toBe(major);
    expect(formatMoney(minor, currency)).toBe(formatted);
  });

  test('round trip through a cell number holds up to 15 significant digits', () => {
    for (const minor of [1, 99, 101, 123456789, 4035, 999_999_999_999_999]) {
      expect(toMinor(toMajor(minor, 'USD'), 'USD')).toBe(minor);
    }
  });

  test('ISO 4217 exponents', () => {
    expect(['USD', 'JPY', 'KRW', 'KWD', 'TND', 'CZK', 'INR'].map((c) => currencyOf(c).exponent)).toEqual([
      2, 0, 0, 3, 3, 2, 2,
    ]);
    expect(() => currencyOf('usd')).toThrow("Unknown currency 'usd'");
  });
});

describe('toMinor of a number: the fast path agrees with reading its digits', () => {
  const outcome = (fn: () => number) => {
    try {
      return { minor: fn() };
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
  // The digit path is what a text cell takes: String(n) is the decimal the number stands for (when
  // written without an exponent; "1e+21" as text is not an amount, as a number it is too large).
  const both = (n: number, currency: string, allowNegative: boolean) => {
    if (String(n).includes('e')) return;
    expect(outcome(() => toMinor(n, currency, { allowNegative }))).toEqual(
      outcome(() => toMinor(String(n), currency, { allowNegative })),
    );
  };

  test('for doubles of every size and sign', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        fc.boolean(),
        (n, currency, allowNegative) => both(n, currency, allowNegative),
      ),
      { numRuns: 5000 },
    );
  });

  test('for decimals typed with up to four fraction digits, near the safe-integer edge too', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 56n), max: 2n ** 56n }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        fc.boolean(),
        (units, decimals, currency, allowNegative) =>
          both(Number(units) / 10 ** decimals, currency, allowNegative),
      ),
      { numRuns: 5000 },
    );
  });

  test('negative zero is zero', () => {
    expect(Object.is(toMinor(-0, 'USD'), 0)).toBe(true);
  });
});
