import fc from 'fast-check';
import { convertMinor, parseExchangeRate, type ExchangeRate } from '../../../src/domain/money/exchange';

// Reporting currency USD. Every expected amount is worked out by hand in the test's comment.
const RATES: readonly ExchangeRate[] = [
  { date: '2026-03-01', currency: 'EUR', rate: '1.0845' },
  { date: '2026-03-05', currency: 'EUR', rate: '1.084523719' },
  { date: '2026-03-01', currency: 'GBP', rate: '1.125' },
  { date: '2026-03-01', currency: 'JPY', rate: '0.0066' },
  { date: '2026-03-01', currency: 'KWD', rate: '3.255' },
];

describe('convertMinor: the latest rate on or before the day, exact, rounded once half-to-even', () => {
  test.each([
    // 100.00 EUR x 1.0845 = 108.45 USD
    [10_000, 'EUR', 'USD', '2026-03-04', 10_845, '1.0845', '2026-03-01'],
    // 1,234.56 EUR x 1.084523719 = 1,338.9096025 -> 1,338.91 USD (the 03-05 rate from that day on)
    [123_456, 'EUR', 'USD', '2026-03-05', 133_891, '1.084523719', '2026-03-05'],
    // tie: 1.00 GBP x 1.125 = 1.125 USD -> 1.12 (half to even); 3.00 GBP x 1.125 = 3.375 -> 3.38
    [100, 'GBP', 'USD', '2026-03-01', 112, '1.125', '2026-03-01'],
    [300, 'GBP', 'USD', '2026-03-01', 338, '1.125', '2026-03-01'],
    // JPY has no decimals: 10,000 JPY x 0.0066 = 66.00 USD
    [10_000, 'JPY', 'USD', '2026-03-02', 6_600, '0.0066', '2026-03-01'],
    // USD to KWD (3 decimals): 100.00 / 3.255 = 30.7219662... -> 30.722 KWD
    [10_000, 'USD', 'KWD', '2026-03-02', 30_722, '1/3.255', '2026-03-01'],
    // KWD to JPY: 1.000 KWD x 3.255 / 0.0066 = 493.1818... -> 493 JPY
    [1_000, 'KWD', 'JPY', '2026-03-02', 493, '3.255/0.0066', '2026-03-01'],
    // JPY to KWD: 1,000,000 JPY x 0.0066 / 3.255 = 2,027.6497695... -> 2,027.650 KWD
    [1_000_000, 'JPY', 'KWD', '2026-03-02', 2_027_650, '0.0066/3.255', '2026-03-01'],
    // a refund converts the same way: -100.00 EUR -> -108.45 USD
    [-10_000, 'EUR', 'USD', '2026-03-01', -10_845, '1.0845', '2026-03-01'],
  ])('%p %s -> %s on %s = %p', (amount, from, to, on, expected, rate, rateDate) => {
    expect(convertMinor(amount, from, to, on, RATES, 'USD')).toEqual({
      ok: true,
      amountMinor: expected,
      rate,
      rateDate,
    });
  });

  test('the same currency is the amount itself', () => {
    expect(convertMinor(123, 'EUR', 'EUR', '2020-01-01', [], 'USD')).toEqual({
      ok: true,
      amountMinor: 123,
      rate: '1',
      rateDate: '2020-01-01',
    });
  });

  test('no rate on or before the day, or none at all: a reason, never a zero', () => {
    expect(convertMinor(100, 'EUR', 'USD', '2026-02-28', RATES, 'USD')).toEqual({
      ok: false,
      reason: 'No EUR exchange rate to USD on or before 2026-02-28',
    });
    expect(convertMinor(100, 'CHF', 'USD', '2026-03-02', RATES, 'USD')).toEqual({
      ok: false,
      reason: 'No CHF exchange rate to USD',
    });
    expect(convertMinor(100, 'XXX', 'USD', '2026-03-02', RATES, 'USD')).toMatchObject({ ok: false });
  });

  test('without the reporting currency, a currency with no rows is the base', () => {
    expect(convertMinor(10_000, 'EUR', 'USD', '2026-03-02', RATES)).toMatchObject({
      ok: true,
      amountMinor: 10_845,
    });
    // CHF and USD both have no rows: nothing says which one is the reporting currency
    expect(convertMinor(100, 'CHF', 'USD', '2026-03-02', RATES)).toMatchObject({ ok: false });
  });

  test('of two rows of the same day the later one in the table counts', () => {
    const rates = [
      { date: '2026-03-01', currency: 'EUR', rate: '2' },
      { date: '2026-03-01', currency: 'EUR', rate: '3' },
    ];
    expect(convertMinor(100, 'EUR', 'USD', '2026-03-01', rates, 'USD')).toMatchObject({ amountMinor: 300 });
  });

  test('a rate must be a positive decimal with at most 12 decimals', () => {
    expect(parseExchangeRate('1.084523719')).toEqual({ numerator: 1084523719n, scale: 9 });
    expect(parseExchangeRate('0')).toBe("Rate '0' must be more than 0");
    expect(parseExchangeRate('-1.2')).toBe("Rate '-1.2' must be more than 0");
    expect(parseExchangeRate('1,2')).toBe("Rate '1,2' is not a number (write 1.0845)");
    expect(parseExchangeRate('0.0000000000001')).toBe("Rate '0.0000000000001' has more than 12 decimals");
  });

  test('property: converting there and back at rate 2 gives the amount back', () => {
    const rates = [{ date: '2026-01-01', currency: 'EUR', rate: '2' }];
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        const there = convertMinor(minor, 'EUR', 'USD', '2026-01-01', rates, 'USD');
        if (!there.ok) return false;
        const back = convertMinor(there.amountMinor, 'USD', 'EUR', '2026-01-01', rates, 'USD');
        return back.ok && back.amountMinor === minor;
      }),
    );
  });
});
