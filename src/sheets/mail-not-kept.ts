/**
 * Partner e-mail updates the tracker could not keep because their store was full: lead notices past
 * the notice queue's 256 KB (app/notifications/queue.ts), outbox updates no digest could keep
 * (partner-outbox.ts). Counted in the document properties, written with the execution's property
 * write like the stores themselves; the Partners page shows the count (getPartnerMailStatus) and
 * Dismiss takes off what it showed (dismissMailNotKept).
 *
 * Two numbers, both only ever growing: every update not kept so far, and how many of those a person
 * dismissed. Dismiss sends the first as the page had it, so a retry changes nothing and updates
 * counted after the page loaded stay shown.
 */
import type { TrackerDocument } from './document';

export const MAIL_NOT_KEPT = 'tracker.mailNotKept';
export const MAIL_NOT_KEPT_DISMISSED = 'tracker.mailNotKeptDismissed';

function counted(doc: TrackerDocument, key: string): number {
  const count = Number(doc.property(key) || 0);
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

/** Every update not kept so far (dismissed ones too). */
export function mailNotKeptThrough(doc: TrackerDocument): number {
  return counted(doc, MAIL_NOT_KEPT);
}

/** The updates not kept that no one dismissed yet. */
export function mailNotKept(doc: TrackerDocument): number {
  return Math.max(0, mailNotKeptThrough(doc) - counted(doc, MAIL_NOT_KEPT_DISMISSED));
}

/** Adds `count` updates to the count (queued for the execution's property write). */
export function countMailNotKept(doc: TrackerDocument, count: number): void {
  if (count > 0) doc.setProperty(MAIL_NOT_KEPT, String(mailNotKeptThrough(doc) + count));
}

/** Dismisses the updates not kept up to `through` (the running count the page showed; queued). */
export function dismissMailNotKept(doc: TrackerDocument, through: number): void {
  const dismissed = Math.min(through, mailNotKeptThrough(doc));
  if (dismissed > counted(doc, MAIL_NOT_KEPT_DISMISSED))
    doc.setProperty(MAIL_NOT_KEPT_DISMISSED, String(dismissed));
}
