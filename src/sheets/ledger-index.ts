/**
 * The ledger index: each Commissions line's row, id, partner, lead, status, kind, key, Eligible On
 * and Earned On (their shadow text's first ten characters), kept in the `_Shadow` sheet's
 * LEDGER_INDEX_COLUMN so that a page of the Commissions list, a narrowed reconcile and the daily
 * job's quick days read the index and the rows they need instead of the whole ledger. An index of an
 * earlier version (fewer fields) reads as missing: it is built again.
 *
 * - Cells: rows 2.. of the column, each a chunk `#<n>|<JSON entries>` of about CHUNK_TARGET
 *   characters, entries sorted by row.
 * - State (document property `tracker.ledgerIndex`, written with the commit's journal): `last` (the
 *   last Commissions row), `maxId` (the highest Commission ID number), the chunk count and their total
 *   length and digest (a chunk changed by hand is noticed), and `pending`: the entries of rows written since the
 *   build (0: the row holds no line now).
 * - Built, when missing, stale or its pending entries grow (ledgerIndexDue), by the full reconcile
 *   (runCommissions) or the daily run's quiet days, which hold the whole ledger. Every
 *   write of the Commissions shadow tells it (`noteLedgerShadow`, called by shadow-sheet.ts); rows
 *   inserted or deleted, or more pending entries than the property holds, make it stale.
 * - Never trusted blindly: missing, stale, chunks that do not add up, or Commissions rows past `last`
 *   (another tool appended) or `last` empty (another tool deleted): the reader returns null and the
 *   caller reads the whole ledger as before.
 */
import { decodeShadow, type ShadowRow } from '../domain/audit/shadow';
import { chunksDigest } from './chunks-digest';
import { idNumber } from '../domain/ids';
import type { TrackerDocument } from './document';
import { rowWidth } from './layout';
import { LEDGER_INDEX_COLUMN } from './schema';
import { forgetColumnCells, takeColumnCells } from './shadow-rows-read';

export const LEDGER_INDEX_PROPERTY = 'tracker.ledgerIndex';
const VERSION = 2;
/** A chunk is cut when it passes this many characters (a cell holds 50,000). */
const CHUNK_TARGET = 20_000;
/** A chunk that keeps its boundaries may grow to this many characters before all are cut afresh. */
const CHUNK_MAX = 40_000;
/** The pending entries' JSON is kept under this (a property value holds 9 KB); beyond: stale. */
export const LEDGER_PENDING_CHARS = 6_000;
/** Commissions rows read past `last` to see rows another tool appended. */
const WINDOW_SLACK = 20;

export type LedgerEntry = [
  row: number,
  id: string,
  partnerId: string,
  leadId: string,
  status: string,
  kind: string,
  key: string,
  /** The Eligible On cell's shadow text, its first ten characters (the day, give or take the time zone). */
  eligibleOn: string,
  /** The Earned On cell's, the same way. */
  earnedOn: string,
];

export interface LedgerIndexState {
  v: typeof VERSION;
  last: number;
  maxId: number;
  chunks: number;
  chars: number;
  /** The chunks' digest (domain/audit/shadow-seal.ts cellsDigest, computed by chunks-digest.ts): a hand edit of them is noticed. */
  digest?: string;
  pending?: Record<string, LedgerEntry | 0>;
  stale?: 1;
}

/** The entry of a Commissions row's shadow fields, or null when it holds no line (no id). */
export function ledgerEntryOf(row: number, cells: Readonly<ShadowRow>): LedgerEntry | null {
  const id = (cells.commissionId ?? '').trim();
  if (!id) return null;
  const t = (v: string | undefined) => (v ?? '').trim();
  return [
    row,
    id,
    t(cells.partnerId),
    t(cells.leadId),
    t(cells.status),
    t(cells.kind),
    t(cells.key),
    t(cells.eligibleOn).slice(0, 10),
    t(cells.earnedOn).slice(0, 10),
  ];
}

const idNumberOf = (id: string) => idNumber('commission', id) ?? 0;

export function readLedgerIndexState(doc: TrackerDocument): LedgerIndexState | null {
  const text = doc.property(LEDGER_INDEX_PROPERTY);
  if (!text) return null;
  try {
    const state = JSON.parse(text) as LedgerIndexState;
    return state && state.v === VERSION && typeof state.last === 'number' ? state : null;
  } catch {
    return null;
  }
}

/** The chunk count of the stored state whatever its version (0 when none is readable). */
function anyVersionChunks(doc: TrackerDocument): number {
  try {
    const chunks = (JSON.parse(doc.property(LEDGER_INDEX_PROPERTY) ?? '') as { chunks?: unknown }).chunks;
    return typeof chunks === 'number' && chunks > 0 ? chunks : 0;
  } catch {
    return 0;
  }
}

function saveState(doc: TrackerDocument, state: LedgerIndexState): void {
  doc.setProperty(LEDGER_INDEX_PROPERTY, JSON.stringify(state));
}

/** Entries a build of this execution staged (row -> JSON): the commit's own shadow writes of them are not pending. */
const built = new WeakMap<TrackerDocument, Map<number, string>>();

/** Called with every write of the Commissions shadow (row -> its new shadow text). */
export function noteLedgerShadow(doc: TrackerDocument, cells: ReadonlyMap<number, string>): void {
  const state = readLedgerIndexState(doc);
  if (!state || state.stale) return;
  const known = built.get(doc);
  const pending = { ...(state.pending ?? {}) };
  for (const [row, text] of [...cells].sort((a, b) => a[0] - b[0])) {
    const fields = text ? decodeShadow(text) : {};
    const empty = Object.keys(fields).length === 0;
    // The row deleted at `last`, or a row written past rows the index never saw (another tool's
    // append the writer found with getLastRow): not trusted until rebuilt.
    if ((empty && row === state.last) || (!empty && row > Math.max(state.last, 1) + 1)) {
      saveState(doc, { ...state, pending: undefined, stale: 1 });
      return;
    }
    const entry = ledgerEntryOf(row, fields);
    if (entry) state.maxId = Math.max(state.maxId, idNumberOf(entry[1]));
    if (!empty && row > state.last) state.last = row;
    // A row as the chunks this execution built hold it: nothing pending.
    if (known && (known.get(row) ?? null) === (entry ? JSON.stringify(entry) : null)) delete pending[row];
    else pending[row] = entry ?? 0;
  }
  const next: LedgerIndexState = { ...state, pending: Object.keys(pending).length ? pending : undefined };
  if (JSON.stringify(pending).length > LEDGER_PENDING_CHARS) {
    saveState(doc, { ...state, pending: undefined, stale: 1 });
    return;
  }
  saveState(doc, next);
}

/** True when the index is missing, stale or its pending entries pass half the property's room: build it. */
export function ledgerIndexDue(doc: TrackerDocument): boolean {
  const state = readLedgerIndexState(doc);
  return !state || !!state.stale || JSON.stringify(state.pending ?? {}).length >= LEDGER_PENDING_CHARS / 2;
}

/** Rows of Commissions were inserted or deleted (its shadow column rewritten): not trusted until rebuilt. */
export function noteLedgerRowsMoved(doc: TrackerDocument): void {
  const state = readLedgerIndexState(doc);
  if (state && !state.stale) saveState(doc, { ...state, pending: undefined, stale: 1 });
}

export interface LedgerIndex {
  /** Every line's entry, in row order. */
  entries: LedgerEntry[];
  maxId: number;
  last: number;
}

/**
 * The ledger from the index: ONE getValues of the chunks and ONE of the Commissions rows around
 * `last`; null when the index is missing, stale or does not add up (the caller reads the ledger).
 * `rowsKnown`: the caller holds the whole ledger as the sheet has it (and compares the index with
 * it), so the rows around `last` are not read.
 */
export function readLedgerIndex(
  doc: TrackerDocument,
  options: { rowsKnown?: boolean } = {},
): LedgerIndex | null {
  const layout = doc.layout();
  const shadow = layout.shadow;
  const sheet = layout.sheets.commissions;
  if (!shadow || !sheet || shadow.filling?.includes('commissions')) return null;
  if (shadow.maxRows < 2) return null;
  const state = readLedgerIndexState(doc);
  if (!state || state.stale) return null;
  const byRow = new Map<number, LedgerEntry>();
  if (state.chunks > 0) {
    if (state.chunks > shadow.maxRows - 1) return null;
    // Read with the lead index's chunks when the caller asked for them there (reconcile-slices.ts).
    const cells =
      takeColumnCells(doc, LEDGER_INDEX_COLUMN, 2, state.chunks) ??
      doc.range(shadow.id, shadow.name, 2, LEDGER_INDEX_COLUMN, state.chunks, 1).getValues();
    let chars = 0;
    const texts = cells.map((r) => String(r[0] ?? ''));
    if (state.digest !== undefined && chunksDigest(texts) !== state.digest) return null;
    for (let n = 0; n < state.chunks; n++) {
      const text = texts[n] ?? '';
      chars += text.length;
      const match = /^#(\d+)\|/.exec(text);
      if (!match || Number(match[1]) !== n) return null;
      try {
        const entries = JSON.parse(text.slice(match[0].length)) as LedgerEntry[];
        if (!Array.isArray(entries)) return null;
        for (const entry of entries) byRow.set(entry[0], entry);
      } catch {
        return null;
      }
    }
    if (chars !== state.chars) return null;
    chunksRead.set(doc, texts);
  }
  for (const [row, entry] of Object.entries(state.pending ?? {}))
    if (entry) byRow.set(Number(row), entry);
    else byRow.delete(Number(row));
  // Rows another tool appended or deleted: what the shadow (and so the index) does not know.
  const first = Math.max(2, state.last);
  const lastRow = Math.min(sheet.maxRows, state.last + WINDOW_SLACK);
  if (lastRow >= first && !options.rowsKnown) {
    const width = rowWidth(sheet);
    const values = doc.range(sheet.id, sheet.name, first, 1, lastRow - first + 1, width).getValues();
    const empty = (r: readonly unknown[] | undefined) =>
      !r || r.every((v) => v === '' || v === null || v === undefined);
    if (state.last >= 2 && empty(values[0])) return null;
    if (values.slice(state.last >= 2 ? 1 : 0).some((r) => !empty(r))) return null;
  }
  const entries = [...byRow.values()].sort((a, b) => a[0] - b[0]);
  return { entries, maxId: state.maxId, last: state.last };
}

/** The chunks' texts this execution read (and checked) or staged: a restage writes only those that change. */
const chunksRead = new WeakMap<TrackerDocument, string[]>();

/** The row of a chunk's first entry (its text `#n|[[row,...`), or null for an empty chunk. */
function firstRowOf(text: string): number | null {
  const match = /^#\d+\|\[\[(\d+),/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Entries (sorted by row) cut into chunk texts: at the rows the `old` chunks start at, so a chunk
 * whose lines did not change keeps its text, while each stays under CHUNK_MAX (else null: cut
 * afresh); entries past the old chunks cut every CHUNK_TARGET characters. Without `old`, every
 * CHUNK_TARGET characters.
 */
function cutChunks(sorted: readonly LedgerEntry[], old: readonly string[] | undefined): string[] | null {
  const starts = (old ?? []).map(firstRowOf);
  if (starts.some((row, n) => row === null || (n > 0 && row <= starts[n - 1]!))) return null;
  const texts: string[] = [];
  let current: string[] = [];
  let chars = 0;
  const cut = () => {
    texts.push(`#${texts.length}|[${current.join(',')}]`);
    current = [];
    chars = 0;
  };
  let next = 1;
  for (const entry of sorted) {
    // A kept boundary: the next old chunk starts at or before this row.
    while (next < starts.length && entry[0] >= starts[next]!) {
      cut();
      next++;
    }
    const json = JSON.stringify(entry);
    const tail = next >= starts.length;
    if (current.length && chars + json.length > CHUNK_TARGET && tail) cut();
    if (!tail && chars + json.length > CHUNK_MAX) return null;
    current.push(json);
    chars += json.length + 1;
  }
  while (texts.length < starts.length - 1) cut();
  if (current.length || texts.length < starts.length) cut();
  return texts;
}

/**
 * Stages the index built from every line of the ledger (`entries`; `last`: the last Commissions row)
 * for the caller's commit: the chunk cells and the state. When this execution read the chunks, they
 * keep their boundaries and only the span from the first chunk that changes to the last is written
 * (one setValues, none when nothing changed); otherwise every chunk, emptied cells included.
 */
export function stageLedgerIndex(doc: TrackerDocument, entries: readonly LedgerEntry[], last: number): void {
  forgetColumnCells(doc, LEDGER_INDEX_COLUMN);
  const shadow = doc.layout().shadow;
  if (!shadow) return;
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const state = readLedgerIndexState(doc);
  // The chunks as the sheet holds them (read and checked, or staged, this execution).
  const read = chunksRead.get(doc);
  const before = state && !state.stale && read?.length === state.chunks ? read : undefined;
  const kept = before ? cutChunks(sorted, before) : null;
  const texts = kept ?? cutChunks(sorted, undefined)!;
  if (texts.length + 1 > shadow.maxRows) return;
  if (!state && !doc.property(LEDGER_INDEX_PROPERTY)) {
    // A tracker set up before the ledger index had a column for it: the shadow sheet gets one.
    const sheet = doc.sheetById(shadow.id);
    const cols = sheet ? sheet.getMaxColumns() : LEDGER_INDEX_COLUMN;
    if (sheet && cols < LEDGER_INDEX_COLUMN) sheet.insertColumnsAfter(cols, LEDGER_INDEX_COLUMN - cols);
  }
  // (An index of an earlier version: its chunks are overwritten or emptied all the same.)
  const old = state?.chunks ?? anyVersionChunks(doc);
  const height = Math.min(Math.max(texts.length, old), shadow.maxRows - 1);
  // The span of chunks that change (all of them when the old ones were not read).
  let from = 0;
  let to = height - 1;
  if (kept && before) {
    while (from < height && (texts[from] ?? '') === (before[from] ?? '')) from++;
    while (to >= from && (texts[to] ?? '') === (before[to] ?? '')) to--;
  }
  if (to >= from)
    doc.stage({
      k: 'values',
      s: shadow.id,
      n: shadow.name,
      r: 2 + from,
      c: LEDGER_INDEX_COLUMN,
      v: Array.from({ length: to - from + 1 }, (_, i) => [texts[from + i] ?? '']),
    });
  chunksRead.set(doc, texts);
  built.set(doc, new Map(sorted.map((e) => [e[0], JSON.stringify(e)])));
  saveState(doc, {
    v: VERSION,
    last,
    maxId: sorted.reduce((n, e) => Math.max(n, idNumberOf(e[1])), 0),
    chunks: texts.length,
    chars: texts.reduce((n, t) => n + t.length, 0),
    digest: chunksDigest(texts),
  });
}
