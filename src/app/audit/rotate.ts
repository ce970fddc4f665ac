/**
 * Audit rotation (a daily job): when the log passes Settings > Audit Row Limit, its oldest rows move
 * to an archive spreadsheet the add-on creates ("<tracker> Audit Log <first day> to <last day>"), and
 * a pointer entry in the log says where they went; the chain continues across (the pointer holds the
 * hash of the last row moved).
 *
 * A big backlog moves in steps of at most `rotationStepRows(limit)` rows (20,000 at most), so it can
 * span hourly runs. The first step fixes the rotation: how many rows, the last one's hash (`stop`)
 * and the archive, created once and sized for all of them; each step reads the oldest rows of the
 * log, writes them after the archive's last row, deletes them from the log and appends a pointer, so
 * between any two steps the log verifies from its latest pointer and archive + log form one chain.
 * After a step, when the time left is less than that step took, it returns the cursor (the archive
 * and `stop`) for the next run. A step is idempotent: it stops at `stop` however far an earlier run
 * got, and does not write again the rows the archive already ends with. The cursor is also kept in a
 * document property until the rotation ends, so a step that failed half-way (rows written to the
 * archive, not yet deleted from the log) is finished by the next run in the same archive.
 */
import {
  archiveName,
  planStep,
  pointerEntry,
  rotationStepRows,
  rowsToArchive,
} from '../../domain/audit/archive';
import { AUDIT_WIDTH, appendAudit, readTail, writeTail } from '../../sheets/audit-sheet';
import { type ArchiveFile, appendToArchive, createArchive, openArchive } from '../../sheets/archive-file';
import { readSettings } from '../../sheets/settings-reader';
import type { AppContext } from '../context';
import { rotateIntoWarehouse } from '../warehouse/rotate';

export interface RotationResult {
  archived: number;
  url: string | null;
}

/** The scheduler's step (the same shape as its JobStep). */
export interface RotationStep {
  cursor: string | null;
  timeLeftMs(): number;
}

interface RotationCursor {
  archiveId: string;
  url: string;
  /** Hash of the last row this rotation moves. */
  stop: string;
  /** Rows still to move (a bound besides `stop`). */
  left: number;
  /** The archive's last row as of the last finished step (rows after it come from a step cut short). */
  end?: number;
}

/**
 * The rotation under way, kept by the rotation itself (not only in the scheduler's checkpoint): a run
 * that failed in the middle of a step is continued by the next run, in the same archive, without
 * moving a row twice (a step skips the rows the archive already ends with).
 */
const ROTATION_PROPERTY = 'tracker.rotation';

function unfinishedRotation(doc: AppContext['doc']): RotationCursor | null {
  try {
    return parseCursor(doc.property(ROTATION_PROPERTY) || null);
  } catch {
    return null;
  }
}

const UNBOUNDED: RotationStep = { cursor: null, timeLeftMs: () => Number.POSITIVE_INFINITY };

function parseCursor(text: string | null): RotationCursor | null {
  if (!text) return null;
  const parsed = JSON.parse(text) as Partial<RotationCursor>;
  if (
    typeof parsed.archiveId !== 'string' ||
    typeof parsed.url !== 'string' ||
    typeof parsed.stop !== 'string' ||
    typeof parsed.left !== 'number' ||
    (parsed.end !== undefined && typeof parsed.end !== 'number')
  )
    throw new Error(`Audit rotation: unreadable checkpoint ${text}`);
  return parsed as RotationCursor;
}

export function rotateAuditLog(
  ctx: AppContext,
  step: RotationStep = UNBOUNDED,
): RotationResult | { continueFrom: string } {
  const doc = ctx.doc;
  const limit = Number(readSettings(doc).values.auditRowLimit);
  const sheet = doc.sheet('auditLog');
  const layout = doc.layout().sheets.auditLog;
  if (!sheet || !layout) return { archived: 0, url: null };
  const stepRows = rotationStepRows(limit);
  let cursor = parseCursor(step.cursor) ?? unfinishedRotation(doc);
  // The warehouse on (and no archive rotation under way): the rows go there instead (app/warehouse/rotate.ts).
  const intoWarehouse = cursor ? null : rotateIntoWarehouse(ctx);
  if (intoWarehouse) return intoWarehouse;
  let archive: ArchiveFile;
  if (cursor) {
    archive = openArchive(cursor.archiveId, cursor.url, cursor.end);
  } else {
    const count = rowsToArchive(readTail(doc).row - 1, limit);
    if (count === 0) return { archived: 0, url: null };
    const first = String(sheet.getRange(2, 1).getValue());
    const last = sheet.getRange(count + 1, 1, 1, AUDIT_WIDTH).getValues()[0];
    archive = createArchive(archiveName(doc.ss.getName(), first, String(last[0])), count);
    cursor = {
      archiveId: archive.id,
      url: archive.url,
      stop: String(last[AUDIT_WIDTH - 1]),
      left: count,
      end: archive.end.row,
    };
    // Stored before any row moves: whatever fails from here on, the next run continues THIS archive.
    doc.setProperty(ROTATION_PROPERTY, JSON.stringify(cursor));
    doc.commit();
  }
  let archived = 0;
  for (;;) {
    const before = step.timeLeftMs();
    const tail = readTail(doc);
    const n = Math.min(stepRows, cursor.left, tail.row - 1);
    if (n <= 0) {
      doc.setProperty(ROTATION_PROPERTY, '');
      doc.commit();
      break;
    }
    const rows = sheet.getRange(2, 1, n, AUDIT_WIDTH).getValues();
    const hashes = rows.map((r) => String(r[AUDIT_WIDTH - 1]));
    const plan = planStep(hashes, archive.end.hash, cursor.stop);
    appendToArchive(archive, rows.slice(plan.skip, plan.take));
    // The rows' deletion, the pointer entry, the tail and the cursor: one journaled step (below).
    doc.stage({
      k: 'deleteRows',
      s: layout.id,
      n: layout.name,
      r: 2,
      count: plan.take,
      expect: layout.maxRows,
    });
    layout.maxRows -= plan.take;
    doc.markLayoutChanged();
    writeTail(doc, { row: tail.row - plan.take, hash: tail.hash });
    const entry = pointerEntry(
      { timestamp: ctx.now.toISOString(), user: ctx.actor.email, source: ctx.source, sheet: sheet.getName() },
      { archiveId: archive.id, url: archive.url, anchor: hashes[plan.take - 1], rows: plan.take },
    );
    appendAudit(doc, [entry], ctx.actor.note);
    archived += plan.take;
    cursor.left -= plan.take;
    cursor.end = archive.end.row;
    const finished = plan.reachedStop || cursor.left <= 0;
    doc.setProperty(ROTATION_PROPERTY, finished ? '' : JSON.stringify(cursor));
    doc.commit();
    if (finished) break;
    const left = step.timeLeftMs();
    if (left < before - left) return { continueFrom: JSON.stringify(cursor) };
  }
  return { archived, url: archive.url };
}
