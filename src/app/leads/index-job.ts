/**
 * The daily job that keeps the lead index (sheets/lead-index.ts) cheap to read: it folds the pending
 * entries and the rows registered since the last fold into the chunks once they grow past a few
 * thousand characters or rows, and builds the index again from the Leads shadow when there is none or
 * it is stale (rows inserted or deleted, too many changes for the property, cells changed by hand).
 * The rows come from the shadow column the expiry job read (remembered for the run), else one read
 * of it, else (rows another tool appended, which the shadow does not know) the Leads sheet itself.
 */
import {
  entriesOfColumn,
  readActiveRegistrations,
  readChunksForRebuild,
  readIndexState,
  shadowFieldsOf,
  stageLeadIndex,
  entryOf,
  type IndexEntry,
} from '../../sheets/lead-index';
import { readShadowColumn, rememberedColumn } from '../../sheets/shadow-sheet';
import { INDEX_COLUMN } from '../../sheets/schema';
import type { AppContext } from '../context';
import { idNumber } from '../../domain/ids';

/** Folded when the pending entries pass this many characters or this many rows are past the chunks. */
const FOLD_AT = { chars: 3_000, rows: 50 };
/** Overrides FOLD_AT ({chars, rows}; tests fold on every run). */
export const FOLD_LIMITS_PROPERTY = 'tracker.leadIndexLimits';

function foldAt(ctx: AppContext): { chars: number; rows: number } {
  try {
    return { ...FOLD_AT, ...(JSON.parse(ctx.doc.property(FOLD_LIMITS_PROPERTY) ?? '{}') as object) };
  } catch {
    return FOLD_AT;
  }
}

export interface LeadIndexReport {
  action: 'none' | 'current' | 'folded' | 'built';
  entries?: number;
}

export function runLeadIndexJob(ctx: AppContext): LeadIndexReport {
  const doc = ctx.doc;
  const layout = doc.layout();
  const shadow = layout.shadow;
  if (!shadow || !layout.sheets.leads || shadow.filling?.includes('leads')) return { action: 'none' };
  const state = readIndexState(doc);
  if (state && !state.stale) {
    const pendingChars = JSON.stringify(state.pending ?? {}).length + (state.gone?.length ?? 0);
    const limits = foldAt(ctx);
    if (pendingChars < limits.chars && state.last - state.folded < limits.rows) return { action: 'current' };
    const active = readActiveRegistrations(doc);
    if (active) {
      stageLeadIndex(doc, active.entries.values(), active.lastRow, active.maxId, active.chunks);
      doc.commit();
      return { action: 'folded', entries: active.entries.size };
    }
  }
  if (!state) {
    // A tracker set up before the index had a column for it: the shadow sheet gets one.
    const sheet = doc.sheetById(shadow.id);
    const cols = sheet ? sheet.getMaxColumns() : INDEX_COLUMN;
    if (sheet && cols < INDEX_COLUMN) sheet.insertColumnsAfter(cols, INDEX_COLUMN - cols);
  }
  const built = currentEntries(ctx);
  stageLeadIndex(doc, built.entries, built.lastRow, built.maxId, state ? readChunksForRebuild(doc) : []);
  doc.commit();
  return { action: 'built', entries: built.entries.length };
}

/** Every active registration of Leads as it stands, with the highest id and the last row. */
export function currentEntries(ctx: AppContext): { entries: IndexEntry[]; maxId: number; lastRow: number } {
  const doc = ctx.doc;
  const leads = doc.layout().sheets.leads!;
  if (!ctx.isOpen('leads')) {
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
  const table = ctx.table('leads');
  const entries: IndexEntry[] = [];
  let maxId = 0;
  let lastRow = 1;
  for (const { row } of table.rows()) {
    const fields = shadowFieldsOf(table.layout, table.valuesAt(row));
    lastRow = row;
    maxId = Math.max(maxId, idNumber('lead', fields.leadId) ?? 0);
    const entry = entryOf(row, fields);
    if (entry) entries.push(entry);
  }
  return { entries, maxId, lastRow };
}
