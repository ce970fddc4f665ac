/**
 * The program's metrics in ONE pass over the leads and one over the commission lines: headline
 * figures, by partner / tier / region / type / product, leads by status, won value by month (stacked
 * by tier) and days to close. Pure: the rows, the period, today and the conversion come in.
 *
 * Definitions (the README and the Dashboard's cell notes say the same):
 * - registered: leads whose Registered On is in the period; approved: those of them that passed review
 *   (Status now Approved, Won or Lost); conversion rate = those now Won / registered.
 * - won / lost: deals whose Closed On is in the period; win rate = won / (won + lost).
 * - won value: Deal Value of those won (converted on Closed On); average deal size = won value / won
 *   deals converted; average days to close = mean of Closed On - Registered On of those won.
 * - open pipeline: Estimated Value of leads Approved now (not closed), converted today.
 * - commission earned: lines Earned On in the period, not Void; approved / paid: of those, Approved /
 *   Paid; owed = earned - paid.
 */
import { LEAD_STATUS, LEAD_STATUSES, COMMISSION_STATUS } from '../../shared/statuses';
import { daysBetween } from '../dates';
import { inRange, lastTwelveMonths } from './period';
import {
  sameCurrencyOnly,
  type Counts,
  type Headline,
  type Metrics,
  type MetricsInput,
  type PartnerRow,
  type SegmentRow,
} from './types';

export const DAYS_TO_CLOSE_BUCKETS: ReadonlyArray<{ bucket: string; upTo: number }> = [
  { bucket: '0–30 days', upTo: 30 },
  { bucket: '31–60 days', upTo: 60 },
  { bucket: '61–90 days', upTo: 90 },
  { bucket: '91–180 days', upTo: 180 },
  { bucket: 'Over 180 days', upTo: Infinity },
];

/** The label of partners or leads with nothing in a segment's cell. */
export const NONE_LABEL = '(none)';

const emptyCounts = (): Counts => ({ leads: 0, won: 0, lost: 0, wonMinor: 0 });

function emptyHeadline(): Headline {
  return {
    activePartners: 0,
    registered: 0,
    approved: 0,
    won: 0,
    lost: 0,
    registeredWon: 0,
    wonMinor: 0,
    wonConverted: 0,
    openMinor: 0,
    openDeals: 0,
    daysToCloseTotal: 0,
    daysToCloseDeals: 0,
    commissionEarnedMinor: 0,
    commissionApprovedMinor: 0,
    commissionPaidMinor: 0,
    commissionOwedMinor: 0,
    sourcedMinor: 0,
    influencedMinor: 0,
    notConverted: 0,
  };
}

export function computeMetrics(input: MetricsInput): Metrics {
  const { range, today, currency } = input;
  const convert = input.toReporting ?? sameCurrencyOnly(currency);
  const h = emptyHeadline();
  const months = lastTwelveMonths(today);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const tiers = tierOrder(input);
  const tierIndex = new Map(tiers.map((t, i) => [t, i]));
  const wonByMonth = months.map(() => tiers.map(() => 0));
  const wonCountByMonth = months.map(() => 0);
  const statusCounts = new Map<string, number>();
  const buckets = DAYS_TO_CLOSE_BUCKETS.map(() => 0);

  const partnerRows = new Map<string, PartnerRow>();
  const segments = {
    tier: new Map<string, SegmentRow>(),
    region: new Map<string, SegmentRow>(),
    type: new Map<string, SegmentRow>(),
    product: new Map<string, SegmentRow>(),
  };
  const partnerOf = new Map<string, { tier: string; region: string; type: string }>();
  for (const p of input.partners) {
    if (partnerRows.has(p.id)) continue;
    if (p.active) h.activePartners++;
    partnerRows.set(p.id, {
      partnerId: p.id,
      partnerName: p.name,
      tier: p.tier,
      ...emptyCounts(),
      commissionMinor: 0,
      openDeals: 0,
      openMinor: 0,
    });
    const keys = { tier: p.tier || NONE_LABEL, region: p.region || NONE_LABEL, type: p.type || NONE_LABEL };
    partnerOf.set(p.id, keys);
    segment(segments.tier, keys.tier).partners++;
    segment(segments.region, keys.region).partners++;
    segment(segments.type, keys.type).partners++;
    const focus = segment(segments.product, p.productFocus || NONE_LABEL);
    focus.partners++;
  }
  const unknownPartner = { tier: NONE_LABEL, region: NONE_LABEL, type: NONE_LABEL };

  for (const lead of input.leads) {
    const keys = partnerOf.get(lead.partnerId) ?? unknownPartner;
    const partner = partnerRows.get(lead.partnerId);
    const rows: Counts[] = [
      segment(segments.tier, keys.tier),
      segment(segments.region, keys.region),
      segment(segments.type, keys.type),
      segment(segments.product, lead.product || NONE_LABEL),
    ];
    if (partner) rows.push(partner);
    const status = lead.status;

    if (inRange(lead.registeredOn, range)) {
      h.registered++;
      statusCounts.set(status || NONE_LABEL, (statusCounts.get(status || NONE_LABEL) ?? 0) + 1);
      if (status === LEAD_STATUS.Approved || status === LEAD_STATUS.Won || status === LEAD_STATUS.Lost)
        h.approved++;
      if (status === LEAD_STATUS.Won) h.registeredWon++;
      for (const row of rows) row.leads++;
    }

    if (status === LEAD_STATUS.Approved) {
      const value = lead.estimatedMinor === null ? null : convert(lead.estimatedMinor, lead.currency, today);
      if (lead.estimatedMinor !== null && value === null) h.notConverted++;
      h.openDeals++;
      h.openMinor += value ?? 0;
      if (partner) {
        partner.openDeals++;
        partner.openMinor += value ?? 0;
      }
      continue;
    }

    if (status === LEAD_STATUS.Won) {
      const value = lead.dealMinor === null ? 0 : convert(lead.dealMinor, lead.currency, lead.closedOn);
      const month = monthIndex.get(lead.closedOn.slice(0, 7));
      if (month !== undefined && value !== null) {
        wonByMonth[month][tierIndex.get(keys.tier) ?? tiers.length - 1] += value;
        wonCountByMonth[month]++;
      }
      if (!inRange(lead.closedOn, range)) continue;
      h.won++;
      if (value === null) h.notConverted++;
      else {
        h.wonConverted++;
        h.wonMinor += value;
        if (lead.source === 'Influenced') h.influencedMinor += value;
        else h.sourcedMinor += value;
      }
      for (const row of rows) {
        row.won++;
        row.wonMinor += value ?? 0;
      }
      if (lead.registeredOn !== '' && lead.closedOn >= lead.registeredOn) {
        const days = daysBetween(lead.registeredOn, lead.closedOn);
        h.daysToCloseTotal += days;
        h.daysToCloseDeals++;
        buckets[DAYS_TO_CLOSE_BUCKETS.findIndex((b) => days <= b.upTo)]++;
      }
    } else if (status === LEAD_STATUS.Lost && inRange(lead.closedOn, range)) {
      h.lost++;
      for (const row of rows) row.lost++;
    }
  }

  for (const line of input.lines) {
    if (line.status === COMMISSION_STATUS.Void || !inRange(line.earnedOn, range)) continue;
    const value = convert(line.amountMinor, line.currency, line.earnedOn);
    if (value === null) {
      h.notConverted++;
      continue;
    }
    h.commissionEarnedMinor += value;
    if (line.status === COMMISSION_STATUS.Approved) h.commissionApprovedMinor += value;
    if (line.status === COMMISSION_STATUS.Paid) h.commissionPaidMinor += value;
    const partner = partnerRows.get(line.partnerId);
    if (partner) partner.commissionMinor += value;
  }
  h.commissionOwedMinor = h.commissionEarnedMinor - h.commissionPaidMinor;

  const statusOrder: string[] = [...LEAD_STATUSES, NONE_LABEL];
  return {
    range,
    currency,
    headline: h,
    byPartner: [...partnerRows.values()].sort(byWonValue),
    // Every tier of the order, held or not: a promotion moves partners between rows, never adds one.
    byTier: tiers.map((t) => segments.tier.get(t) ?? { key: t, partners: 0, ...emptyCounts() }),
    byRegion: ordered(segments.region),
    byType: ordered(segments.type),
    byProduct: ordered(segments.product),
    leadsByStatus: statusOrder
      .filter((s) => s !== NONE_LABEL || statusCounts.has(s))
      .map((s) => ({ status: s, count: statusCounts.get(s) ?? 0 })),
    tiers,
    months,
    wonByMonth,
    wonCountByMonth,
    daysToClose: DAYS_TO_CLOSE_BUCKETS.map((b, i) => ({ bucket: b.bucket, count: buckets[i] })),
  };
}

function segment(map: Map<string, SegmentRow>, key: string): SegmentRow {
  let row = map.get(key);
  if (!row) {
    row = { key, partners: 0, ...emptyCounts() };
    map.set(key, row);
  }
  return row;
}

/** The Settings tiers, then any other tier a partner holds, then '(none)'. */
function tierOrder(input: MetricsInput): string[] {
  const tiers = [...(input.tiers ?? [])];
  for (const p of input.partners) if (p.tier && !tiers.includes(p.tier)) tiers.push(p.tier);
  tiers.push(NONE_LABEL);
  return tiers;
}

function byWonValue(a: PartnerRow, b: PartnerRow): number {
  return b.wonMinor - a.wonMinor || b.won - a.won || (a.partnerId < b.partnerId ? -1 : 1);
}

/** Rows in `order` first (those with anything in them), then the others by won value. */
function ordered(map: Map<string, SegmentRow>, order: readonly string[] = []): SegmentRow[] {
  const known = order.map((k) => map.get(k)).filter((r): r is SegmentRow => r !== undefined);
  const rest = [...map.values()]
    .filter((r) => !order.includes(r.key))
    .sort((a, b) => b.wonMinor - a.wonMinor || (a.key < b.key ? -1 : 1));
  return [...known, ...rest];
}
