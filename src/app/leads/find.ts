/** Finding one lead by id (a person's id, validated) among the leads read once. */
import { labels, messages } from '../../shared/schema';
import type { LeadRow } from './records';
import { fail } from '../user-error';
import type { TrackerData } from './tracker-data';
import { exampleId, looksLikeId } from '../../shared/ids';

export function leadIdOf(id: unknown): string {
  const text = typeof id === 'string' ? id.trim() : '';
  if (!looksLikeId('lead', text)) fail(messages.notId(labels.leadId, String(id ?? ''), exampleId('lead')));
  return text;
}

export function findLead(data: TrackerData, id: unknown): LeadRow {
  const leadId = leadIdOf(id);
  const found = data.leads.find(({ lead }) => lead.id === leadId);
  if (!found) fail(`${labels.leadId} '${leadId}' is not a lead in this tracker`);
  return found;
}
