/**
 * A tracker set up over a generated program (the bench's generator, bench/workbook.ts): its
 * partners and leads in the sheets, set-up run to its end by the owner (who authorized the
 * triggers), then `plans` saved. Tests of the daily run and the memos start from it.
 */
import { Emulator } from '../../emulator/harness';
import { generateProgram } from '../../bench/workbook';
import { OWNER } from './emulator';

export function programTracker(
  size: { label: string; partners: number; leads: number },
  seed: number,
  plans: readonly object[] = [],
): Emulator {
  const program = generateProgram(size, seed);
  const emu = new Emulator({
    owner: OWNER,
    now: '2026-03-02T09:00:00Z',
    sheets: { Partners: program.partners, Leads: program.leads },
  }).load();
  emu.services.state.triggers.authorizedUsers.add(OWNER);
  let setup = emu.call<{ ok: boolean; message: string; done?: boolean }>(OWNER, 'setupTracker');
  if (!setup.ok) throw new Error(setup.message);
  for (let i = 0; i < 20 && setup.done === false; i++) setup = emu.call(OWNER, 'continueSetup');
  for (const plan of plans) emu.call(OWNER, 'savePlan', plan);
  return emu;
}
