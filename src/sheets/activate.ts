/** Brings a tracker sheet to the front, found by its id in the layout (a renamed tab too). */
import { TrackerDocument } from './document';
import type { SheetKey } from './schema-types';

export function activateSheet(key: SheetKey): void {
  new TrackerDocument().sheet(key)?.activate();
}
