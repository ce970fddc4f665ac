/**
 * The installable change trigger. Apps Script says only THAT rows were inserted or removed, not
 * where, so each tracked sheet's id column is compared with its shadow: the rows that differ between
 * the common top and bottom are the inserted or deleted block. Deleted rows' content (from the
 * shadow) and inserted rows are recorded; the shadow is realigned; each sheet's row count is asked
 * again (rows deleted at the bottom). Column changes refresh the layout cache. Edits (changeType
 * EDIT) are the edit trigger's business: nothing is done, no call made.
 */
import type { AuditEntry } from '../../domain/audit/entry';
import { decodeShadow } from '../../domain/audit/shadow';
import { eventActor } from '../../sheets/actor';
import { addPending, removePending, tracedOnFailure, type PendingChange } from './pending-edits';
import { markLedgerDirty } from '../commissions/ledger-state';
import { appendAudit } from '../../sheets/audit-sheet';
import { a1 } from '../../sheets/capacity';
import { TrackerDocument } from '../../sheets/document';
import { TRACKED_SHEETS, sheetDef, type SheetKey } from '../../sheets/schema';
import { readShadowColumn, shadowFilling, writeShadowColumn } from '../../sheets/shadow-sheet';

export interface ChangeReport {
  changeType: string;
  inserted: number;
  deleted: number;
}

type ChangeEvent = {
  changeType?: string;
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  user?: GoogleAppsScript.Base.User;
};

export function recordChange(e: ChangeEvent): ChangeReport {
  const changeType = String(e?.changeType ?? '');
  const report: ChangeReport = { changeType, inserted: 0, deleted: 0 };
  if (changeType === 'EDIT' || changeType === 'FORMAT') return report;
  // The event's spreadsheet, else (no source given) the active one; the lock before the first read.
  const doc = new TrackerDocument(e.source ?? undefined, { writes: true });
  if (changeType !== 'INSERT_ROW' && changeType !== 'REMOVE_ROW') {
    doc.refreshLayout();
    doc.commit();
    return report;
  }
  const actor = eventActor(e.user);
  const at = new Date().toISOString();
  // What happened, stored first: a trigger that dies from here on leaves it for the next execution;
  // one that fails before (the lock not had in time, a read) leaves its trace instead.
  const pending = tracedOnFailure(doc, { kind: 'change', actor, at }, () => {
    const entry = addPending<PendingChange>(doc, { kind: 'change', actor, at });
    doc.commit();
    return entry;
  });
  return { ...applyChange(doc, pending), changeType };
}

/**
 * Records rows inserted or deleted (the trigger's own change, or one a dead trigger left): each
 * tracked sheet's ids against its shadow, the audit entries, the shadow realigned and the pending
 * entry removed, in ONE journaled commit.
 */
export function applyChange(doc: TrackerDocument, change: PendingChange): ChangeReport {
  const report: ChangeReport = { changeType: '', inserted: 0, deleted: 0 };
  const entries: AuditEntry[] = [];
  learnRowCounts(doc);
  for (const key of TRACKED_SHEETS) {
    const found = realign(doc, key, change.at, change.actor.email);
    if (!found) continue;
    report.inserted += found.inserted;
    report.deleted += found.deleted;
    entries.push(...found.entries);
  }
  // Rows inserted or deleted (a deal, a partner, a plan): the next daily job reconciles every partner.
  if (report.inserted || report.deleted) markLedgerDirty(doc);
  removePending(doc, change.id);
  appendAudit(doc, entries, change.actor.note);
  doc.commit();
  return report;
}

/**
 * Each sheet's size as it now is (one getMaxRows per tracked sheet, the Audit Log and `_Shadow`),
 * into the layout when it changed (stored with the commit): a person who deleted the empty rows at
 * the bottom of a sheet left the layout counting rows that are gone, and every write past the new
 * end would fail ("outside the dimensions of the sheet") until set-up ran again. Rows added are
 * learned too (the next growth starts from the real size).
 */
function learnRowCounts(doc: TrackerDocument): void {
  const layout = doc.layout();
  const learn = (entry: { maxRows: number }, sheet: GoogleAppsScript.Spreadsheet.Sheet | null) => {
    const rows = sheet?.getMaxRows();
    if (rows === undefined || rows === entry.maxRows) return;
    entry.maxRows = rows;
    doc.markLayoutChanged();
  };
  for (const key of [...TRACKED_SHEETS, 'auditLog' as const]) {
    const entry = layout.sheets[key];
    if (entry) learn(entry, doc.sheet(key));
  }
  if (layout.shadow) learn(layout.shadow, doc.sheetById(layout.shadow.id));
}

function realign(doc: TrackerDocument, key: SheetKey, timestamp: string, user: string) {
  const def = sheetDef(key);
  const layout = doc.layout().sheets[key];
  const sheet = doc.sheet(key);
  // A shadow set-up is still filling cannot say which rows moved (its rows below the cursor are empty).
  if (!layout || !sheet || shadowFilling(doc, key)) return null;
  const idKey = def.id?.column ?? def.identifying;
  const idCol = layout.cols[idKey];
  if (!idCol) return null;
  const lastRow = sheet.getLastRow();
  const ids =
    lastRow >= 2
      ? sheet
          .getRange(2, idCol, lastRow - 1, 1)
          .getValues()
          .map((r) => String(r[0] ?? ''))
      : [];
  const shadowCells = readShadowColumn(doc, key, Math.max(lastRow, layout.maxRows));
  while (shadowCells.length && String(shadowCells[shadowCells.length - 1] ?? '') === '') shadowCells.pop();
  const shadowRows = shadowCells.map(decodeShadow);
  const shadowIds = shadowRows.map((r) => r[idKey] ?? '');
  if (ids.length === shadowIds.length && ids.every((id, i) => id === shadowIds[i])) return null;

  let top = 0;
  while (top < ids.length && top < shadowIds.length && ids[top] === shadowIds[top]) top++;
  let bottom = 0;
  while (
    bottom < ids.length - top &&
    bottom < shadowIds.length - top &&
    ids[ids.length - 1 - bottom] === shadowIds[shadowIds.length - 1 - bottom]
  )
    bottom++;
  const insertedCount = ids.length - top - bottom;
  const deletedRows = shadowRows.slice(top, shadowRows.length - bottom);
  const headers = new Map(def.columns.map((c) => [c.key, c.header]));
  const name = sheet.getName();
  const entries: AuditEntry[] = [];
  const base = { timestamp, user, source: 'edit' as const, sheet: name };
  deletedRows.forEach((row, i) => {
    const sheetRow = top + 2 + i;
    const recordId = row[idKey] ?? '';
    for (const [field, value] of Object.entries(row)) {
      const col = layout.cols[field] ?? layout.extras[field] ?? 1;
      entries.push({
        ...base,
        recordId,
        field: headers.get(field) ?? field.replace(/^#/, ''),
        cell: a1(sheetRow, col),
        oldValue: value,
        newValue: '(row deleted)',
      });
    }
  });
  for (let i = 0; i < insertedCount; i++) {
    entries.push({
      ...base,
      recordId: ids[top + i] ?? '',
      field: '(row inserted)',
      cell: `${top + 2 + i}:${top + 2 + i}`,
      oldValue: '',
      newValue: '(row inserted)',
    });
  }
  const kept = shadowCells.map((c) => String(c ?? ''));
  const next = [
    ...kept.slice(0, top),
    ...new Array(insertedCount).fill(''),
    ...kept.slice(kept.length - bottom),
  ];
  writeShadowColumn(doc, key, next, kept.length + 1);
  layout.maxRows = sheet.getMaxRows();
  doc.markLayoutChanged();
  return { inserted: insertedCount, deleted: deletedRows.length, entries };
}
