/**
 * What makes a person's edit, row insert or row delete recorded even when its trigger dies: the
 * trigger first stores what happened (which rows, who, when: one property write) and clears it in
 * the same journaled commit that records it. A trigger that dies before that commit leaves the entry
 * behind; the next execution of any kind finds it (`registerRecovery`) and records the edit then,
 * from the rows as they are and the shadow as it was, under the editor's name and the edit's time.
 *
 * The entry is stored after the lock (it is one list, read and written whole). A trigger that fails
 * BEFORE it (the lock not had in time, while the hourly run holds it; a failed read) stores its
 * trace instead, with two calls that need no lock, under a key of its own (`traceLost`). The next
 * execution records a traced edit as it records a pending one, and the one after deletes the
 * emptied key. Only a trigger killed in those first calls (not an error it can catch) leaves nothing.
 */
import type { TrackerDocument } from '../../sheets/document';
import type { Actor } from '../../sheets/writer';
import { sheetDef, type SheetKey } from '../../sheets/schema';
import { authorizationError, thrownMessage } from '../../shared/scopes';

export const PENDING_EDITS_PROPERTY = 'tracker.pendingEdits';
/** At most this many unfinished edits are kept (a trigger failing again and again drops the oldest). */
const MAX_PENDING = 30;
/** A one-cell edit's old value is kept in the entry up to this length (else the shadow has it); a
 * trace's new value too. */
const MAX_KEPT_VALUE = 1000;

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

/** A traced hand edit of the Audit Log or of `_Shadow`: recorded as the trigger records one. */
export interface PendingLogEdit extends PendingBase {
  kind: 'logEdit';
  sheetName: string;
  log: boolean;
  rows: [number, number];
  cols: [number, number];
  oldValue?: string;
  newValue?: string;
}

/** A traced edit of the Dashboard: a change of its period or currency is kept for the next refresh. */
export interface PendingDashboardEdit extends PendingBase {
  kind: 'dashboardEdit';
  rows: [number, number];
  cols: [number, number];
}

/** A trace of an edit the tracker does not record (a sheet it does not keep): it is only cleared. */
export interface PendingDrop extends PendingBase {
  kind: 'drop';
}

export type Pending = PendingEdit | PendingChange | PendingLogEdit | PendingDashboardEdit | PendingDrop;

/** A failed trigger's trace is stored under a key of its own with this prefix (`traceLost`). */
const LOST_PREFIX = 'tracker.lostEdit.';

export function isLostTraceKey(key: string): boolean {
  return key.startsWith(LOST_PREFIX);
}

/**
 * What a trigger that failed before storing its entry knew: the sheet by id (the layout that names
 * it was not read), the rows and columns, or a row change.
 */
export type LostTrace =
  (Omit<PendingEdit, 'id' | 'sheet'> & { sheetId: number; newValue?: string }) | Omit<PendingChange, 'id'>;

/** Every unfinished edit and change, oldest first: the stored list and the traces of failed triggers. */
export function pendingEdits(doc: TrackerDocument): Pending[] {
  const list = parsed<Pending[]>(doc.property(PENDING_EDITS_PROPERTY));
  const all: Pending[] = Array.isArray(list) ? [...list] : [];
  for (const key of doc.propertyKeys().filter(isLostTraceKey).sort()) {
    const trace = parsed<LostTrace>(doc.property(key));
    if (!trace || typeof trace !== 'object' || typeof trace.at !== 'string') continue;
    const id = key;
    // Its entry stored after all (a write reported failed that was made): the entry records it.
    const stored = all.find(
      (p) =>
        p.kind === trace.kind &&
        p.at === trace.at &&
        (trace.kind === 'change' ||
          (p.kind === 'edit' && `${p.cols}` === `${trace.cols}` && p.rows[1] === trace.rows[1])),
    );
    if (stored) {
      all.push({ kind: 'drop', actor: trace.actor, at: trace.at, id });
      continue;
    }
    if (trace.kind === 'change') all.push({ ...trace, id });
    else all.push(tracedEdit(doc, trace, id));
  }
  // (a stable sort: the stored list, already in time order, keeps its order among equal times)
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** What a traced edit of sheet `sheetId` is: as the trigger would have taken it had it got the lock. */
function tracedEdit(doc: TrackerDocument, trace: LostTrace & { kind: 'edit' }, id: string): Pending {
  const { sheetId, newValue, ...edit } = trace;
  const sheet = doc.keyOfSheet(sheetId);
  const shadow = doc.layout().shadow;
  if (sheet === 'auditLog' || shadow?.id === sheetId) {
    const sheetName = sheet ? (doc.layout().sheets[sheet]?.name ?? sheet) : (shadow?.name ?? '');
    return { ...edit, kind: 'logEdit', id, sheetName, log: sheet === 'auditLog', newValue };
  }
  if (sheet === 'dashboard')
    return { kind: 'dashboardEdit', id, actor: edit.actor, at: edit.at, rows: edit.rows, cols: edit.cols };
  // A sheet the tracker does not keep (or no longer has), or its header: nothing to record.
  if (!sheet || !sheetDef(sheet).tracked || edit.rows[1] < 2)
    return { kind: 'drop', actor: edit.actor, at: edit.at, id };
  return { ...edit, sheet, id, rows: [Math.max(edit.rows[0], 2), edit.rows[1]] };
}

/** The keys of traces already recorded and emptied by a commit: deleted by the next recovery. */
export function emptiedTraces(doc: TrackerDocument): string[] {
  return doc.propertyKeys().filter((key) => isLostTraceKey(key) && !doc.property(key));
}

function parsed<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * Stores the trace of a trigger that failed before its entry was stored: the keys (one call), then
 * one property write, both made without the lock, under a key of its own (the edit's time and
 * cells), so no other execution writes it but the one that records the trace and empties it. At
 * most MAX_PENDING traces wait (a failure that repeats at every execution must not fill the
 * store): past that, the newest are not stored. Best effort: a trace that cannot be stored is not.
 */
function traceLost(doc: TrackerDocument, trace: LostTrace): void {
  const where = trace.kind === 'edit' ? `${trace.sheetId}!${trace.rows}!${trace.cols}` : 'rows';
  try {
    if (doc.propertyKeysNow().filter(isLostTraceKey).length >= MAX_PENDING) return;
    doc.writePropertyNow(`${LOST_PREFIX}${trace.at}.${where}`, JSON.stringify(trace));
  } catch {
    // the execution's own failure is the one reported
  }
}

/**
 * Runs a trigger's lead-in, up to its stored entry; when it fails (not for want of authorization:
 * such an execution cannot write properties either) stores `trace` first, then rethrows.
 */
export function tracedOnFailure<T>(
  doc: TrackerDocument,
  trace: LostTrace,
  leadIn: () => T,
  /** False once the lead-in is over (its entry, or a journal, stored): no trace then. */
  still: () => boolean = () => true,
): T {
  try {
    return leadIn();
  } catch (err) {
    if (!authorizationError(thrownMessage(err)) && still()) traceLost(doc, trace);
    throw err;
  }
}

/** Stores an edit about to be recorded (queued: the caller flushes it before its first read). */
export function addPending<T extends PendingEdit | PendingChange>(
  doc: TrackerDocument,
  pending: Omit<T, 'id'>,
): T {
  const stored = parsed<Pending[]>(doc.property(PENDING_EDITS_PROPERTY));
  const list = Array.isArray(stored) ? stored : [];
  const entry = { ...pending, id: `${pending.at}#${list.length}` } as T;
  doc.setProperty(PENDING_EDITS_PROPERTY, JSON.stringify([...list, entry].slice(-MAX_PENDING)));
  return entry;
}

/** A one-cell edit's value worth keeping in its entry (the old value; a trace's new value too). */
export function keptValue(single: boolean, value: unknown): string | undefined {
  if (!single) return undefined;
  const text = value === undefined || value === null ? '' : String(value);
  return text.length <= MAX_KEPT_VALUE ? text : undefined;
}

/** The stored list (its text, as `removePending` would queue it) without entry `id`. */
export function pendingListWithout(doc: TrackerDocument, id: string): string {
  const list = parsed<Pending[]>(doc.property(PENDING_EDITS_PROPERTY));
  if (isLostTraceKey(id)) return doc.property(PENDING_EDITS_PROPERTY) ?? '';
  const rest = Array.isArray(list) ? list.filter((p) => p.id !== id) : [];
  return rest.length ? JSON.stringify(rest) : '';
}

/** Removes a recorded edit (queued: made by the commit that records it). */
export function removePending(doc: TrackerDocument, id: string): void {
  if (isLostTraceKey(id)) {
    doc.setProperty(id, '');
    return;
  }
  doc.setProperty(PENDING_EDITS_PROPERTY, pendingListWithout(doc, id));
}
