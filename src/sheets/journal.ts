/**
 * The intent journal: what makes one commit atomic on a platform without transactions.
 *
 * A commit first works out every write it will make (cell blocks, notes, formats, rows added) as a
 * list of `WriteOp`s, each the absolute content of a range, so applying one twice changes nothing.
 * It then stores the list (the journal) in the SAME property write that stores the commit's new
 * properties (audit tail, layout, settings...) and applies the writes in order, the audit append
 * LAST. The journal is not deleted: the next execution of any kind finds it when it first reads the
 * document properties and reads the Audit Log row the append ends at (the read the next append's
 * tail check makes anyway, `JournalDone`). That row holding the journal's hash: every write landed,
 * nothing to do. Otherwise it takes the document lock and applies the journal again before it reads
 * anything else (`TrackerDocument.properties`). So a commit is seen whole or not at all: a failure
 * before the property write leaves the old state, any later failure the new one. A commit without
 * an audit append (bookkeeping only), or whose journal lies in the sheet, deletes its journal after
 * its last write instead.
 *
 * A journal too big for one property value (9 KB) is spread over several properties in the same
 * write; one too big for the property store (500 KB) is written to the hidden `_Shadow` sheet's
 * journal column first (chunks of at most 45,000 characters, one setValues) and the property names it.
 */
import { isDate } from '../domain/dates';
import { applyRowsOp } from './capacity';
import type { DocumentHost } from './document-host';
import type { JournalSpot, WriteOp } from './write-op';

export type { JournalSpot, OpTarget, WriteOp } from './write-op';

/** The document property that holds the unfinished commit's journal (or where it lies). */
export const JOURNAL_PROPERTY = 'tracker.journal';
/** One cell of a journal written to the sheet (a cell holds 50,000 characters). */
export const JOURNAL_CHUNK_CHARS = 45_000;

/**
 * How the next execution knows a journal's writes all landed without a delete after them: its last
 * write is the audit append, ending at row `r` of the Audit Log (sheet `s`, named `n`) with the chain
 * hash `hash`. That row holding that hash means every write before it was made (they are made in
 * order): the journal is then history, left in place until the next commit's property write
 * replaces it (`TrackerDocument.properties`).
 */
export interface JournalDone {
  s: number;
  n: string;
  r: number;
  hash: string;
  /** The log's width (the hash is its last column). */
  w: number;
  /** The tail before the append: its row and hash (the append starts below it). */
  p: number;
  ph: string;
}

/**
 * What the rows done.r-1..done.r+1 of the log say about a journal: 'landed' (its last row holds its
 * hash), 'missing' (its last row is empty and the row above is the tail before it, or empty: the
 * append never happened), 'altered' (something else is there: a person or another tool changed the
 * log since; the journal is not applied again over it, the next append's tail check records it).
 */
export function journalOutcome(
  done: JournalDone,
  cells: readonly unknown[][],
): 'landed' | 'missing' | 'altered' {
  const empty = (row: readonly unknown[] | undefined) => !row || row.every((v) => v === '' || v === null);
  const hashOf = (row: readonly unknown[] | undefined) => String(row?.[done.w - 1] ?? '');
  const [above, last] = cells;
  if (hashOf(last) === done.hash) return 'landed';
  if (!empty(last)) return 'altered';
  if (done.r - 1 === done.p) return done.p < 2 || hashOf(above) === done.ph ? 'missing' : 'altered';
  return empty(above) ? 'missing' : 'altered';
}

/** What the journal property holds. */
interface StoredJournal {
  /** Set when the journal ends with an audit append and is never deleted (see JournalDone). */
  done?: JournalDone;
  /** The ops, when they fit in the property. */
  ops?: unknown[];
  /** Else: the number of property pieces (`journalPieceKey`) holding their JSON text. */
  pieces?: number;
  /**
   * Otherwise: the cells holding it, `chunks` rows of one column from row `r` (JSON text), and the
   * text's length: a journal with a landing mark leaves its cells (the next one overwrites them), so
   * cells that no longer hold this journal's text are told apart (never replayed).
   */
  at?: JournalSpot & { chunks: number; chars?: number };
}

/** Dates become {"$d": epoch ms} (JSON has no dates); everything else crosses as it is. */
function encodeCell(value: unknown): unknown {
  return isDate(value) ? { $d: value.getTime() } : value;
}

function decodeCell(value: unknown): unknown {
  if (value && typeof value === 'object' && '$d' in value) return new Date((value as { $d: number }).$d);
  return value;
}

export function encodeOps(ops: readonly WriteOp[]): string {
  return JSON.stringify(ops.map(storedOp));
}

/** An op as the journal stores it: dates encoded; a values op with rows `same` as a patch of the others. */
function storedOp(op: WriteOp): unknown {
  if (op.k === 'list') return { ...op, v: encodeCell(op.v) };
  if (op.k !== 'values') return op;
  const { same, ...rest } = op;
  if (!same?.length) return { ...rest, v: op.v.map((row) => row.map(encodeCell)) };
  const kept = new Set(same);
  const p: Array<[number, unknown[]]> = [];
  op.v.forEach((row, i) => {
    if (!kept.has(i)) p.push([i, row.map(encodeCell)]);
  });
  const patch: WriteOp = {
    k: 'patch',
    s: op.s,
    n: op.n,
    r: op.r,
    c: op.c,
    h: op.v.length,
    w: op.v[0].length,
    p,
  };
  return patch;
}

/** The ops of a journal's JSON (already parsed, or its text). */
export function decodeOps(json: unknown): WriteOp[] {
  const ops = (typeof json === 'string' ? JSON.parse(json) : json) as WriteOp[];
  if (!Array.isArray(ops)) throw new Error('The tracker journal is not a list of writes.');
  return ops.map((op) =>
    op.k === 'values'
      ? { ...op, v: op.v.map((row) => row.map(decodeCell)) }
      : op.k === 'list'
        ? { ...op, v: decodeCell(op.v) }
        : op.k === 'patch'
          ? { ...op, p: op.p.map(([i, row]): [number, unknown[]] => [i, row.map(decodeCell)]) }
          : op,
  );
}

/**
 * Each journal cell starts with this mark, so no piece of the JSON text is ever read by Sheets as a
 * formula, a number or a date ("=...", "-12", "TRUE" could start a piece); it is taken off on reading.
 */
const CELL_MARK = '~';

/** Splits text into cells of at most `size` characters (the mark included). */
export function chunkText(text: string, size = JOURNAL_CHUNK_CHARS): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size - 1) out.push(CELL_MARK + text.slice(i, i + size - 1));
  return out.length ? out : [CELL_MARK];
}

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The Range method that makes each kind of block op (one call each). */
const RANGE_WRITERS: Record<
  'values' | 'notes' | 'formats' | 'backgrounds',
  (range: Range, v: never) => void
> = {
  values: (range, v: unknown[][]) => range.setValues(v),
  notes: (range, v: string[][]) => range.setNotes(v),
  formats: (range, v: string[][]) => range.setNumberFormats(v),
  backgrounds: (range, v: string[][]) => range.setBackgrounds(v),
};

/** Applies one op through the Spreadsheet service (one call; a rows op none when already done). */
export function applyOp(doc: DocumentHost, op: WriteOp): void {
  switch (op.k) {
    case 'values':
    case 'notes':
    case 'formats':
    case 'backgrounds':
      RANGE_WRITERS[op.k](doc.range(op.s, op.n, op.r, op.c, op.v.length, op.v[0].length), op.v as never);
      return;
    case 'patch': {
      // (Only from a journal applied again: the rows not in `p` hold what the op would write.)
      const range = doc.range(op.s, op.n, op.r, op.c, op.h, op.w);
      const values = range.getValues();
      for (const [i, row] of op.p) values[i] = row;
      range.setValues(values);
      return;
    }
    case 'list':
      // The sheet from a one-cell range of it (no call), its list a handle: one call, setValue.
      doc.range(op.s, op.n, 1, 1).getSheet().getRangeList(op.a).setValue(op.v);
      return;
    case 'rows':
      applyRowsOp(doc, op, doc.replaying());
      return;
    case 'deleteRows': {
      const sheet = doc.sheetById(op.s);
      if (!sheet) return;
      // Applied again after a failure: only while the sheet still has the rows it had.
      if (doc.replaying() && sheet.getMaxRows() !== op.expect) return;
      sheet.deleteRows(op.r, op.count);
      return;
    }
  }
}

/**
 * UTF-8 bytes of a text (the property store counts bytes), counted without encoding it: a journal
 * of a large commit is megabytes of text (mostly ASCII: one byte per unit, found by one regex test).
 */
export function byteLength(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // a surrogate pair: 4 bytes; a lone surrogate becomes U+FFFD (3), as utf8Bytes encodes it
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
const NON_ASCII = /[\u0080-\uffff]/;

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes (never inside a surrogate pair). */
export function chunkBytes(text: string, maxBytes: number): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) {
      out.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  out.push(text.slice(start));
  return out;
}

/** A property value holds 9 KB (8,066 bytes measured): a journal piece stays under that. */
export const PIECE_BYTES = 7_500;
/** The key of the journal's piece `i` when it is spread over several properties. */
export const journalPieceKey = (i: number) => `${JOURNAL_PROPERTY}.${i}`;

/** Whether a document property is part of a stored journal (its marker or one of its pieces). */
export const isJournalKey = (key: string): boolean =>
  key === JOURNAL_PROPERTY || key.startsWith(`${JOURNAL_PROPERTY}.`);

export interface JournalWrite {
  /** Properties to write in the commit's one property write (the marker, pieces, emptied old pieces). */
  properties: Record<string, string>;
  /** Cells to write first when the journal is too big for the property store. */
  cells: { at: JournalSpot; values: string[][] } | null;
  /** Cells to empty once the writes are made (the journal's own cells). */
  cleanup: WriteOp | null;
}

/**
 * Where the journal for `ops` goes: in the marker property when small; else spread over pieces of
 * at most PIECE_BYTES when the property store has `roomBytes` for them (one property write either
 * way; pieces left by an earlier journal are emptied in the same write); else in the shadow sheet's
 * journal column (emptied again once the writes are made, unless the journal has a landing mark: it
 * then stays, as the marker does).
 */
export function journalFor(
  ops: readonly WriteOp[],
  existingKeys: readonly string[],
  roomBytes: number,
  sheetSpot: () => JournalSpot | null,
  done?: JournalDone,
): JournalWrite {
  const text = encodeOps(ops);
  const stale = existingKeys.filter((key) => key !== JOURNAL_PROPERTY && isJournalKey(key));
  const emptied = (keep: number) =>
    Object.fromEntries(
      stale.filter((key) => Number(key.slice(JOURNAL_PROPERTY.length + 1)) >= keep).map((key) => [key, '']),
    );
  const bytes = byteLength(text);
  if (bytes <= PIECE_BYTES) {
    const marker: StoredJournal = { ops: JSON.parse(text) as unknown[], ...(done ? { done } : {}) };
    return {
      properties: { ...emptied(0), [JOURNAL_PROPERTY]: JSON.stringify(marker) },
      cells: null,
      cleanup: null,
    };
  }
  // (At least bytes / PIECE_BYTES pieces: a journal that cannot fit is not cut into pieces.)
  const pieces =
    bytes + Math.ceil(bytes / PIECE_BYTES) * 32 <= roomBytes ? chunkBytes(text, PIECE_BYTES) : [];
  if (pieces.length && bytes + pieces.length * 32 <= roomBytes) {
    const properties: Record<string, string> = { ...emptied(pieces.length) };
    pieces.forEach((piece, i) => (properties[journalPieceKey(i)] = piece));
    properties[JOURNAL_PROPERTY] = JSON.stringify({
      pieces: pieces.length,
      ...(done ? { done } : {}),
    } satisfies StoredJournal);
    return { properties, cells: null, cleanup: null };
  }
  const chunks = chunkText(text);
  const at = sheetSpot();
  if (!at) throw new Error('The tracker journal has no place to go: run Set up tracker.');
  return {
    properties: {
      ...emptied(0),
      [JOURNAL_PROPERTY]: JSON.stringify({
        at: { ...at, chunks: chunks.length, chars: text.length },
        ...(done ? { done } : {}),
      } satisfies StoredJournal),
    },
    cells: { at, values: chunks.map((chunk) => [chunk]) },
    // With a landing mark the journal stays, as one in the properties does (its append proves it
    // landed): its cells stay too. Without one it is deleted, and its cells emptied.
    cleanup: done ? null : { k: 'values', s: at.s, n: at.n, r: at.r, c: at.c, v: chunks.map(() => ['']) },
  };
}

/** The landing mark of a stored journal (null: it is deleted once applied, the older way). */
export function journalDone(property: string): JournalDone | null {
  try {
    const done = (JSON.parse(property) as StoredJournal).done;
    return done && typeof done.r === 'number' && typeof done.hash === 'string' ? done : null;
  } catch {
    return null;
  }
}

/** The ops of a stored journal (reading its cells when it lies in the sheet), or null when unreadable. */
export function readJournal(
  doc: DocumentHost,
  property: string,
  piece: (key: string) => string | null,
): WriteOp[] | null {
  let stored: StoredJournal;
  try {
    stored = JSON.parse(property) as StoredJournal;
  } catch {
    return null;
  }
  if (Array.isArray(stored.ops)) return decodeOps(stored.ops);
  if (typeof stored.pieces === 'number') {
    const parts = Array.from({ length: stored.pieces }, (_, i) => piece(journalPieceKey(i)) ?? '');
    try {
      return decodeOps(parts.join(''));
    } catch {
      return null;
    }
  }
  if (!stored.at) return null;
  const { s, n, r, c, chunks, chars } = stored.at;
  const text = doc
    .range(s, n, r, c, chunks, 1)
    .getValues()
    .map((row) => String(row[0] ?? '').slice(CELL_MARK.length))
    .join('');
  if (chars !== undefined && text.length !== chars) return null;
  try {
    return decodeOps(text);
  } catch {
    return null;
  }
}
