/** Test helpers: a fresh emulated workbook with the shipped bundle loaded. */
import { Emulator, type EmulatorOptions } from '../../emulator/harness';

export const OWNER = 'owner@acme.test';
export const TEAMMATE = 'rep@acme.test';
export const OUTSIDER = 'partner@beta-partners.test';

export function newEmulator(options: Partial<EmulatorOptions> = {}): Emulator {
  return new Emulator({
    owner: OWNER,
    editors: [TEAMMATE],
    now: '2026-03-02T09:00:00Z',
    ...options,
  }).load();
}

/** One run of the installed hourly trigger, as the clock fires it (throws when the run fails). */
export function runHourly(emu: Emulator) {
  const outcome = emu.measure(() =>
    emu.invoke('onHourlyTrigger', [{}], {
      kind: 'timeTrigger',
      activeUser: OWNER,
      effectiveUser: OWNER,
      authMode: 'FULL',
    }),
  );
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

/**
 * The rest of the day's jobs: the hourly trigger fired an hour apart until the day's checkpoint is
 * gone (each execution does at most one heavy step, triggers/daily.ts, so a day takes a few runs).
 * `sameClock`: the runs at the clock as it is (two runs of an operation, one cut short by a fault,
 * then compare entry for entry whichever execution the fault ended). Returns the last run; throws
 * when the day is not finished after 13 runs (a job stuck, or a run failing every hour).
 */
export function finishDay(emu: Emulator, options: { sameClock?: boolean } = {}) {
  let last = runHourly(emu);
  const finished = () => !!(last.result as { finished?: boolean } | undefined)?.finished;
  for (let run = 0; run < 12 && !finished(); run++) {
    if (!options.sameClock) emu.rt.advance(3_600_000);
    last = runHourly(emu);
  }
  // A day that never finishes is a stuck job (or a run failing each hour): the test says so.
  if (!finished())
    throw new Error(`the day's jobs did not finish in 13 hourly runs: ${JSON.stringify(last)}`);
  return last;
}

/**
 * The day's jobs done, then the next hourly run: the hourly jobs (the partner views, the form) run
 * in whichever of these executions could hold them within its call budget (triggers/call-budget.ts);
 * returns the hourly jobs' reports of all of them, in order.
 */
export function settleDay(emu: Emulator): { hourly: Array<{ name: string; ok: boolean; result?: unknown }> } {
  const hourly: Array<{ name: string; ok: boolean; result?: unknown }> = [];
  const collect = (run: { result?: unknown }) =>
    hourly.push(...((run.result as { hourly?: typeof hourly } | undefined)?.hourly ?? []));
  let last = runHourly(emu);
  collect(last);
  for (let run = 0; run < 12 && !(last.result as { finished?: boolean } | undefined)?.finished; run++) {
    emu.rt.advance(3_600_000);
    last = runHourly(emu);
    collect(last);
  }
  if (!(last.result as { finished?: boolean } | undefined)?.finished)
    throw new Error(`the day's jobs did not finish in 13 hourly runs: ${JSON.stringify(last)}`);
  collect(runHourly(emu));
  return { hourly };
}

/** The document's properties, read outside any execution (not counted). */
export function documentProperties(emu: Emulator): GoogleAppsScript.Properties.Properties {
  return emu.rt.uncounted(() =>
    (
      emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
    ).getDocumentProperties(),
  );
}
