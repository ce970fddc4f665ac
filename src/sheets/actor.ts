/** Who is acting, as Apps Script reveals it; "unknown" with the reason when it does not. */
import { UNKNOWN_USER } from '../domain/audit/entry';
import type { Actor } from './writer';

export const UNKNOWN_REASONS = {
  edit: 'Apps Script did not give this editor’s email (it withholds it for consumer accounts and people outside the owner’s domain).',
  session: 'Apps Script did not give the active user’s email (it withholds it in this context).',
} as const;

export function actorFrom(email: string | undefined | null, reason: string): Actor {
  return email ? { email } : { email: UNKNOWN_USER, note: reason };
}

/** The user running a sidebar call or menu item (one Session call). */
export function sessionActor(): Actor {
  return actorFrom(Session.getActiveUser().getEmail(), UNKNOWN_REASONS.session);
}

/** The editing user from an edit/change event's `user` (no service call). */
export function eventActor(user: GoogleAppsScript.Base.User | undefined): Actor {
  let email = '';
  try {
    email = user ? user.getEmail() : '';
  } catch {
    email = '';
  }
  return actorFrom(email, UNKNOWN_REASONS.edit);
}

/** The email of the account the script runs as (a trigger's creator; a menu item's user): one call. */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

/** The account a time-driven trigger runs as (its creator). */
export function triggerActor(): Actor {
  return actorFrom(effectiveUserEmail(), UNKNOWN_REASONS.session);
}
