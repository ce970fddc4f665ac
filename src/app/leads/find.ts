/** Finding one lead by id (a person's id, validated) among the leads read once. */
import { messages } from '../../shared/schema';
import type { LeadRow } from './records';
import { fail } from '../user-error';
import type { TrackerData } from './tracker-data';

const LEAD_ID = /^L-\d{6,}$/;

export function leadIdOf(id: unknown): string {
  const text = typeof id === 'string' ? id.trim() : '';
  if (!LEAD_ID.test(text)) fail(messages.notId('Lead ID', String(id ?? ''), 'L-000001'));
  return text;
}

export function findLead(data: TrackerData, id: unknown): LeadRow {
  const leadId = leadIdOf(id);
  const found = data.leads.find(({ lead }) => lead.id === leadId);
  if (!found) fail(`Lead ID '${leadId}' is not a lead in this tracker`);
  return found;
}
