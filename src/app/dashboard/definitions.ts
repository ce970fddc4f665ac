/**
 * Every figure the Dashboard shows, with its definition: the note on its cell and the README say
 * the same. One place for the labels and the definitions.
 */
import type { HeadlineFigures } from '../../shared/dashboard';

export type FigureKind = 'count' | 'money' | 'percent' | 'days';

export interface FigureDef {
  key: keyof HeadlineFigures;
  label: string;
  kind: FigureKind;
  definition: string;
}

export const HEADLINE_FIGURES: readonly FigureDef[] = [
  {
    key: 'activePartners',
    label: 'Active partners',
    kind: 'count',
    definition: 'Partners whose Status is Active (a blank Status reads Active), today.',
  },
  {
    key: 'registered',
    label: 'Leads registered',
    kind: 'count',
    definition: 'Leads whose Registered On is in the period.',
  },
  {
    key: 'approved',
    label: 'Leads approved',
    kind: 'count',
    definition: 'Leads registered in the period that passed review: Status now Approved, Won or Lost.',
  },
  {
    key: 'won',
    label: 'Deals won',
    kind: 'count',
    definition: 'Leads with Status Won whose Closed On is in the period.',
  },
  {
    key: 'lost',
    label: 'Deals lost',
    kind: 'count',
    definition: 'Leads with Status Lost whose Closed On is in the period.',
  },
  {
    key: 'winRate',
    label: 'Win rate',
    kind: 'percent',
    definition:
      'Won / (Won + Lost) of the deals closed in the period; — when none closed (the notice says No deals closed in this period).',
  },
  {
    key: 'conversionRate',
    label: 'Conversion rate',
    kind: 'percent',
    definition:
      'Of the leads registered in the period, those now Won / all of them; — when none were registered.',
  },
  {
    key: 'wonValue',
    label: 'Won value',
    kind: 'money',
    definition:
      'Sum of Deal Value of the deals won in the period, converted to the reporting currency on their Closed On.',
  },
  {
    key: 'openPipeline',
    label: 'Open pipeline',
    kind: 'money',
    definition: 'Sum of Estimated Value of the leads Approved now (not closed yet), converted today.',
  },
  {
    key: 'openDeals',
    label: 'Open deals',
    kind: 'count',
    definition: 'Leads Approved now (not closed yet).',
  },
  {
    key: 'averageDealSize',
    label: 'Average deal size',
    kind: 'money',
    definition: 'Won value / deals won in the period (those converted); — when none was won.',
  },
  {
    key: 'averageDaysToClose',
    label: 'Average days to close',
    kind: 'days',
    definition: 'Mean of Closed On - Registered On, in days, of the deals won in the period.',
  },
  {
    key: 'commissionEarned',
    label: 'Commission earned',
    kind: 'money',
    definition: 'Commission lines Earned On in the period that are not Void (clawbacks subtract).',
  },
  {
    key: 'commissionApproved',
    label: 'Commission approved',
    kind: 'money',
    definition: 'Of the commission earned in the period: lines with Status Approved (not paid yet).',
  },
  {
    key: 'commissionPaid',
    label: 'Commission paid',
    kind: 'money',
    definition: 'Of the commission earned in the period: lines with Status Paid.',
  },
  {
    key: 'commissionOwed',
    label: 'Commission owed',
    kind: 'money',
    definition:
      'Commission earned in the period minus commission paid: Pending, Eligible and Approved lines.',
  },
  {
    key: 'sourcedWonValue',
    label: 'Won value, partner-sourced',
    kind: 'money',
    definition:
      'Won value of the deals whose Leads > Source is Sourced (the partner brought the deal; blank reads Sourced).',
  },
  {
    key: 'influencedWonValue',
    label: 'Won value, partner-influenced',
    kind: 'money',
    definition:
      'Won value of the deals whose Leads > Source is Influenced (the partner helped a deal the company found).',
  },
  {
    key: 'notConverted',
    label: 'Not converted',
    kind: 'count',
    definition:
      'Deals and commission lines in another currency that could not be converted to the reporting currency: not in the sums above.',
  },
];

export const TABLE_DEFINITIONS = {
  byPartner:
    'Per partner: leads registered in the period, deals won and lost in it, win rate, won value, its share of the program’s won value, commission earned, current tier. Highest won value first.',
  segment:
    'Partners in the segment today; leads registered, deals won and lost in the period; win rate; won value and its share of the program’s. Tier, region and type are the partner’s; product is the lead’s.',
  leadsByStatus: 'Leads registered in the period, by their Status now.',
  wonByMonth:
    'Won value by the month of Closed On, over the last 12 months (whatever the period), by the partner’s tier.',
  daysToClose: 'Deals won in the period by the days from Registered On to Closed On.',
  period:
    'This quarter, Last quarter, Year to date, Trailing 12 months or All time: change it and the dashboard is refreshed.',
  currency:
    'The currency every amount is shown in: amounts in other currencies are converted, or counted under Not converted.',
} as const;
