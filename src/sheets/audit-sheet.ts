/**
 * The Audit Log sheet: appends chained entries with ONE setValues per operation, keeps the tail
 * (last row, last hash) in a document property so an append needs no read of the log, and reads the
 * log for verification and history.
 */
import { chainEntries } from '../domain/audit/chain';
import type { AuditEntry } from '../domain/audit/entry';
import { CELL_CHAR_LIMIT, fitAuditValue } from '../domain/audit/shadow';
import { announce } from './announce';
import { ensureRows } from './capacity';
import { neutralizeBlock } from './cell-text';
import type { TrackerDocument } from './document';

export const AUDIT_TAIL_PROPERTY = 'tracker.auditTail';
export const AUDIT_WIDTH = 10;

export interface AuditTail {
  /** Sheet row of the last entry (1 = only the header). */
  row: number;
  hash: string;
}

function auditSheet(doc: TrackerDocument) {
  const sheet = doc.sheet('auditLog');
  const entry = doc.layout().sheets.auditLog;
  if (!sheet || !entry)
    throw new Error('The Audit Log sheet is missing: run Extensions > Partnership Tracker > Set up tracker.');
  return { sheet, entry };
}

/** The tail: from the property, else read from the sheet's last row (two calls, once). */
export function readTail(doc: TrackerDocument): AuditTail {
  const text = doc.property(AUDIT_TAIL_PROPERTY);
  if (text) {
    try {
      const tail = JSON.parse(text) as AuditTail;
      if (typeof tail.row === 'number' && typeof tail.hash === 'string') return tail;
    } catch {
      // fall through to the sheet
    }
  }
  const { sheet } = auditSheet(doc);
  const last = sheet.getLastRow();
  const tail =
    last < 2
      ? { row: 1, hash: '' }
      : { row: last, hash: String(sheet.getRange(last, AUDIT_WIDTH).getValue()) };
  writeTail(doc, tail);
  return tail;
}

export function writeTail(doc: TrackerDocument, tail: AuditTail): void {
  doc.setProperty(AUDIT_TAIL_PROPERTY, JSON.stringify(tail));
}

/**
 * Stages entries after the tail (the caller holds the document lock): one setValues, plus one
 * setNotes when the user is unknown (the note says why), made with the new tail by the caller's
 * journaled flush.
 */
export function appendAudit(
  doc: TrackerDocument,
  entries: readonly AuditEntry[],
  userNote?: string,
): AuditTail {
  const tail = readTail(doc);
  if (!entries.length) return tail;
  const entry = doc.layout().sheets.auditLog;
  if (!entry)
    throw new Error('The Audit Log sheet is missing: run Extensions > Partnership Tracker > Set up tracker.');
  // A value too long for one cell (with the apostrophe a formula-like text gets) is cut and marked.
  const fitted = entries.map((e) =>
    e.oldValue.length < CELL_CHAR_LIMIT && e.newValue.length < CELL_CHAR_LIMIT
      ? e
      : { ...e, oldValue: fitAuditValue(e.oldValue), newValue: fitAuditValue(e.newValue) },
  );
  const { rows, lastHash } = chainEntries(tail.hash, fitted);
  const first = tail.row + 1;
  if (first + rows.length - 1 > entry.maxRows)
    ensureRows(doc, auditSheet(doc).sheet, entry, first + rows.length - 1);
  // The new tail is queued with the rows: both are made by the commit's journaled step.
  const next = { row: first + rows.length - 1, hash: lastHash };
  writeTail(doc, next);
  // The webhooks these changes announce, queued in the same property write (announce.ts).
  announce(doc, entries);
  doc.stage({ k: 'values', s: entry.id, n: entry.name, r: first, c: 1, v: neutralizeBlock(rows) });
  if (userNote)
    doc.stage({ k: 'notes', s: entry.id, n: entry.name, r: first, c: 2, v: rows.map(() => [userNote]) });
  return next;
}

/** Every entry row of the log (rows 2..tail), one getValues. */
export function readLog(doc: TrackerDocument): { rows: unknown[][]; firstRow: number } {
  const { sheet } = auditSheet(doc);
  const last = sheet.getLastRow();
  if (last < 2) return { rows: [], firstRow: 2 };
  return { rows: sheet.getRange(2, 1, last - 1, AUDIT_WIDTH).getValues(), firstRow: 2 };
}
