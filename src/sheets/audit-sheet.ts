/**
 * The Audit Log sheet: appends chained entries with ONE setValues per operation, keeps the tail
 * (last row, last hash) in a document property so an append needs no read of the log, and reads the
 * log for verification and history.
 */
import { chainEntries, entryHash } from '../domain/audit/chain';
import { type AuditEntry, ENTRY_FIELDS, rowEntry } from '../domain/audit/entry';
import { cellText } from '../domain/formula-text';
import { auditKey, ensureAuditKey } from './audit-key';
import { CELL_CHAR_LIMIT, fitAuditValue } from '../domain/audit/shadow';
import { announce } from './announce';
import { ensureRows } from './capacity';
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
 * Where the next entries go: after the tail, once the tail is checked (one getValues of the tail row
 * and the row below it): the tail row must hold the hash the tracker wrote last and the row below
 * must be empty. A person who inserted, deleted, sorted, pasted or cleared rows of the log moved its
 * end: the entries then go after the sheet's last row with content (getLastRow, one call more), so no
 * entry is written over, and the chain goes on from the last hash the tracker wrote; "Verify audit
 * log" reports the rows that were changed. Not checked when this commit already staged a write to
 * the log (a rotation's delete, an earlier append): the tracker's own state is the truth then.
 */
function appendRow(doc: TrackerDocument, tail: AuditTail, sheetId: number): { row: number; moved: boolean } {
  if (doc.stagesOn(sheetId)) return { row: tail.row + 1, moved: false };
  const { sheet } = auditSheet(doc);
  let cells: unknown[][];
  try {
    // (read already when the last commit's journal was checked: TrackerDocument.knownTailCells)
    cells =
      doc.knownTailCells(tail.row) ?? sheet.getRange(Math.max(1, tail.row), 1, 2, AUDIT_WIDTH).getValues();
  } catch {
    // rows deleted below the tail: the range is past the sheet's end
    return { row: Math.max(sheet.getLastRow(), 1) + 1, moved: true };
  }
  const tailOk = tail.row < 2 ? true : String(cells[0][AUDIT_WIDTH - 1] ?? '') === tail.hash;
  const belowEmpty = cells[1].every((v) => v === '' || v === null);
  if (tailOk && belowEmpty) return { row: tail.row + 1, moved: false };
  return { row: Math.max(sheet.getLastRow(), 1) + 1, moved: true };
}

/** The entries as the cells will hold them (plain text, the formula guard applied): what is hashed. */
function storedEntry(entry: AuditEntry): AuditEntry {
  const out = { ...entry } as Record<string, string>;
  for (const field of ENTRY_FIELDS) out[field] = String(cellText(entry[field], true));
  return out as unknown as AuditEntry;
}

/**
 * Stages entries after the tail (the caller holds the document lock): one setValues, plus one
 * setNotes when the user is unknown (the note says why), made with the new tail by the caller's
 * journaled flush. Each row's Hash is keyed (sheets/audit-key.ts) and covers the text as stored.
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
  const at = appendRow(doc, tail, entry.id);
  const all: AuditEntry[] = at.moved
    ? [
        {
          ...entries[0],
          sheet: entry.name,
          recordId: '',
          field: LOG_MOVED_FIELD,
          cell: `A${tail.row}`,
          oldValue: `last entry at row ${tail.row}`,
          newValue: `entries continue at row ${at.row + 1}`,
        },
        ...entries,
      ]
    : [...entries];
  // A value too long for one cell (with the apostrophe a formula-like text gets) is cut and marked.
  const fitted = all.map((e) =>
    storedEntry(
      e.oldValue.length < CELL_CHAR_LIMIT && e.newValue.length < CELL_CHAR_LIMIT
        ? e
        : { ...e, oldValue: fitAuditValue(e.oldValue), newValue: fitAuditValue(e.newValue) },
    ),
  );
  const { rows, lastHash } = chainEntries(tail.hash, fitted, ensureAuditKey(doc, tail.hash));
  const first = at.row;
  if (first + rows.length - 1 > entry.maxRows)
    ensureRows(doc, auditSheet(doc).sheet, entry, first + rows.length - 1);
  // The new tail is queued with the rows: both are made by the commit's journaled step.
  const next = { row: first + rows.length - 1, hash: lastHash };
  writeTail(doc, next);
  // The webhooks these changes announce, queued in the same property write (announce.ts).
  announce(doc, entries);
  if (userNote)
    doc.stage({ k: 'notes', s: entry.id, n: entry.name, r: first, c: 2, v: rows.map(() => [userNote]) });
  // The rows themselves are the commit's last write: their landing proves the commit's (journal.ts).
  // (After a log a person altered, the rows go below its last row: the journal is then deleted once made.)
  const append = { k: 'values' as const, s: entry.id, n: entry.name, r: first, c: 1, v: rows };
  if (at.moved) doc.stage(append);
  else doc.stageAuditAppend(append, tail, next);
  return next;
}

/** The Field of the entry that records that the log's end was not where the tracker left it. */
export const LOG_MOVED_FIELD = '(log altered)';

/** Every entry row of the log (rows 2..tail), one getValues. */
export function readLog(doc: TrackerDocument): { rows: unknown[][]; firstRow: number } {
  const { sheet } = auditSheet(doc);
  const last = sheet.getLastRow();
  const rows = last < 2 ? [] : sheet.getRange(2, 1, last - 1, AUDIT_WIDTH).getValues();
  // (The last commit's journal checked with these rows: unfinished, it is applied and they are read again.)
  if (doc.settleJournalWith(rows, 2)) return readLog(doc);
  return { rows, firstRow: 2 };
}

/** An entry appended after the stored tail, which the tail has not moved past yet (see entryPastTail). */
export interface EntryPastTail {
  row: number;
  hash: string;
  entry: AuditEntry;
}

/**
 * The entry on the row after the stored tail when it chains from the tail's hash: an append made
 * without a property write (TrackerDocument.landOnAppend). From the rows the journal check read when
 * it read that row, else one read of it. Null when the row is empty or holds anything else.
 */
export function entryPastTail(doc: TrackerDocument): EntryPastTail | null {
  const key = auditKey(doc);
  const log = doc.layout().sheets.auditLog;
  if (!key || !log || !doc.property(AUDIT_TAIL_PROPERTY)) return null;
  const tail = readTail(doc);
  const row = tail.row + 1;
  if (row > log.maxRows) return null;
  let cells = doc.seenLogRows(row, 1);
  if (!cells) {
    try {
      cells = doc.range(log.id, log.name, row, 1, 1, AUDIT_WIDTH).getValues();
    } catch {
      return null;
    }
  }
  const cellsOfRow = cells[0] ?? [];
  const hash = String(cellsOfRow[AUDIT_WIDTH - 1] ?? '');
  const entry = rowEntry(cellsOfRow);
  if (!hash || entryHash(tail.hash, entry, key) !== hash) return null;
  return { row, hash, entry };
}

/**
 * Moves the stored tail past an entry found by entryPastTail (queued), and the journal's landing mark
 * with it (the next journal check reads the rows after it).
 */
export function adoptEntryPastTail(doc: TrackerDocument, past: { row: number; hash: string }): void {
  const tail = readTail(doc);
  const log = doc.layout().sheets.auditLog;
  writeTail(doc, { row: past.row, hash: past.hash });
  if (log)
    doc.markLanded({
      s: log.id,
      n: log.name,
      r: past.row,
      hash: past.hash,
      w: AUDIT_WIDTH,
      p: tail.row,
      ph: tail.hash,
    });
}

/**
 * The tail a reader of the whole log checks it against: the stored one, or the row after it when that
 * row chains from it (an edit recorded by its append alone, whose tail the next write moves: see
 * entryPastTail). `rows` are the log's rows from sheet row `firstRow`.
 */
export function tailOfRows(doc: TrackerDocument, rows: readonly unknown[][], firstRow: number): AuditTail {
  const tail = readTail(doc);
  const key = auditKey(doc);
  const next = rows[tail.row + 1 - firstRow];
  if (!key || !next) return tail;
  const hash = String(next[AUDIT_WIDTH - 1] ?? '');
  return hash && entryHash(tail.hash, rowEntry(next), key) === hash ? { row: tail.row + 1, hash } : tail;
}
