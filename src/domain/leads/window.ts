/**
 * The protection window. Expires On = Registered On + windowDays. An extension adds extensionDays
 * to Expires On, up to maxExtensions. The number of extensions used is not stored in a column: it
 * is derived from the dates, ceil((daysBetween(registeredOn, expiresOn) - windowDays) /
 * extensionDays), so a lead whose Expires On was pushed by hand counts as extended too.
 */
import type { Lead } from '../../shared/api';
import { addDays, compareDays, daysBetween } from '../dates';
import { leadMessages } from './messages';
import { isProtectedStatus } from './status';

export interface WindowSettings {
  windowDays: number;
  extensionDays: number;
  maxExtensions: number;
}

export const DEFAULT_WINDOW: WindowSettings = { windowDays: 90, extensionDays: 30, maxExtensions: 1 };

type Dated = Pick<Lead, 'id' | 'status' | 'registeredOn' | 'expiresOn'>;

export function expiresOnFor(registeredOn: string, settings: Pick<WindowSettings, 'windowDays'>): string {
  return addDays(registeredOn, settings.windowDays);
}

export function extensionsUsed(
  lead: Pick<Lead, 'registeredOn' | 'expiresOn'>,
  settings: WindowSettings,
): number {
  const beyond = daysBetween(lead.registeredOn, lead.expiresOn) - settings.windowDays;
  if (beyond <= 0 || settings.extensionDays <= 0) return 0;
  return Math.ceil(beyond / settings.extensionDays);
}

/** Whether the lead still blocks others on `today`: Submitted or Approved, and today is not past Expires On. */
export function isProtected(lead: Pick<Lead, 'status' | 'expiresOn'>, today: string): boolean {
  if (!isProtectedStatus(lead.status)) return false;
  return lead.expiresOn === '' || compareDays(today, lead.expiresOn) <= 0;
}

export type ExtensionResult =
  { ok: true; expiresOn: string; extensions: number } | { ok: false; message: string };

export function extendWindow(lead: Dated, settings: WindowSettings, today: string): ExtensionResult {
  if (!isProtectedStatus(lead.status))
    return { ok: false, message: leadMessages.cannotExtendStatus(lead.id, lead.status) };
  if (compareDays(today, lead.expiresOn) > 0)
    return { ok: false, message: leadMessages.cannotExtendEnded(lead.id, lead.expiresOn) };
  const used = extensionsUsed(lead, settings);
  if (used >= settings.maxExtensions)
    return { ok: false, message: leadMessages.maxExtensions(lead.id, settings.maxExtensions) };
  return { ok: true, expiresOn: addDays(lead.expiresOn, settings.extensionDays), extensions: used + 1 };
}

/** Submitted and Approved leads whose window ended before `today`, with the reason to write. */
export function expireLeads<L extends Dated>(
  leads: readonly L[],
  today: string,
): Array<{ lead: L; reason: string }> {
  return leads
    .filter(
      (lead) =>
        isProtectedStatus(lead.status) && lead.expiresOn !== '' && compareDays(lead.expiresOn, today) < 0,
    )
    .map((lead) => ({ lead, reason: leadMessages.windowEnded(lead.expiresOn) }));
}

/**
 * Protected leads whose window ends exactly `days` days after `today` (14 for the reminder), so a
 * daily run reminds each lead once.
 */
export function leadsExpiringIn<L extends Dated>(leads: readonly L[], today: string, days = 14): L[] {
  const day = addDays(today, days);
  return leads.filter((lead) => isProtectedStatus(lead.status) && lead.expiresOn === day);
}
