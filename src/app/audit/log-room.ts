/**
 * Room in the Audit Log ahead of need (a daily job, before the lead expiry). A commit whose entries
 * pass the log's last row first adds rows (sheets/capacity.ts: insertRowsAfter and the new rows'
 * number format, two calls). At 100,000 leads one day's lead expiry appends about a thousand
 * entries, and the execution that makes them has no room left for those two calls within its 15
 * (issue 19). So the day's run keeps empty rows below the log's last entry, a tenth of the Leads
 * sheet's rows (at least 1,000, at most 20,000): when there are fewer, it adds them (the journal,
 * the rows, their format: three calls) and that ends the execution's day's work, the next hourly run
 * going on with the expiry. The day's big appends then find their rows made. Near Sheets'
 * 10-million-cell limit it adds what fits, or none, and an append adds the rows it needs as before.
 */
import { readTail } from '../../sheets/audit-sheet';
import { GROW_BY, addRowsAhead } from '../../sheets/capacity';
import type { TrackerDocument } from '../../sheets/document';
import type { DailyJob } from '../triggers/daily-job';

/** The journal, insertRowsAfter and the new rows' number format (the trace of a growth). */
export const LOG_ROOM_CALLS = 3;

/** The empty rows kept below the log's last entry: a tenth of Leads' rows, 1,000 to 20,000. */
export function logRoomRows(doc: TrackerDocument): number {
  const leads = doc.layout().sheets.leads?.maxRows ?? 0;
  return Math.min(20_000, Math.max(1_000, Math.ceil(leads / 10)));
}

/** Whether the log has fewer empty rows below its last entry than it keeps (no call: the layout and the tail are properties). */
export function logRoomDue(doc: TrackerDocument): boolean {
  const log = doc.layout().sheets.auditLog;
  if (!log || !doc.sheet('auditLog')) return false;
  return log.maxRows - readTail(doc).row < logRoomRows(doc);
}

export const AUDIT_LOG_ROOM_JOB: DailyJob = {
  name: 'audit log room',
  calls: (doc) => (logRoomDue(doc) ? LOG_ROOM_CALLS : 0),
  run: (ctx) => {
    const doc = ctx.doc;
    if (!logRoomDue(doc)) return { idle: true };
    const log = doc.layout().sheets.auditLog!;
    const before = log.maxRows;
    addRowsAhead(doc, doc.sheet('auditLog')!, log, readTail(doc).row + logRoomRows(doc) + GROW_BY);
    doc.save();
    // (the rows made: the next job waits for the next hourly run, as after a job that wrote)
    return { rowsAdded: doc.layout().sheets.auditLog!.maxRows - before, endsRun: true };
  },
};
