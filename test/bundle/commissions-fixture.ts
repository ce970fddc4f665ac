/**
 * A set-up tracker with plans, partners and won deals made the way people make them: sidebar calls
 * (savePlan, savePartner, registerLead, reviewLead, closeLead) and a person's edits of Leads.
 */
import type { Emulator } from '../../emulator/harness';
import type { Commission, PlanInput } from '../../src/shared/api';
import { newEmulator, OWNER } from '../support/emulator';

export { OWNER };

export function tracker(now = '2026-03-02T09:00:00Z'): Emulator {
  const emu = newEmulator({ now });
  emu.call(OWNER, 'setupTracker');
  addCurrency(emu, 'KWD');
  return emu;
}

/** The owner adds someone to Settings > Team (the protections follow, through the edit trigger). */
export function addToTeam(emu: Emulator, email: string): void {
  const rows = emu.sheets().Settings;
  const col = rows[0].indexOf('Team');
  const free = rows.findIndex((r, i) => i > 0 && (r[col] ?? '') === '');
  const row = free < 0 ? rows.length + 1 : free + 1;
  const outcome = emu.edit(OWNER, 'Settings', `${String.fromCharCode(65 + col)}${row}`, [[email]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}

/** The owner adds a currency to Settings > Currencies (the list behind the Currency dropdowns). */
export function addCurrency(emu: Emulator, code: string): void {
  const rows = emu.sheets().Settings;
  const col = rows[0].indexOf('Currencies');
  const free = rows.findIndex((r, i) => i > 0 && (r[col] ?? '') === '');
  const row = free < 0 ? rows.length + 1 : free + 1;
  const outcome = emu.edit(OWNER, 'Settings', `${String.fromCharCode(65 + col)}${row}`, [[code]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}

let partnerCount = 0;

/** A plan and a partner on it; returns the Partner ID. */
export function partnerOn(emu: Emulator, plan: PlanInput | string, name?: string): string {
  const planName = typeof plan === 'string' ? plan : plan.name;
  if (typeof plan !== 'string') emu.call(OWNER, 'savePlan', plan);
  partnerCount++;
  const partnerName = name ?? `Partner ${partnerCount}`;
  const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
    partnerName,
    contactEmail: `${partnerName.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@partner.test`,
    type: 'Referral',
    plan: planName,
  });
  return id;
}

let companyCount = 0;

/** A registered, approved lead of the partner (not closed yet). */
const DIGIT_WORDS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

/**
 * "Company One Two" for 12: names far enough apart that the conflict check's near-name rule (one
 * edit in a short name) never pairs two fixture leads, as "Company 12" and "Company 13" would be.
 */
export function companyName(n: number): string {
  return `Company ${[...String(n)].map((d) => DIGIT_WORDS[Number(d)]).join(' ')}`;
}

export function approvedLead(emu: Emulator, partnerId: string, currency = 'USD'): string {
  companyCount++;
  const { id } = emu.call<{ id: string }>(OWNER, 'registerLead', {
    partnerId,
    company: companyName(companyCount),
    domain: `company${companyCount}.test`,
    currency,
  });
  emu.call(OWNER, 'reviewLead', id, 'approve');
  return id;
}

/** A deal closed Won from the sidebar (closeLead). */
export function wonDeal(
  emu: Emulator,
  partnerId: string,
  dealValue: number | string,
  currency = 'USD',
  closedOn?: string,
): string {
  const id = approvedLead(emu, partnerId, currency);
  emu.call(OWNER, 'closeLead', id, 'won', { dealValue, ...(closedOn && { closedOn }) });
  return id;
}

export function lines(emu: Emulator, filter: Record<string, unknown> = {}): Commission[] {
  return emu.call<Commission[]>(OWNER, 'listCommissions', filter);
}

export function linesOf(emu: Emulator, leadId: string): Commission[] {
  return lines(emu).filter((l) => l.leadId === leadId);
}

/** The A1 cell of `header` in the row whose first column is `id`. */
export function cellOf(emu: Emulator, sheet: string, id: string, header: string): string {
  const rows = emu.sheets()[sheet];
  const col = rows[0].indexOf(header);
  const row = rows.findIndex((r) => r[0] === id);
  if (col < 0 || row < 0) throw new Error(`${sheet} has no ${header} for ${id}`);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

/** The row of a sheet as a record by header. */
export function rowOf(emu: Emulator, sheet: string, id: string): Record<string, unknown> {
  const rows = emu.sheets()[sheet];
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`${sheet} has no row ${id}`);
  return Object.fromEntries(rows[0].map((h, i) => [String(h), row[i]]));
}
