/**
 * Rotation: when the log passes its limit, its oldest rows move to an archive spreadsheet and a
 * pointer entry is appended to the log (chained like any entry). The pointer's Old Value is the hash
 * of the last row moved (the anchor the log's first remaining row chains from) and its New Value the
 * archive's URL, so verification of the log starts from the latest pointer's anchor.
 */
import type { AuditEntry } from './entry';
import { GENESIS_HASH } from './chain';

export const ARCHIVE_FIELD = '(archived rows)';

export interface ArchivePointer {
  archiveId: string;
  url: string;
  anchor: string;
  rows: number;
}

export function pointerEntry(
  base: Pick<AuditEntry, 'timestamp' | 'user' | 'source' | 'sheet'>,
  pointer: ArchivePointer,
): AuditEntry {
  return {
    ...base,
    recordId: pointer.archiveId,
    field: ARCHIVE_FIELD,
    cell: `${pointer.rows} rows`,
    oldValue: pointer.anchor,
    newValue: pointer.url,
  };
}

export function isPointer(row: readonly unknown[]): boolean {
  return String(row[5] ?? '') === ARCHIVE_FIELD;
}

/** The hash the log's first row chains from: the latest pointer's anchor, or the genesis hash. */
export function logAnchor(rows: readonly (readonly unknown[])[]): string {
  for (let i = rows.length - 1; i >= 0; i--) if (isPointer(rows[i])) return String(rows[i][7] ?? '');
  return GENESIS_HASH;
}

/** The latest archive's URL, or null when nothing was archived. */
export function latestArchiveUrl(rows: readonly (readonly unknown[])[]): string | null {
  for (let i = rows.length - 1; i >= 0; i--) if (isPointer(rows[i])) return String(rows[i][8] ?? '');
  return null;
}

/** How many of the oldest rows to move: down to half the limit, so rotation is rare. */
export function rowsToArchive(logRows: number, limit: number): number {
  if (limit <= 0 || logRows <= limit) return 0;
  return logRows - Math.floor(limit / 2);
}

/** The most rows one rotation step moves (one read, one archive write, one delete of this many). */
export const ROTATION_STEP_ROWS = 20_000;

/**
 * Rows per rotation step: at most ROTATION_STEP_ROWS and never more than the limit itself, so a step
 * never moves more cells than the log holds at its limit (a small limit gives small steps).
 */
export function rotationStepRows(limit: number): number {
  return Math.max(1, Math.min(ROTATION_STEP_ROWS, Math.floor(limit)));
}

/** The archive's name: the tracker and the period its rows cover (UTC days of the first and last). */
export function archiveName(tracker: string, firstTimestamp: string, lastTimestamp: string): string {
  return `${tracker} Audit Log ${firstTimestamp.slice(0, 10)} to ${lastTimestamp.slice(0, 10)}`;
}

/** What one step does with the oldest log rows it read (their hashes, oldest first). */
export interface StepPlan {
  /** Leading rows the archive already holds (a step cut short after its archive write): not written again. */
  skip: number;
  /** Rows this step removes from the log (the skipped ones included). */
  take: number;
  /** True when the rotation's last row (`stopHash`) is among them: the rotation is complete. */
  reachedStop: boolean;
}

/**
 * Plans a step over the oldest `hashes` of the log: it takes rows up to the rotation's last row
 * (`stopHash`) or all of them, and skips those up to the archive's last row (`archiveLastHash`),
 * which an earlier step wrote to the archive but did not remove from the log.
 */
export function planStep(hashes: readonly string[], archiveLastHash: string, stopHash: string): StepPlan {
  const stop = hashes.indexOf(stopHash);
  const take = stop >= 0 ? stop + 1 : hashes.length;
  const written = archiveLastHash ? hashes.indexOf(archiveLastHash) : -1;
  return { skip: Math.min(take, written + 1), take, reachedStop: stop >= 0 };
}
