/**
 * Both sides of an overlap are shown: when a registration conflicts with an earlier one, the
 * earlier lead's Conflict notes the later registration too, so whoever looks at either lead (or
 * approves either) sees the other.
 */
import type { Conflict } from '../../shared/api';
import { LATER_REGISTRATION_NOTE, leadMessages } from './messages';

/** The earlier lead's Conflict text with the later registration added (once). */
export function withLaterRegistration(existing: string, laterId: string, partnerName: string): string {
  const note = leadMessages.laterRegistration(laterId, partnerName);
  const parts = existing
    .split('; ')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.includes(note) ? parts.join('; ') : [...parts, note].join('; ');
}

/** The earlier leads a registration's conflicts name (a house account names none). */
export function earlierLeadIds(conflicts: readonly Conflict[]): string[] {
  return [...new Set(conflicts.map((c) => c.leadId).filter((id) => id !== ''))];
}

/** A Conflict text without the notes of later registrations: what the lead itself conflicts with. */
export function ownConflict(text: string): string {
  return text
    .split('; ')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !LATER_REGISTRATION_NOTE.test(p))
    .join('; ');
}
