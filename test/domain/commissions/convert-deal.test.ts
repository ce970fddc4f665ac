/**
 * A deal in another currency than its plan's: converted at the latest rate on or before its close
 * day, exactly, rounded once; the Explanation names the rate and its day; no rate -> not computed
 * with the reason. Every amount below is worked out by hand in its comment.
 */
import { desiredLedger } from '../../../src/domain/commissions';
import type { ExchangeRate } from '../../../src/domain/money';
import { pick, won } from './fixtures';

const RATES: ExchangeRate[] = [
  { date: '2026-03-01', currency: 'EUR', rate: '1.0845' },
  { date: '2026-03-10', currency: 'EUR', rate: '1.123456789' },
  { date: '2026-03-01', currency: 'JPY', rate: '0.0066' },
  { date: '2026-03-01', currency: 'KWD', rate: '3.255' },
  { date: '2026-03-01', currency: 'GBP', rate: '1.125' },
  { date: '2026-03-01', currency: 'SEK', rate: '1.00005' },
];

function ledger(plan: Record<string, unknown>, deals: ReturnType<typeof won>[], reportingCurrency = 'USD') {
  const partners = [...new Set(deals.map((d) => d.partnerId))].map((id) => ({ id, plan: String(plan.name) }));
  return desiredLedger({
    deals,
    partners,
    plans: [plan],
    settings: { defaultHoldDays: 0 },
    asOf: '2026-12-31',
    exchange: { rates: RATES, reportingCurrency },
  });
}

const usd10 = { name: 'Ten USD', type: 'percent', rate: 10, currency: 'USD' };

test('EUR deal on a USD plan: 1,000.00 EUR x 1.0845 = 1,084.50 USD; 10% = 108.45 USD', () => {
  const { lines, flags } = ledger(usd10, [won('L-1', 'P-1', 'EUR', 100_000, '2026-03-05')]);
  expect(flags).toEqual([]);
  expect(pick(lines)).toEqual([
    [
      'L-1/commission',
      'USD',
      10_845,
      '2026-03-05',
      '10% of 1,084.50 USD; 1,000.00 EUR converted at 1.0845 (rate of 2026-03-01)',
    ],
  ]);
  expect(lines[0].basisMinor).toBe(108_450);
});

test('a rate with many decimals, from its day on: 1,234.56 EUR x 1.123456789 = 1,386.9748... -> 1,386.97 USD', () => {
  // 1234.56 x 1.123456789 = 1386.97481342784... -> 138,697 cents; 10% = 13,869.7 -> 13,870 cents
  const { lines } = ledger(usd10, [won('L-1', 'P-1', 'EUR', 123_456, '2026-03-10')]);
  expect(lines[0].basisMinor).toBe(138_697);
  expect(lines[0].amountMinor).toBe(13_870);
  expect(lines[0].explanation).toBe(
    '10% of 1,386.97 USD; 1,234.56 EUR converted at 1.123456789 (rate of 2026-03-10)',
  );
});

test('a rounding tie in the conversion goes to even: 1.00 GBP x 1.125 = 1.125 -> 1.12 USD; 3.00 -> 3.38', () => {
  const plan = { name: 'All', type: 'percent', rate: 100, currency: 'USD' };
  const { lines } = ledger(plan, [
    won('L-1', 'P-1', 'GBP', 100, '2026-03-02'),
    won('L-2', 'P-1', 'GBP', 300, '2026-03-02'),
  ]);
  expect(lines.map((l) => l.basisMinor)).toEqual([112, 338]);
});

test('JPY and KWD on either side', () => {
  // JPY deal on a KWD plan: 1,000,000 JPY x 0.0066 / 3.255 = 2,027.6497... -> 2,027.650 KWD; 10% = 202.765 KWD
  const kwd = { name: 'Ten KWD', type: 'percent', rate: 10, currency: 'KWD' };
  const a = ledger(kwd, [won('L-1', 'P-1', 'JPY', 1_000_000, '2026-03-02')]);
  expect([a.lines[0].basisMinor, a.lines[0].amountMinor]).toEqual([2_027_650, 202_765]);
  expect(a.lines[0].explanation).toBe(
    '10% of 2,027.650 KWD; 1,000,000 JPY converted at 0.0066/3.255 (rate of 2026-03-01)',
  );
  // KWD deal on a JPY plan: 1.000 KWD x 3.255 / 0.0066 = 493.18... -> 493 JPY; 10% = 49.3 -> 49 JPY
  const jpy = { name: 'Ten JPY', type: 'percent', rate: 10, currency: 'JPY' };
  const b = ledger(jpy, [won('L-2', 'P-2', 'KWD', 1_000, '2026-03-02')]);
  expect([b.lines[0].basisMinor, b.lines[0].amountMinor]).toEqual([493, 49]);
  // USD (the reporting currency) deal on a KWD plan: 100.00 / 3.255 = 30.7219... -> 30.722 KWD
  const c = ledger(kwd, [won('L-3', 'P-3', 'USD', 10_000, '2026-03-02')]);
  expect(c.lines[0].basisMinor).toBe(30_722);
});

test('no rate on or before the close day: not computed, with the reason; other deals still earn', () => {
  const { lines, flags } = ledger(usd10, [
    won('L-1', 'P-1', 'EUR', 100_000, '2026-02-27'),
    won('L-2', 'P-1', 'CHF', 100_000, '2026-03-05'),
    won('L-3', 'P-1', 'USD', 100_000, '2026-03-05'),
  ]);
  expect(flags).toEqual([
    {
      leadId: 'L-1',
      reason:
        "Deal L-1 is in EUR; plan 'Ten USD' counts USD: No EUR exchange rate to USD on or before 2026-02-27: add one in Settings (Rate Date, Rate Currency, Rate in USD)",
    },
    {
      leadId: 'L-2',
      reason:
        "Deal L-2 is in CHF; plan 'Ten USD' counts USD: No CHF exchange rate to USD: add one in Settings (Rate Date, Rate Currency, Rate in USD)",
    },
  ]);
  expect(lines.map((l) => l.leadId)).toEqual(['L-3']);
});

test("a graduated plan on a converted deal: each band's slice of the EXACT value, rounded once at the end", () => {
  // 333.15 SEK x 1.00005 = 333.1666575 USD -> basis 333.17 USD. Bands 0:10, 300:15:
  // 10% of 300.00 = 30.00, 15% of 33.1666575 = 4.974998625 -> 34.974998625 -> 34.97 USD
  // (the slices of the rounded 333.17 would give 30.00 + 4.9755 = 34.9755 -> 34.98)
  const plan = { name: 'Grad', type: 'tiered', currency: 'USD', mode: 'graduated', bands: '0:10; 300:15' };
  const { lines, flags } = ledger(plan, [won('L-1', 'P-1', 'SEK', 33_315, '2026-03-02')]);
  expect(flags).toEqual([]);
  expect(lines[0].basisMinor).toBe(33_317);
  expect(lines[0].amountMinor).toBe(3_497);
});

test('a percent plan on a converted deal: 10% of the exact 333.3466665 USD is 33.33, not 10% of 333.35', () => {
  const { lines } = ledger(usd10, [won('L-1', 'P-1', 'SEK', 33_333, '2026-03-02')]);
  expect([lines[0].basisMinor, lines[0].amountMinor]).toEqual([33_335, 3_333]);
});
