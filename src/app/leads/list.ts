/** getLead and listLeads: read Leads once (no lock: nothing is written), filter and order in memory. */
import type { Lead, LeadFilter, LeadStatus } from '../../shared/api';
import { LEAD_STATUS, isOneOf } from '../../shared/statuses';
import { findLead } from './find';
import { pageLeads } from './page';
import { PAGE_LIMIT_MAX } from '../../shared/paging';
import { userContext } from './request';
import { TrackerData } from './tracker-data';

export function getLead(id: unknown): Lead {
  return findLead(new TrackerData(userContext()), id).lead;
}

function matches(lead: Lead, filter: LeadFilter, words: string[]): boolean {
  const statuses: LeadStatus[] | null = filter.status
    ? Array.isArray(filter.status)
      ? filter.status
      : [filter.status]
    : filter.queue
      ? [LEAD_STATUS.Submitted]
      : null;
  if (statuses && !isOneOf(statuses, lead.status)) return false;
  if (filter.partnerId && lead.partnerId !== filter.partnerId) return false;
  if (!words.length) return true;
  const haystack = [
    lead.id,
    lead.company,
    lead.domain,
    lead.partnerName,
    lead.partnerId,
    lead.contactName,
    lead.contactEmail,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function listLeads(filter: unknown): Lead[] {
  const f = (filter && typeof filter === 'object' ? filter : {}) as LeadFilter;
  const words = String(f.search ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  // A tab of Review leads, a page long and not searched: chosen from the lead index (pageLeads).
  const limited = Number(f.limit);
  const tab =
    f.queue && !f.status ? 'queue' : !f.queue && f.status === LEAD_STATUS.Approved ? 'approved' : null;
  if (tab && !words.length && Number.isInteger(limited) && limited > 0 && limited <= PAGE_LIMIT_MAX)
    return pageLeads({ tab, partnerId: f.partnerId, limit: limited }).items;
  // From the Leads shadow (one cell a row, not the sheet's columns), guarded against rows another
  // tool appended (then the sheet).
  const ctx = userContext();
  ctx.read(['leads']);
  const leads = new TrackerData(ctx).leads.map(({ lead }) => lead).filter((lead) => matches(lead, f, words));
  if (f.queue)
    leads.sort(
      (a, b) =>
        Number(b.conflict.trim() !== '') - Number(a.conflict.trim() !== '') ||
        a.registeredOn.localeCompare(b.registeredOn) ||
        a.id.localeCompare(b.id),
    );
  const limit = Number(f.limit);
  return Number.isInteger(limit) && limit > 0 ? leads.slice(0, limit) : leads;
}
