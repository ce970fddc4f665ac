/**
 * The daily lead job: Submitted and Approved leads past Expires On become Expired by the lead
 * transition rule, with the reason in Decision Note; leads whose window ends in Settings > Expiry Warning Days (14 by default) get their
 * reminder queued. The leads due are picked from the lead index and only their rows read (else from the
 * whole Leads shadow column; the sheets when it does not know every row), one write through the
 * audited writer (which writes only the cells that change).
 */
import {
  dealChangeOf,
  expireLeads,
  isProtectedStatus,
  leadsExpiringIn,
  transitionLead,
  type LeadEvent,
} from '../../domain/leads';
import { LEAD_STATUS } from '../../shared/statuses';
import { stageDealChange } from './deal-changes';
import { leadPatchCells, leadRows } from './records';
import type { AppContext } from '../context';
import { mayFallOn, shadowField } from '../../domain/audit/shadow-field';
import { addDays } from '../../domain/dates';
import { queueNotices } from '../notifications/notify';
import { TrackerData } from './tracker-data';
import { maintainLeadIndex, type LeadIndexReport } from './lead-index-upkeep';
import { openPickedLeads } from './daily-picks';

export interface ExpiryReport {
  expired: string[];
  reminded: string[];
  /** What the lead index needed (lead-index-upkeep.ts). */
  index: LeadIndexReport['action'];
}

export function runLeadExpiry(ctx: AppContext): ExpiryReport {
  const data = new TrackerData(ctx);
  const warnDays = Number(data.settings.values.expiryWarningDays);
  const days = Number.isInteger(warnDays) && warnDays > 0 ? warnDays : 14;
  // Only the leads that may expire today or be reminded are read as records, in a context of the job's
  // own: picked from the lead index (the active registrations' Expires On) and their shadow rows read
  // (daily-picks.ts); else by the raw text of the whole shadow column; the whole table when neither
  // can serve or Leads is open.
  const own = ctx.isOpen('leads') ? null : ctx.detached();
  const active = own
    ? openPickedLeads(own, (index) =>
        index
          .activeWhere(EXPIRES_ON, (value) => mayBeDue(String(value ?? ''), data.today, days))
          .map((entry) => entry[0]),
      )
    : null;
  const sparse = active
    ? own!.table('leads')
    : own
      ? own.readSome('leads', (cells) => (i) => mayExpire(cells[i], data.today, days))
      : null;
  const work = sparse && own ? own : ctx;
  if (!sparse) ctx.read(['partners', 'leads']);
  const table = work.table('leads');
  const protectedRows = table.rows().filter((r) => isProtectedStatus(String(r.record.status ?? '').trim()));
  const candidates = leadRows(protectedRows, data.days);
  const rows = new Map(candidates.map(({ row, lead }) => [lead.id, row]));
  const leads = candidates.map(({ lead }) => lead);
  const expired = expireLeads(leads, data.today);
  const events: LeadEvent[] = [];
  for (const { lead, reason } of expired) {
    const change = transitionLead(lead, LEAD_STATUS.Expired, {
      actor: ctx.actor.email,
      today: data.today,
      note: reason,
    });
    if (!change.ok) continue; // expireLeads picks only protected leads, which may expire
    table.update(rows.get(lead.id)!, leadPatchCells(change.patch, lead.currency, data.days));
    events.push(...change.events);
  }
  stageDealChange(work, dealChangeOf(events)); // none: an expiring lead is not a Won deal
  const reminded = leadsExpiringIn(leads, data.today, days).map((lead) => lead.id);
  queueNotices(data, 'expiring', reminded);
  // The lead index folded or built when due, in the same commit (the shadow column is read already).
  const index = maintainLeadIndex(work, table, active);
  work.commit();
  return { expired: expired.map(({ lead }) => lead.id), reminded, index: index.action };
}

/** Whether a lead's shadow text may be a protected lead whose window ended, or ends in `warnDays`. */
function mayExpire(raw: string, today: string, warnDays: number): boolean {
  if (!isProtectedStatus(shadowField(raw, 'status').trim())) return false;
  return mayBeDue(shadowField(raw, 'expiresOn'), today, warnDays);
}

/** Whether Expires On as the shadow holds it may have passed, or fall `warnDays` from today. */
function mayBeDue(expiresOn: string, today: string, warnDays: number): boolean {
  const warnOn = addDays(today, warnDays);
  return mayFallOn(expiresOn, '0001-01-01', addDays(today, -1)) || mayFallOn(expiresOn, warnOn, warnOn);
}

/** Where an index entry (IndexEntry) holds Expires On as the shadow holds it. */
const EXPIRES_ON = 8;
