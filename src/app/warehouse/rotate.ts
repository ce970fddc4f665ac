/**
 * Audit rotation into the warehouse: when the warehouse is on, the oldest Audit Log rows past
 * Settings > Audit Row Limit are not copied to an archive spreadsheet: the warehouse already holds
 * them (the hourly step loads every audit row), so rotation only deletes from the log the rows before
 * the warehouse's cursor and appends a pointer entry naming the warehouse table (its anchor: the hash
 * of the last row removed, so the log still verifies from it, and the warehouse's chain goes on
 * through the pointer, which the next hourly step loads like any row).
 *
 * The deletion, the pointer, the tail and the cursor's new row are ONE journaled commit: a failure
 * leaves the log as it was or rotated, never half. Rows the warehouse does not hold yet stay in the
 * log (the cursor's own row too: the next load starts by reading it) until a later day.
 */
import { pointerEntry, rowsToArchive } from '../../domain/audit/archive';
import { AUDIT_WIDTH, appendAudit, readTail, writeTail } from '../../sheets/audit-sheet';
import { readSettings } from '../../sheets/settings-reader';
import type { AppContext } from '../context';
import { WAREHOUSE_CURSOR_PROPERTY, warehouseConfig, warehouseCursor } from './state';

export interface WarehouseRotation {
  archived: number;
  url: string | null;
}

/** The warehouse's Audit Log table in the Cloud console (what the pointer entry links to). */
export function warehouseAuditUrl(projectId: string, dataset: string): string {
  return `https://console.cloud.google.com/bigquery?project=${projectId}&d=${dataset}&t=audit_log&page=table`;
}

/** The rotation when the warehouse is on (null when it is off: the archive spreadsheets then). */
export function rotateIntoWarehouse(ctx: AppContext): WarehouseRotation | null {
  const doc = ctx.doc;
  const config = warehouseConfig(doc);
  if (!config) return null;
  const cursor = warehouseCursor(doc);
  const sheet = doc.sheet('auditLog');
  const layout = doc.layout().sheets.auditLog;
  const limit = Number(readSettings(doc).values.auditRowLimit);
  if (!cursor || !sheet || !layout) return { archived: 0, url: null };
  const tail = readTail(doc);
  const n = Math.min(rowsToArchive(tail.row - 1, limit), cursor.row - 2);
  if (n <= 0) return { archived: 0, url: null };
  // The last row removed (its hash anchors the log) through the cursor's row: one read, which also
  // checks the cursor is where the warehouse left it (else the next hourly step finds it first).
  const hashes = sheet.getRange(n + 1, AUDIT_WIDTH, cursor.row - n, 1).getValues();
  if (String(hashes[hashes.length - 1][0]) !== cursor.hash) return { archived: 0, url: null };
  const url = warehouseAuditUrl(config.projectId, config.dataset);
  doc.stage({ k: 'deleteRows', s: layout.id, n: layout.name, r: 2, count: n, expect: layout.maxRows });
  layout.maxRows -= n;
  doc.markLayoutChanged();
  writeTail(doc, { row: tail.row - n, hash: tail.hash });
  const entry = pointerEntry(
    { timestamp: ctx.now.toISOString(), user: ctx.actor.email, source: ctx.source, sheet: sheet.getName() },
    {
      archiveId: `bigquery:${config.projectId}.${config.dataset}.audit_log`,
      url,
      anchor: String(hashes[0][0]),
      rows: n,
    },
  );
  appendAudit(doc, [entry], ctx.actor.note);
  doc.setProperty(WAREHOUSE_CURSOR_PROPERTY, JSON.stringify({ ...cursor, row: cursor.row - n }));
  doc.commit();
  return { archived: n, url };
}
