/** The tracker set up in an emulated workbook, and helpers for the lead and partner tests. */
import type { Emulator, EmulatorOptions } from '../../emulator/harness';
import type { Lead, LeadInput, PartnerInput, RegisterLeadResult } from '../../src/shared/api';
import { newEmulator, OWNER } from '../support/emulator';

export { OWNER };

export function tracker(options: Partial<EmulatorOptions> = {}): Emulator {
  const emu = newEmulator(options);
  const setup = emu.call<{ ok: boolean; message: string }>(OWNER, 'setupTracker');
  if (!setup.ok) throw new Error(`set-up failed: ${setup.message}`);
  return emu;
}

export function addPartner(emu: Emulator, partner: Partial<PartnerInput> & { partnerName: string }): string {
  const slug = partner.partnerName.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return emu.call<{ id: string }>(OWNER, 'savePartner', {
    contactEmail: `sales@${slug}.test`,
    contactName: `Pat ${partner.partnerName}`,
    type: 'Reseller',
    ...partner,
  }).id;
}

/**
 * A registration as the sidebar makes it: registerLead, then (when it queued the partner's e-mail)
 * the call that sends it, which the sidebar makes at once without the person waiting (sendOwedMail).
 * `followUp: false`: the sidebar was closed before that call.
 */
export function register(
  emu: Emulator,
  lead: LeadInput,
  as = OWNER,
  { followUp = true }: { followUp?: boolean } = {},
): RegisterLeadResult {
  const result = emu.call<RegisterLeadResult>(as, 'registerLead', lead);
  if (followUp && result.mailOwed) emu.call(as, 'sendOwedMail', result.id);
  return result;
}

export function lead(emu: Emulator, id: string): Lead {
  return emu.call<Lead>(OWNER, 'getLead', id);
}

/** A sheet's rows as objects by header (dates as ISO strings). */
export function rowsOf(emu: Emulator, sheet: string): Array<Record<string, unknown>> {
  const [headers, ...rows] = emu.sheets()[sheet] as unknown[][];
  return rows
    .filter((row) => row.some((v) => v !== '' && v !== null))
    .map((row) => Object.fromEntries((headers as string[]).map((h, i) => [h, row[i]])));
}

/** The A1 address of a lead's cell in the Leads sheet. */
export function leadCell(emu: Emulator, id: string, header: string): string {
  const [headers, ...rows] = emu.sheets().Leads as unknown[][];
  const col = (headers as string[]).indexOf(header);
  const row = rows.findIndex((r) => r[0] === id);
  if (col < 0 || row < 0) throw new Error(`no cell ${header} of ${id}`);
  return `${String.fromCharCode(65 + col)}${row + 2}`;
}

/** Sets a Settings value (by its label) as the owner would, in the sheet. */
export function setSetting(emu: Emulator, label: string, value: unknown): void {
  const rows = emu.sheets().Settings as unknown[][];
  const row = rows.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no setting ${label}`);
  const outcome = emu.edit(OWNER, 'Settings', `B${row + 1}`, [[value]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}

/** Adds an entry to a Settings list column (by header), in its first empty cell. */
export function addToSettingsList(emu: Emulator, header: string, value: string): void {
  const [headers, ...rows] = emu.sheets().Settings as unknown[][];
  const col = (headers as string[]).indexOf(header);
  const row = rows.findIndex((r) => r[col] === '' || r[col] === undefined);
  const at = row < 0 ? rows.length : row;
  const outcome = emu.edit(OWNER, 'Settings', `${String.fromCharCode(65 + col)}${at + 2}`, [[value]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}

export function callError(emu: Emulator, fn: string, ...args: unknown[]): string {
  const outcome = emu.measure(() => emu.call(OWNER, fn, ...args));
  if (outcome.ok) throw new Error(`${fn} was expected to fail`);
  return outcome.error ?? '';
}

/** What a range of the workbook holds, read outside any execution (not counted). */
export function cellInfo(
  emu: Emulator,
  sheet: string,
  a1: string,
): { formulas: string[][]; notes: string[][] } {
  return emu.rt.uncounted(() => {
    const range = emu.spreadsheet.getSheetByName(sheet)!.getRange(a1);
    return { formulas: range.getFormulas(), notes: range.getNotes() };
  });
}
