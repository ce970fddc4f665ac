/**
 * Tiered plans. The partner's won value in the period (plan currency, deals ordered by closedOn then
 * leadId) decides the rate:
 * - graduated: each band's slice of this deal at that band's rate, like tax brackets, summed and
 *   rounded once ("graduated: 10% of 50,000.00 + 15% of 10,000.00 USD, Q1 2026");
 * - whole: the whole deal at the rate of the band the cumulative value reaches with this deal
 *   (a band's `from` is inclusive) ("15% of 12,000.00 USD, Gold band 2, Q1 2026").
 */
import { applyRatesExact, formatAmount, formatMoney, formatRate, parseRate, toMinor } from '../money';
import { keys } from './keys';
import { applyCap, exactValue, type DealContext, type EarnedLine } from './earned-line';
import { COMMISSION_KIND } from '../../shared/statuses';

interface Band {
  readonly fromMinor: number;
  readonly rateUnits: number;
}

export function tieredLines(context: DealContext): EarnedLine[] {
  const { plan, deal, cumulativeBeforeMinor: before, period } = context;
  if (plan.type !== 'tiered') return [];
  const bands: Band[] = plan.bands.map((b) => ({
    fromMinor: toMinor(b.from, plan.currency),
    rateUnits: parseRate(b.rate),
  }));
  const after = before + deal.dealValueMinor;
  // rates apply to the exact value (a converted deal's, before rounding): n/d minor units
  const { numerator: n, denominator: d } = exactValue(deal);
  const scaled = (minor: number) => BigInt(minor) * d;
  let raw: number;
  let how: string;
  if (plan.mode === 'whole') {
    const index = bands.reduce((found, band, i) => (band.fromMinor <= after ? i : found), 0);
    raw = applyRatesExact([{ numerator: n, rateUnits: bands[index].rateUnits }], d);
    how = `${formatRate(bands[index].rateUnits)} of ${formatMoney(deal.dealValueMinor, deal.currency)}, ${plan.name} band ${index + 1}`;
  } else {
    const low = scaled(before);
    const high = low + n;
    const max = (a: bigint, b: bigint) => (a > b ? a : b);
    const min = (a: bigint, b: bigint) => (a < b ? a : b);
    const slices = bands
      .map((band, i) => {
        const next = i + 1 < bands.length ? bands[i + 1].fromMinor : null;
        const to = next === null ? high : scaled(next);
        const exact = max(0n, min(high, to) - max(low, scaled(band.fromMinor)));
        const minor = Math.max(0, Math.min(after, next ?? after) - Math.max(before, band.fromMinor));
        return { exact, minor, rateUnits: band.rateUnits };
      })
      .filter((slice) => slice.exact > 0n);
    raw = applyRatesExact(
      slices.map((s) => ({ numerator: s.exact, rateUnits: s.rateUnits })),
      d,
    );
    const parts = slices.map((s) => `${formatRate(s.rateUnits)} of ${formatAmount(s.minor, deal.currency)}`);
    how = `graduated: ${parts.join(' + ')} ${deal.currency}`;
  }
  const { amountMinor, note } = applyCap(plan, raw, deal.currency);
  return [
    {
      key: keys.commission(deal.leadId),
      kind: COMMISSION_KIND.Commission,
      currency: deal.currency,
      amountMinor,
      basisMinor: deal.dealValueMinor,
      earnedOn: deal.closedOn,
      explanation: `${how}, ${period.label}${note}`,
    },
  ];
}
