/**
 * The scheduled jobs continue across hourly runs when a run's time budget runs out, and end with the
 * same workbook as one uninterrupted run: nothing done twice, nothing skipped. Through the bundle;
 * the emulator's cost model makes each service call take 200 simulated seconds, so a run exhausts its
 * 4.5-minute budget after its first job.
 */
import { Emulator } from '../../emulator/harness';
import { generateProgram } from '../../bench/workbook';
import { OWNER, TEAMMATE, runHourly } from '../support/emulator';

const SCHEDULE_PROPERTY = 'tracker.schedule';
const HOUR = 3_600_000;

interface State {
  lastDay: string | null;
  lastDone?: string[];
  pending: { day: string; next: number; runs: number; done: string[] } | null;
}

function trackerWorkbook(): Emulator {
  const program = generateProgram({ label: 'test', partners: 8, leads: 60 });
  const emu = new Emulator({
    owner: OWNER,
    editors: [TEAMMATE],
    now: '2026-03-02T09:00:00Z',
    sheets: { Partners: program.partners, Leads: program.leads },
  }).load();
  emu.services.state.triggers.authorizedUsers.add(OWNER);
  emu.call(OWNER, 'setupTracker');
  return emu;
}

function state(emu: Emulator): State {
  const text = emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty(SCHEDULE_PROPERTY),
  );
  return text ? (JSON.parse(text) as State) : { lastDay: null, pending: null };
}

/** One hourly run, as the installed clock trigger runs it: its counted calls. */
function hourly(emu: Emulator): number {
  return runHourly(emu).calls;
}

/**
 * The day's jobs to the end: the jobs' run, then the Dashboard's refresh in an hourly run of its own
 * (a DailyJob with `ownRun`): the hourly runs until no checkpoint is left.
 */
function wholeDay(emu: Emulator): void {
  hourly(emu);
  for (let run = 0; run < 5 && state(emu).pending; run++) {
    emu.rt.advance(HOUR);
    hourly(emu);
  }
}

/**
 * The workbook without what legitimately differs between the two: audit timestamps and hashes, and
 * the Dashboard's "Updated" time.
 */
function comparable(emu: Emulator): Record<string, unknown[][]> {
  const sheets = emu.sheets();
  if (sheets.Dashboard?.[1]) sheets.Dashboard[1] = sheets.Dashboard[1].map((v, i) => (i === 5 ? '' : v));
  const audit = sheets['Audit Log'];
  if (audit) {
    const header = audit[0].map(String);
    const drop = new Set(['Timestamp', 'Hash'].map((h) => header.indexOf(h)));
    sheets['Audit Log'] = audit.map((row) => row.filter((_, i) => !drop.has(i)));
  }
  return sheets;
}

describe('scheduled jobs: one hourly trigger, checkpoint and continuation', () => {
  it('set-up installs one hourly clock trigger, the one that runs the scheduled jobs', () => {
    const emu = trackerWorkbook();
    const clocks = emu.services.state.triggers.ofUser(OWNER).filter((t) => t.eventType === 'CLOCK');
    expect(clocks.map((t) => [t.handler, t.schedule])).toEqual([
      ['onHourlyTrigger', { kind: 'interval', everyMs: HOUR }],
    ]);
  });

  it('continues across runs under a tiny budget and ends as one uninterrupted run does', () => {
    const whole = trackerWorkbook();
    wholeDay(whole);
    const wholeState = state(whole);
    expect(wholeState.pending).toBeNull();
    const jobs = wholeState.lastDone ?? [];
    expect(jobs.length).toBeGreaterThan(1);

    const split = trackerWorkbook();
    split.rt.costModel = () => 200_000;
    const doneAfterEachRun: string[][] = [];
    for (let run = 0; run < jobs.length + 3 && (run === 0 || state(split).pending); run++) {
      if (run > 0) split.rt.advance(HOUR);
      hourly(split);
      const s = state(split);
      doneAfterEachRun.push(s.pending ? s.pending.done : (s.lastDone ?? []));
    }
    split.rt.costModel = null;

    // One job per run: each run continued where the last stopped.
    expect(doneAfterEachRun).toEqual(jobs.map((_, i) => jobs.slice(0, i + 1)));
    expect(state(split)).toMatchObject({ lastDay: '2026-03-02', lastDone: jobs, pending: null });
    expect(comparable(split)).toEqual(comparable(whole));
  });

  it('runs the day’s jobs once a day: later runs that day are idle, the next day starts again', () => {
    const emu = trackerWorkbook();
    wholeDay(emu);
    // The hour after the day's jobs: the partner views and the registration form, which wait for an
    // execution whose call budget can hold them (the day's executions could not).
    emu.rt.advance(HOUR);
    hourly(emu);
    const after = emu.sheets();
    emu.rt.advance(HOUR);
    const idleCalls = hourly(emu);
    // the lock and the property read, and the registration form's poll (the token, one request)
    expect(idleCalls).toBeLessThanOrEqual(4);
    expect(emu.sheets()).toEqual(after);
    emu.rt.setNow('2026-03-03T00:30:00Z');
    wholeDay(emu);
    expect(state(emu)).toMatchObject({ lastDay: '2026-03-03', pending: null });
  });

  it('stores its properties once when no job wrote a cell (the checkpoint with what the jobs queued)', () => {
    const emu = trackerWorkbook();
    wholeDay(emu); // the first day: expiries, the ledger, emails, then the Dashboard
    emu.rt.setNow('2026-03-03T00:30:00Z');
    const quiet = runHourly(emu);
    expect(quiet.stats.cells.written).toBe(0);
    expect(quiet.stats.byMethod['Properties.setProperties']).toBe(1);
    // The Dashboard's refresh is left to a later hourly run (an execution of its own), and so is the
    // second heavy job (one job reading Leads or Commissions per execution).
    expect(state(emu).pending).toMatchObject({
      day: '2026-03-03',
      done: expect.not.arrayContaining(['dashboard', 'tiering']),
    });
    for (let run = 0; run < 5 && state(emu).pending; run++) {
      emu.rt.advance(HOUR);
      hourly(emu);
    }
    expect(state(emu)).toMatchObject({ lastDay: '2026-03-03', pending: null });
  });
});
