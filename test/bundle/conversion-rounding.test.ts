/**
 * Conversions through the bundle, hand-computed (exact fractions, half-to-even): a deal in another
 * currency than its plan's is converted exactly; its rounded value is the line's Basis, and the
 * commission is computed from the EXACT converted value and rounded once, at the end (never a
 * rounded value rounded again). Rates with many decimals, rounding ties, JPY (no decimals) and KWD
 * (three) on either side. USD is the Reporting Currency; every rate is USD per unit.
 *
 * Rates (from 2026-03-01): EUR 1.00005, GBP 0.5, JPY 0.006712345678, KWD 3.2547891234.
 */
import type { Commission } from '../../src/shared/api';
import { OWNER, partnerOn, tracker, wonDeal } from './commissions-fixture';

function program() {
  const emu = tracker(); // 2026-03-02; KWD added to Settings > Currencies
  emu.call(OWNER, 'saveExchangeRates', [
    { date: '2026-03-01', currency: 'EUR', rate: '1.00005' },
    { date: '2026-03-01', currency: 'GBP', rate: '0.5' },
    { date: '2026-03-01', currency: 'JPY', rate: '0.006712345678' },
    { date: '2026-03-01', currency: 'KWD', rate: '3.2547891234' },
  ]);
  const ten = (name: string, currency: string) =>
    partnerOn(emu, { name, type: 'percent', rate: 10, currency, holdDays: 0 }, `${name} partner`);
  return { emu, usd: ten('Ten USD', 'USD'), kwd: ten('Ten KWD', 'KWD'), jpy: ten('Ten JPY', 'JPY') };
}

const lineOf = (emu: ReturnType<typeof tracker>, leadId: string) =>
  emu.call<Commission[]>(OWNER, 'listCommissions', {}).find((l) => l.leadId === leadId);

describe('a converted deal: the basis rounded, the commission computed from the exact value, rounded once', () => {
  const { emu, usd, kwd, jpy } = program();
  // [deal value, deal currency, partner, plan currency, basis, commission, what rounding twice would give]
  const cases: Array<[number, string, string, string, number, number, number]> = [
    // 333.33 EUR x 1.00005 = 333.3466665 USD -> basis 333.35; 10% of 333.3466665 = 33.33466665 -> 33.33
    // (10% of the rounded 333.35 would be 33.335 -> 33.34)
    [333.33, 'EUR', usd, 'USD', 333.35, 33.33, 33.34],
    // 1,234,567 JPY x 0.006712345678 / 3.2547891234 = 2,546.045274354... KWD -> basis 2,546.045;
    // 10% = 254.6045274... -> 254.605 (10% of the rounded 2,546.045 is 254.6045, a tie -> 254.604)
    [1234567, 'JPY', kwd, 'KWD', 2546.045, 254.605, 254.604],
    // 1.001 KWD x 3.2547891234 / 0.006712345678 = 485.380829... JPY -> basis 485;
    // 10% = 48.538... -> 49 (10% of the rounded 485 is 48.5, a tie -> 48)
    [1.001, 'KWD', jpy, 'JPY', 485, 49, 48],
    // 12.345 KWD -> 5,986.0403 JPY -> basis 5,986; 10% = 598.604 -> 599
    [12.345, 'KWD', jpy, 'JPY', 5986, 599, 599],
    // 2.10 GBP x 0.5 = 1.05 USD exactly; 10% = 0.105, a tie -> half to even 0.10
    [2.1, 'GBP', usd, 'USD', 1.05, 0.1, 0.1],
    // 2.11 GBP x 0.5 = 1.055 USD, a tie -> basis 1.06 (even); 10% of 1.055 = 0.1055 -> 0.11
    [2.11, 'GBP', usd, 'USD', 1.06, 0.11, 0.11],
    // 98,765 JPY x 0.006712345678 = 662.94482088... USD -> basis 662.94; 10% = 66.294... -> 66.29
    [98765, 'JPY', usd, 'USD', 662.94, 66.29, 66.29],
    // 7.777 KWD x 3.2547891234 = 25.3124950... USD -> basis 25.31; 10% = 2.531249... -> 2.53
    [7.777, 'KWD', usd, 'USD', 25.31, 2.53, 2.53],
  ];
  const leads = cases.map(([value, currency, partner]) =>
    wonDeal(emu, partner, value, currency, '2026-03-02'),
  );

  it.each(
    cases.map(([value, currency, , plan, basis, amount], i) => [i, value, currency, plan, basis, amount]),
  )(
    'case %i: %s %s on a %s plan: basis %s, commission %s',
    (i, _value, _currency, planCurrency, basis, amount) => {
      expect(lineOf(emu, leads[Number(i)])).toMatchObject({
        currency: planCurrency,
        basis,
        amount,
        kind: 'Commission',
      });
    },
  );

  it('names the rate and its day (a cross rate through the Reporting Currency names both)', () => {
    expect(lineOf(emu, leads[0])?.explanation).toBe(
      '10% of 333.35 USD; 333.33 EUR converted at 1.00005 (rate of 2026-03-01)',
    );
    expect(lineOf(emu, leads[1])?.explanation).toBe(
      '10% of 2,546.045 KWD; 1,234,567 JPY converted at 0.006712345678/3.2547891234 (rate of 2026-03-01)',
    );
  });
});
