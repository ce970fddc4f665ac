/**
 * Synthetic, deterministic partner programs for the benchmark: a user's own Partners and Leads
 * sheets (as they would hold them before set-up), with realistic mixes of partner types, tiers,
 * plans, lead statuses, currencies and dates.
 */
import { Random } from './random';

export interface ProgramSize {
  label: string;
  partners: number;
  leads: number;
}

export const SIZES: readonly ProgramSize[] = [
  { label: '1k', partners: 100, leads: 1_000 },
  { label: '10k', partners: 300, leads: 10_000 },
  { label: '100k', partners: 500, leads: 100_000 },
];

const TYPES = ['Referral', 'Reseller', 'Affiliate', 'Technology', 'Agency'] as const;
const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'] as const;
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'] as const;
const PRODUCTS = ['Core', 'Analytics', 'Enterprise'] as const;
export const PLAN_NAMES = ['Referral 10%', 'Reseller Tiered', 'Flat 500', 'SaaS Recurring'] as const;

/** The plans the partners' Plan names point to (saved with savePlan once the tracker is set up). */
export const PLANS = [
  { name: 'Referral 10%', type: 'percent', rate: 10 },
  {
    name: 'Reseller Tiered',
    type: 'tiered',
    currency: 'USD',
    period: 'quarter',
    mode: 'graduated',
    bands: [
      { from: 0, rate: 10 },
      { from: 50000, rate: 15 },
    ],
  },
  { name: 'Flat 500', type: 'flat', amount: 500, currency: 'USD' },
  { name: 'SaaS Recurring', type: 'recurring', rate: 20, months: 12, firstMonths: 3, thenRate: 10 },
];
const STATUSES: ReadonlyArray<readonly [string, number]> = [
  ['Submitted', 15],
  ['Approved', 30],
  ['Won', 20],
  ['Lost', 15],
  ['Rejected', 8],
  ['Expired', 12],
];
const CURRENCIES: ReadonlyArray<readonly [string, number]> = [
  ['USD', 70],
  ['EUR', 20],
  ['JPY', 5],
  ['KWD', 5],
];
const WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Wonka',
  'Gringotts',
  'Oscorp',
  'Massive',
  'Dynamic',
  'Blue',
  'North',
  'Delta',
  'Apex',
];
const SUFFIXES = ['Inc', 'LLC', 'Ltd', 'GmbH', 'Corp', 'Group', 'Labs', 'Systems'];

export const PARTNER_HEADERS = [
  'Partner ID',
  'Partner Name',
  'Contact Name',
  'Contact Email',
  'Type',
  'Tier',
  'Region',
  'Product Focus',
  'Plan',
  'Status',
  'Joined On',
  'Notes',
];
export const LEAD_HEADERS = [
  'Lead ID',
  'Partner ID',
  'Partner Name',
  'Company',
  'Domain',
  'Contact Name',
  'Contact Email',
  'Product',
  'Estimated Value',
  'Currency',
  'Status',
  'Registered On',
  'Expires On',
  'Decided By',
  'Decision Note',
  'Closed On',
  'Deal Value',
  'Conflict',
  'Notes',
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function day(base: number, offsetDays: number): Date {
  return new Date(base + offsetDays * 86_400_000);
}

function amount(random: Random, currency: string): number {
  const major = random.int(1_000, 120_000);
  if (currency === 'JPY') return major * 100;
  if (currency === 'KWD') return Math.round(major * 0.3 * 1000) / 1000;
  return major;
}

export function generateProgram(size: ProgramSize, seed = 42, nowIso = '2026-03-02T09:00:00Z') {
  const random = new Random(seed);
  const now = Date.parse(nowIso);
  const partners: unknown[][] = [PARTNER_HEADERS];
  for (let i = 1; i <= size.partners; i++) {
    const name = `${random.pick(WORDS)} ${random.pick(WORDS)} Partners ${i}`;
    partners.push([
      `P-${pad(i, 4)}`,
      name,
      `Contact ${i}`,
      `contact${i}@partner${i}.example`,
      random.pick(TYPES),
      random.pick(TIERS),
      random.pick(REGIONS),
      random.pick(PRODUCTS),
      random.pick(PLAN_NAMES),
      random.weighted([
        ['Active', 90],
        ['Paused', 7],
        ['Terminated', 3],
      ] as const),
      day(now, -random.int(30, 900)),
      '',
    ]);
  }
  const leads: unknown[][] = [LEAD_HEADERS];
  for (let i = 1; i <= size.leads; i++) {
    const p = random.int(1, size.partners);
    const status = random.weighted(STATUSES);
    const currency = random.weighted(CURRENCIES);
    const ageDays = status === 'Submitted' || status === 'Approved' ? random.int(0, 85) : random.int(20, 700);
    const registered = day(now, -ageDays);
    const company = `${random.pick(WORDS)} ${random.pick(WORDS)} ${i} ${random.pick(SUFFIXES)}`;
    const won = status === 'Won' || status === 'Lost';
    leads.push([
      `L-${pad(i, 6)}`,
      `P-${pad(p, 4)}`,
      partners[p][1],
      company,
      `company${i}.example`,
      `Buyer ${i}`,
      `buyer${i}@company${i}.example`,
      random.pick(PRODUCTS),
      amount(random, currency),
      currency,
      status,
      registered,
      day(registered.getTime(), 90),
      status === 'Submitted' ? '' : 'owner@acme.test',
      '',
      // A closed deal closed in the past (a close day to come is not a Won deal yet).
      won ? day(Math.min(registered.getTime() + random.int(5, 80) * 86_400_000, now - 86_400_000), 0) : '',
      status === 'Won' ? amount(random, currency) : '',
      '',
      '',
    ]);
  }
  return { partners, leads };
}
