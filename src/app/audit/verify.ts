/**
 * "Verify audit log": recomputes the keyed chain over the log from its anchor (genesis, or the latest
 * archive pointer's) and checks the last hash against the tail the add-on recorded, so a changed,
 * inserted, deleted, moved, cleared or truncated row is found, each with its row. Two reads of the
 * log, one property read.
 */
import type { AuditProblem, AuditVerification } from '../../shared/api';
import { logAnchor } from '../../domain/audit/archive';
import { type ChainProblem, verifyRows } from '../../domain/audit/chain';
import { auditKey, legacyEnd } from '../../sheets/audit-key';
import { readLog, tailOfRows } from '../../sheets/audit-sheet';
import { TrackerDocument } from '../../sheets/document';

const WHAT: Record<ChainProblem['kind'] | 'missing-end', string> = {
  blank: 'an empty row inside the log (a row inserted, or an entry cleared)',
  inserted: 'a row the tracker did not write (inserted or pasted)',
  changed: 'an entry that was changed, or that follows rows deleted or moved',
  'out-of-chain':
    'an entry that does not follow the row above it nor lead to the next (rows deleted, moved or forged)',
  'missing-end': 'entries missing at the end of the log (deleted or cleared)',
};

const problem = (row: number, kind: AuditProblem['kind']): AuditProblem => ({
  row,
  kind,
  message: `row ${row}: ${WHAT[kind]}`,
});

export function verifyAuditLog(
  doc: TrackerDocument = new TrackerDocument(undefined, { readsWholeLog: true }),
): AuditVerification {
  const { rows, firstRow } = readLog(doc);
  const tail = tailOfRows(doc, rows, firstRow);
  const check = verifyRows(logAnchor(rows), rows, auditKey(doc), tail.hash, legacyEnd(doc));
  const problems = check.problems.map((p) => problem(firstRow + p.index, p.kind));
  const lastRow = firstRow + rows.length - 1;
  // The last hash the tracker wrote must be the chain's end (rows cut off the end are found here).
  if (tail.hash !== check.lastHash || (check.ok && tail.row !== lastRow))
    problems.push(problem(Math.max(lastRow, 1) + 1, 'missing-end'));
  if (!problems.length) return { ok: true, rows: rows.length, firstBadRow: null };
  return {
    ok: false,
    rows: rows.length,
    firstBadRow: problems[0].row,
    problems,
    moreProblems: check.more,
  };
}

export function verificationMessage(result: AuditVerification): string {
  if (result.ok) return `The audit log is intact: ${result.rows} rows, every hash matches.`;
  const list = (result.problems ?? []).slice(0, 10).map((p) => `• ${p.message}`);
  const more = (result.problems?.length ?? 0) - list.length + (result.moreProblems ?? 0);
  return [
    `The audit log has been altered: the chain breaks at row ${result.firstBadRow} of ${result.rows + 1}.`,
    ...list,
    ...(more > 0 ? [`and ${more} more.`] : []),
  ].join('\n');
}
