/**
 * Adopting the rows of existing sheets, chunk by chunk, within a time budget: per chunk, ONE read of
 * its rows, then ids for rows without one (audited as source "setup" through the writer), the rows'
 * shadow cells (one write), the validation rules and number formats of its rows (one call per
 * column), the check of each row with its invalid cells highlighted, and the checkpoint, saved with
 * the chunk's audit tail in one property write. A chunk interrupted before that write is redone
 * whole (ids go only to rows still without one; the rest is rewritten the same), so no row is
 * skipped or adopted twice.
 */
import type { AuditSource } from '../../domain/audit/entry';
import { encodeShadow } from '../../domain/audit/shadow';
import type { TrackerDocument } from '../../sheets/document';
import { highlightCells } from '../../sheets/highlight';
import { keysByPosition, rowWidth } from '../../sheets/layout';
import { TRACKED_SHEETS, sheetDef, type SheetKey } from '../../sheets/schema';
import { settingsFrom } from '../../sheets/settings-reader';
import { validatedColumns } from '../../sheets/setup/build';
import { formatColumns } from '../../sheets/setup/extend';
import { isPlainTextColumn } from '../../sheets/cell-text';
import { namedRange, readColumn, readRows, writeShadowBlock } from '../../sheets/setup/chunk';
import { cellProblem, type RowCheckContext } from '../../sheets/setup/row-check';
import { Table, valuesFromShadow } from '../../sheets/table';
import type { Actor } from '../../sheets/writer';
import { AppContext } from '../context';
import {
  ADOPTION_PROPERTY,
  INVALID_ROWS_KEPT,
  type AdoptionLimits,
  type AdoptionState,
  type InvalidRow,
  type SheetAdoption,
} from './adoption-state';
import { formatId, highestIdNumber, type IdKind } from '../../domain/ids';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** What one execution's adoption did. */
export interface AdoptionRun {
  chunks: number;
  rows: number;
  idsGiven: number;
  invalidRows: InvalidRow[];
  finished: boolean;
}

export interface AdoptionOptions {
  actor: Actor;
  limits: AdoptionLimits;
  /** Milliseconds this execution may still spend. */
  timeLeftMs: () => number;
  /** Sheets set-up read whole already (header row first): adopted without reading them again. */
  known?: ReadonlyMap<SheetKey, unknown[][]>;
  /** Settings as set-up holds them (header row first), for the row check. */
  settings?: unknown[][];
  source?: AuditSource;
}

/** Per execution: the named ranges and the row check's lists, asked once. */
interface RunCache {
  named: Map<string, Range | null>;
  check: Partial<RowCheckContext>;
}

/**
 * Adopts chunks until the state is done or the budget runs low (the first chunk always runs: each
 * execution makes progress). The checkpoint is written with each chunk; the caller flushes nothing.
 */
export function adoptRows(doc: TrackerDocument, state: AdoptionState, options: AdoptionOptions): AdoptionRun {
  const run: AdoptionRun = { chunks: 0, rows: 0, idsGiven: 0, invalidRows: [], finished: false };
  const cache: RunCache = { named: new Map(), check: {} };
  state.runs++;
  let slowest = 0;
  while (state.sheets.length) {
    const sheet = state.sheets[0];
    const known = options.known?.get(sheet.key);
    if (!known) {
      if (run.chunks >= options.limits.maxChunks) break;
      if (run.chunks > 0 && options.timeLeftMs() < slowest * 1.5) break;
    }
    const started = Date.now();
    adoptChunk(doc, state, sheet, known ?? null, options, cache, run);
    if (!known) {
      run.chunks++;
      slowest = Math.max(slowest, Date.now() - started);
    }
  }
  run.finished = state.sheets.length === 0;
  return run;
}

function adoptChunk(
  doc: TrackerDocument,
  state: AdoptionState,
  s: SheetAdoption,
  known: unknown[][] | null,
  options: AdoptionOptions,
  cache: RunCache,
  run: AdoptionRun,
): void {
  const def = sheetDef(s.key);
  const layout = doc.layout().sheets[s.key]!;
  const sheet = doc.sheet(s.key)!;
  const width = rowWidth(layout);
  let from = s.next;
  let rows: unknown[][];
  if (known) {
    rows = known.slice(1);
    from = 2;
    if (s.ids && s.nextId === null) {
      const col = layout.cols[def.id!.column];
      s.nextId = nextIdNumber(
        def.id!.kind,
        known.slice(1).map((r) => r[col - 1]),
      );
    }
  } else {
    // Rows appended since last seen (an add-on write while set-up was pending) are adopted too; the
    // ids they carry are not given again.
    const last = sheet.getLastRow();
    if (last !== s.last) {
      const idCol = s.ids ? layout.cols[def.id!.column] : 0;
      if (idCol && s.nextId !== null && last > s.last) {
        const appended = readColumn(sheet, idCol, s.last + 1, last);
        s.nextId = Math.max(s.nextId, nextIdNumber(def.id!.kind, appended));
      }
      state.total += last - s.last;
      s.last = last;
    }
    if (s.ids && s.nextId === null)
      s.nextId = nextIdNumber(def.id!.kind, readColumn(sheet, layout.cols[def.id!.column], 2, s.last));
    const to = Math.min(from + options.limits.chunkRows - 1, s.last);
    rows = readRows(sheet, from, to, width);
  }
  const to = from + rows.length - 1;
  const finished = to >= s.last;

  // The rows as a table (sheet rows before `from` left out: a sparse array).
  const values: unknown[][] = [valuesFromShadow(s.key, layout, [])[0]];
  values.length = from - 1;
  for (const row of rows) {
    const padded = [...row];
    while (padded.length < width) padded.push('');
    values.push(padded);
  }
  const ctx = new AppContext(doc, options.actor, options.source ?? 'setup', new Date(), undefined, {
    required: false,
    checked: true,
  });
  const table = ctx.table(s.key).load(values);

  if (s.ids) {
    const spec = def.id!;
    for (const { row, record } of table.rows()) {
      if (String(record[spec.column] ?? '') !== '' || String(record[def.identifying] ?? '') === '') continue;
      table.update(row, { [spec.column]: formatId(spec.kind, s.nextId!) });
      s.nextId!++;
      run.idsGiven++;
      state.idsGiven++;
    }
  }

  const bottom = finished ? layout.maxRows : to;
  if (s.shadow && rows.length) {
    const keys = keysByPosition(layout).slice(1);
    const cells: string[] = [];
    for (let row = from; row <= to; row++) cells.push(encodeShadow(keys, table.valuesAt(row)));
    writeShadowBlock(doc, s.key, from, cells);
  }
  if (s.rules.length && bottom >= from) {
    const lookup = (name: string) => namedRange(doc.ss, cache.named, name);
    for (const { column, rule } of validatedColumns(def, lookup)) {
      if (!s.rules.includes(column.key)) continue;
      sheet.getRange(from, layout.cols[column.key], bottom - from + 1, 1).setDataValidation(rule);
    }
  }
  // The columns set-up added, and, when a sheet is first adopted (its shadow made), every text column
  // (plain text: what is written stays text). Set up run again writes no format.
  formatColumns(
    sheet,
    s.key,
    layout,
    from,
    bottom,
    (c) => s.formats.includes(c.key) || (s.shadow && isPlainTextColumn(c)),
  );
  if (s.check) checkRows(doc, table, cache, options, state, run);

  state.done += rows.length;
  if (finished) {
    state.sheets.shift();
    shadowColumnsOf(doc, state);
  } else {
    s.next = to + 1;
  }
  doc.setProperty(ADOPTION_PROPERTY, state.sheets.length ? JSON.stringify(state) : '');
  ctx.commit();
}

/**
 * The layout's shadow columns: every tracked sheet's, those whose shadow is still being filled marked
 * `filling` (every write keeps their column current, so a row changed by a sidebar call while set-up
 * is pending is not left stale; no one reads them whole until they are filled).
 */
export function shadowColumnsOf(doc: TrackerDocument, state: AdoptionState | null): void {
  const shadow = doc.layout().shadow;
  if (!shadow) return;
  const filling = (state?.sheets ?? []).filter((s) => s.shadow).map((s) => s.key);
  const cols: Partial<Record<SheetKey, number>> = {};
  TRACKED_SHEETS.forEach((key, i) => (cols[key] = i + 1));
  shadow.cols = cols;
  if (filling.length) shadow.filling = filling;
  else delete shadow.filling;
  doc.markLayoutChanged();
}

/** One more than the largest number among ids of this kind. */
function nextIdNumber(kind: IdKind, ids: readonly unknown[]): number {
  return highestIdNumber(kind, ids) + 1;
}

function checkContext(doc: TrackerDocument, cache: RunCache, options: AdoptionOptions, key: SheetKey) {
  const check = cache.check;
  if (!check.lists) {
    const settings = new Table(doc, 'settings');
    check.lists = settingsFrom(options.settings ? settings.load(options.settings) : settings).lists;
  }
  if (key === 'leads' && !check.partnerIds)
    check.partnerIds = new Set(columnOf(doc, 'partners', 'partnerId'));
  if (key === 'partners' && !check.planNames) check.planNames = new Set(columnOf(doc, 'plans', 'planName'));
  return {
    lists: check.lists,
    partnerIds: check.partnerIds ?? new Set<string>(),
    planNames: check.planNames ?? new Set<string>(),
  };
}

/** A column of a tracker sheet as text, rows 2..last (two calls). */
function columnOf(doc: TrackerDocument, key: SheetKey, column: string): string[] {
  const sheet = doc.sheet(key);
  const col = doc.layout().sheets[key]?.cols[column];
  if (!sheet || !col) return [];
  return readColumn(sheet, col, 2, sheet.getLastRow()).map((v) => String(v ?? ''));
}

function checkRows(
  doc: TrackerDocument,
  table: Table,
  cache: RunCache,
  options: AdoptionOptions,
  state: AdoptionState,
  run: AdoptionRun,
): void {
  const ctx = checkContext(doc, cache, options, table.key);
  const bad: Array<{ row: number; col: number }> = [];
  for (const { row, record } of table.rows()) {
    const problems: string[] = [];
    for (const column of table.def.columns) {
      const problem = cellProblem(column, record[column.key], ctx);
      if (problem) {
        problems.push(problem);
        bad.push({ row, col: table.layout.cols[column.key] });
      }
    }
    if (!problems.length) continue;
    const invalid = { sheet: table.name, row, problems };
    run.invalidRows.push(invalid);
    state.invalidCount++;
    if (state.invalidRows.length < INVALID_ROWS_KEPT) state.invalidRows.push(invalid);
  }
  highlightCells(table.sheet, bad);
}
