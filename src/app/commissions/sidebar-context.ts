/** The context of a sidebar call: the active document, the person calling, source "sidebar". */
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import { AppContext } from '../context';

export function sidebarContext(): AppContext {
  return new AppContext(new TrackerDocument(), sessionActor(), 'sidebar');
}

/** A sidebar call that may change the tracker: the lock is taken before its first read. */
export function sidebarChange(): AppContext {
  return new AppContext(new TrackerDocument(undefined, { writes: true }), sessionActor(), 'sidebar');
}
