/**
 * How a sidebar call starts: a context for the user running it (source "sidebar"). How it fails:
 * src/app/user-error.ts.
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
