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
