import { CURRENCIES } from '../../src/domain/money';
import { currencyExponent } from '../../src/shared/schema';

test('the schema and domain/money agree on every currency money knows', () => {
  const disagreements = CURRENCIES.filter(({ code, exponent }) => currencyExponent(code) !== exponent);
  expect(disagreements).toEqual([]);
});

test.each([
  ['usd', 2],
  ['JPY', 0],
  ['KWD', 3],
  ['XYZ', 2],
])('currencyExponent(%s) = %i', (code, exponent) => {
  expect(currencyExponent(code)).toBe(exponent);
});
