/**
 * Whether the partner views' refresh has work this hour (views.ts): the audit tail moved since its
 * last complete refresh, or files are owed. When it has, it reads the whole tables (Leads' whole
 * shadow column among them) in this execution, unless a day's job writes first.
 */
import { AUDIT_TAIL_PROPERTY } from '../../sheets/audit-sheet';
import type { TrackerDocument } from '../../sheets/document';
import { readViewsMeta, type ViewsMeta } from '../../sheets/view-state';
import { scheduledRunHolds } from '../triggers/call-budget';

/**
 * The refresh's own calls when it has work: the tables it shows (four reads, two row counts), the
 * link secrets (read, write), and the Drive search for its files when it makes files (one: counted
 * always, so a run that makes files stays within its budget).
 */
export const VIEWS_CALLS = 9;

/**
 * The registration form's making, on the views' first run (the views show links to it): the empty
 * form, its id stored, its questions looked up and added, published, stored ready.
 */
export const FORM_MAKE_CALLS = 10;

export function partnerViewsDue(doc: TrackerDocument, meta: ViewsMeta = readViewsMeta(doc)): boolean {
  return meta.tail !== (doc.property(AUDIT_TAIL_PROPERTY) ?? '') || !!meta.pending;
}

/**
 * Whether the refresh will run in this execution, so that a day's job before it may leave it the
 * whole Leads column to read: this is the hourly run, the refresh is due, and the run's call budget
 * can still hold it (a sidebar call never refreshes the views: it reads only what it needs).
 */
export function partnerViewsDueHere(doc: TrackerDocument): boolean {
  return partnerViewsDue(doc) && scheduledRunHolds(doc, VIEWS_CALLS);
}
