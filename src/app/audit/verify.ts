/**
 * "Verify audit log": recomputes the chain over the log from its anchor (genesis, or the latest
 * archive pointer's) and checks the last hash against the tail the add-on recorded, so a changed,
 * inserted, deleted or truncated row is found. Two reads of the log, one property read.
 */
import type { AuditVerification } from '../../shared/api';
import { logAnchor } from '../../domain/audit/archive';
import { verifyRows } from '../../domain/audit/chain';
import { readLog, readTail } from '../../sheets/audit-sheet';
import { TrackerDocument } from '../../sheets/document';

export function verifyAuditLog(doc: TrackerDocument = new TrackerDocument()): AuditVerification {
  const { rows, firstRow } = readLog(doc);
  const check = verifyRows(logAnchor(rows), rows);
  if (!check.ok) return { ok: false, rows: rows.length, firstBadRow: firstRow + check.firstBad! };
  const tail = readTail(doc);
  const lastRow = firstRow + rows.length - 1;
  if (tail.row !== lastRow || tail.hash !== check.lastHash) {
    return { ok: false, rows: rows.length, firstBadRow: Math.min(tail.row, lastRow) + 1 };
  }
  return { ok: true, rows: rows.length, firstBadRow: null };
}

export function verificationMessage(result: AuditVerification): string {
  return result.ok
    ? `The audit log is intact: ${result.rows} rows, every hash matches.`
    : `The audit log has been altered: the chain breaks at row ${result.firstBadRow} of ${result.rows + 1}.`;
}
