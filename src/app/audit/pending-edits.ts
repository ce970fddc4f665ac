/**
 * What makes a person's edit, row insert or row delete recorded even when its trigger dies: the
 * trigger first stores what happened (which rows, who, when: one property write) and clears it in
 * the same journaled commit that records it. A trigger that dies before that commit leaves the entry
 * behind; the next execution of any kind finds it (`registerRecovery`) and records the edit then,
 * from the rows as they are and the shadow as it was, under the editor's name and the edit's time.
 */
import type { TrackerDocument } from '../../sheets/document';
import type { Actor } from '../../sheets/writer';
import type { SheetKey } from '../../sheets/schema';

export const PENDING_EDITS_PROPERTY = 'tracker.pendingEdits';
/** At most this many unfinished edits are kept (a trigger failing again and again drops the oldest). */
const MAX_PENDING = 30;
/** A one-cell edit's old value is kept in the entry up to this length (else the shadow has it). */
const MAX_KEPT_OLD_VALUE = 1000;

interface PendingBase {
  id: string;
  actor: Actor;
  /** When the trigger ran (ISO): the time the edit is recorded at. */
  at: string;
}

export interface PendingEdit extends PendingBase {
  kind: 'edit';
  sheet: SheetKey;
  rows: [number, number];
  cols: [number, number];
  /** The event's oldValue of a one-cell edit, when short; otherwise the shadow is the old value. */
  oldValue?: string;
}

export interface PendingChange extends PendingBase {
  kind: 'change';
}

export type Pending = PendingEdit | PendingChange;

export function pendingEdits(doc: TrackerDocument): Pending[] {
  const text = doc.property(PENDING_EDITS_PROPERTY);
  if (!text) return [];
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? (list as Pending[]) : [];
  } catch {
    return [];
  }
}

/** Stores an edit about to be recorded (queued: the caller flushes it before its first read). */
export function addPending<T extends Pending>(doc: TrackerDocument, pending: Omit<T, 'id'>): T {
  const list = pendingEdits(doc);
  const entry = { ...pending, id: `${pending.at}#${list.length}` } as T;
  doc.setProperty(PENDING_EDITS_PROPERTY, JSON.stringify([...list, entry].slice(-MAX_PENDING)));
  return entry;
}

/** The old value worth keeping in a one-cell edit's entry. */
export function keptOldValue(single: boolean, oldValue: unknown): string | undefined {
  if (!single) return undefined;
  const text = oldValue === undefined || oldValue === null ? '' : String(oldValue);
  return text.length <= MAX_KEPT_OLD_VALUE ? text : undefined;
}

/** Removes a recorded edit (queued: made by the commit that records it). */
export function removePending(doc: TrackerDocument, id: string): void {
  const rest = pendingEdits(doc).filter((p) => p.id !== id);
  doc.setProperty(PENDING_EDITS_PROPERTY, rest.length ? JSON.stringify(rest) : '');
}
