/**
 * The installable edit trigger: a person's edit of a tracked sheet is audited with a constant number
 * of service calls whatever the sheet size. One cell: the property read (layout + audit tail), the
 * lock, one read of the edited rows, the shadow write, the audit append, the tail write (the event's
 * oldValue is the old value): 11 counted calls in the emulator, which counts getDocumentProperties,
 * getDocumentLock and getRange as calls. A pasted or cleared block: the same plus one read of the
 * block's shadow (old values): 13.
 */
import { decodeShadow, encodeShadow, shadowValues } from '../../domain/audit/shadow';
import { eventActor } from '../../sheets/actor';
import { appendAudit } from '../../sheets/audit-sheet';
import { TrackerDocument } from '../../sheets/document';
import { keysByPosition } from '../../sheets/layout';
import { sheetDef } from '../../sheets/schema';
import { readShadow, writeShadow } from '../../sheets/shadow-sheet';
import type { RecordValues } from '../../sheets/table';
import { entriesFor } from '../../sheets/writer';
import { AppContext } from '../context';
import { runEditReactions, type EditedRow } from '../triggers/edit-reactions';

export interface EditReport {
  sheet: string | null;
  entries: number;
  reactionErrors: Array<{ name: string; error: string }>;
}

export function recordEdit(e: GoogleAppsScript.Events.SheetsOnEdit): EditReport {
  const none: EditReport = { sheet: null, entries: 0, reactionErrors: [] };
  if (!e || !e.range) return none;
  const doc = new TrackerDocument(e.source);
  const range = e.range;
  const sheet = range.getSheet();
  const key = doc.keyOfSheet(sheet.getSheetId());
  if (!key || !sheetDef(key).tracked) return none;
  const firstRow = range.getRow();
  const lastRow = firstRow + range.getNumRows() - 1;
  const firstCol = range.getColumn();
  const lastCol = firstCol + range.getNumColumns() - 1;
  if (firstRow === 1) doc.refreshLayout();
  const start = Math.max(firstRow, 2);
  if (lastRow < start) {
    doc.flushProperties();
    return { ...none, sheet: sheet.getName() };
  }
  const layout = doc.layout().sheets[key]!;
  const single = firstRow === lastRow && firstCol === lastCol;
  const count = lastRow - start + 1;

  doc.lock();
  const width = Math.max(layout.width, lastCol);
  const after = sheet.getRange(start, 1, count, width).getValues();
  const keys = keysByPosition(layout);
  while (keys.length <= width) keys.push('');
  const remembered = single
    ? null
    : readShadow(doc, key, start, count).map((row) => shadowValues(keys.slice(1), row));
  const rows = after.map((values, i) => {
    const before: unknown[] = values.map((v, c) => (c + 1 >= firstCol && c + 1 <= lastCol ? '' : v));
    for (let c = firstCol; c <= lastCol; c++) {
      before[c - 1] = single ? (e.oldValue ?? '') : (remembered![i][c - 1] ?? '');
    }
    return { row: start + i, before, after: values };
  });

  const ctx = new AppContext(doc, eventActor(e.user), 'edit');
  const target = { def: sheetDef(key), name: sheet.getName(), layout };
  const entries = entriesFor(ctx, target, rows, keys);
  writeShadow(doc, key, new Map(rows.map((r) => [r.row, encodeShadow(keys.slice(1), r.after)])));
  appendAudit(doc, entries, ctx.actor.note);
  doc.flushProperties();

  const edited: EditedRow[] = rows.map((r) => ({
    row: r.row,
    before: decodeShadow(encodeShadow(keys.slice(1), r.before)),
    after: recordOf(keys, r.after),
  }));
  const columns = keys.slice(firstCol, lastCol + 1).filter((k) => k);
  const reactions = ctx.as('trigger');
  const reactionErrors = runEditReactions(reactions, { sheet: key, rows: edited, columns });
  reactions.commit();
  return { sheet: sheet.getName(), entries: entries.length, reactionErrors };
}

function recordOf(keys: readonly string[], values: readonly unknown[]): RecordValues {
  const record: RecordValues = {};
  keys.forEach((key, col) => {
    if (col > 0 && key) record[key] = (values[col - 1] ?? '') as RecordValues[string];
  });
  return record;
}
