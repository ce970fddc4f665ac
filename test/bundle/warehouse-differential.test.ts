/**
 * Differential: on random programs, the figures the warehouse computes (getWarehouseFigures: GoogleSQL
 * over the mirrored views, run on DuckDB) equal the same figures computed directly in memory from
 * the workbook's rows: leads per status and currency with the won deals' value, commission lines per
 * status and currency with their amount, in integer minor units. After a first mirror, more changes
 * and another hourly run (the incremental path) must agree again.
 *
 * And the Dashboard's figures (getDashboard for All time: computeMetrics in
 * src/domain/metrics/compute.ts, in the reporting currency USD) equal the ones the warehouse's SQL
 * gives: leads by status, won and lost deals, open deals, won value, commission earned (not Void),
 * approved and paid; a KWD deal or line (no exchange rate) is "not converted" on the Dashboard.
 */
import fc from 'fast-check';
import type { Emulator } from '../../emulator/harness';
import { toMinor } from '../../src/domain/money/parse';
import type { Dashboard } from '../../src/shared/dashboard';
import type { WarehouseFigures } from '../../src/shared/warehouse';
import { partnerOn } from './commissions-fixture';
import { OWNER, hourly, turnOn, warehouseTracker } from './warehouse-fixture';

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay'];

type Outcome = { kind: 'open' } | { kind: 'lost' } | { kind: 'won'; cents: number };

interface Program {
  rates: number[];
  partners: number[];
  leads: { partner: number; currency: 'USD' | 'KWD'; outcome: Outcome }[];
  later: { lead: number; cents: number }[];
  approve: boolean;
}

const outcome = fc.oneof(
  fc.constant<Outcome>({ kind: 'open' }),
  fc.constant<Outcome>({ kind: 'lost' }),
  fc.integer({ min: 1, max: 5_000_000 }).map<Outcome>((cents) => ({ kind: 'won', cents })),
);

const program: fc.Arbitrary<Program> = fc
  .record({
    rates: fc.array(fc.constantFrom(5, 10, 12.5, 33.3333), { minLength: 1, maxLength: 2 }),
    partners: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    leads: fc.array(
      fc.record({ partner: fc.nat(), currency: fc.constantFrom<'USD' | 'KWD'>('USD', 'KWD'), outcome }),
      { minLength: 1, maxLength: 6 },
    ),
    later: fc.array(fc.record({ lead: fc.nat(), cents: fc.integer({ min: 1, max: 900_000 }) }), {
      maxLength: 2,
    }),
    approve: fc.boolean(),
  })
  .map((p) => p);

function value(cents: number, currency: string): string {
  // KWD has three decimals: the same integer read as fils
  const exponent = currency === 'KWD' ? 3 : 2;
  const text = String(cents).padStart(exponent + 1, '0');
  return `${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
}

/** The same figures, straight from the sheets' rows. */
function direct(emu: Emulator): WarehouseFigures {
  const table = (name: string) => {
    const [headers, ...rows] = emu.sheets()[name] as unknown[][];
    return rows
      .filter((r) => r[0] !== '')
      .map((r) => Object.fromEntries((headers as string[]).map((h, i) => [h, r[i]])));
  };
  const leads = new Map<string, WarehouseFigures['leads'][number]>();
  for (const r of table('Leads')) {
    const key = `${String(r.Status)}|${String(r.Currency)}`;
    const entry = leads.get(key) ?? {
      status: String(r.Status),
      currency: String(r.Currency),
      leads: 0,
      dealValueMinor: 0,
    };
    entry.leads++;
    if (r['Deal Value'] !== '')
      entry.dealValueMinor += toMinor(r['Deal Value'] as number, String(r.Currency));
    leads.set(key, entry);
  }
  const lines = new Map<string, WarehouseFigures['commissions'][number]>();
  for (const r of table('Commissions')) {
    const key = `${String(r.Status)}|${String(r.Currency)}`;
    const entry = lines.get(key) ?? {
      status: String(r.Status),
      currency: String(r.Currency),
      lines: 0,
      amountMinor: 0,
    };
    entry.lines++;
    entry.amountMinor += toMinor(r.Amount as number, String(r.Currency), { allowNegative: true });
    lines.set(key, entry);
  }
  const sorted = <T extends { status: string; currency: string }>(m: Map<string, T>) =>
    [...m.values()].sort((a, b) => (a.status + a.currency < b.status + b.currency ? -1 : 1));
  return { leads: sorted(leads), commissions: sorted(lines) };
}

function warehouse(emu: Emulator): WarehouseFigures {
  const figures = emu.call<WarehouseFigures>(OWNER, 'getWarehouseFigures');
  const sorted = <T extends { status: string; currency: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.status + a.currency < b.status + b.currency ? -1 : 1));
  return { leads: sorted(figures.leads), commissions: sorted(figures.commissions) };
}

/** The Dashboard's figures (computeMetrics) that the warehouse's figures give too, in minor units. */
function dashboardSide(emu: Emulator) {
  const d = emu.call<Dashboard>(OWNER, 'getDashboard', { period: 'All time' });
  expect(d.currency).toBe('USD');
  const usd = (major: number) => toMinor(major, 'USD', { allowNegative: true });
  return {
    byStatus: Object.fromEntries(d.leadsByStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count])),
    won: d.headline.won,
    lost: d.headline.lost,
    openDeals: d.headline.openDeals,
    wonMinor: usd(d.headline.wonValue),
    earnedMinor: usd(d.headline.commissionEarned),
    approvedMinor: usd(d.headline.commissionApproved),
    paidMinor: usd(d.headline.commissionPaid),
    notConverted: d.headline.notConverted,
  };
}

/** The same figures from the warehouse's SQL aggregates. */
function warehouseSide(w: WarehouseFigures): ReturnType<typeof dashboardSide> {
  const count = (status: string) =>
    w.leads.filter((l) => l.status === status).reduce((n, l) => n + l.leads, 0);
  const byStatus: Record<string, number> = {};
  for (const l of w.leads) byStatus[l.status] = (byStatus[l.status] ?? 0) + l.leads;
  const lines = (keep: (status: string) => boolean, currency = 'USD') =>
    w.commissions.filter((c) => c.currency === currency && keep(c.status));
  const sum = (rows: { amountMinor: number }[]) => rows.reduce((n, c) => n + c.amountMinor, 0);
  const notVoid = (s: string) => s !== 'Void';
  return {
    byStatus,
    won: count('Won'),
    lost: count('Lost'),
    openDeals: count('Approved'),
    wonMinor: w.leads
      .filter((l) => l.status === 'Won' && l.currency === 'USD')
      .reduce((n, l) => n + l.dealValueMinor, 0),
    earnedMinor: sum(lines(notVoid)),
    approvedMinor: sum(lines((s) => s === 'Approved')),
    paidMinor: sum(lines((s) => s === 'Paid')),
    notConverted:
      w.leads.filter((l) => l.status === 'Won' && l.currency !== 'USD').reduce((n, l) => n + l.leads, 0) +
      w.commissions.filter((c) => c.currency !== 'USD' && notVoid(c.status)).reduce((n, c) => n + c.lines, 0),
  };
}

describe('warehouse figures equal the workbook’s, on random programs', () => {
  it('leads by status and commissions by status, in minor units, after the first load and after changes', () => {
    let plans = 0;
    fc.assert(
      fc.property(program, (p) => {
        const emu = warehouseTracker();
        const planNames = p.rates.map((rate) => {
          const name = `Plan ${++plans}`;
          emu.call(OWNER, 'savePlan', { name, type: 'percent', rate, holdDays: 0 });
          return name;
        });
        const partners = p.partners.map((n) => partnerOn(emu, planNames[n % planNames.length]));
        const ids = p.leads.map((l, i) => {
          const { id } = emu.call<{ id: string }>(OWNER, 'registerLead', {
            partnerId: partners[l.partner % partners.length],
            company: COMPANIES[i],
            domain: `${COMPANIES[i].toLowerCase()}.test`,
            currency: l.currency,
          });
          emu.call(OWNER, 'reviewLead', id, 'approve');
          if (l.outcome.kind === 'won')
            emu.call(OWNER, 'closeLead', id, 'won', { dealValue: value(l.outcome.cents, l.currency) });
          if (l.outcome.kind === 'lost') emu.call(OWNER, 'closeLead', id, 'lost', {});
          return id;
        });
        turnOn(emu);
        expect(hourly(emu)).toMatchObject({ ok: true });
        expect(warehouse(emu)).toEqual(direct(emu));
        expect(warehouseSide(warehouse(emu))).toEqual(dashboardSide(emu));
        // more changes, then the incremental load
        const closed = new Set<number>();
        for (const change of p.later) {
          const i = change.lead % ids.length;
          if (p.leads[i].outcome.kind !== 'open' || closed.has(i)) continue;
          closed.add(i);
          emu.call(OWNER, 'closeLead', ids[i], 'won', {
            dealValue: value(change.cents, p.leads[i].currency),
          });
        }
        if (p.approve) {
          const open = emu.call<{ id: string; status: string }[]>(OWNER, 'listCommissions', {});
          const ready = open.filter((c) => c.status === 'Eligible').map((c) => c.id);
          if (ready.length) emu.call(OWNER, 'approveCommissions', ready);
        }
        expect(hourly(emu)).toMatchObject({ ok: true });
        expect(warehouse(emu)).toEqual(direct(emu));
        expect(warehouseSide(warehouse(emu))).toEqual(dashboardSide(emu));
      }),
      { numRuns: 10 },
    );
  });
});
