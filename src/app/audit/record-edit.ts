/**
 * The installable edit trigger: a person's edit of a tracked sheet is audited with a constant number
 * of service calls whatever the sheet size. One cell: the lock (taken FIRST, so the audit tail read
 * next is the latest one), the property read (layout + audit tail) with the read of the log rows
 * that say whether the last commit landed (also this commit's tail check), the pending-edit write
 * (what happened, in case the trigger dies: pending-edits.ts), one read of the edited rows, then ONE
 * journaled commit of the shadow, the audit entries and the reactions' changes: the journal and
 * tail write, the shadow write, the audit append (the event's oldValue is the old value): 8 counted
 * calls (getDocumentLock, getDocumentProperties and getRange are handle factories, not counted). A
 * pasted or cleared block: the same plus one read of the block's shadow (old values): 9.
 *
 * A one-cell edit whose commit is just its shadow cell and its audit entry (no reaction wrote, nothing
 * else queued) skips the journal and tail write: 7 calls. Its stored pending entry is its journal
 * (TrackerDocument.landOnAppend): the append, made last, is its landing; the next execution finds the
 * entry, sees the row after the stored tail chain from it with the edit's time (`landedEdit`: from
 * the rows its journal check read) and lets its own next property write move the tail and clear the
 * entry; not landed, it records the edit again from the row as it is (the same two writes).
 *
 * A one-cell edit of a column no reaction acts on (`carriesShadow`: Notes, a contact) goes one call
 * further: its entry is stored AFTER the row is read, with the row's new shadow cell, which waits in
 * the properties instead of being written to `_Shadow` (sheets/shadow-deferred.ts): the lock, the
 * properties, the log rows, the row, the entry with the cell, the append: 6 calls
 * (TrackerDocument.carryOnAppend). The row's read joins the lead-in (a failure there is traced).
 *
 * A trigger that fails before its pending-edit write (the lock not had in time while the hourly run
 * holds it: an error it can catch) stores a trace instead, with no lock (pending-edits.ts
 * tracedOnFailure): the next execution records the edit from it.
 */
import { auditText, type AuditEntry } from '../../domain/audit/entry';
import { decodeShadow, encodeShadow, shadowValues } from '../../domain/audit/shadow';
import { eventActor } from '../../sheets/actor';
import {
  AUDIT_TAIL_PROPERTY,
  adoptEntryPastTail,
  appendAudit,
  entryPastTail,
  type EntryPastTail,
} from '../../sheets/audit-sheet';
import {
  PENDING_EDITS_PROPERTY,
  addPending,
  isLostTraceKey,
  keptValue,
  pendingEdits,
  pendingListWithout,
  removePending,
  tracedOnFailure,
  type LostTrace,
  type PendingEdit,
  type PendingLogEdit,
} from './pending-edits';
import { a1 } from '../../sheets/capacity';
import { TIME_ZONE_PROPERTY, TrackerDocument } from '../../sheets/document';
import { keysByPosition } from '../../sheets/layout';
import { sheetDef } from '../../sheets/schema';
import { AUDIT_LOG } from '../../sheets/sheet-defs/audit-log';
import { LEAD_INDEX_PROPERTY, leadEntryKept } from '../../sheets/lead-index';
import { deferShadow, readShadow, writeShadow } from '../../sheets/shadow-sheet';
import { DEFERRED_PREFIX } from '../../sheets/shadow-deferred';
import { JOURNAL_PROPERTY } from '../../sheets/journal';
import type { SheetKey } from '../../sheets/schema';
import type { RecordValues } from '../../sheets/table';
import { entriesFor } from '../../sheets/writer';
import { AppContext } from '../context';
import type { EditedRow } from '../triggers/edit-reaction';
import { runEditReactions } from '../triggers/edit-reactions';
import { refreshOnDashboardEdit } from '../dashboard/edit-refresh';

export interface EditReport {
  sheet: string | null;
  entries: number;
  reactionErrors: Array<{ name: string; error: string }>;
}

export function recordEdit(e: GoogleAppsScript.Events.SheetsOnEdit): EditReport {
  const none: EditReport = { sheet: null, entries: 0, reactionErrors: [] };
  if (!e || !e.range) return none;
  // The lock first: the layout and the audit tail are read with the properties, after it, so an
  // execution that appended meanwhile is seen (its tail is not overwritten).
  const doc = new TrackerDocument(e.source, { writes: true });
  const range = e.range;
  const sheet = range.getSheet();
  const at = new Date().toISOString();
  const rows: [number, number] = [range.getRow(), range.getRow() + range.getNumRows() - 1];
  const cols: [number, number] = [range.getColumn(), range.getColumn() + range.getNumColumns() - 1];
  const single = rows[0] === rows[1] && cols[0] === cols[1];
  const actor = eventActor(e.user);
  // Failed before its entry was stored (the lock not had in time, a read): its trace instead.
  const trace: LostTrace = {
    kind: 'edit',
    actor,
    at,
    sheetId: sheet.getSheetId(),
    rows,
    cols,
    oldValue: keptValue(single, e.oldValue),
    newValue: keptValue(single, e.value),
  };
  const begun = tracedOnFailure(doc, trace, () =>
    beginEdit(doc, e, sheet, { at, rows, cols, single, actor }),
  );
  if (!('pending' in begun)) return begun;
  if (begun.stored) return applyEdit(doc, begun.pending);
  // Its entry stored with its shadow cell: the row's read is part of the lead-in (traced likewise).
  return tracedOnFailure(
    doc,
    trace,
    () => applyEdit(doc, begun.pending, false, false),
    () => !doc.storedProperties(),
  );
}

/**
 * A one-cell edit whose row's new shadow cell may ride its pending entry (sheets/shadow-deferred.ts):
 * a column of Leads or Partners that no reaction acts on (not the id, not filled by the script, not
 * what money is computed from). Its pending entry is stored after the row is read (with the cell),
 * so its trigger's lead-in is one read longer: the lock, the properties, the log's journal check,
 * the row.
 */
function carriesShadow(doc: TrackerDocument, key: SheetKey, col: number): boolean {
  if (key !== 'leads' && key !== 'partners') return false;
  const layout = doc.layout().sheets[key];
  const columnKey = layout ? keysByPosition(layout)[col] : '';
  const def = sheetDef(key);
  const column = def.columns.find((c) => c.key === columnKey);
  return !!column && column.key !== def.id?.column && !column.protected && !column.money && !column.ownerOnly;
}

/**
 * The edit's lead-in, up to its stored entry: which sheet, the hand edits of the log and the
 * Dashboard's period (done here), then what happened, stored before anything is read.
 */
function beginEdit(
  doc: TrackerDocument,
  e: GoogleAppsScript.Events.SheetsOnEdit,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  edit: Pick<PendingEdit, 'at' | 'rows' | 'cols' | 'actor'> & { single: boolean },
): EditReport | { pending: PendingEdit; stored: boolean } {
  const none: EditReport = { sheet: null, entries: 0, reactionErrors: [] };
  const key = doc.keyOfSheet(sheet.getSheetId());
  // A hand edit of the Audit Log or of _Shadow (whose rows the tracker trusts only when their seal
  // checks: sheets/shadow-seals.ts) is itself evidence.
  const onShadow = doc.layout().shadow?.id === sheet.getSheetId();
  if (key === 'auditLog' || onShadow)
    return recordLogEdit(doc, {
      ...edit,
      sheetName: sheet.getName(),
      log: key === 'auditLog',
      oldValue: edit.single ? String(e.oldValue ?? '') : undefined,
      newValue: edit.single ? String(e.value ?? '') : undefined,
    });
  if (key === 'dashboard' && refreshOnDashboardEdit(doc, edit)) return { ...none, sheet: sheet.getName() };
  if (!key || !sheetDef(key).tracked) return none;
  const [firstRow, lastRow] = edit.rows;
  if (firstRow === 1) doc.refreshLayout();
  const start = Math.max(firstRow, 2);
  if (lastRow < start) {
    doc.commit();
    return { ...none, sheet: sheet.getName() };
  }
  const entry: Omit<PendingEdit, 'id'> = {
    kind: 'edit',
    actor: edit.actor,
    at: edit.at,
    sheet: key,
    rows: [start, lastRow],
    cols: edit.cols,
    oldValue: keptValue(edit.single, e.oldValue),
  };
  // Stored with its row's shadow cell, after the row is read (applyEdit).
  if (edit.single && carriesShadow(doc, key, edit.cols[0]))
    return { pending: { ...entry, id: '' }, stored: false };
  // What happened, stored before anything is read: a trigger that dies from here on leaves it for
  // the next execution to record (pending-edits.ts).
  const pending = addPending<PendingEdit>(doc, entry);
  doc.commit();
  return { pending, stored: true };
}

/**
 * Records an edit (the trigger's own, or one a dead trigger left): the rows as they are against the
 * old values (the event's, else the shadow), the shadow, the reactions' changes and the removal of
 * the pending entry, all in ONE journaled commit.
 */
export function applyEdit(
  doc: TrackerDocument,
  edit: PendingEdit,
  recovering = false,
  stored = true,
): EditReport {
  const single = edit.rows[0] === edit.rows[1] && edit.cols[0] === edit.cols[1];
  const landed = recovering && single ? landedEdit(doc, edit) : null;
  if (landed) {
    // Recorded by its append alone: the tail moves past it and the entry goes with the next write.
    adoptEntryPastTail(doc, landed);
    removePending(doc, edit.id);
    doc.deferToNextWrite();
    return { sheet: null, entries: 0, reactionErrors: [] };
  }
  const layout = doc.layout().sheets[edit.sheet];
  const sheet = doc.sheet(edit.sheet);
  if (!layout || !sheet) {
    removePending(doc, edit.id);
    doc.commit();
    return { sheet: null, entries: 0, reactionErrors: [] };
  }
  const [start, lastRow] = edit.rows;
  const [firstCol, lastCol] = edit.cols;
  const count = lastRow - start + 1;
  const width = Math.max(layout.width, lastCol);
  const after = sheet.getRange(start, 1, count, width).getValues();
  const keys = keysByPosition(layout);
  while (keys.length <= width) keys.push('');
  const remembered =
    edit.oldValue !== undefined
      ? null
      : readShadow(doc, edit.sheet, start, count).map((row) => shadowValues(keys.slice(1), row));
  const rows = after.map((values, i) => {
    const before: unknown[] = values.map((v, c) => (c + 1 >= firstCol && c + 1 <= lastCol ? '' : v));
    for (let c = firstCol; c <= lastCol; c++) {
      before[c - 1] = remembered ? (remembered[i][c - 1] ?? '') : edit.oldValue;
    }
    return { row: start + i, before, after: values };
  });

  const ctx = new AppContext(doc, edit.actor, 'edit', new Date(edit.at));
  const target = { def: sheetDef(edit.sheet), name: sheet.getName(), layout };
  const entries = entriesFor(ctx, target, rows, keys);
  // Staged: the reactions below read the shadow with these rows in it (shadow-sheet.ts).
  const shadows = new Map(rows.map((r) => [r.row, encodeShadow(keys.slice(1), r.after)]));
  // The lead index learns the rows whose entry changed (a Notes edit's does not: no state write).
  const noted =
    edit.sheet === 'leads'
      ? new Set(
          rows
            .filter(
              (r) =>
                !leadEntryKept(
                  doc,
                  r.row,
                  decodeShadow(encodeShadow(keys.slice(1), r.before)),
                  decodeShadow(shadows.get(r.row)!),
                ),
            )
            .map((r) => r.row),
        )
      : undefined;
  // A one-cell edit of a column no reaction acts on, its index entry kept: its shadow cell waits in
  // the properties (shadow-deferred.ts), written with its pending entry (carryOnAppend below).
  // (Not when nothing is recorded: no append to land on; the commit below clears the entry.)
  const deferred =
    single &&
    entries.length > 0 &&
    carriesShadow(doc, edit.sheet, firstCol) &&
    deferShadow(doc, edit.sheet, start, shadows.get(start)!, !noted || noted.size > 0);
  if (!deferred) writeShadow(doc, edit.sheet, shadows, noted);

  const edited: EditedRow[] = rows.map((r) => ({
    row: r.row,
    before: decodeShadow(encodeShadow(keys.slice(1), r.before)),
    after: recordOf(keys, r.after),
  }));
  const columns = keys.slice(firstCol, lastCol + 1).filter((k) => k);
  const reactions = ctx.as('trigger');
  const reactionErrors = runEditReactions(reactions, { sheet: edit.sheet, rows: edited, columns });
  if (deferred) {
    // Its entry stored now, with the cell (or, recovering, as it is): then the append (its landing).
    // (the list without it: what a journaled commit leaves, the journal covering the edit)
    const without = pendingListWithout(doc, edit.id);
    if (!stored) edit = addPending<PendingEdit>(doc, edit);
    doc.carryOnAppend({
      tailKey: AUDIT_TAIL_PROPERTY,
      tail: doc.queuedProperty(AUDIT_TAIL_PROPERTY),
      now: (key) =>
        key === PENDING_EDITS_PROPERTY ||
        key === JOURNAL_PROPERTY ||
        key === TIME_ZONE_PROPERTY ||
        key === LEAD_INDEX_PROPERTY ||
        key.startsWith(DEFERRED_PREFIX) ||
        isLostTraceKey(key),
      // (a trace is emptied by the commit that records it: with the journal, not before the append)
      revert: { [PENDING_EDITS_PROPERTY]: without, ...(isLostTraceKey(edit.id) ? { [edit.id]: '' } : {}) },
    });
  } else {
    if (stored) removePending(doc, edit.id);
    // (An entry not stored: the journal covers the commit.)
    if (stored && single && !pendingEdits(doc).length)
      doc.landOnAppend([AUDIT_TAIL_PROPERTY, PENDING_EDITS_PROPERTY, edit.id]);
  }
  reactions.commit([], entries);
  if (recovering && doc.landed) {
    // Recorded again the same way: cleared like one found landed (below), by the next write.
    adoptEntryPastTail(doc, doc.landed);
    removePending(doc, edit.id);
    doc.deferToNextWrite();
  }
  return { sheet: sheet.getName(), entries: entries.length, reactionErrors };
}

/**
 * The audit row of a one-cell edit recorded by its append alone (TrackerDocument.landOnAppend): the
 * row after the stored tail, chained from it, an edit's entry with this edit's time.
 */
export function landedEdit(doc: TrackerDocument, edit: PendingEdit): EntryPastTail | null {
  if (edit.rows[0] !== edit.rows[1] || edit.cols[0] !== edit.cols[1]) return null;
  const past = entryPastTail(doc);
  const at = new Date(edit.at).toISOString();
  return past && past.entry.source === 'edit' && past.entry.timestamp === at ? past : null;
}

/**
 * A hand edit of the Audit Log or of `_Shadow` (possible for the owner and the Team, whose executions
 * must write them): recorded as an entry naming the cell. An edited log row no longer matches its
 * hash, so verifyAuditLog reports the break there; an edited shadow cell no longer matches its seal,
 * so the next read uses the visible row and audits the discrepancy. `edit.id`: a failed trigger's
 * trace, cleared by the same commit.
 */
export function recordLogEdit(
  doc: TrackerDocument,
  edit: Omit<PendingLogEdit, 'kind' | 'id'> & { id?: string },
): EditReport {
  const [top, bottom] = edit.rows;
  const [left, right] = edit.cols;
  const single = top === bottom && left === right;
  const header = single && edit.log ? (AUDIT_LOG.columns[left - 1]?.header ?? '') : '';
  const entry: AuditEntry = {
    timestamp: edit.at,
    user: edit.actor.email,
    source: 'edit',
    sheet: edit.sheetName,
    recordId: '',
    field: header ? `${header} (edited by hand)` : 'Edited by hand',
    cell: single ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`,
    oldValue: single ? auditText(edit.oldValue) : '',
    newValue: single ? auditText(edit.newValue) : '',
  };
  if (edit.id) removePending(doc, edit.id);
  appendAudit(doc, [entry], edit.actor.note);
  doc.commit();
  return { sheet: edit.sheetName, entries: 1, reactionErrors: [] };
}

function recordOf(keys: readonly string[], values: readonly unknown[]): RecordValues {
  const record: RecordValues = {};
  keys.forEach((key, col) => {
    if (col > 0 && key) record[key] = (values[col - 1] ?? '') as RecordValues[string];
  });
  return record;
}
