/**
 * The lead index: the conflict keys of the active registrations (Submitted and Approved leads), and
 * the cells the commission engine reads of each deal (Won leads, and those whose Status it cannot
 * read), kept in the `_Shadow` sheet's last column so that registerLead, review, extend, closeLead
 * (a partner's deals) and the lookups by id read a few hundred cells instead of one per lead.
 *
 * - Cells: rows 2.. of INDEX_COLUMN, each a chunk `#<n>|<first row>|<JSON entries>` of at most
 *   CHUNK_MAX characters; chunk n holds the entries of the Leads rows from its first row up to the
 *   next chunk's first row (the last one: up to `folded`), sorted by row.
 * - State (document property `tracker.leadIndex`, written with the commit's journal, so it is
 *   exactly as current as the cells): `folded` (the last Leads row the chunks cover), `last` (the
 *   last Leads row the tracker wrote), `maxId` (the highest Lead ID number seen), the chunk count and
 *   their total length (a chunk emptied or changed by hand is noticed), and `pending`: entries of
 *   rows at or above `folded` changed by a commit that did not rewrite the chunks (a person's edit,
 *   the daily expiry). Rows below `folded` (registrations since the last fold, rows another tool
 *   appended) are read from the Leads sheet itself, a short window ending below `last`.
 * - Every write of the Leads shadow tells the index (`noteLeadShadow`, called by shadow-sheet.ts):
 *   a written row becomes a pending entry or moves `last`; rows inserted or deleted (the shadow
 *   column rewritten) and a pending list too long for the property make it stale.
 * - A missing, stale or inconsistent index (no state, stale, chunks that do not add up, the window
 *   not ending where `last` says: rows another tool deleted, or more appended than the window holds)
 *   is never trusted: the reader returns null and the caller reads every lead as before; the daily
 *   job (`lead index`, app/leads/index-job.ts) rebuilds it from the shadow column and folds the
 *   pending entries and the new rows into the chunks.
 */
import { overlayDeferred } from './shadow-deferred';
import { auditText } from '../domain/audit/entry';
import { decodeShadow, type ShadowRow } from '../domain/audit/shadow';
import { chunksDigest } from './chunks-digest';
import { checkCells, hasForged, readSealedRanges } from './shadow-seals';
import { rememberColumnCells, rememberShadowRows, shadowRowsRead } from './shadow-rows-read';
import { IndexEntries } from './lead-index-entries';
import { idNumber } from '../domain/ids';
import { companyDomainOf, isProtectedStatus, nameKey } from '../domain/leads';
import { LEAD_STATUS, LEAD_STATUSES, readStatus } from '../shared/statuses';
import type { TrackerDocument } from './document';
import { keysByPosition, rowWidth, type SheetLayout } from './layout';
import { INDEX_COLUMN, LEDGER_INDEX_COLUMN, type SheetKey } from './schema';

export const LEAD_INDEX_PROPERTY = 'tracker.leadIndex';

/** A chunk is cut when it passes this many characters (a cell holds 50,000). */
export const CHUNK_TARGET = 20_000;
const CHUNK_MAX = 45_000;
/** Rows read past `last` to see rows another tool appended (more: the index is rebuilt). */
export const WINDOW_SLACK = 20;
/** The pending entries' JSON and gone rows are kept under this (a property value holds 9 KB); beyond: dirty ranges. */
export const PENDING_CHARS = 6_000;
/** At most this many dirty ranges (reads), each at most DIRTY_ROWS rows; beyond: stale. */
const DIRTY_RANGES = 2;
const DIRTY_ROWS = 3_000;

/**
 * How rows picked from an index are read from the shadow column: rows this close together in one call
 * with the rows between (a call costs about 30 cells), at most this many calls (the nearest clusters
 * joined beyond it: a page of rows spread over 100,000 would otherwise read most of them).
 */
export const ROW_READS = { gap: 30, most: 100 } as const;
/**
 * The unchanged chunks' characters the hourly run may write again to join its chunk writes
 * (stageLeadIndex). The journal leaves them out (the sheet holds them: a patch), so they cost the
 * write's payload alone (at 100,000 leads a fold's two runs were more than a million apart).
 */
const FEW_CALLS_JOIN_CHARS = 10_000_000;

/**
 * The shadow rows `rows` of `key`, decoded (one getValues per cluster of nearby rows, ROW_READS),
 * their seals checked: null when a read this execution found a forged row (the caller reads the
 * visible sheet). The rows read between them (a call costs more than a few cells) are not used, so
 * neither opened nor checked. The caller has checked the shadow has the column.
 */
export function readShadowRowsAt(
  doc: TrackerDocument,
  key: SheetKey,
  rows: readonly number[],
  /** At most this many getValues (a job within the daily run's call budget asks for fewer). */
  most: number = ROW_READS.most,
): Array<{ row: number; cells: ShadowRow }> | null {
  const shadow = doc.layout().shadow!;
  const found: Array<{ row: number; cells: ShadowRow }> = [];
  // Rows an earlier read of this execution fetched (the dirty ranges' read: readActiveRegistrations).
  const unread: number[] = [];
  for (const row of rows) {
    const known = shadowRowsRead(doc, key, row, 1);
    if (known) found.push({ row, cells: decodeShadow(checkCells(doc, key, row, [known[0][0]])[0]) });
    else unread.push(row);
  }
  for (const [from, to] of joinRanges(
    unread.map((row): [number, number] => [row, row]),
    most,
    ROW_READS.gap,
  )) {
    const raw = overlayDeferred(
      doc,
      shadow.cols,
      from,
      shadow.cols[key]!,
      doc.range(shadow.id, shadow.name, from, shadow.cols[key]!, to - from + 1, 1).getValues(),
    );
    rememberShadowRows(
      doc,
      key,
      from,
      raw.map((r) => r[0]),
    );
    for (const row of unread)
      if (row >= from && row <= to)
        found.push({ row, cells: decodeShadow(checkCells(doc, key, row, [raw[row - from][0]])[0]) });
  }
  return hasForged(doc, key) ? null : found;
}

/**
 * Row ranges sorted and joined: overlapping or adjacent ones, those at most `gap` rows apart, then
 * the two nearest until at most `most` remain (a call costs more than reading a few rows between).
 */
export function joinRanges(
  ranges: ReadonlyArray<[number, number]>,
  most: number,
  gap = 0,
): Array<[number, number]> {
  const sorted = ranges.map(([from, to]): [number, number] => [from, to]).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1 + gap) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  while (out.length > most) {
    // Join the two ranges with the smallest gap.
    let best = 0;
    for (let i = 1; i < out.length - 1; i++)
      if (out[i + 1][0] - out[i][1] < out[best + 1][0] - out[best][1]) best = i;
    out.splice(best, 2, [out[best][0], out[best + 1][1]]);
  }
  return out;
}

/** Dirty rows merged into at most DIRTY_RANGES ranges; null when one is too wide. */
function mergeRanges(ranges: ReadonlyArray<[number, number]>): Array<[number, number]> | null {
  const out = joinRanges(ranges, DIRTY_RANGES);
  return out.every(([from, to]) => to - from + 1 <= DIRTY_ROWS) ? out : null;
}

/**
 * One active registration: its row and what the conflict check and the lookups by id use, as the
 * shadow holds it (Status and Expires On as the cell's text; the domain and name key computed).
 */
export type IndexEntry = [
  row: number,
  id: string,
  partnerId: string,
  partnerName: string,
  company: string,
  domain: string,
  key: string,
  status: string,
  expiresOn: string,
  /** Registered On as the shadow holds it (the review queue's order). */
  registeredOn: string,
  /** 1 when the Conflict cell holds text (the review queue shows those first), else 0. */
  conflict: 0 | 1,
];

/**
 * A deal the commission engine reads (a Won lead, or one whose Status it cannot read: flagged): its
 * row and the cells the engine takes from it, as the shadow holds them, so that closeLead reconciles
 * a partner's deals without reading every lead (lead-tables.ts). A row holds either an active
 * registration or a deal, never both (their statuses differ); told apart by their length.
 */
export type DealEntry = [
  row: number,
  id: string,
  partnerId: string,
  status: string,
  currency: string,
  dealValue: string,
  closedOn: string,
];

/** What the chunks and the pending entries hold: active registrations and deals. */
export type StoredEntry = IndexEntry | DealEntry;

const DEAL_LENGTH = 7;
const ACTIVE_LENGTH = 11;

export function isDealEntry(entry: StoredEntry): entry is DealEntry {
  return entry.length === DEAL_LENGTH;
}

/** The entries' shape: a state of another version (older entries) is rebuilt, never read. */
const INDEX_VERSION = 3;

export interface IndexState {
  v: typeof INDEX_VERSION;
  folded: number;
  last: number;
  maxId: number;
  chunks: number;
  chars: number;
  /** The chunks' digest (domain/audit/shadow-seal.ts cellsDigest, computed by chunks-digest.ts): a hand edit of them is noticed. */
  digest?: string;
  /** Rows at or above `folded` written since the fold: their entries now. */
  pending?: Record<string, StoredEntry>;
  /** Rows at or above `folded` written since the fold that hold no active registration now (encodeRows). */
  gone?: string;
  /**
   * Row ranges [from, to] at or above `folded` changed by commits whose entries did not fit the
   * property (a paste): the reader reads their shadow cells (one getValues each).
   */
  dirty?: Array<[number, number]>;
  stale?: 1;
}

/** The entry of a Leads row (its shadow fields), or null when it is no active registration. */
export function entryOf(row: number, cells: Readonly<ShadowRow>): IndexEntry | null {
  const id = cells.leadId ?? '';
  if (!id) return null;
  const status = readStatus(LEAD_STATUSES, cells.status, '');
  if (!status.ok || !status.status || !isProtectedStatus(status.status)) return null;
  const company = cells.company ?? '';
  const domain =
    companyDomainOf({ domain: cells.domain ?? '', contactEmail: cells.contactEmail ?? '' }) ?? '';
  return [
    row,
    id,
    cells.partnerId ?? '',
    cells.partnerName ?? '',
    company,
    domain,
    nameKey(company),
    cells.status ?? '',
    cells.expiresOn ?? '',
    cells.registeredOn ?? '',
    (cells.conflict ?? '').trim() ? 1 : 0,
  ];
}

/** The deal entry of a Leads row (Won, or a Status the engine cannot read), or null. */
export function dealEntryOf(row: number, cells: Readonly<ShadowRow>): DealEntry | null {
  const id = cells.leadId ?? '';
  if (!id) return null;
  const status = readStatus(LEAD_STATUSES, cells.status, '');
  if (status.ok && status.status !== LEAD_STATUS.Won) return null;
  return [
    row,
    id,
    cells.partnerId ?? '',
    cells.status ?? '',
    cells.currency ?? '',
    cells.dealValue ?? '',
    cells.closedOn ?? '',
  ];
}

/** What the index keeps of a Leads row: its active registration, else its deal, else null. */
export function storedEntryOf(row: number, cells: Readonly<ShadowRow>): StoredEntry | null {
  return entryOf(row, cells) ?? dealEntryOf(row, cells);
}

/** A deal entry as the shadow fields it was made from (the cells the engine reads). */
export function dealFields(entry: DealEntry): ShadowRow {
  const [, leadId, partnerId, status, currency, dealValue, closedOn] = entry;
  const fields: ShadowRow = { leadId, partnerId, status, currency, dealValue, closedOn };
  for (const key of Object.keys(fields)) if (fields[key] === '') delete fields[key];
  return fields;
}

/** A sheet row's values (position order) as the shadow fields the index reads. */
export function shadowFieldsOf(layout: SheetLayout, values: readonly unknown[]): ShadowRow {
  const keys = keysByPosition(layout);
  const out: ShadowRow = {};
  for (let col = 1; col < keys.length; col++) {
    const text = auditText(values[col - 1]);
    if (keys[col] && text !== '') out[keys[col]] = text;
  }
  return out;
}

function idNumberOf(id: unknown): number {
  return idNumber('lead', id) ?? 0;
}

export function readIndexState(doc: TrackerDocument): IndexState | null {
  const text = doc.property(LEAD_INDEX_PROPERTY);
  if (!text) return null;
  try {
    const state = JSON.parse(text) as IndexState;
    return state && state.v === INDEX_VERSION && typeof state.folded === 'number' ? state : null;
  } catch {
    return null;
  }
}

function saveState(doc: TrackerDocument, state: IndexState): void {
  doc.setProperty(LEAD_INDEX_PROPERTY, JSON.stringify(state));
}

/** Rows (sorted) as base-36 differences: compact enough for a day of expiries in one property. */
export function encodeRows(rows: readonly number[]): string {
  let previous = 0;
  const parts: string[] = [];
  for (const row of rows) {
    parts.push((row - previous).toString(36));
    previous = row;
  }
  return parts.join(',');
}

export function decodeRows(text: string | undefined): number[] {
  if (!text) return [];
  let row = 0;
  return text.split(',').map((part) => (row += parseInt(part, 36)));
}

/** Called with every write of the Leads shadow (row -> its new shadow text). */
/**
 * Whether a change of a row the index has seen leaves its entry as it was (a column the index does
 * not hold, such as Notes): the index need not learn it (no state write in the commit).
 */
export function leadEntryKept(
  doc: TrackerDocument,
  row: number,
  before: Readonly<ShadowRow>,
  after: Readonly<ShadowRow>,
): boolean {
  const state = readIndexState(doc);
  if (!state || state.stale || row > state.last) return false;
  if (Object.keys(after).length === 0) return false;
  return JSON.stringify(storedEntryOf(row, before)) === JSON.stringify(storedEntryOf(row, after));
}

export function noteLeadShadow(doc: TrackerDocument, cells: ReadonlyMap<number, string>): void {
  const state = readIndexState(doc);
  if (!state || state.stale) return;
  const pending = { ...(state.pending ?? {}) };
  const gone = new Set(decodeRows(state.gone));
  for (const [row, text] of cells) {
    const fields = text ? decodeShadow(text) : {};
    const empty = Object.keys(fields).length === 0;
    if (empty && row === state.last) {
      // The last row emptied: where the rows end is no longer known.
      saveState(doc, { ...state, pending: undefined, gone: undefined, dirty: undefined, stale: 1 });
      return;
    }
    if (!empty) state.maxId = Math.max(state.maxId, idNumberOf(fields.leadId));
    if (row <= state.folded && state.dirty?.some(([from, to]) => row >= from && row <= to)) continue;
    if (row <= state.folded) {
      const entry = empty ? null : storedEntryOf(row, fields);
      if (entry) {
        pending[row] = entry;
        gone.delete(row);
      } else {
        delete pending[row];
        gone.add(row);
      }
    } else if (!empty) state.last = Math.max(state.last, row);
  }
  const next: IndexState = { ...state, pending: undefined, gone: undefined };
  if (Object.keys(pending).length) next.pending = pending;
  if (gone.size) next.gone = encodeRows([...gone].sort((a, b) => a - b));
  if (JSON.stringify(pending).length + (next.gone?.length ?? 0) > PENDING_CHARS) {
    // Too many to carry: their rows become ranges the reader reads from the shadow.
    const rows = [...Object.keys(pending).map(Number), ...gone];
    const dirty = mergeRanges([...(state.dirty ?? []), ...rows.map((r): [number, number] => [r, r])]);
    saveState(
      doc,
      dirty
        ? { ...state, pending: undefined, gone: undefined, dirty }
        : { ...state, pending: undefined, gone: undefined, dirty: undefined, stale: 1 },
    );
    return;
  }
  saveState(doc, next);
}

/** Rows of Leads were inserted or deleted (its shadow column rewritten): rebuild before trusting. */
export function noteLeadRowsMoved(doc: TrackerDocument): void {
  const state = readIndexState(doc);
  if (state && !state.stale)
    saveState(doc, { ...state, pending: undefined, gone: undefined, dirty: undefined, stale: 1 });
}

// ---- reading ---------------------------------------------------------------------------------

interface Chunk {
  first: number;
  text: string;
}

/**
 * The chunks of the index cells, or null when they are not what the state says (their count, total
 * length and digest; without a digest, each must parse as a JSON array). `scan`: their entries are
 * found (lead-index-entries.ts: parsed only when taken); null when they are not as the index writes
 * them (rows ascending).
 */
function parseChunks(
  cells: readonly unknown[],
  state: IndexState,
  scan: boolean,
): { chunks: Chunk[]; entries: IndexEntries<StoredEntry> } | null {
  const chunks: Chunk[] = [];
  const texts: string[] = [];
  const starts: number[] = [];
  let chars = 0;
  for (let n = 0; n < state.chunks; n++) {
    const text = String(cells[n] ?? '');
    const match = /^#(\d+)\|(\d+)\|/.exec(text);
    if (!match || Number(match[1]) !== n) return null;
    chars += text.length;
    chunks.push({ first: Number(match[2]), text });
    texts.push(text);
    starts.push(match[0].length);
  }
  if (chars !== state.chars) return null;
  if (state.digest !== undefined) {
    // The cells are what the index wrote (JSON arrays): only their digest is computed.
    if (chunksDigest(texts) !== state.digest) return null;
  } else
    for (let n = 0; n < texts.length; n++)
      try {
        if (!Array.isArray(JSON.parse(texts[n].slice(starts[n])))) return null;
      } catch {
        return null;
      }
  const entries = new IndexEntries<StoredEntry>(texts);
  if (scan) for (let n = 0; n < texts.length; n++) if (!entries.scan(n, starts[n])) return null;
  return { chunks, entries };
}

export interface ActiveRegistrations {
  /** Every active registration (the chunks, the pending entries and the window), by row. */
  readonly entries: Map<number, IndexEntry>;
  /** Every deal (Won, or a Status the engine cannot read), by row. */
  readonly deals: Map<number, DealEntry>;
  /** Both, by row: what the chunks hold (a fold writes them again). */
  readonly stored: Map<number, StoredEntry>;
  /**
   * The active registrations (in the order of `entries`) whose field `f` (an IndexEntry position)
   * `keep` accepts: only those are parsed (`entries` parses every one).
   */
  activeWhere(f: number, keep: (value: unknown) => boolean): IndexEntry[];
  /** The deals (in the order of `deals`) whose field `f` (a DealEntry position) `keep` accepts. */
  dealsWhere(f: number, keep: (value: unknown) => boolean): DealEntry[];
  /** The highest Lead ID number in use. */
  maxId: number;
  /** The last Leads row with content. */
  lastRow: number;
  /** The rows the window read (`firstRow`.. with their sheet values), the last row among them. */
  window: { firstRow: number; values: unknown[][] };
  /** The shadow cells of the other columns read with the index (`also`), rows 2.. each. */
  shadows: Map<SheetKey, unknown[]>;
  state: IndexState;
  chunks: Chunk[];
}

/**
 * The active registrations (and deals) from the index: ONE getValues of the shadow (the index column
 * with the columns of `also`, e.g. Partners'; two when the columns between would cost more than a
 * call) and ONE of the window of Leads rows; null when the index is
 * missing, stale or does not add up (the caller reads the leads as before).
 */
/** What the hourly run (few calls) reads along with the index for the caller's next reads. */
export interface ReadsAlong {
  /**
   * The shadow rows the caller will read next (picked from the index as it stands before its dirty
   * ranges are read): read with the dirty ranges when they add at most two ranges' rows to that read,
   * and found there by readShadowRowsAt (shadow-rows-read.ts).
   */
  readAlso?: (before: ActiveRegistrations) => readonly number[] | null;
  /**
   * Rows of the column right of the index (the ledger index's chunks, LEDGER_INDEX_COLUMN) the caller
   * reads next: read in the index's getValues (one call fewer), remembered for readLedgerIndex.
   */
  nextColumnRows?: number;
}

export function readActiveRegistrations(
  doc: TrackerDocument,
  also: readonly SheetKey[] = [],
  withReads: ReadsAlong = {},
): ActiveRegistrations | null {
  const { readAlso, nextColumnRows = 0 } = withReads;
  const layout = doc.layout();
  const shadow = layout.shadow;
  const leads = layout.sheets.leads;
  if (!shadow || !leads || shadow.filling?.some((k) => k === 'leads' || also.includes(k))) return null;
  const state = readIndexState(doc);
  if (!state || state.stale) return null;
  const heights = also.map((key) => Math.min(layout.sheets[key]?.maxRows ?? 0, shadow.maxRows) - 1);
  const cols = also.map((key) => shadow.cols[key]);
  if (cols.some((c) => !c) || also.some((key) => !layout.sheets[key])) return null;
  const nextRows =
    doc.prefersFewCalls() && nextColumnRows > 0 ? Math.min(nextColumnRows, shadow.maxRows - 1) : 0;
  const rows = Math.min(Math.max(state.chunks, 1, nextRows, ...heights), shadow.maxRows - 1);
  // One rectangle from the first column of `also` to the index column (registerLead's call budget).
  // (Reading the columns of `also` and the chunks apart would save the columns between, one cell per
  // Partners grid row each, for one more call: see the report of issue 19.)
  const low = Math.min(...(cols as number[]), INDEX_COLUMN);
  const high = Math.max(...(cols as number[]), low);
  const apart = false;
  const last = nextRows ? LEDGER_INDEX_COLUMN : INDEX_COLUMN;
  const block = overlayDeferred(
    doc,
    shadow.cols,
    2,
    low,
    doc.range(shadow.id, shadow.name, 2, low, rows, (apart ? high : last) - low + 1).getValues(),
  );
  if (nextRows)
    rememberColumnCells(
      doc,
      LEDGER_INDEX_COLUMN,
      2,
      block.map((r) => r[LEDGER_INDEX_COLUMN - low]),
    );
  const column = apart
    ? doc
        .range(shadow.id, shadow.name, 2, INDEX_COLUMN, Math.min(Math.max(state.chunks, 1), rows), 1)
        .getValues()
        .map((r) => r[0])
    : block.map((r) => r[INDEX_COLUMN - low]);
  const parsed = parseChunks(column, state, true);
  // Not what the state says (cells changed by hand, rows another tool deleted or appended past the
  // window): marked stale with this execution's commit, so the daily job builds it again.
  const distrust = () => {
    saveState(doc, { ...state, pending: undefined, gone: undefined, dirty: undefined, stale: 1 });
    return null;
  };
  if (!parsed) return distrust();
  const { chunks, entries } = parsed;
  const shadows = new Map<SheetKey, unknown[]>();
  also.forEach((key, i) =>
    shadows.set(
      key,
      block.slice(0, Math.max(0, heights[i])).map((r) => r[(cols[i] as number) - low]),
    ),
  );
  const window = readWindow(doc, leads, state);
  if (!window) return distrust();
  for (const row of decodeRows(state.gone)) entries.delete(row);
  for (const [row, entry] of Object.entries(state.pending ?? {})) entries.set(Number(row), entry);
  const leadsCol = shadow.cols.leads;
  const dirty = state.dirty ?? [];
  if (dirty.length && !leadsCol) return distrust();
  // What the caller gets, over the entries as they stand (the Maps made when first used, each
  // entry parsed then).
  const view = (maxId: number, lastRow: number): ActiveRegistrations => {
    let stored: Map<number, StoredEntry> | null = null;
    let split: { active: Map<number, IndexEntry>; deals: Map<number, DealEntry> } | null = null;
    const all = () => (stored ??= entries.toMap());
    const byKind = () => {
      if (split) return split;
      split = { active: new Map(), deals: new Map() };
      for (const [row, entry] of all())
        if (isDealEntry(entry)) split.deals.set(row, entry);
        else split.active.set(row, entry);
      return split;
    };
    return {
      get entries() {
        return byKind().active;
      },
      get deals() {
        return byKind().deals;
      },
      get stored() {
        return all();
      },
      activeWhere: (f, keep) => entries.where(ACTIVE_LENGTH, f, keep) as IndexEntry[],
      dealsWhere: (f, keep) => entries.where(DEAL_LENGTH, f, keep) as DealEntry[],
      maxId,
      lastRow,
      window,
      shadows,
      state,
      chunks,
    };
  };
  // The hourly run (few calls) reads them with one call when their span is at most two ranges tall,
  // with the rows the caller reads next when they fit in that span too.
  const fewCalls = doc.prefersFewCalls();
  const pastWindow = (row: number) => row < window.firstRow || row >= window.firstRow + window.values.length;
  const next =
    fewCalls && dirty.length && readAlso
      ? (readAlso(view(state.maxId, state.last)) ?? []).filter(pastWindow)
      : [];
  const dirtyCells = readSealedRanges(doc, 'leads', dirty, fewCalls ? 2 * DIRTY_ROWS : 0, next);
  if (hasForged(doc, 'leads')) return distrust();
  for (const [n, [from]] of dirty.entries()) {
    const cells = dirtyCells[n];
    cells.forEach((cell, i) => {
      const entry = storedEntryOf(from + i, decodeShadow(cell));
      if (entry) entries.set(from + i, entry);
      else entries.delete(from + i);
    });
  }
  let maxId = state.maxId;
  let lastRow = Math.max(1, Math.min(state.last, state.folded));
  window.values.forEach((rowValues, i) => {
    const row = window.firstRow + i;
    if (isEmpty(rowValues)) {
      if (row > state.folded) entries.delete(row);
      return;
    }
    lastRow = Math.max(lastRow, row);
    if (row <= state.folded) return;
    const fields = shadowFieldsOf(leads, rowValues);
    maxId = Math.max(maxId, idNumberOf(fields.leadId));
    const entry = storedEntryOf(row, fields);
    if (entry) entries.set(row, entry);
    else entries.delete(row);
  });
  return view(maxId, lastRow);
}

function isEmpty(values: readonly unknown[]): boolean {
  return values.every((v) => v === '' || v === null || v === undefined);
}

/**
 * Leads rows from the first the chunks do not cover (or `last`, which must hold a row) to
 * WINDOW_SLACK rows past `last`: one getValues. Null when `last` is empty (rows deleted by another
 * tool) or the window's last row holds content (more rows appended than it sees).
 */
function readWindow(
  doc: TrackerDocument,
  leads: SheetLayout,
  state: IndexState,
): { firstRow: number; values: unknown[][] } | null {
  const firstRow = Math.max(2, Math.min(state.folded + 1, state.last));
  const lastRow = Math.min(leads.maxRows, Math.max(state.last, 1) + WINDOW_SLACK);
  if (lastRow < firstRow) return { firstRow, values: [] };
  const width = rowWidth(leads);
  const values = doc.range(leads.id, leads.name, firstRow, 1, lastRow - firstRow + 1, width).getValues();
  if (state.last >= 2 && isEmpty(values[state.last - firstRow] ?? [])) return null;
  if (values.length && !isEmpty(values[values.length - 1])) return null;
  return { firstRow, values };
}

// ---- writing -----------------------------------------------------------------------------------

function chunkText(n: number, first: number, entries: readonly StoredEntry[]): string {
  return `#${n}|${first}|${JSON.stringify(entries)}`;
}

/**
 * Packs entries (sorted by row) into chunks: the boundaries of `old` are kept (so a fold rewrites
 * only the chunks whose rows changed) while a chunk stays under CHUNK_MAX; a chunk past it, and the
 * entries past the old chunks, are cut every CHUNK_TARGET characters.
 */
function packChunks(
  entries: readonly StoredEntry[],
  old: readonly Chunk[],
): Array<{ first: number; entries: StoredEntry[] }> {
  const bounds = old.map((c) => c.first);
  const groups: Array<{ first: number; entries: StoredEntry[] }> = bounds.length
    ? bounds.map((first) => ({ first, entries: [] as StoredEntry[] }))
    : [{ first: 2, entries: [] }];
  let g = 0;
  for (const entry of entries) {
    while (g + 1 < groups.length && entry[0] >= groups[g + 1].first) g++;
    groups[g].entries.push(entry);
  }
  const out: Array<{ first: number; entries: StoredEntry[] }> = [];
  for (const group of groups) {
    const size = JSON.stringify(group.entries).length;
    if (size <= (group === groups[groups.length - 1] ? CHUNK_TARGET : CHUNK_MAX)) {
      out.push(group);
      continue;
    }
    let current: StoredEntry[] = [];
    let chars = 0;
    let first = group.first;
    for (const entry of group.entries) {
      const len = JSON.stringify(entry).length + 1;
      if (current.length && chars + len > CHUNK_TARGET) {
        out.push({ first, entries: current });
        current = [];
        chars = 0;
        first = entry[0];
      }
      current.push(entry);
      chars += len;
    }
    out.push({ first, entries: current });
  }
  return out;
}

/**
 * Stages the index as `entries` (every active registration of Leads rows 2..lastRow): the chunks
 * that differ from `old` (one values op per run of changed cells, emptied cells included) and the
 * state (folded = last = lastRow, no pending), both made by the caller's commit.
 */
export function stageLeadIndex(
  doc: TrackerDocument,
  entries: Iterable<StoredEntry>,
  lastRow: number,
  maxId: number,
  old: readonly Chunk[] = [],
): void {
  const shadow = doc.layout().shadow;
  if (!shadow) return;
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const texts = packChunks(sorted, old).map((c, n) => chunkText(n, c.first, c.entries));
  const height = Math.max(texts.length, old.length);
  // Changed chunks, written as runs (one setValues each); runs at most 2 unchanged chunks apart are
  // joined (a call costs more than rewriting a chunk).
  const changed: number[] = [];
  for (let n = 0; n < height; n++) if ((texts[n] ?? '') !== (old[n]?.text ?? '')) changed.push(n);
  let runs: Array<[number, number]> = [];
  for (const n of changed) {
    const last = runs[runs.length - 1];
    if (last && n - last[1] <= 3) last[1] = n;
    else runs.push([n, n]);
  }
  // The hourly run (few calls): the nearest runs are joined (joinRanges), down to one write, while the
  // unchanged chunks written again between them stay under FEW_CALLS_JOIN_CHARS.
  const isChanged = new Set(changed);
  if (doc.prefersFewCalls()) {
    const unchangedChars = (list: ReadonlyArray<[number, number]>) =>
      list.reduce((sum, [from, to]) => {
        for (let n = from; n <= to; n++) if (!isChanged.has(n)) sum += (texts[n] ?? '').length;
        return sum;
      }, 0);
    const before = unchangedChars(runs);
    for (let most = runs.length - 1; most >= 1; most--) {
      const joined = joinRanges(runs, most);
      if (unchangedChars(joined) - before > FEW_CALLS_JOIN_CHARS) break;
      runs = joined;
    }
  }
  for (const [from, to] of runs) {
    const v: string[][] = [];
    // Unchanged chunks written again to join the writes: the sheet holds them (read this execution),
    // so the journal leaves them out (a patch).
    const same: number[] = [];
    for (let n = from; n <= to; n++) {
      v.push([texts[n] ?? '']);
      if (!isChanged.has(n) && old[n] !== undefined) same.push(n - from);
    }
    doc.stage({
      k: 'values',
      s: shadow.id,
      n: shadow.name,
      r: from + 2,
      c: INDEX_COLUMN,
      v,
      ...(same.length ? { same } : {}),
    });
  }
  saveState(doc, {
    v: INDEX_VERSION,
    folded: lastRow,
    last: lastRow,
    maxId,
    chunks: texts.length,
    chars: texts.reduce((n, t) => n + t.length, 0),
    digest: chunksDigest(texts),
  });
}

/** The chunks as stored now (for a rebuild that compares against them), [] when unreadable. */
export function readChunksForRebuild(doc: TrackerDocument): Chunk[] {
  const shadow = doc.layout().shadow;
  const state = readIndexState(doc);
  if (!shadow || !state || state.chunks === 0) return [];
  const values = doc.range(shadow.id, shadow.name, 2, INDEX_COLUMN, state.chunks, 1).getValues();
  return (
    parseChunks(
      values.map((r) => r[0]),
      { ...state, chars: values.reduce((n, r) => n + String(r[0] ?? '').length, 0), digest: undefined },
      false,
    )?.chunks ?? []
  );
}

/** The entries of a whole Leads shadow column (rows 2..), with the highest id and last row. */
export function entriesOfColumn(cells: readonly unknown[]): {
  entries: StoredEntry[];
  maxId: number;
  lastRow: number;
} {
  const entries: StoredEntry[] = [];
  let maxId = 0;
  let lastRow = 1;
  cells.forEach((cell, i) => {
    const text = String(cell ?? '');
    if (!text) return;
    const fields = decodeShadow(text);
    if (!Object.keys(fields).length) return;
    lastRow = i + 2;
    maxId = Math.max(maxId, idNumberOf(fields.leadId));
    const entry = storedEntryOf(i + 2, fields);
    if (entry) entries.push(entry);
  });
  return { entries, maxId, lastRow };
}
