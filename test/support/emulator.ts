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
