/**
 * Both sides of an overlap are shown: when a registration conflicts with an earlier one, the
 * earlier lead's Conflict notes the later registration too, so whoever looks at either lead (or
 * approves either) sees the other.
 *
 * A Conflict cell names at most `CONFLICT_NOTES_SHOWN` conflicts and `CONFLICT_NOTES_SHOWN` later
 * registrations, then counts the rest ("and 12 more ..."): a partner registering hundreds of
 * near-identical names (a chain's stores) would otherwise grow one cell past the 50,000 characters
 * Google Sheets holds, and the commit writing it would be refused.
 */
import type { Conflict } from '../../shared/api';
import { LATER_REGISTRATION_NOTE, MORE_LATER_NOTE, leadMessages } from './messages';

/** How many conflicts, and how many later registrations, one Conflict cell names. */
export const CONFLICT_NOTES_SHOWN = 20;
/** A later registration is counted rather than named when naming it would take the cell past this. */
const CONFLICT_TEXT_MAX = 40_000;

function partsOf(text: string): string[] {
  return text
    .split('; ')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A registration's own Conflict text: the first conflicts' reasons, then how many more. */
export function conflictText(reasons: readonly string[]): string {
  if (reasons.length <= CONFLICT_NOTES_SHOWN) return reasons.join('; ');
  const shown = reasons.slice(0, CONFLICT_NOTES_SHOWN);
  return [...shown, leadMessages.moreConflicts(reasons.length - shown.length)].join('; ');
}

/** The earlier lead's Conflict text with the later registration added (once; past the first ones, counted). */
export function withLaterRegistration(existing: string, laterId: string, partnerName: string): string {
  const note = leadMessages.laterRegistration(laterId, partnerName);
  const parts = partsOf(existing);
  if (parts.includes(note)) return parts.join('; ');
  const later = parts.filter((p) => LATER_REGISTRATION_NOTE.test(p)).length;
  const counted = parts.findIndex((p) => MORE_LATER_NOTE.test(p));
  const before = counted < 0 ? parts : parts.slice(0, counted);
  const after = counted < 0 ? [] : parts.slice(counted + 1);
  // Named while there is room (a text grown long by hand, pasted into the cell, leaves none), before
  // the count if there is one; otherwise counted.
  if (later < CONFLICT_NOTES_SHOWN && existing.length + note.length + 2 <= CONFLICT_TEXT_MAX)
    return [...before, note, ...(counted < 0 ? [] : [parts[counted]]), ...after].join('; ');
  const count = counted < 0 ? 1 : Number(MORE_LATER_NOTE.exec(parts[counted])![1]) + 1;
  return [...before, leadMessages.moreLaterRegistrations(count), ...after].join('; ');
}

/** The earlier leads a registration's conflicts name (a house account names none). */
export function earlierLeadIds(conflicts: readonly Conflict[]): string[] {
  return [...new Set(conflicts.map((c) => c.leadId).filter((id) => id !== ''))];
}

/** A Conflict text without the notes of later registrations: what the lead itself conflicts with. */
export function ownConflict(text: string): string {
  return partsOf(text)
    .filter((p) => !LATER_REGISTRATION_NOTE.test(p) && !MORE_LATER_NOTE.test(p))
    .join('; ');
}
