/**
 * The upkeep of the lead index (sheets/lead-index.ts), done by the daily expiry in its own commit: it
 * folds the pending entries, the dirty ranges and the rows registered since the last fold into the
 * chunks once they pass a few thousand characters or rows, and builds the index again from the Leads
 * shadow when there is none or it is stale (rows inserted or deleted, too many changes, cells changed
 * by hand). The rows come from the shadow column the expiry read (remembered for the run), else one
 * read of it, else (rows another tool appended, which the shadow does not know) the Leads sheet.
 */
import {
  entriesOfColumn,
  readActiveRegistrations,
  readChunksForRebuild,
  readIndexState,
  shadowFieldsOf,
  stageLeadIndex,
  storedEntryOf,
  type ActiveRegistrations,
  type IndexState,
  type StoredEntry,
} from '../../sheets/lead-index';
import type { TrackerDocument } from '../../sheets/document';
import { readShadowColumn, rememberedColumn } from '../../sheets/shadow-sheet';
import { INDEX_COLUMN } from '../../sheets/schema';
import type { AppContext } from '../context';
import type { Table } from '../../sheets/table';
import { idNumber } from '../../domain/ids';

/**
 * Folded when the pending entries pass this many characters, this many rows are past the chunks, the
 * dirty ranges hold this many rows or there are two of them (each costs every reader one read).
 */
const FOLD_AT = { chars: 4_500, rows: 200, dirtyRows: 1_000 };
/** Overrides FOLD_AT ({chars, rows}; tests fold on every run). */
export const FOLD_LIMITS_PROPERTY = 'tracker.leadIndexLimits';

function foldAt(doc: TrackerDocument): typeof FOLD_AT {
  try {
    return { ...FOLD_AT, ...(JSON.parse(doc.property(FOLD_LIMITS_PROPERTY) ?? '{}') as object) };
  } catch {
    return FOLD_AT;
  }
}

/** Whether the index `state` is due to be folded (FOLD_AT, or the limits stored for tests). */
function foldDue(doc: TrackerDocument, state: IndexState): boolean {
  const pendingChars = JSON.stringify(state.pending ?? {}).length + (state.gone?.length ?? 0);
  const limits = foldAt(doc);
  const dirtyRows = (state.dirty ?? []).reduce((n, [from, to]) => n + to - from + 1, 0);
  return (
    pendingChars >= limits.chars ||
    state.last - state.folded >= limits.rows ||
    dirtyRows >= limits.dirtyRows ||
    (state.dirty?.length ?? 0) > 1
  );
}

/**
 * The daily expiry's calls when it expires nothing (one that does writes audit rows, which ends the
 * execution's work: call-budget.ts), told from the index's state (no call): the index, the window of
 * Leads rows and the picked rows (3), the dirty ranges (1, joined in the hourly run), and a fold's
 * journal and chunk writes (3, joined into at most 2 in the hourly run); without a usable index, a
 * build (the shadow column, read instead of the index: 1 or 2; the journal, its spill when large and
 * the chunks: 5).
 */
export function leadExpiryCalls(doc: TrackerDocument): number {
  const state = readIndexState(doc);
  if (!state || state.stale) return 5;
  return 3 + (state.dirty?.length ? 1 : 0) + (foldDue(doc, state) ? 3 : 0);
}

export interface LeadIndexReport {
  action: 'none' | 'current' | 'folded' | 'built';
  entries?: number;
}

/**
 * Keeps the index cheap to read, staged for the caller's commit (the daily expiry's: no commit of its
 * own): folds the pending entries and the rows past the chunks once they pass FOLD_AT, builds it when
 * there is none or it is stale. `changed`: the Leads table the caller changed and has not committed
 * yet (its rows as they will be are what the index is given); `read`: the index as the caller read it
 * this execution (not read again).
 */
export function maintainLeadIndex(
  ctx: AppContext,
  changed: Table | null,
  read: ActiveRegistrations | null = null,
): LeadIndexReport {
  const doc = ctx.doc;
  const layout = doc.layout();
  const shadow = layout.shadow;
  if (!shadow || !layout.sheets.leads || shadow.filling?.includes('leads')) return { action: 'none' };
  const state = readIndexState(doc);
  if (state && !state.stale) {
    if (!foldDue(doc, state)) return { action: 'current' };
    const active = read ?? readActiveRegistrations(doc);
    if (active) {
      const lastRow = withChanges(active.stored, changed, active.lastRow);
      stageLeadIndex(doc, active.stored.values(), lastRow, active.maxId, active.chunks);
      return { action: 'folded', entries: active.stored.size };
    }
  }
  if (!state) {
    // A tracker set up before the index had a column for it: the shadow sheet gets one.
    const sheet = doc.sheetById(shadow.id);
    const cols = sheet ? sheet.getMaxColumns() : INDEX_COLUMN;
    if (sheet && cols < INDEX_COLUMN) sheet.insertColumnsAfter(cols, INDEX_COLUMN - cols);
  }
  const built = currentEntries(ctx, changed);
  const entries = new Map(built.entries.map((e) => [e[0], e]));
  const lastRow = withChanges(entries, changed, built.lastRow);
  stageLeadIndex(doc, entries.values(), lastRow, built.maxId, state ? readChunksForRebuild(doc) : []);
  return { action: 'built', entries: entries.size };
}

/** The entries with the uncommitted rows of `changed` as they will be; the last row after them. */
function withChanges(entries: Map<number, StoredEntry>, changed: Table | null, lastRow: number): number {
  let last = lastRow;
  for (const change of changed?.changes() ?? []) {
    const entry = storedEntryOf(change.row, shadowFieldsOf(changed!.layout, change.after));
    if (entry) entries.set(change.row, entry);
    else entries.delete(change.row);
    if (change.after.some((v) => v !== '' && v !== null)) last = Math.max(last, change.row);
  }
  return last;
}

/** Every active registration of Leads as it stands, with the highest id and the last row. */
function currentEntries(
  ctx: AppContext,
  changed: Table | null,
): { entries: StoredEntry[]; maxId: number; lastRow: number } {
  const doc = ctx.doc;
  const leads = doc.layout().sheets.leads!;
  // The table the caller read whole serves as it is (its uncommitted changes are applied after).
  const whole = changed
    ? changed.fromShadow
      ? null
      : changed
    : ctx.isOpen('leads')
      ? ctx.table('leads')
      : null;
  if (!whole) {
    let cells = rememberedColumn(doc, 'leads');
    if (!cells) {
      const read = readShadowColumn(doc, 'leads', leads.maxRows).map((c) => String(c ?? ''));
      while (read.length && read[read.length - 1] === '') read.pop();
      const sheet = doc.sheet('leads');
      cells = sheet && sheet.getLastRow() - 1 <= read.length ? read : null;
    }
    if (cells) return entriesOfColumn(cells);
  }
  // The sheet itself (rows the shadow does not know, or the run already read Leads whole).
  const table = whole ?? ctx.table('leads');
  const entries: StoredEntry[] = [];
  let maxId = 0;
  let lastRow = 1;
  for (const { row } of table.rows()) {
    const fields = shadowFieldsOf(table.layout, table.valuesAt(row));
    lastRow = row;
    maxId = Math.max(maxId, idNumber('lead', fields.leadId) ?? 0);
    const entry = storedEntryOf(row, fields);
    if (entry) entries.push(entry);
  }
  return { entries, maxId, lastRow };
}
