import { CURRENCIES, currencyOf, isKnownCurrency } from '../../src/domain/money';
import { CURRENCY_EXPONENTS } from '../../src/shared/currencies';
import { currencyExponent } from '../../src/shared/schema';

test('money and the schema read the one currency table', () => {
  expect(CURRENCIES.map(({ code, exponent }) => [code, exponent])).toEqual(
    Object.entries(CURRENCY_EXPONENTS).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const disagreements = CURRENCIES.filter(({ code, exponent }) => currencyExponent(code) !== exponent);
  expect(disagreements).toEqual([]);
});

test.each([
  ['usd', 2],
  ['JPY', 0],
  ['KWD', 3],
  ['XOF', 0],
  ['XYZ', 2],
])('currencyExponent(%s) = %i', (code, exponent) => {
  expect(currencyExponent(code)).toBe(exponent);
});

test.each([
  ['USD', true],
  ['XOF', true],
  ['usd', false],
  ['XYZ', false],
])('money knows %s: %p', (code, known) => {
  expect(isKnownCurrency(code)).toBe(known);
  if (!known) expect(() => currencyOf(code)).toThrow(`Unknown currency '${code}'`);
});
