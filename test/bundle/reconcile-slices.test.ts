/**
 * The weekly full reconcile split across the hourly run's executions (partner slices, a cursor
 * through the daily job step API) leaves exactly what the one pass leaves: on random programs with
 * deals closing, a plan changed, a lead moved to another partner and days passing, the hourly run
 * (slices of a few partners each) and runCommissions (one pass) give the same Commissions lines and
 * the same audit entries (Commission IDs and row order aside: each is named by its line's key).
 */
import { Emulator } from '../../emulator/harness';
import { PLANS as BENCH_PLANS } from '../../bench/workbook';
import { programTracker } from '../support/program-tracker';
import { OWNER, documentProperties, finishDay, runHourly } from '../support/emulator';
import { rangesRead } from '../support/ranges-read';

const DAY = 86_400_000;
const STATE = 'tracker.ledgerState';
const PLANS = BENCH_PLANS.map((p) => (p.type === 'recurring' ? { ...p, holdDays: 10 } : p));

function tracker(seed: number): Emulator {
  const emu = programTracker({ label: 'slices', partners: 14, leads: 360 }, seed, PLANS);
  emu.call(OWNER, 'runCommissions');
  finishDay(emu);
  return emu;
}

const rows = (emu: Emulator, sheet: string) => emu.sheets()[sheet] as unknown[][];
const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** Commission ID -> the line's key (what names a line whatever id it got). */
function keyOfId(emu: Emulator): Map<string, string> {
  const [header, ...body] = rows(emu, 'Commissions');
  const id = header.indexOf('Commission ID');
  const key = header.indexOf('Key');
  return new Map(body.filter((r) => r[id] !== '').map((r) => [String(r[id]), String(r[key])]));
}

/** Every text with each Commission ID replaced by its line's key. */
function named(emu: Emulator): (v: unknown) => string {
  const keys = keyOfId(emu);
  return (v) => cell(v).replace(/\bC-?\d+\b/g, (id) => (keys.has(id) ? `<${keys.get(id)}>` : id));
}

function ledger(emu: Emulator): string[] {
  const [header, ...body] = rows(emu, 'Commissions');
  const id = header.indexOf('Commission ID');
  const name = named(emu);
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => JSON.stringify(r.filter((_, i) => i !== id).map(name)))
    .sort();
}

/** The audit entries about Commissions from row `from` on: sheet, line, field, old and new value. */
function audit(emu: Emulator, from: number): string[] {
  const [header, ...body] = rows(emu, 'Audit Log');
  const at = (f: string) => header.indexOf(f);
  const name = named(emu);
  return body
    .slice(from)
    .filter((r) => r[at('Sheet')] === 'Commissions')
    .map((r) =>
      JSON.stringify([r[at('Record ID')], r[at('Field')], r[at('Old Value')], r[at('New Value')]].map(name)),
    )
    .sort();
}

function approvedLead(emu: Emulator, n: number): string {
  const leads = rows(emu, 'Leads');
  return String(leads.filter((r) => r[10] === 'Approved')[n][0]);
}

function wonLead(emu: Emulator, n: number): { id: string; row: number } {
  const leads = rows(emu, 'Leads');
  const row = leads.findIndex((r, i) => i > 0 && r[10] === 'Won' && n-- === 0);
  return { id: String(leads[row][0]), row: row + 1 };
}

describe.each([
  [3, '3'],
  [11, '60'],
])('the full reconcile in slices against the one pass (program %i, slices of %s)', (seed, weight) => {
  const sliced = tracker(seed);
  const single = tracker(seed);
  const both = (fn: (emu: Emulator) => void) => [sliced, single].forEach(fn);
  both((emu) => emu.rt.advance(9 * DAY));
  // The same changes on both: deals closing (one in days to come), a plan's rate, a deal moved to
  // another partner (its lines under the first one), a deal's value edited.
  both((emu) => {
    for (let n = 0; n < 4; n++)
      emu.call(OWNER, 'closeLead', approvedLead(emu, n), 'won', {
        dealValue: 1200 + n * 311,
        closedOn: new Date(emu.rt.now().getTime() + (n - 2) * DAY).toISOString().slice(0, 10),
      });
    const id = emu
      .call<Array<{ id?: string; name: string }>>(OWNER, 'listPlans')
      .find((p) => p.name === PLANS[3].name)!.id;
    emu.call(OWNER, 'savePlan', { ...PLANS[3], id, rate: 23 });
    const partners = rows(emu, 'Partners');
    const moved = wonLead(emu, 2);
    const other = partners.find(
      (p, i) => i > 0 && p[0] !== rows(emu, 'Leads')[moved.row - 1][1] && p[9] === 'Active',
    )!;
    expect(emu.edit(OWNER, 'Leads', `B${moved.row}`, [[other[0]]]).ok).toBe(true);
    const edited = wonLead(emu, 5);
    expect(emu.edit(OWNER, 'Leads', `Q${edited.row}`, [[7777]]).ok).toBe(true);
  });
  both((emu) => emu.rt.advance(2 * DAY));
  const auditFrom = rows(sliced, 'Audit Log').length - 1;
  const singleFrom = rows(single, 'Audit Log').length - 1;
  expect(auditFrom).toBe(singleFrom);
  // The sliced side: the day's hourly runs with the ledger dirty (a full reconcile), 3 deals and
  // lines a slice at most (a partner and those tied to it: most slices hold one partner).
  documentProperties(sliced).setProperty('tracker.reconcileSliceWeight', weight);
  documentProperties(sliced).setProperty(
    STATE,
    JSON.stringify({ fullOn: null, dirty: true, nextClose: null }),
  );
  const runs: Array<{ jobs?: Array<{ name: string; result?: unknown }> }> = [];
  let last!: { ok: boolean };
  const sliceReads = rangesRead(() => {
    last = finishDayCollect(sliced, runs);
  });
  // The one pass: runCommissions, then the day's hourly runs (the full reconcile is not due).
  single.call(OWNER, 'runCommissions');
  last = finishDay(single);

  it('was split across executions', () => {
    const slices = runs.flatMap((r) => r.jobs ?? []).filter((j) => j.name === 'commissions');
    expect(slices.length).toBeGreaterThan(3);
    expect(last.ok).toBe(true);
  });

  it("reads the ledger index's chunks with the lead index's, never on their own", () => {
    // _Shadow: the lead index in column 8, the ledger index's chunks in column 9 (sheets/schema.ts).
    const ledgerColumn = sliceReads.filter((r) => r.sheet === '_Shadow' && r.col <= 9 && r.col + r.cols > 9);
    expect(ledgerColumn.length).toBeGreaterThan(3);
    expect(ledgerColumn.every((r) => r.col <= 8)).toBe(true);
  });

  it('leaves the same Commissions lines', () => {
    expect(ledger(sliced)).toEqual(ledger(single));
  });

  it('audits the same changes of Commissions', () => {
    expect(audit(sliced, auditFrom)).toEqual(audit(single, singleFrom));
    expect(audit(sliced, auditFrom).length).toBeGreaterThan(0);
  });

  it('leaves the ledger index holding every line as the sheet has it (not stale)', () => {
    const state = JSON.parse(documentProperties(sliced).getProperty('tracker.ledgerIndex') ?? '{}') as {
      chunks: number;
      stale?: number;
      pending?: Record<string, unknown[] | 0>;
    };
    expect(state.stale).toBeUndefined();
    const shadow = rows(sliced, '_Shadow');
    const col = (shadow[0] as string[]).indexOf('ledgerIndex');
    const byRow = new Map<number, unknown[]>();
    for (let n = 0; n < state.chunks; n++) {
      const text = String(shadow[n + 1][col]);
      for (const e of JSON.parse(text.slice(text.indexOf('|') + 1)) as unknown[][])
        byRow.set(Number(e[0]), e);
    }
    for (const [row, e] of Object.entries(state.pending ?? {}))
      if (e) byRow.set(Number(row), e);
      else byRow.delete(Number(row));
    const [header, ...body] = rows(sliced, 'Commissions');
    const at = (h: string) => header.indexOf(h);
    const expected = body
      .map((r, i) => [
        i + 2,
        ...['Commission ID', 'Partner ID', 'Lead ID', 'Status', 'Kind', 'Key'].map((h) => String(r[at(h)])),
      ])
      .filter((e) => e[1] !== '');
    expect([...byRow.values()].sort((a, b) => Number(a[0]) - Number(b[0])).map((e) => e.slice(0, 7))).toEqual(
      expected,
    );
  });

  it('recorded the full reconcile once the last slice was done', () => {
    const state = JSON.parse(documentProperties(sliced).getProperty(STATE) ?? '{}') as {
      fullOn?: string;
      dirty?: boolean;
    };
    expect(state.dirty).toBe(false);
    expect(state.fullOn).toBe(sliced.rt.now().toISOString().slice(0, 10));
  });
});

/** finishDay, keeping each run's report. */
function finishDayCollect(
  emu: Emulator,
  runs: Array<{ jobs?: Array<{ name: string; result?: unknown }> }>,
): { ok: boolean } {
  for (let run = 0; run < 200; run++) {
    const outcome = runHourly(emu);
    const report = outcome.result as { finished?: boolean; jobs?: Array<{ name: string; result?: unknown }> };
    runs.push(report);
    if (report.finished) return { ok: true };
    emu.rt.advance(60_000);
  }
  return { ok: false };
}

describe('a reconcile an earlier day left mid-way', () => {
  // Slices of 3 deals and lines: the reconcile takes many executions; the next day's first one
  // finishes it before a new day starts, without asking the authorization again.
  const emu = tracker(3);
  emu.rt.advance(9 * DAY);
  documentProperties(emu).setProperty('tracker.reconcileSliceWeight', '3');
  documentProperties(emu).setProperty(STATE, JSON.stringify({ fullOn: null, dirty: true, nextClose: null }));
  const asked = (outcome: ReturnType<typeof runHourly>) =>
    outcome.stats.byMethod['ScriptApp.getAuthorizationInfo'] ?? 0;
  type Report = { action?: string; finished?: boolean; stoppedAt?: { job: string; cursor: string | null } };
  const first = runHourly(emu);
  const runs = [first];
  let report = first.result as Report;
  // the day's jobs up to a commissions slice that left a cursor
  while (!(report.stoppedAt?.job === 'commissions' && report.stoppedAt.cursor)) {
    emu.rt.advance(60_000);
    runs.push(runHourly(emu));
    report = runs[runs.length - 1].result as Report;
    if (report.finished || runs.length > 50) break;
  }
  emu.rt.advance(DAY);
  const nextDay = runHourly(emu);

  it('the day that started the reconcile asked once, in its first execution', () => {
    expect(report.stoppedAt?.cursor).toBeTruthy();
    expect(runs.map(asked)).toEqual(runs.map((_, i) => (i === 0 ? 1 : 0)));
  });

  it('the next day continues the stopped job first, without asking', () => {
    expect(nextDay.result).toMatchObject({ action: 'continued' });
    expect(asked(nextDay)).toBe(0);
  });

  it("once the stopped job is done, today's jobs start (the rest of the old day's dropped) and ask once", () => {
    const after = [nextDay];
    for (let n = 0; n < 200 && (after[after.length - 1].result as Report).finished !== true; n++) {
      emu.rt.advance(60_000);
      after.push(runHourly(emu));
    }
    const actions = after.map((run) => (run.result as Report).action);
    const start = actions.indexOf('started');
    expect(start).toBeGreaterThan(0);
    expect(actions.slice(0, start).every((a) => a === 'continued')).toBe(true);
    expect(after.map(asked)).toEqual(after.map((_, i) => (i === start ? 1 : 0)));
  });
});
