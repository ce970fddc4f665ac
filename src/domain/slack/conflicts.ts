/** The registration conflict a committed change reveals (its Conflict cell filled), for Slack. */
import type { RecordChange } from '../webhooks/announcements';
import type { ConflictNotice } from './message';
import { ownConflict } from '../leads/overlap';

export function conflictOf(change: RecordChange): ConflictNotice | null {
  if (change.sheet !== 'leads') return null;
  const conflict = change.fields.conflict;
  if (!conflict || !conflict.new || conflict.new === conflict.old) return null;
  // an earlier lead noting a later registration is the same overlap, announced with the later one
  if (ownConflict(conflict.new) === ownConflict(conflict.old ?? '')) return null;
  return {
    leadId: change.id,
    company: change.fields.company?.new ?? '',
    partner: change.fields.partnerName?.new || change.fields.partnerId?.new || '',
    conflict: conflict.new,
  };
}
