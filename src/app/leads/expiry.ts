/**
 * The daily lead job: Submitted and Approved leads past Expires On become Expired, with the reason in
 * Decision Note; leads whose window ends in Settings > Expiry Warning Days (14 by default) get their
 * reminder queued. Partners and Leads read from their shadow (one read; the sheets when it does not
 * know every row), one write through the audited writer (which writes only the cells that change).
 */
import { expireLeads, isProtectedStatus, leadsExpiringIn } from '../../domain/leads';
import { leadRows } from './records';
import type { AppContext } from '../context';
import { openFromShadow } from '../shadow-tables';
import { queueNotices } from '../notifications/notify';
import { TrackerData } from './tracker-data';

export interface ExpiryReport {
  expired: string[];
  reminded: string[];
}

export function runLeadExpiry(ctx: AppContext): ExpiryReport {
  ctx.lock();
  openFromShadow(ctx, ['partners', 'leads']);
  const data = new TrackerData(ctx);
  const table = ctx.table('leads');
  // Only protected leads can expire or be reminded: the others are not read as records at all.
  const protectedRows = table.rows().filter((r) => isProtectedStatus(String(r.record.status ?? '').trim()));
  const candidates = leadRows(protectedRows, data.days);
  const rows = new Map(candidates.map(({ row, lead }) => [lead.id, row]));
  const leads = candidates.map(({ lead }) => lead);
  const expired = expireLeads(leads, data.today);
  for (const { lead, reason } of expired)
    table.update(rows.get(lead.id)!, { status: 'Expired', decisionNote: reason });
  const warnDays = Number(data.settings.values.expiryWarningDays);
  const days = Number.isInteger(warnDays) && warnDays > 0 ? warnDays : 14;
  const reminded = leadsExpiringIn(leads, data.today, days).map((lead) => lead.id);
  queueNotices(data, 'expiring', reminded);
  ctx.commit();
  return { expired: expired.map(({ lead }) => lead.id), reminded };
}
