/**
 * Whether the partner views' refresh has work this hour (views.ts): the audit tail moved since its
 * last complete refresh, or files are owed. When it has, it reads the whole tables (Leads' whole
 * shadow column among them) in this execution, unless a day's job writes first.
 */
import { AUDIT_TAIL_PROPERTY } from '../../sheets/audit-sheet';
import type { TrackerDocument } from '../../sheets/document';
import { readViewsMeta, type ViewsMeta } from '../../sheets/view-state';

export function partnerViewsDue(doc: TrackerDocument, meta: ViewsMeta = readViewsMeta(doc)): boolean {
  return meta.tail !== (doc.property(AUDIT_TAIL_PROPERTY) ?? '') || !!meta.pending;
}
