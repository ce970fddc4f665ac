/**
 * The metrics as a person reads them (and getDashboard returns them): amounts in major units of the
 * reporting currency, ratios as fractions, null where there is nothing to divide by, and the notice
 * "No deals closed in this period" when none were. Never a division by zero.
 */
import type { Dashboard, PartnerFigures, SegmentFigures } from '../../shared/dashboard';
import { divideHalfEven, toMajor } from '../money';
import type { Counts, Metrics, PartnerRow, SegmentRow } from './types';

export const metricsMessages = {
  noDeals: 'No deals closed in this period',
  unknownPartner: (id: string) => `Partner ID '${id}' is not a partner of this tracker.`,
} as const;

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

export function winRate(c: Pick<Counts, 'won' | 'lost'>): number | null {
  return ratio(c.won, c.won + c.lost);
}

/** An integer minor-unit mean (half-to-even), or null of nothing. */
export function meanMinor(totalMinor: number, count: number): number | null {
  return count === 0 ? null : Number(divideHalfEven(BigInt(totalMinor), BigInt(count)));
}

export function dashboardView(m: Metrics): Dashboard {
  const h = m.headline;
  const major = (minor: number) => toMajor(minor, m.currency);
  const total = h.wonMinor;
  const segmentView = (r: SegmentRow): SegmentFigures => ({
    key: r.key,
    partners: r.partners,
    leads: r.leads,
    won: r.won,
    lost: r.lost,
    winRate: winRate(r),
    wonValue: major(r.wonMinor),
    share: ratio(r.wonMinor, total),
  });
  const average = meanMinor(h.wonMinor, h.wonConverted);
  return {
    period: m.range.period,
    from: m.range.from,
    to: m.range.to,
    currency: m.currency,
    notice: h.won + h.lost === 0 ? metricsMessages.noDeals : '',
    headline: {
      activePartners: h.activePartners,
      registered: h.registered,
      approved: h.approved,
      won: h.won,
      lost: h.lost,
      winRate: winRate(h),
      conversionRate: ratio(h.registeredWon, h.registered),
      wonValue: major(h.wonMinor),
      openPipeline: major(h.openMinor),
      openDeals: h.openDeals,
      averageDealSize: average === null ? null : major(average),
      averageDaysToClose:
        h.daysToCloseDeals === 0 ? null : Math.round((h.daysToCloseTotal / h.daysToCloseDeals) * 10) / 10,
      commissionEarned: major(h.commissionEarnedMinor),
      commissionApproved: major(h.commissionApprovedMinor),
      commissionPaid: major(h.commissionPaidMinor),
      commissionOwed: major(h.commissionOwedMinor),
      sourcedWonValue: major(h.sourcedMinor),
      influencedWonValue: major(h.influencedMinor),
      notConverted: h.notConverted,
    },
    byPartner: m.byPartner.map((r) => partnerFigures(r, total, m.currency)),
    byTier: m.byTier.map(segmentView),
    byRegion: m.byRegion.map(segmentView),
    byType: m.byType.map(segmentView),
    byProduct: m.byProduct.map(segmentView),
    leadsByStatus: m.leadsByStatus,
    tiers: m.tiers,
    wonByMonth: m.months.map((month, i) => ({
      month,
      wonValue: major(m.wonByMonth[i].reduce((a, b) => a + b, 0)),
      byTier: m.wonByMonth[i].map(major),
    })),
    daysToClose: m.daysToClose,
  };
}

export function partnerFigures(r: PartnerRow, programWonMinor: number, currency: string): PartnerFigures {
  return {
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    tier: r.tier,
    leads: r.leads,
    won: r.won,
    lost: r.lost,
    winRate: winRate(r),
    wonValue: toMajor(r.wonMinor, currency),
    share: ratio(r.wonMinor, programWonMinor),
    commission: toMajor(r.commissionMinor, currency),
  };
}
