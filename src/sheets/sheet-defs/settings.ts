import type { ListKey, SheetDef } from '../schema-types';
import { col } from './column';
import { DEFAULT_CURRENCY } from '../../shared/currencies';

/**
 * Settings holds two things side by side: key/value rows (Setting, Value, About) and the editable
 * lists behind the dropdowns, one column each, each behind a named range.
 */
export const SETTINGS: SheetDef = {
  key: 'settings',
  name: 'Settings',
  identifying: 'setting',
  protection: 'warning',
  tracked: true,
  banded: false,
  rowRecordColumns: ['setting', 'value', 'about'],
  columns: [
    col('setting', 'Setting', 'The setting’s name: do not rename.', { width: 210 }),
    col('value', 'Value', 'Its value.', { width: 120, format: 'auto' }),
    col('about', 'About', 'What it does.', { width: 360 }),
    col('types', 'Types', 'Partner types offered in Partners > Type.', { width: 120 }),
    col('tiers', 'Tiers', 'Tiers offered in Partners > Tier.', { width: 110 }),
    col('regions', 'Regions', 'Regions offered in Partners > Region.', { width: 150 }),
    col('products', 'Products', 'Products offered in Partners > Product Focus and Leads > Product.', {
      width: 140,
    }),
    col('currencies', 'Currencies', 'ISO currency codes offered in Leads > Currency.', { width: 100 }),
    col(
      'houseAccounts',
      'House Accounts',
      'Company domains the company sells to directly: leads for them are flagged.',
      {
        width: 160,
      },
    ),
    col(
      'team',
      'Team',
      'Emails of the people who work the tracker (register, review, close, approve, pay). The owner is always on it; only the owner edits this list.',
      { width: 200, ownerOnly: true },
    ),
    col(
      'rateDate',
      'Rate Date',
      'Exchange rates: the day a rate holds from (until a later row of its currency).',
      {
        width: 110,
        format: 'date',
        money: true,
      },
    ),
    col('rateCurrency', 'Rate Currency', 'Exchange rates: the currency priced (ISO code).', {
      width: 110,
      money: true,
    }),
    col(
      'rate',
      'Rate',
      'Exchange rates: units of the Reporting Currency per 1 unit of Rate Currency (1.0845).',
      {
        width: 110,
        format: 'plainText',
        money: true,
      },
    ),
    col(
      'tierRules',
      'Tier Rules',
      'One line per tier: Tier | won value | months | won deals | all or any (e.g. Gold | 100000 | 12 | 5 | all): won value (reporting currency) and/or won deals over the trailing months; all = both, any = either. A tier with no thresholds is where every partner starts. Used by automatic tiering and the scorecards.',
      { width: 260 },
    ),
  ],
};

export interface SettingDef {
  key: string;
  label: string;
  value: string | number | boolean;
  about: string;
  /** What the ledger is computed from: its Value cell is protected for the owner and the Team. */
  money?: boolean;
}

/** The key/value settings, in row order, with their defaults. */
export const SETTING_DEFS: readonly SettingDef[] = [
  {
    key: 'defaultCurrency',
    label: 'Default Currency',
    value: DEFAULT_CURRENCY,
    about: 'Currency of new leads and plans.',
  },
  {
    key: 'protectionWindowDays',
    label: 'Protection Window Days',
    value: 90,
    about: 'Days an approved registration protects the partner’s lead.',
  },
  {
    key: 'extensionDays',
    label: 'Extension Days',
    value: 30,
    about: 'Days one extension adds to the window.',
  },
  { key: 'maximumExtensions', label: 'Maximum Extensions', value: 1, about: 'Extensions allowed per lead.' },
  {
    key: 'holdDays',
    label: 'Hold Days',
    value: 30,
    about: 'Days before a commission becomes eligible for payout.',
    money: true,
  },
  {
    key: 'minimumPayout',
    label: 'Minimum Payout',
    value: 50,
    about: 'Smallest payout created, in its currency.',
    money: true,
  },
  {
    key: 'notificationsOn',
    label: 'Notifications On',
    value: true,
    about: 'Email partners about their leads.',
  },
  {
    key: 'staleSubmissionDays',
    label: 'Stale Submission Days',
    value: 7,
    about: 'Submitted leads older than this are highlighted.',
  },
  {
    key: 'expiryWarningDays',
    label: 'Expiry Warning Days',
    value: 14,
    about: 'Leads expiring within this are highlighted.',
  },
  {
    key: 'auditRowLimit',
    label: 'Audit Row Limit',
    value: 100000,
    about: 'When the Audit Log passes this many rows, the oldest move to an archive spreadsheet.',
  },
  {
    key: 'payoutApproval',
    label: 'Payout Approval',
    value: 'automatic',
    about:
      'a second person: whoever approves a payout must not be who created it. anyone on the Team: any Team member may. automatic: a second person when the Team has two or more people.',
    money: true,
  },
  {
    key: 'reportingCurrency',
    label: 'Reporting Currency',
    value: DEFAULT_CURRENCY,
    about:
      'The currency exchange rates (Rate Date, Rate Currency, Rate) are quoted in: a deal in another currency than its plan is converted at the latest rate on or before its close date.',
    money: true,
  },
  {
    key: 'automaticTiering',
    label: 'Automatic Tiering',
    value: false,
    about:
      'TRUE: the daily run sets each partner’s Tier by Settings > Tier Rules (promotes at once, demotes only at a review after the grace days); Partners > Tier Locked keeps a tier as typed.',
  },
  {
    key: 'tierReview',
    label: 'Tier Review',
    value: 'Quarterly',
    about: 'When lower tiers are given: Monthly, Quarterly or Yearly (the first daily run of each).',
  },
  {
    key: 'tierGraceDays',
    label: 'Tier Grace Days',
    value: 30,
    about: 'A partner is moved down only when below its tier’s rule today and this many days before.',
  },
];

/** The lists, their Settings column and named range, and their starting entries. */
export const LIST_DEFS: ReadonlyArray<{ key: ListKey; rangeName: string; defaults: readonly string[] }> = [
  {
    key: 'types',
    rangeName: 'TrackerTypes',
    defaults: ['Referral', 'Reseller', 'Affiliate', 'Technology', 'Agency'],
  },
  { key: 'tiers', rangeName: 'TrackerTiers', defaults: ['Registered', 'Silver', 'Gold', 'Platinum'] },
  {
    key: 'regions',
    rangeName: 'TrackerRegions',
    defaults: ['North America', 'Latin America', 'Europe', 'Middle East & Africa', 'Asia Pacific'],
  },
  { key: 'products', rangeName: 'TrackerProducts', defaults: ['Core', 'Analytics', 'Enterprise'] },
  { key: 'currencies', rangeName: 'TrackerCurrencies', defaults: ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'] },
  { key: 'houseAccounts', rangeName: 'TrackerHouseAccounts', defaults: [] },
  // Seeded by set-up with the owner (see fillSettings).
  { key: 'team', rangeName: 'TrackerTeam', defaults: [] },
  {
    key: 'tierRules',
    rangeName: 'TrackerTierRules',
    defaults: [
      'Registered',
      'Silver | 25000 | 12 | 2 | any',
      'Gold | 100000 | 12 | 5 | all',
      'Platinum | 500000 | 12 | 10 | all',
    ],
  },
];

/** Named ranges behind the reference dropdowns. */
export const REF_RANGES = { partnerIds: 'TrackerPartnerIds', planNames: 'TrackerPlanNames' } as const;

/** Rows each list's named range spans (entries beyond it are not offered in dropdowns). */
export const LIST_CAPACITY = 500;
