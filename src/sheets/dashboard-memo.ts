/**
 * The dashboard's memo (a cache, never a source): the decoded rows of each chunk of consecutive
 * Leads and Commissions rows, as compact JSON text in the hidden `_DashboardMemo` sheet (one row of
 * cells per chunk, each cell at most 45,000 characters), and, in a document property per table
 * (script-only: no person and no other script can write it), a header (format version, the time
 * zone the days were converted in, an id of the shadow's HMAC key, the chunk size) and for each
 * chunk ONE digest of its source shadow cells followed by its memo cells. A chunk's memo cells begin
 * with a tag, their digest keyed by the audit key; each memo row (one per shadow row) holds the first
 * 16 hex of the seal its shadow cell had, then its values. A chunk whose digest still matches has
 * neither changed in `_Shadow` (so its seals were checked when it was memoised) nor in the memo
 * sheet: its rows are used as they are. In any other chunk (a person's edit, a row the tracker
 * wrote, rows inserted or deleted) whose tag still matches its cells, the rows whose seal is
 * unchanged are used as they are and the others checked and decoded again by the caller
 * (app/dashboard/memo.ts); a hand edit of a memo cell, or the sheet deleted, has the whole chunk
 * decoded again. The chunk's memo is rewritten.
 *
 * The digests are Apps Script's own SHA-256 (chunksDigest: Utilities.computeDigest, an uncounted
 * local call that runs in Google's service, not in the script's JavaScript): hashing the ~30 MB of
 * shadow text of 100,000 leads in JavaScript would cost more script time than it saves.
 * Writes: the properties ride the refresh's commit; the memo cells are written after it in ONE
 * setValues. A failure between the two leaves digests that do not match the cells: those chunks are
 * decoded again by the next refresh, which is all a stale cache costs.
 */
import type { TrackerDocument } from './document';
import { auditKey } from './audit-key';
import { chunksDigest } from './chunks-digest';

export const MEMO_SHEET_NAME = '_DashboardMemo';
export const MEMO_PROPERTY = 'tracker.dashboardMemo';
/** Bumped whenever what a memo row holds, or how it is decoded, changes: older memos are not used. */
const MEMO_VERSION = 2;
/** Rows of the memo sheet each table owns (its chunks; the chunk size grows to keep within it). */
export const MEMO_REGION = 120;
const FIRST_ROW: Record<MemoTableKey, number> = { leads: 1, commissions: MEMO_REGION + 1 };
/** The size of a sheet insertSheet makes. */
const NEW_SHEET = { rows: 1000, columns: 26 };
/** Characters of one memo cell (a cell holds 50,000). */
export const MEMO_CELL_CHARS = 45_000;

export type MemoTableKey = 'leads' | 'commissions';

interface StoredMemo {
  v: number;
  tz: string;
  key: string;
  /** The memo sheet (id, name), the width written so far and its columns. */
  s: number;
  n: string;
  w: number;
  c: number;
  /** Rows per chunk. */
  k: number;
  /** Per chunk: digest of its shadow cells then its memo row's cells (its tag first). */
  d: string[];
}

export interface MemoChunk {
  /** The chunk's memo row as stored: its tag, then JSON arrays of rows ([] when there is none). */
  cells: string[];
  /** True when its stored digest matches `sourceCells` and `cells`. */
  valid: boolean;
  /** The digest of `sourceCells` and `cells` (when there are cells). */
  digest: string;
  /**
   * Not valid, but its memo cells are as the tracker wrote them (its tag is their keyed digest): the
   * rows whose shadow cell still carries the seal the memo noted for them may be taken from it.
   */
  trusted: boolean;
}

/** What `set` is told of each chunk: its digest and its memo row's cells (the tag first). */
export interface MemoChunkState {
  digest: string;
  cells: string[];
}

/** The rows per chunk for a column of `count` rows: 1,000, or more so there are at most MEMO_REGION. */
export function memoChunkSize(count: number): number {
  return Math.max(1000, Math.ceil(count / MEMO_REGION));
}

/** The digest of a chunk: its shadow cells, then its memo cells (neither holds a raw newline). */
export function memoDigest(sourceCells: readonly string[], memoCells: readonly string[]): string {
  return chunksDigest([...sourceCells, ...memoCells]);
}

/** The first cell of a memo row: "#" and its tag. */
const TAG = '#';

/**
 * The memo of one refresh: opened once (the properties it holds are read with the document's;
 * one getValues of the memo sheet when a table has a usable memo), told each table's new chunks,
 * then `save`d (properties queued for the commit) and `write`n (after the commit).
 */
export class DashboardMemo {
  private readonly header: { v: number; tz: string; key: string };
  private stored = new Map<MemoTableKey, StoredMemo>();
  private cells: string[][] | null = null;
  private next = new Map<MemoTableKey, { k: number; d: string[]; cells: string[][] }>();
  private readonly secret: string;
  private sheet: { s: number; n: string; w: number; c: number } | null = null;

  constructor(
    private readonly doc: TrackerDocument,
    timeZone: string,
  ) {
    const secret = auditKey(doc);
    this.secret = secret ?? '';
    this.header = {
      v: MEMO_VERSION,
      tz: timeZone,
      key: secret ? chunksDigest(['dashboard memo', secret]).slice(0, 12) : '',
    };
    for (const table of ['leads', 'commissions'] as const) {
      const stored = parse(doc.property(`${MEMO_PROPERTY}.${table}`));
      if (!stored || stored.v !== this.header.v || stored.tz !== this.header.tz) continue;
      if (stored.key !== this.header.key) continue;
      this.stored.set(table, stored);
      this.sheet ??= { s: stored.s, n: stored.n, w: stored.w, c: stored.c };
    }
    if (!this.sheet) return;
    const sheet = this.sheet;
    try {
      // both regions whole: a sheet a person cut short fails here, and is grown by `save`
      const values = doc.range(sheet.s, sheet.n, 1, 1, 2 * MEMO_REGION, Math.max(sheet.w, 1)).getValues();
      this.cells = values.map((row) => row.map((c) => String(c ?? '')));
    } catch {
      // the memo sheet deleted or cut short: no memo (every chunk decoded, the sheet made again)
      this.stored.clear();
      this.sheet = null;
    }
  }

  /** Chunk `index` of `table` as memoised for chunk size `k` (none: a memo of another size). */
  chunk(table: MemoTableKey, k: number, index: number, sourceCells: readonly string[]): MemoChunk {
    const stored = this.stored.get(table);
    const row = this.cells?.[FIRST_ROW[table] - 1 + index];
    const none = { cells: [], valid: false, digest: '', trusted: false };
    if (!stored || stored.k !== k || !row || index >= stored.d.length) return none;
    const cells = row.filter((c) => c !== '');
    if (!cells.length || !cells[0].startsWith(TAG)) return none;
    const digest = memoDigest(sourceCells, cells);
    const valid = digest === stored.d[index];
    const trusted = !valid && this.secret !== '' && cells[0] === this.tag(cells.slice(1));
    return { cells, valid, digest, trusted };
  }

  /**
   * The first cell of a memo row holding `cells`: their digest keyed by the audit key (16 hex; no
   * person can read the key, so none can make a tag for cells of their own).
   */
  tag(cells: readonly string[]): string {
    return `${TAG}${chunksDigest(['memo cells', this.secret, ...cells]).slice(0, 16)}`;
  }

  /** The table's chunks as they now are (their digests and memo cells). */
  set(table: MemoTableKey, k: number, chunks: readonly MemoChunkState[]): void {
    this.next.set(table, { k, d: chunks.map((c) => c.digest), cells: chunks.map((c) => c.cells) });
  }

  /**
   * Queues the changed tables' properties (with the refresh's commit) and returns the memo sheet's
   * write to make after the commit, or null when nothing changed. Makes the hidden sheet when there
   * is none (before the commit: a sheet made by an execution that then dies is reused).
   */
  save(): (() => void) | null {
    const same = (table: MemoTableKey, memo: { k: number; d: string[] }) => {
      const stored = this.stored.get(table);
      return !!stored && stored.k === memo.k && stored.d.join() === memo.d.join();
    };
    if ([...this.next].every(([table, memo]) => same(table, memo))) return null;
    const width = Math.max(
      this.sheet?.w ?? 1,
      ...[...this.next.values()].flatMap((memo) => memo.cells.map((c) => c.length)),
    );
    const sheet = this.ensureSheet(width);
    // The memo rows that changed (a chunk's digest, or a chunk a shorter table no longer has).
    const rows = new Map<number, string[]>();
    for (const [table, memo] of this.next) {
      const stored = this.stored.get(table);
      const kept = stored && stored.k === memo.k ? stored.d : [];
      memo.cells.forEach((cells, i) => {
        if (memo.d[i] !== kept[i]) rows.set(FIRST_ROW[table] + i, cells);
      });
      for (let i = memo.cells.length; i < (stored?.d.length ?? 0); i++) rows.set(FIRST_ROW[table] + i, []);
    }
    for (const [table, memo] of this.next)
      this.doc.setProperty(
        `${MEMO_PROPERTY}.${table}`,
        JSON.stringify({ ...this.header, ...sheet, k: memo.k, d: memo.d } satisfies StoredMemo),
      );
    if (!rows.size) return null;
    const numbers = [...rows.keys()];
    const first = Math.min(...numbers);
    const last = Math.max(...numbers);
    // One block from the first changed row to the last (rows between them written as they are).
    const block = Array.from({ length: last - first + 1 }, (_, i) => {
      const cells = rows.get(first + i) ?? this.cells?.[first + i - 1]?.filter((c) => c !== '') ?? [];
      return Array.from({ length: sheet.w }, (_, c) => cells[c] ?? '');
    });
    const doc = this.doc;
    return () => {
      try {
        doc.range(sheet.s, sheet.n, first, 1, block.length, sheet.w).setValues(block);
      } catch {
        // a cache: not written, its digests do not match and the next refresh decodes those chunks
      }
    };
  }

  /**
   * The memo sheet, hidden, with `width` columns at least (made, found by name, or grown); a new one
   * trimmed to both regions' rows and the columns used.
   */
  private ensureSheet(width: number): { s: number; n: string; w: number; c: number } {
    const ss = this.doc.ss;
    if (this.sheet && this.sheet.c >= width) return { ...this.sheet, w: Math.max(this.sheet.w, width) };
    let sheet = this.sheet ? this.doc.sheetById(this.sheet.s) : null;
    let cols = sheet ? this.sheet!.c : 0;
    // a sheet of that name without a memo that reads (its properties lost or stale): reused
    sheet ??= ss.getSheetByName(MEMO_SHEET_NAME);
    if (sheet && !cols) {
      const rows = sheet.getMaxRows();
      if (rows < 2 * MEMO_REGION) sheet.insertRowsAfter(rows, 2 * MEMO_REGION - rows);
      cols = sheet.getMaxColumns();
    }
    if (!sheet) {
      sheet = ss.insertSheet(MEMO_SHEET_NAME);
      sheet.hideSheet();
      // trimmed to what the memo uses (a workbook holds 10 million cells)
      cols = Math.min(Math.max(width, 2), NEW_SHEET.columns);
      sheet.deleteRows(2 * MEMO_REGION + 1, NEW_SHEET.rows - 2 * MEMO_REGION);
      if (cols < NEW_SHEET.columns) sheet.deleteColumns(cols + 1, NEW_SHEET.columns - cols);
    }
    if (cols < width) sheet.insertColumnsAfter(cols, width - cols);
    this.stored.clear();
    this.cells = null;
    return { s: sheet.getSheetId(), n: sheet.getName(), w: Math.max(width, 1), c: Math.max(cols, width) };
  }
}

function parse(text: string | null): StoredMemo | null {
  if (!text) return null;
  try {
    const memo = JSON.parse(text) as StoredMemo;
    return typeof memo.s === 'number' &&
      typeof memo.c === 'number' &&
      Array.isArray(memo.d) &&
      typeof memo.k === 'number'
      ? memo
      : null;
  } catch {
    return null;
  }
}
