/**
 * The daily commission job does only what the passing of time does (holds ending, recurring months
 * coming) unless something else changed the ledger's inputs: over weeks of days with deals closing, a
 * plan changing, a partner moving to another plan and a deal closing on a day to come, it leaves the
 * same ledger as a full reconcile
 * every day (ids and row order aside), and most days it is not a full reconcile.
 */
import { Emulator } from '../../emulator/harness';
import { PLANS as BENCH_PLANS } from '../../bench/workbook';
import { programTracker } from '../support/program-tracker';
import { OWNER, runHourly, documentProperties } from '../support/emulator';

const DAY = 86_400_000;
const STATE = 'tracker.ledgerState';

// The bench's plans, the recurring one with its own hold.
const PLANS = BENCH_PLANS.map((p) => (p.type === 'recurring' ? { ...p, holdDays: 10 } : p));

function tracker(): Emulator {
  const emu = programTracker({ label: 'daily', partners: 12, leads: 400 }, 7, PLANS);
  emu.call(OWNER, 'runCommissions');
  return emu;
}

const properties = documentProperties;

const hourly = (emu: Emulator) => void runHourly(emu);

/** The ledger by key, ids and row order aside. */
function ledger(emu: Emulator): string[] {
  const [header, ...rows] = emu.sheets().Commissions as unknown[][];
  const id = header.indexOf('Commission ID');
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) =>
      JSON.stringify(r.filter((_, i) => i !== id).map((v) => (v instanceof Date ? v.toISOString() : v))),
    )
    .sort();
}

/** A Won-able lead of each emulator (same workbook): the n-th Approved lead. */
function approvedLead(emu: Emulator, n: number): string {
  const leads = emu.sheets().Leads as unknown[][];
  return String(leads.filter((r) => r[10] === 'Approved')[n][0]);
}

describe('the daily commission job over six weeks', () => {
  const incremental = tracker();
  const full = tracker();
  const both = (fn: (emu: Emulator) => void) => {
    fn(incremental);
    fn(full);
  };
  const incrementalDays: number[] = [];
  const mismatches: number[] = [];

  for (let d = 1; d <= 42; d++) {
    both((emu) => emu.rt.advance(DAY));
    // Things happen on some days, the same in both.
    if (d % 5 === 0)
      both((emu) =>
        emu.call(OWNER, 'closeLead', approvedLead(emu, d), 'won', {
          dealValue: 1000 + d * 37,
          closedOn: emu.rt.now().toISOString().slice(0, 10),
        }),
      );
    // A deal entered as closing in three days: it earns from that day.
    if (d === 8)
      both((emu) =>
        emu.call(OWNER, 'closeLead', approvedLead(emu, 40), 'won', {
          dealValue: 5000,
          closedOn: new Date(emu.rt.now().getTime() + 3 * DAY).toISOString().slice(0, 10),
        }),
      );
    if (d === 13)
      both((emu) => {
        const id = emu
          .call<Array<{ id?: string; name: string }>>(OWNER, 'listPlans')
          .find((p) => p.name === PLANS[3].name)!.id;
        emu.call(OWNER, 'savePlan', { ...PLANS[3], id, rate: 25 });
      });
    if (d === 22)
      both((emu) => {
        const outcome = emu.edit(OWNER, 'Partners', 'I3', [['SaaS Recurring']]);
        if (!outcome.ok) throw new Error(outcome.reason);
      });
    // The full side is told every day that everything changed.
    properties(full).setProperty(STATE, JSON.stringify({ fullOn: null, dirty: true, nextClose: null }));
    hourly(incremental);
    hourly(full);
    const state = JSON.parse(properties(incremental).getProperty(STATE) ?? '{}') as { fullOn?: string };
    if (state.fullOn !== incremental.rt.now().toISOString().slice(0, 10)) incrementalDays.push(d);
    if (JSON.stringify(ledger(incremental)) !== JSON.stringify(ledger(full))) mismatches.push(d);
  }

  it('leaves the same ledger as a full reconcile every day', () => {
    expect(mismatches).toEqual([]);
    expect(ledger(incremental)).toEqual(ledger(full));
  });

  it('is not a full reconcile on most days', () => {
    expect(incrementalDays.length).toBeGreaterThan(25);
  });

  it('had time-driven work to do: lines became Eligible and recurring months came', () => {
    const rows = (incremental.sheets().Commissions as unknown[][]).slice(1);
    expect(rows.filter((r) => String(r[15]).includes('/recurring/')).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r[8] === 'Eligible').length).toBeGreaterThan(0);
  });
});

describe('a day when holds end and recurring months come, in the hourly run', () => {
  /** The hourly runs of one day until its jobs are done: each execution's report. */
  function day(emu: Emulator): Array<{ jobs: Array<{ name: string; result?: unknown }> }> {
    const reports: Array<{ jobs: Array<{ name: string; result?: unknown }>; finished?: boolean }> = [];
    for (let run = 0; run < 13; run++) {
      if (run) emu.rt.advance(3_600_000);
      const report = runHourly(emu).result as (typeof reports)[number];
      reports.push(report);
      if (report.finished) return reports;
    }
    throw new Error('the day did not finish');
  }

  it("commits the lines' eligibility first and the rest in the next execution: the ledger ends as a full reconcile's", () => {
    const incremental = tracker();
    const full = tracker();
    const split: number[] = [];
    const slicesSplit: number[] = [];
    const start = incremental.rt.nowMillis();
    for (let d = 1; d <= 40; d++) {
      // each day from the same hour (a day's hourly runs move the incremental side's clock)
      for (const emu of [incremental, full]) emu.rt.setNow(new Date(start + d * DAY).toISOString());
      if (d % 4 === 0)
        for (const emu of [incremental, full])
          emu.call(OWNER, 'closeLead', approvedLead(emu, d), 'won', {
            dealValue: 2000 + d * 41,
            closedOn: emu.rt.now().toISOString().slice(0, 10),
          });
      // the full side is told that everything changed: its day is a full reconcile (in slices)
      properties(full).setProperty(STATE, JSON.stringify({ fullOn: null, dirty: true, nextClose: null }));
      const sliced = day(full)
        .flatMap((r) => r.jobs)
        .filter((j) => j.name === 'commissions');
      if (sliced.some((j) => JSON.stringify(j.result ?? null).includes('\\"e\\":1'))) slicesSplit.push(d);
      const reports = day(incremental);
      const parts = reports.flatMap((r) => r.jobs).filter((j) => j.name === 'commissions');
      if (parts.some((j) => JSON.stringify(j.result ?? null).includes('quick: months'))) {
        split.push(d);
        // the months come in a later execution of the same day
        expect(parts.length).toBeGreaterThan(1);
      }
      expect({ d, ledger: ledger(incremental) }).toEqual({ d, ledger: ledger(full) });
    }
    expect(split.length).toBeGreaterThan(0);
    // the full reconcile's slices did the same (a slice's eligibility, then the slice again)
    expect(slicesSplit.length).toBeGreaterThan(0);
  });
});
