/**
 * How a sidebar call starts: a context for the user running it (source "sidebar"). How it fails:
 * src/app/user-error.ts.
 */
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import type { AuditSource } from '../../domain/audit/entry';
import { AppContext } from '../context';

export function userContext(source: AuditSource = 'sidebar'): AppContext {
  return new AppContext(new TrackerDocument(), sessionActor(), source);
}
