import fc from 'fast-check';
import {
  allocate,
  applyRate,
  applyRates,
  distribute,
  divideHalfEven,
  formatRate,
  parseRate,
  add,
  compare,
  subtract,
  sumMinor,
} from '../../../src/domain/money';

describe('rates', () => {
  test.each([
    [12, 120000, '12%'],
    ['12.5', 125000, '12.5%'],
    [7.25, 72500, '7.25%'],
    ['0.0001', 1, '0.0001%'],
    [100, 1000000, '100%'],
    [0, 0, '0%'],
  ])('%p -> %p units', (value, units, shown) => {
    expect(parseRate(value)).toBe(units);
    expect(formatRate(units)).toBe(shown);
  });

  test.each([
    [150, "Rate '150' must be between 0 and 100"],
    [-1, "Rate '-1' must be between 0 and 100"],
    ['12.34567', "Rate '12.34567' has more than 4 decimals"],
    ['ten', "Rate 'ten' is not a number"],
  ])('%p refused', (value, message) => {
    expect(() => parseRate(value)).toThrow(message);
  });
});

describe('half-to-even, once', () => {
  test.each([
    [5n, 10n, 0n], // 0.5 -> 0
    [15n, 10n, 2n], // 1.5 -> 2
    [25n, 10n, 2n], // 2.5 -> 2
    [35n, 10n, 4n],
    [26n, 10n, 3n],
    [24n, 10n, 2n],
    [-25n, 10n, -2n],
    [-15n, 10n, -2n],
    [-26n, 10n, -3n],
  ])('%p / %p -> %p', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  test.each([
    // minor, rate, expected (hand-computed)
    [1_200_000, 12, 144_000], // 12% of 12,000.00
    [1_250, 10, 125], // exact
    [5, 10, 0], // 0.5 cent -> 0
    [15, 10, 2], // 1.5 cents -> 2
    [25, 10, 2], // 2.5 cents -> 2
    [333, 7.25, 24], // 24.1425 -> 24
    [1001, 12.5, 125], // 125.125 -> 125
    [1003, 12.5, 125], // 125.375 -> 125
    [1004, 12.5, 126], // 125.5 -> 126 (even)
    [1012, 12.5, 126], // 126.5 -> 126 (even)
    [9_007_199_254_740_991, 100, 9_007_199_254_740_991], // no precision lost on large amounts
    [9_007_199_254_740_991, 0.0001, 9_007_199_255], // x 1e-6 = 9007199254.740991
  ])('%p at %p%% -> %p', (minor, rate, expected) => {
    expect(applyRate(minor, parseRate(rate))).toBe(expected);
  });

  test('several parts round once: 10% of 0.05 + 10% of 0.05 = 0.01, not 0 + 0', () => {
    const ten = parseRate(10);
    expect(
      applyRates([
        { minor: 5, rateUnits: ten },
        { minor: 5, rateUnits: ten },
      ]),
    ).toBe(1);
    expect(applyRate(5, ten) + applyRate(5, ten)).toBe(0);
  });
});

describe('arithmetic and allocation', () => {
  test('add, subtract, compare in one currency', () => {
    const a = { amountMinor: 1050, currency: 'USD' };
    const b = { amountMinor: 75, currency: 'USD' };
    expect(add(a, b)).toEqual({ amountMinor: 1125, currency: 'USD' });
    expect(subtract(b, a)).toEqual({ amountMinor: -975, currency: 'USD' });
    expect([compare(a, b), compare(b, a), compare(a, a)]).toEqual([1, -1, 0]);
    expect(() => add(a, { amountMinor: 1, currency: 'EUR' })).toThrow('Cannot combine USD and EUR amounts');
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow('is not a whole number of minor units');
    expect(() => sumMinor([0.5])).toThrow('0.5 is not a whole number of minor units');
  });

  test.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [70, 30], [7, 3]],
    [5, [1, 0, 1], [3, 0, 2]],
    [-100, [1, 1, 1], [-34, -33, -33]],
  ])('allocate(%p, %p) -> %p', (minor, ratios, shares) => {
    expect(allocate(minor, ratios)).toEqual(shares);
  });

  test('distribute and bad ratios', () => {
    expect(distribute(10, 3)).toEqual([4, 3, 3]);
    expect(() => allocate(10, [0, 0])).toThrow('Allocation needs at least one positive');
    expect(() => allocate(10, [1, -1])).toThrow('Allocation needs at least one positive');
  });

  test('property: allocation never loses or creates a unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 8 }).filter((r) => r.some((x) => x > 0)),
        (minor, ratios) => {
          const shares = allocate(minor, ratios);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(minor);
          shares.forEach((s, i) => ratios[i] === 0 && expect(s).toBe(0));
        },
      ),
    );
  });
});
