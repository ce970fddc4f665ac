/**
 * The dashboard's facts shared by the server and the sidebar: the periods a person can choose, the
 * lead sources, and the shape of getDashboard / getPartnerScorecard (amounts in major units of the
 * reporting currency, ratios as fractions 0..1, null where a ratio has no deals to divide by).
 */

export const PERIODS = [
  'This quarter',
  'Last quarter',
  'Year to date',
  'Trailing 12 months',
  'All time',
] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 'This quarter';

/** Leads > Source: whether the partner brought the deal or helped one the company found. */
export const LEAD_SOURCES = ['Sourced', 'Influenced'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const DEFAULT_LEAD_SOURCE: LeadSource = 'Sourced';

/** What refreshDashboard did: the period and currency it showed, rows written, a problem with row 2's cells. */
export interface RefreshResult {
  period: string;
  currency: string;
  rows: number;
  problem: string;
}

export interface DashboardOptions {
  period?: string;
}

export interface SegmentFigures {
  key: string;
  partners: number;
  leads: number;
  won: number;
  lost: number;
  winRate: number | null;
  wonValue: number;
  share: number | null;
}

export interface PartnerFigures {
  partnerId: string;
  partnerName: string;
  tier: string;
  leads: number;
  won: number;
  lost: number;
  winRate: number | null;
  wonValue: number;
  share: number | null;
  commission: number;
}

export interface HeadlineFigures {
  activePartners: number;
  registered: number;
  approved: number;
  won: number;
  lost: number;
  winRate: number | null;
  conversionRate: number | null;
  wonValue: number;
  openPipeline: number;
  openDeals: number;
  averageDealSize: number | null;
  averageDaysToClose: number | null;
  commissionEarned: number;
  commissionApproved: number;
  commissionPaid: number;
  commissionOwed: number;
  sourcedWonValue: number;
  influencedWonValue: number;
  notConverted: number;
}

export interface Dashboard {
  period: Period;
  from: string | null;
  to: string;
  currency: string;
  /** "No deals closed in this period" when none were; else ''. */
  notice: string;
  headline: HeadlineFigures;
  byPartner: PartnerFigures[];
  byTier: SegmentFigures[];
  byRegion: SegmentFigures[];
  byType: SegmentFigures[];
  byProduct: SegmentFigures[];
  leadsByStatus: Array<{ status: string; count: number }>;
  tiers: string[];
  wonByMonth: Array<{ month: string; wonValue: number; byTier: number[] }>;
  daysToClose: Array<{ bucket: string; count: number }>;
}

export interface TierProgressView {
  tier: string;
  nextTier: string | null;
  /** 0..1 toward the next tier (1 at the top tier). */
  progress: number;
  /** "12,000.00 USD of won value away from Gold", or what is true at the top. */
  missing: string;
  /** "If your 2 open approved deals close, you reach Gold", or '' when there is no next tier. */
  forecast: string;
  locked: boolean;
}

export interface PartnerScorecard {
  partnerId: string;
  partnerName: string;
  period: Period;
  from: string | null;
  to: string;
  currency: string;
  notice: string;
  rank: number | null;
  partnersRanked: number;
  figures: PartnerFigures;
  openDeals: number;
  openPipeline: number;
  tier: TierProgressView;
  trend: Array<{ month: string; wonValue: number; won: number }>;
}
