/** The context of a sidebar call: the active document, the person calling, source "sidebar". */
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import { AppContext } from '../context';

export function sidebarContext(): AppContext {
  return new AppContext(new TrackerDocument(), sessionActor(), 'sidebar');
}
