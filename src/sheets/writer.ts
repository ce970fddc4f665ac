/**
 * THE audited writer: every write the add-on makes to a tracker sheet goes through `commit`. It takes
 * the document lock, writes each table's changed rows (one setValues per contiguous block, spanning
 * only the changed columns), updates the shadow of tracked sheets, appends one audit entry per changed
 * cell (one setValues for the whole operation) and writes the audit tail and layout cache (one
 * property write). There is no other path to a tracker sheet's cells.
 */
import { contiguousBlocks, rowChanges } from '../domain/audit/diff';
import type { AuditEntry, AuditSource } from '../domain/audit/entry';
import { encodeShadow } from '../domain/audit/shadow';
import { appendAudit } from './audit-sheet';
import { a1, ensureRows } from './capacity';
import { neutralizeBlock } from './cell-text';
import type { TrackerDocument } from './document';
import type { SheetLayout } from './layout';
import type { SheetDef } from './schema';
import { writeShadow } from './shadow-sheet';
import type { Table } from './table';

/** Who a change is recorded for; `note` says why the user is "unknown" when it is. */
export interface Actor {
  email: string;
  note?: string;
}

export interface WriteContext {
  doc: TrackerDocument;
  actor: Actor;
  source: AuditSource;
  now: Date;
}

export interface CommitResult {
  rowsWritten: number;
  entries: number;
}

/** Writes the tables' in-memory changes, their shadow and their audit entries (plus `extra` entries). */
export function commit(
  ctx: WriteContext,
  tables: readonly Table[],
  extra: readonly AuditEntry[] = [],
): CommitResult {
  ctx.doc.lock();
  const entries: AuditEntry[] = [];
  let rowsWritten = 0;
  for (const table of tables) {
    const changes = table.changes();
    if (!changes.length) continue;
    const keys = table.keys();
    const byRow = new Map(changes.map((c) => [c.row, c]));
    const last = changes[changes.length - 1].row;
    ensureRows(ctx.doc, table.sheet, table.layout, last);
    for (const block of contiguousBlocks(byRow.keys())) {
      const rows = Array.from({ length: block.count }, (_, i) => byRow.get(block.start + i)!);
      let first = Infinity;
      let lastCol = 0;
      for (const change of rows) {
        const cells = change.appended
          ? change.after.map((_, i) => i).filter((i) => change.after[i] !== '')
          : rowChanges(change.before, change.after).map((c) => c.col);
        for (const col of cells) {
          first = Math.min(first, col);
          lastCol = Math.max(lastCol, col);
        }
      }
      if (lastCol < first) continue;
      const values = rows.map((change) => {
        const out: unknown[] = [];
        for (let col = first; col <= lastCol; col++) out.push(change.after[col] ?? change.before[col] ?? '');
        return out;
      });
      table.sheet
        .getRange(block.start, first + 1, block.count, lastCol - first + 1)
        .setValues(neutralizeBlock(values));
      rowsWritten += block.count;
    }
    entries.push(...entriesFor(ctx, table, changes, keys));
    if (table.def.tracked) {
      const shadow = new Map(changes.map((c) => [c.row, encodeShadow(keys.slice(1), c.after)]));
      writeShadow(ctx.doc, table.key, shadow);
    }
    table.markWritten();
  }
  entries.push(...extra);
  appendAudit(ctx.doc, entries, ctx.actor.note);
  ctx.doc.flushProperties();
  return { rowsWritten, entries: entries.length };
}

/** What the audit needs to know about a sheet to name its changes. */
export interface AuditTarget {
  def: SheetDef;
  name: string;
  layout: SheetLayout;
}

/** The audit entries of changed rows: one per changed cell (values as audit text). */
export function entriesFor(
  ctx: Pick<WriteContext, 'actor' | 'source' | 'now'>,
  table: AuditTarget,
  changes: ReadonlyArray<{ row: number; before: readonly unknown[]; after: readonly unknown[] }>,
  keys: readonly string[],
): AuditEntry[] {
  const timestamp = ctx.now.toISOString();
  const idCol = table.def.id
    ? table.layout.cols[table.def.id.column]
    : table.layout.cols[table.def.identifying];
  const headers = new Map(table.def.columns.map((c) => [c.key, c.header]));
  const out: AuditEntry[] = [];
  for (const change of changes) {
    const recordId = String((idCol ? change.after[idCol - 1] || change.before[idCol - 1] : '') ?? '');
    for (const cell of rowChanges(change.before, change.after)) {
      const key = keys[cell.col + 1] ?? '';
      out.push({
        timestamp,
        user: ctx.actor.email,
        source: ctx.source,
        sheet: table.name,
        recordId,
        field: headers.get(key) ?? (key.startsWith('#') ? key.slice(1) : `Column ${cell.col + 1}`),
        cell: a1(change.row, cell.col + 1),
        oldValue: cell.oldValue,
        newValue: cell.newValue,
      });
    }
  }
  return out;
}
