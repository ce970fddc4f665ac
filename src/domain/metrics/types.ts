/** What the program metrics are computed from and what they are (integer minor units of the reporting currency). */
import type { LeadSource } from '../../shared/dashboard';
import type { CommissionStatus, LeadStatus } from '../../shared/statuses';
import type { PeriodRange } from './period';

export interface MetricsPartner {
  id: string;
  name: string;
  /** Active partners are counted as active; '' (unreadable status) is not. */
  active: boolean;
  tier: string;
  region: string;
  type: string;
  productFocus: string;
}

export interface MetricsLead {
  partnerId: string;
  product: string;
  status: LeadStatus | '';
  registeredOn: string;
  closedOn: string;
  currency: string;
  estimatedMinor: number | null;
  dealMinor: number | null;
  source: LeadSource;
}

export interface MetricsLine {
  partnerId: string;
  currency: string;
  amountMinor: number;
  status: CommissionStatus | '';
  earnedOn: string;
}

/**
 * An amount of `currency` on `isoDate` in the reporting currency's minor units, or null when it
 * cannot be converted (no rate): such deals are counted as "not converted", never summed.
 */
export type ToReporting = (amountMinor: number, currency: string, isoDate: string) => number | null;

/** Same currency passes; any other is not converted (until exchange rates are wired in). */
export function sameCurrencyOnly(reporting: string): ToReporting {
  return (amountMinor, currency) => (currency === reporting ? amountMinor : null);
}

export interface MetricsInput {
  partners: readonly MetricsPartner[];
  leads: readonly MetricsLead[];
  lines: readonly MetricsLine[];
  range: PeriodRange;
  today: string;
  /** The reporting currency. */
  currency: string;
  toReporting?: ToReporting;
  /** The tiers in their Settings order (lowest first): the order of by-tier rows and stacks. */
  tiers?: readonly string[];
}

export interface Counts {
  leads: number;
  won: number;
  lost: number;
  wonMinor: number;
}

export interface SegmentRow extends Counts {
  key: string;
  partners: number;
}

export interface PartnerRow extends Counts {
  partnerId: string;
  partnerName: string;
  tier: string;
  commissionMinor: number;
  openDeals: number;
  openMinor: number;
}

export interface Headline {
  activePartners: number;
  registered: number;
  approved: number;
  won: number;
  lost: number;
  /** Won among the leads registered in the period (the numerator of the conversion rate). */
  registeredWon: number;
  wonMinor: number;
  /** Won deals whose value was converted (the divisor of the average deal size). */
  wonConverted: number;
  openMinor: number;
  openDeals: number;
  daysToCloseTotal: number;
  daysToCloseDeals: number;
  commissionEarnedMinor: number;
  commissionApprovedMinor: number;
  commissionPaidMinor: number;
  commissionOwedMinor: number;
  sourcedMinor: number;
  influencedMinor: number;
  notConverted: number;
}

export interface Metrics {
  range: PeriodRange;
  currency: string;
  headline: Headline;
  /** Every partner, by won value (highest first), then id. */
  byPartner: PartnerRow[];
  byTier: SegmentRow[];
  byRegion: SegmentRow[];
  byType: SegmentRow[];
  byProduct: SegmentRow[];
  leadsByStatus: Array<{ status: string; count: number }>;
  tiers: string[];
  months: string[];
  /** wonByMonth[m][t]: won value of month m closed by partners of tier t (tiers order; '' last). */
  wonByMonth: number[][];
  wonCountByMonth: number[];
  daysToClose: Array<{ bucket: string; count: number }>;
}
