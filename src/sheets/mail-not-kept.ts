/**
 * Partner e-mail updates the tracker could not keep because their store was full: lead notices past
 * the notice queue's 256 KB (app/notifications/queue.ts), outbox updates no digest could keep
 * (partner-outbox.ts). One count in the document properties, written with the execution's property
 * write like the stores themselves; the Partners page shows it (getPartnerMailStatus).
 */
import type { TrackerDocument } from './document';

export const MAIL_NOT_KEPT = 'tracker.mailNotKept';

export function mailNotKept(doc: TrackerDocument): number {
  const count = Number(doc.property(MAIL_NOT_KEPT) || 0);
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

/** Adds `count` updates to the count (queued for the execution's property write). */
export function countMailNotKept(doc: TrackerDocument, count: number): void {
  if (count > 0) doc.setProperty(MAIL_NOT_KEPT, String(mailNotKept(doc) + count));
}
