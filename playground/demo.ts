/**
 * "Load demo data": a realistic partner program built through the add-on's own functions
 * (setupTracker, savePlan, savePartner, registerLead, reviewLead, closeLead, runCommissions), with
 * two Team members, exchange rates (EUR and GBP deals converted to USD plans), a plan with two
 * versions (Standard Referral: 10%, then 12% from 2026-01-01) and a payout created by the owner and
 * approved by the second person,
 * the clock moving day by day so leads spread over months and the daily trigger runs. Seeded, so
 * the same demo every time. Functions the bundle does not have yet are skipped with a note.
 */
import type { LeadInput, PartnerInput, PlanInput } from '../src/shared/api';
import { OWNER, TEAMMATE, type Session } from './session';
import { COMMISSION_STATUS } from '../src/shared/statuses';
import { LANDING_SHEET } from '../src/app/setup/landing';
import { sheetDef } from '../src/sheets/schema';

export const DEMO_START = '2025-09-01T09:00:00Z';
const DAYS = 182;
const PARTNER_COUNT = 36;

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTNER_STEMS = [
  'Northwind',
  'Bluebird',
  'Summit',
  'Harbor',
  'Cedar',
  'Atlas',
  'Brightline',
  'Keystone',
  'Meridian',
  'Oakridge',
  'Pinnacle',
  'Redwood',
  'Silverline',
  'Tidewater',
  'Vantage',
  'Willow',
  'Granite',
  'Lumen',
];
const PARTNER_SUFFIXES = ['Partners', 'Consulting', 'Digital', 'Solutions', 'Advisory', 'Labs'];
const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
];
const LAST = [
  'Alvarez',
  'Brown',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Müller',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Weber',
];
const TYPES = ['Referral', 'Reseller', 'Affiliate', 'Technology', 'Agency'];
const TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
const REGIONS = ['North America', 'Latin America', 'Europe', 'Middle East & Africa', 'Asia Pacific'];
const PRODUCTS = ['Core', 'Analytics', 'Enterprise'];
const COMPANY_A = [
  'Blue',
  'Red',
  'Green',
  'Quantum',
  'Rapid',
  'Bright',
  'Prime',
  'Nova',
  'Apex',
  'Delta',
  'Lunar',
  'Solar',
  'Iron',
  'Silver',
  'Golden',
  'Crystal',
  'Urban',
  'Coastal',
  'Alpine',
  'Metro',
];
const COMPANY_B = [
  'Logistics',
  'Foods',
  'Health',
  'Robotics',
  'Media',
  'Energy',
  'Retail',
  'Finance',
  'Systems',
  'Motors',
  'Textiles',
  'Pharma',
  'Analytics',
  'Networks',
  'Freight',
];
const LEGAL = ['Inc', 'LLC', 'Ltd', 'GmbH', 'Corp', ''];

const PLANS: PlanInput[] = [
  { name: 'Standard Referral', type: 'percent', rate: 10, currency: 'USD' },
  { name: 'Reseller Flat', type: 'flat', amount: 500, currency: 'USD' },
  {
    name: 'Gold Tiered',
    type: 'tiered',
    currency: 'USD',
    mode: 'graduated',
    period: 'quarter',
    bands: [
      { from: 0, rate: 10 },
      { from: 50000, rate: 15 },
    ],
  },
];

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

interface PlannedLead {
  input: LeadInput;
  day: number;
  reviewDay: number;
  approve: boolean;
  closeDay: number;
  outcome: 'won' | 'lost' | 'open';
}

export interface DemoOutcome {
  notes: string[];
  partners: number;
  leads: number;
  failed: number;
}

/** Lets the server's other work run (its requests, a test's browser driver) between simulated days. */
function yieldToServer(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Loads the demo program; it takes 20-30 s of CPU (182 simulated days), so it yields once a day
 * rather than holding the server's event loop for all of it.
 */
export async function loadDemo(session: Session): Promise<DemoOutcome> {
  const random = rng(20260302);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  session.reset(DEMO_START);
  const emu = session.emu;
  const notes: string[] = [];
  const skipped = new Set<string>();
  let failed = 0;
  const errors: string[] = [];

  function call(as: string, fn: string, ...args: unknown[]): unknown {
    if (!emu.has(fn)) {
      if (!skipped.has(fn)) notes.push(`skipped ${fn}: not in the bundle yet`);
      skipped.add(fn);
      return undefined;
    }
    const out = session.apply({ as, call: fn, args }, { persist: false });
    if (!out.ok) {
      failed++;
      if (errors.length < 5) errors.push(`${fn}: ${out.error}`);
      return undefined;
    }
    return out.result;
  }

  call(OWNER, 'setupTracker');
  session.addToTeam(TEAMMATE);
  const planIds = PLANS.map((plan) => (call(OWNER, 'savePlan', plan) as { id: string } | undefined)?.id);
  // Exchange rates to the reporting currency (USD): EUR and GBP deals on USD plans are converted at
  // the latest rate on or before their close day, the rate named in the line's Explanation.
  call(OWNER, 'saveExchangeRates', [
    { date: '2025-09-01', currency: 'EUR', rate: '1.0842' },
    { date: '2025-09-01', currency: 'GBP', rate: '1.2691' },
    { date: '2025-12-01', currency: 'EUR', rate: '1.1573' },
    { date: '2025-12-01', currency: 'GBP', rate: '1.3318' },
  ]);

  const startMs = Date.parse(DEMO_START);
  const partners: Array<{ id: string; active: boolean }> = [];
  const names = new Set<string>();
  while (partners.length < PARTNER_COUNT) {
    const partnerName = `${pick(PARTNER_STEMS)} ${pick(PARTNER_SUFFIXES)}`;
    if (names.has(partnerName)) continue;
    names.add(partnerName);
    const first = pick(FIRST);
    const last = pick(LAST);
    const type = pick(TYPES);
    const status = random() < 0.1 ? 'Paused' : 'Active';
    const input: PartnerInput = {
      partnerName,
      contactName: `${first} ${last}`,
      contactEmail: `${slug(first)}.${slug(last)}@${slug(partnerName)}.example`,
      type,
      tier: pick(TIERS),
      region: pick(REGIONS),
      productFocus: random() < 0.4 ? `${PRODUCTS[0]}, ${pick(PRODUCTS.slice(1))}` : pick(PRODUCTS),
      plan: type === 'Reseller' ? 'Reseller Flat' : random() < 0.3 ? 'Gold Tiered' : 'Standard Referral',
      status,
      joinedOn: isoDay(startMs - Math.floor(random() * 700) * 86_400_000),
    };
    const saved = call(OWNER, 'savePartner', input) as { id: string } | undefined;
    partners.push({
      id: saved?.id ?? `P-${String(partners.length + 1).padStart(4, '0')}`,
      active: status === 'Active',
    });
  }
  const active = partners.filter((p) => p.active);

  const planned: PlannedLead[] = [];
  const companies: Array<{ company: string; domain: string }> = [];
  const registrants = new Map<string, Set<string>>();
  for (let day = 0; day < DAYS; day++) {
    const weekday = new Date(startMs + day * 86_400_000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      let target: { company: string; domain: string };
      if (companies.length > 10 && random() < 0.08) {
        target = pick(companies); // another partner's prospect: a conflict
      } else {
        const base = `${pick(COMPANY_A)} ${pick(COMPANY_B)}`;
        const legal = pick(LEGAL);
        target = { company: legal ? `${base} ${legal}` : base, domain: `${slug(base)}.com` };
        companies.push(target);
      }
      const first = pick(FIRST);
      const last = pick(LAST);
      const currency = random() < 0.8 ? 'USD' : pick(['EUR', 'GBP']);
      const approve = random() < 0.82;
      const roll = random();
      // One partner registers a company once: another registration of it is another partner's.
      const taken = registrants.get(target.domain) ?? new Set<string>();
      let partner = pick(active);
      for (let k = 0; taken.has(partner.id) && k < active.length; k++) {
        partner = active[(active.indexOf(partner) + 1) % active.length];
      }
      taken.add(partner.id);
      registrants.set(target.domain, taken);
      planned.push({
        input: {
          partnerId: partner.id,
          company: target.company,
          domain: target.domain,
          contactName: `${first} ${last}`,
          contactEmail: `${slug(first)}@${target.domain}`,
          product: pick(PRODUCTS),
          estimatedValue: Math.round((5_000 + random() * 245_000) / 100) * 100,
          currency,
          notes: random() < 0.2 ? 'Met at the partner summit.' : '',
        },
        day,
        reviewDay: day + 1 + Math.floor(random() * 5),
        approve,
        closeDay: day + 20 + Math.floor(random() * 70),
        outcome: roll < 0.45 ? 'won' : roll < 0.75 ? 'lost' : 'open',
      });
    }
  }

  const ids = new Map<PlannedLead, string>();
  let registered = 0;
  for (let day = 0; day < DAYS; day++) {
    for (const lead of planned) {
      if (lead.day === day) {
        const out = call(OWNER, 'registerLead', lead.input) as { id: string } | undefined;
        if (out?.id) {
          ids.set(lead, out.id);
          registered++;
        }
      }
      const id = ids.get(lead);
      if (!id) continue;
      if (lead.reviewDay === day) {
        call(
          OWNER,
          'reviewLead',
          id,
          lead.approve ? 'approve' : 'reject',
          lead.approve ? 'Fits our ICP.' : 'Already in our pipeline.',
        );
      }
      if (lead.approve && lead.closeDay === day && lead.outcome !== 'open') {
        const dealValue = Math.round(Number(lead.input.estimatedValue) * (0.7 + random() * 0.6));
        call(
          OWNER,
          'closeLead',
          id,
          lead.outcome,
          lead.outcome === 'won'
            ? { dealValue, closedOn: isoDay(startMs + day * 86_400_000) }
            : { reason: 'Chose a competitor.' },
        );
      }
    }
    // a second version of Standard Referral from 2026-01-01: 12%; deals closed before keep 10%
    if (isoDay(startMs + day * 86_400_000) === '2026-01-01' && planIds[0])
      call(OWNER, 'savePlan', { ...PLANS[0], id: planIds[0], rate: 12 }, { effectiveFrom: '2026-01-01' });
    if (new Date(startMs + day * 86_400_000).getUTCDate() === 1 && day > 0) call(OWNER, 'runCommissions');
    session.apply({ advance: 'P1D' }, { persist: false });
    await yieldToServer();
  }
  call(OWNER, 'runCommissions');
  // four eyes: the owner approves eligible lines and creates the payouts; the Team's second person
  // (the rep) approves one, its payee e-mail stamped then
  const eligible =
    (call(OWNER, 'listCommissions', { status: COMMISSION_STATUS.Eligible }) as
      Array<{ id: string }> | undefined) ?? [];
  if (eligible.length)
    call(
      OWNER,
      'approveCommissions',
      eligible.map((l) => l.id),
    );
  const payouts =
    (call(OWNER, 'createPayouts', isoDay(startMs + DAYS * 86_400_000)) as
      Array<{ id: string }> | undefined) ?? [];
  if (payouts.length) call(TEAMMATE, 'approvePayout', payouts[0].id);
  // The Dashboard shows the demo program (set-up filled it while it was empty).
  call(OWNER, 'refreshDashboard');
  // The demo opens where Set up tracker lands a partner manager (the one landing sheet): the owner
  // selects its first cell, a journaled step, so a restart replays it too.
  session.apply(
    { as: OWNER, select: { sheet: sheetDef(LANDING_SHEET).name, range: 'A1' } },
    { persist: false },
  );
  session.save();
  if (failed) notes.push(`${failed} calls failed, e.g. ${errors.join(' | ')}`);
  return { notes, partners: partners.length, leads: registered, failed };
}
