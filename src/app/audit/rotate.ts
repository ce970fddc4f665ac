/**
 * Audit rotation (a daily job): when the log passes Settings > Audit Row Limit, its oldest rows move
 * to an archive spreadsheet the add-on creates ("<tracker> Audit Log <first day> to <last day>"), and
 * a pointer entry in the log says where they went; the chain continues across (the pointer holds the
 * hash of the last row moved).
 */
import { pointerEntry, rowsToArchive } from '../../domain/audit/archive';
import { AUDIT_WIDTH, appendAudit, readTail, writeTail } from '../../sheets/audit-sheet';
import { createArchive } from '../../sheets/archive-file';
import { readSettings } from '../../sheets/settings-reader';
import type { AppContext } from '../context';

export interface RotationResult {
  archived: number;
  url: string | null;
}

export function rotateAuditLog(ctx: AppContext): RotationResult {
  const doc = ctx.doc;
  const limit = Number(readSettings(doc).values.auditRowLimit);
  const sheet = doc.sheet('auditLog');
  const layout = doc.layout().sheets.auditLog;
  if (!sheet || !layout) return { archived: 0, url: null };
  doc.lock();
  const tail = readTail(doc);
  const count = rowsToArchive(tail.row - 1, limit);
  if (count === 0) return { archived: 0, url: null };
  const rows = sheet.getRange(2, 1, count, AUDIT_WIDTH).getValues();
  const first = String(rows[0][0]).slice(0, 10);
  const last = String(rows[count - 1][0]).slice(0, 10);
  const archive = createArchive(`${doc.ss.getName()} Audit Log ${first} to ${last}`, rows);
  sheet.deleteRows(2, count);
  layout.maxRows -= count;
  doc.markLayoutChanged();
  writeTail(doc, { row: tail.row - count, hash: tail.hash });
  const entry = pointerEntry(
    { timestamp: ctx.now.toISOString(), user: ctx.actor.email, source: ctx.source, sheet: sheet.getName() },
    {
      archiveId: archive.id,
      url: archive.url,
      anchor: String(rows[count - 1][AUDIT_WIDTH - 1]),
      rows: count,
    },
  );
  appendAudit(doc, [entry], ctx.actor.note);
  doc.flushProperties();
  return { archived: count, url: archive.url };
}
