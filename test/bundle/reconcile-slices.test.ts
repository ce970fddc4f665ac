/**
 * The weekly full reconcile split across the hourly run's executions (partner slices, a cursor
 * through the daily job step API) leaves exactly what the one pass leaves: on random programs with
 * deals closing, a plan changed, a lead moved to another partner and days passing, the hourly run
 * (slices of a few partners each) and runCommissions (one pass) give the same Commissions lines and
 * the same audit entries (Commission IDs and row order aside: each is named by its line's key).
 */
import { Emulator } from '../../emulator/harness';
import { PLANS as BENCH_PLANS, generateProgram } from '../../bench/workbook';
import { OWNER, documentProperties, finishDay, runHourly } from '../support/emulator';
import { rangesRead } from '../support/ranges-read';

const DAY = 86_400_000;
const STATE = 'tracker.ledgerState';
const PLANS = BENCH_PLANS.map((p) => (p.type === 'recurring' ? { ...p, holdDays: 10 } : p));

function tracker(seed: number): Emulator {
  const program = generateProgram({ label: 'slices', partners: 14, leads: 360 }, seed);
  const emu = new Emulator({
    owner: OWNER,
    now: '2026-03-02T09:00:00Z',
    sheets: { Partners: program.partners, Leads: program.leads },
  }).load();
  emu.services.state.triggers.authorizedUsers.add(OWNER);
  const setup = emu.call<{ ok: boolean; message: string }>(OWNER, 'setupTracker');
  if (!setup.ok) throw new Error(setup.message);
  for (const plan of PLANS) emu.call(OWNER, 'savePlan', plan);
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
