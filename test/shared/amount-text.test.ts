/** Amounts as people write them (amount-text.ts): table-driven, both decimal separators. */
import { decimalSeparatorOf, plainAmount } from '../../src/shared/schema/amount-text';
import { resolvePartnerRef } from '../../src/domain/import/partner-ref';

describe('plainAmount', () => {
  it.each([
    ['$25,000', '.', '25000'],
    ['51,250.50', '.', '51250.50'],
    ['USD 1,200', '.', '1200'],
    ['1,200 EUR', '.', '1200'],
    ['US$ 3,000.10', '.', '3000.10'],
    ['-$5', '.', '-5'],
    ['12.5', '.', '12.5'],
    ['€1.200,50', ',', '1200.50'],
    ['1 200,5', ',', '1200.5'],
    ['1,5', ',', '1.5'],
    ['1,5', '.', null],
    ['1,2345', '.', null],
    ['51.250,50', '.', null],
    ['$', '.', null],
    ['abc', '.', null],
    ['$5€', '.', null],
  ] as const)('%s with decimal %s -> %s', (text, decimal, plain) => {
    expect(plainAmount(text, decimal)).toBe(plain);
  });

  it('finds the decimal separator of a spreadsheet locale', () => {
    expect(decimalSeparatorOf('en_US')).toBe('.');
    expect(decimalSeparatorOf('de_DE')).toBe(',');
    expect(decimalSeparatorOf('fr_FR')).toBe(',');
    expect(decimalSeparatorOf('not a locale')).toBe('.');
  });
});

describe('resolvePartnerRef', () => {
  const partners = [
    { id: 'P-0001', partnerName: 'Beta Partners', status: 'Active' as const },
    { id: 'P-0002', partnerName: 'Gamma', status: 'Active' as const },
    { id: 'P-0003', partnerName: 'gamma', status: 'Active' as const },
  ];
  it.each([
    ['P-0009', null],
    ['', null],
    [' beta   PARTNERS ', { id: 'P-0001' }],
    ['Gamma', { error: "Partner 'Gamma' is the name of 2 partners (P-0002, P-0003): use the Partner ID" }],
    [
      'Delta',
      { error: "Partner 'Delta' is neither a partner's name nor a Partner ID on the Partners sheet" },
    ],
  ] as const)('%s -> %j', (value, expected) => {
    expect(resolvePartnerRef(value, partners)).toEqual(expected);
  });
});
