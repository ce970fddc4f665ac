/**
 * THE audited writer: every write the add-on makes to a tracker sheet goes through `commit`. It takes
 * the document lock, stages each table's changed rows (one setValues per contiguous block, spanning
 * only the changed columns), the shadow of tracked sheets and one audit entry per changed cell (one
 * setValues for the whole operation), then makes them all with the audit tail and layout cache as one
 * journaled step (`TrackerDocument.applyStaged`, journal.ts): all or nothing. Every read it needs
 * (cells kept as they are, shadow rows not read) happens before the first write.
 */
import { rowChanges } from '../domain/audit/diff';
import { ROW_ADDED, type AuditEntry, type AuditSource } from '../domain/audit/entry';
import { encodeShadow } from '../domain/audit/shadow';
import { appendAudit } from './audit-sheet';
import { a1, ensureRows } from './capacity';
import { isPlainTextColumn, neutralizeBlock } from './cell-text';
import type { TrackerDocument } from './document';
import type { SheetLayout } from './layout';
import type { SheetDef } from './schema';
import { writeShadow } from './shadow-sheet';
import { writeShadowBlocks } from './shadow-blocks';
import { healForged } from './shadow-seals';
import { type RowChange, type Table, unguardPlainText } from './table';
import { MAX_BLOCKS, writeBlocks, type ChangedRow, type WriteBlock } from './write-blocks';
import { recordOfCell } from './record-of';
import { planLists } from './scattered-cells';

/**
 * Blocks per table for the scheduled jobs: their scattered changes (holds ending, expiries) are
 * written in fewer, taller blocks (the cells between read back and written as they are): the daily
 * run's call budget (15) matters more than its cells, which stay well inside its time.
 */
const TRIGGER_MAX_BLOCKS = 3;
/**
 * The hourly run (TrackerDocument.prefersFewCalls): at most 2 blocks per table, and neighbouring
 * blocks joined while that adds at most this many cells: a join saves up to three calls (the block's
 * read-back, its write and its shadow write), and the daily run's budget is its calls per execution
 * (15); its time per execution is far from its limit. (20,000: at 100k leads a reconcile slice's
 * status changes lie in two runs of one column about 10,000 to 15,000 rows apart.)
 */
const HOURLY_MAX_BLOCKS = 2;
const HOURLY_BRIDGE_CELLS = 20_000;

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

/**
 * Writes the tables' in-memory changes, their shadow and their audit entries (after `first` entries,
 * before `extra` ones) as one journaled step.
 */
export function commit(
  ctx: WriteContext,
  tables: readonly Table[],
  extra: readonly AuditEntry[] = [],
  first: readonly AuditEntry[] = [],
): CommitResult {
  ctx.doc.lock();
  const entries: AuditEntry[] = [...first];
  const healed = healForged(ctx, tables);
  let rowsWritten = 0;
  for (const table of tables) {
    const changes = table.changes();
    if (!changes.length) continue;
    const keys = table.keys();
    const defs = new Map(table.def.columns.map((c) => [c.key, c]));
    // Text columns are plain text (set-up, rows added later): written as they are; others guarded.
    const plainAt = keys.map((key) => isPlainTextColumn(defs.get(key)));
    const changed = changedRows(changes);
    if (changed.length) {
      ensureRows(ctx.doc, table.sheet, table.layout, changed[changed.length - 1].row);
      const byRow = new Map(changes.map((c) => [c.row, c]));
      const hourly = ctx.source === 'trigger' && ctx.doc.prefersFewCalls();
      const blocks =
        ctx.source !== 'trigger'
          ? writeBlocks(changed, MAX_BLOCKS)
          : hourly
            ? writeBlocks(changed, HOURLY_MAX_BLOCKS, HOURLY_BRIDGE_CELLS)
            : writeBlocks(changed, TRIGGER_MAX_BLOCKS);
      const changedCols = table.fromShadow ? changedColumns(changes) : null;
      // The hourly run: blocks of a few scattered cells that would be read back go as range lists.
      const planned =
        changedCols && hourly
          ? planLists(
              blocks,
              (block) => keepsCells(block, changedCols),
              (row) => changedCols.get(row) === 'all',
              (row) => {
                const cols = changedCols.get(row);
                const after = byRow.get(row)?.after;
                return cols instanceof Set && after
                  ? [...cols].map((col) => [col, after[col] ?? ''] as const)
                  : null;
              },
              plainAt,
            )
          : null;
      for (const list of planned?.lists ?? [])
        ctx.doc.stage({ k: 'list', s: table.layout.id, n: table.layout.name, a: list.a1, v: list.value });
      for (const block of blocks) {
        const rows = block.end - block.start + 1;
        if (planned?.listed.has(block)) {
          rowsWritten += rows;
          continue;
        }
        const sheetValues =
          changedCols && keepsCells(block, changedCols)
            ? unguarded(
                table.sheet
                  .getRange(block.start, block.first + 1, rows, block.last - block.first + 1)
                  .getValues(),
                (j) => plainAt[block.first + 1 + j],
              )
            : null;
        const values: unknown[][] = [];
        for (let row = block.start; row <= block.end; row++) {
          const change = byRow.get(row);
          const current = change ? change.after : table.valuesAt(row);
          const before = change ? change.before : current;
          const cols = changedCols?.get(row);
          const out: unknown[] = [];
          for (let col = block.first; col <= block.last; col++)
            out.push(
              sheetValues && cols !== 'all' && !cols?.has(col)
                ? sheetValues[row - block.start][col - block.first]
                : (current[col] ?? before[col] ?? ''),
            );
          values.push(out);
        }
        ctx.doc.stage({
          k: 'values',
          s: table.layout.id,
          n: table.layout.name,
          r: block.start,
          c: block.first + 1,
          v: neutralizeBlock(values, (j) => plainAt[block.first + 1 + j]),
        });
        rowsWritten += rows;
      }
      for (const entry of entriesFor(ctx, table, changes, keys)) entries.push(entry);
      if (table.def.tracked) {
        // The shadow of the same rows (shadow-blocks.ts); in the hourly run its blocks joined.
        writeShadowBlocks(ctx.doc, table, byRow, blocks, hourly ? HOURLY_BRIDGE_CELLS : 0);
      }
    }
    table.markWritten();
  }
  for (const entry of extra) entries.push(entry);
  // Shadow rows a read found forged: written again from the visible rows, the discrepancy audited.
  healed.rewrite((key, cells) => writeShadow(ctx.doc, key, cells));
  for (const entry of healed.entries) entries.push(entry);
  appendAudit(ctx.doc, entries, ctx.actor.note);
  // Everything staged above (rows, cells, shadow, audit) and the queued properties, as one journaled step.
  ctx.doc.flushProperties({ afterCellWrites: rowsWritten > 0 || entries.length > 0 });
  return { rowsWritten, entries: entries.length };
}

/** The rows that really change (a row touched but left as it was writes nothing), in row order. */
function changedRows(changes: readonly RowChange[]): ChangedRow[] {
  const out: ChangedRow[] = [];
  for (const change of changes) {
    let first = Infinity;
    let last = -1;
    if (change.appended) {
      change.after.forEach((value, col) => {
        if (value === '') return;
        first = Math.min(first, col);
        last = Math.max(last, col);
      });
    } else {
      for (const cell of rowChanges(change.before, change.after)) {
        first = Math.min(first, cell.col);
        last = Math.max(last, cell.col);
      }
    }
    if (last >= first) out.push({ row: change.row, first, last });
  }
  return out;
}

/**
 * For a table read from the shadow (its values text where the sheet may hold a number, a date or a
 * formula-like text): each changed row's changed columns ('all' for an appended row, which the writer
 * writes whole). The writer writes these cells and reads back the others of a block, so a cell it
 * does not change is written back exactly as the sheet holds it.
 */
function changedColumns(changes: readonly RowChange[]): Map<number, Set<number> | 'all'> {
  const out = new Map<number, Set<number> | 'all'>();
  for (const change of changes)
    out.set(
      change.row,
      change.appended ? 'all' : new Set(rowChanges(change.before, change.after).map((cell) => cell.col)),
    );
  return out;
}

/** True when a block holds a cell the change does not set (to be read back before the write). */
function keepsCells(block: WriteBlock, changedCols: ReadonlyMap<number, Set<number> | 'all'>): boolean {
  for (let row = block.start; row <= block.end; row++) {
    const cols = changedCols.get(row);
    if (cols === 'all') continue;
    if (!cols) return true;
    for (let col = block.first; col <= block.last; col++) if (!cols.has(col)) return true;
  }
  return false;
}

/** What the audit needs to know about a sheet to name its changes. */
export interface AuditTarget {
  def: SheetDef;
  name: string;
  layout: SheetLayout;
}

export { ROW_ADDED } from '../domain/audit/entry';

/**
 * The audit entries of changed rows: one per changed cell (values as audit text); a row added to
 * a sheet whose rows are audited whole, one entry holding the row.
 */
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
  const entry = (recordId: string, field: string, cell: string, oldValue: string, newValue: string) => ({
    timestamp,
    user: ctx.actor.email,
    source: ctx.source,
    sheet: table.name,
    recordId,
    field,
    cell,
    oldValue,
    newValue,
  });
  const out: AuditEntry[] = [];
  for (const change of changes) {
    const recordId = String((idCol ? change.after[idCol - 1] || change.before[idCol - 1] : '') ?? '');
    // The tracker's own new rows only: a person's pasted row is audited cell by cell.
    const added = ctx.source !== 'edit' && change.before.every((v) => v === '' || v == null);
    if (added && table.def.auditNewRows === 'whole') {
      const newValue = encodeShadow(keys.slice(1), change.after);
      if (newValue) out.push(entry(recordId, ROW_ADDED, `${change.row}:${change.row}`, '', newValue));
      continue;
    }
    for (const cell of rowChanges(change.before, change.after)) {
      const key = keys[cell.col + 1] ?? '';
      const field = headers.get(key) ?? (key.startsWith('#') ? key.slice(1) : `Column ${cell.col + 1}`);
      const record = recordOfCell(table.def, key, recordId);
      out.push(entry(record, field, a1(change.row, cell.col + 1), cell.oldValue, cell.newValue));
    }
  }
  return out;
}

/** Cells read back to be written again: plain-text guard apostrophes removed (the write adds them). */
function unguarded(values: unknown[][], plain: (j: number) => boolean): unknown[][] {
  const cols = (values[0] ?? []).map((_, j) => j).filter(plain);
  unguardPlainText(values, cols);
  return values;
}
