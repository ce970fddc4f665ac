/**
 * How a sidebar call starts and how it fails: a context for the user running it (source "sidebar"),
 * and errors that carry only what a person can act on, one problem per line (the sidebar shows a
 * line that starts with a field's label under that field).
 */
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import type { AuditSource } from '../../domain/audit/entry';
import { AppContext } from '../context';

/** A call that only reads. */
export function userContext(source: AuditSource = 'sidebar'): AppContext {
  return new AppContext(new TrackerDocument(), sessionActor(), source);
}

/** A call that may change the tracker: its document takes the lock before its first read. */
export function changeContext(source: AuditSource = 'sidebar'): AppContext {
  return new AppContext(new TrackerDocument(undefined, { writes: true }), sessionActor(), source);
}

/** An error meant for the person: its message is the whole story, one problem per line. */
export class UserError extends Error {
  constructor(messages: string | readonly string[]) {
    super(typeof messages === 'string' ? messages : messages.join('\n'));
    this.name = 'UserError';
  }
}

/** Throws the field errors of a failed validation; returns the value otherwise. */
export function valid<T>(
  result: { ok: true; value: T } | { ok: false; errors: ReadonlyArray<{ message: string }> },
): T {
  if (!result.ok) throw new UserError(result.errors.map((e) => e.message));
  return result.value;
}
