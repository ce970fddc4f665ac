/**
 * A big table's rows for the dashboard through its memo (sheets/dashboard-memo.ts): the shadow
 * column read once, unchecked, cut into chunks of consecutive rows; a chunk whose digest matches its
 * memo is taken from the memo as it is (its seals were checked when it was memoised, its cells have
 * not changed since). In every other chunk, a row whose cell still ends with the seal its memo row
 * noted is taken from the memo too, when the memo cells are as the tracker wrote them (their tag,
 * keyed by the audit key, matches): the seal is a MAC of the sheet, the row and the content, so the
 * cell holds the text the memo decoded (or a forgery under that seal: the memo's values are then
 * the sealed ones).
 * The other rows are seal-checked (a forged row: null, the caller reads the table as without the
 * memo) and decoded as shadowRecords decodes, and the chunk's memo made again. So the figures are
 * the same with or without the memo; a refresh after a day of changes scattered over 100,000 rows
 * decodes those rows, not their chunks. Same calls as shadowRecords (the shadow column, the guard's
 * last row).
 */
import { decodeShadow } from '../../domain/audit/shadow';
import { sealOf, unsealed } from '../../domain/audit/shadow-seal';
import type { Days } from '../../sheets/days';
import {
  MEMO_CELL_CHARS,
  memoChunkSize,
  memoDigest,
  type DashboardMemo,
  type MemoChunkState,
  type MemoTableKey,
} from '../../sheets/dashboard-memo';
import { checkCells, hasForged } from '../../sheets/shadow-seals';
import { readShadowColumn, shadowFilling } from '../../sheets/shadow-sheet';
import type { AppContext } from '../context';
import { recordsOfCells } from './shadow-rows';

/** How a table's rows become the values the metrics use, and back to and from a memo row. */
export interface MemoCodec<T> {
  columns: readonly string[];
  /** A row's value (null: not counted), from its record as shadowRecords gives it. */
  of(record: Record<string, unknown>, row: number): T | null;
  toRow(value: T): unknown[];
  fromRow(row: unknown[]): T;
}

/** `keep`: which values the caller wants (the memo itself keeps every row). */
export function memoRecords<T>(
  ctx: AppContext,
  memo: DashboardMemo,
  key: MemoTableKey,
  codec: MemoCodec<T>,
  days: Days,
  keep: (value: T) => boolean = () => true,
): T[] | null {
  const doc = ctx.doc;
  const layout = doc.layout().sheets[key];
  const sheet = doc.sheet(key);
  if (!layout || !sheet || ctx.isOpen(key) || shadowFilling(doc, key) || !layout.maxRows) return null;
  const cells = readShadowColumn(doc, key, layout.maxRows, { unchecked: true }).map((c) => String(c ?? ''));
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  if (!cells.length) return null;
  const k = memoChunkSize(cells.length);
  const out: T[] = [];
  const chunks: MemoChunkState[] = [];
  // Rows from..to-1 of a chunk checked and decoded into `values` (false: a forged row, the memo
  // cannot serve). Checked as a whole column's cells are (a blank cell above its last row is forged).
  const decodeInto = (
    values: Array<T | null>,
    chunk: readonly string[],
    at: number,
    from: number,
    to: number,
  ) => {
    const first = at + 2 + from;
    const contents = checkCells(doc, key, first, chunk.slice(from, to), {
      lastRow: cells.length + 1,
      forgedAs: 'claimed',
    });
    if (hasForged(doc, key)) return false;
    for (const { row, record } of recordsOfCells(key, codec.columns, days, contents, first))
      values[row - at - 2] = codec.of(record, row);
    return true;
  };
  for (let index = 0, at = 0; at < cells.length; index++, at += k) {
    const chunk = cells.slice(at, at + k);
    const memoised = memo.chunk(key, k, index, chunk);
    const entries = memoised.valid || memoised.trusted ? entriesOf(memoised.cells.slice(1)) : null;
    if (memoised.valid && entries) {
      chunks[index] = { digest: memoised.digest, cells: memoised.cells };
      for (const entry of entries) {
        if (entry.length < 2) continue;
        const value = codec.fromRow(entry.slice(1));
        if (keep(value)) out.push(value);
      }
      continue;
    }
    // A chunk that changed: the rows whose cell still ends with the seal the memo noted for them are
    // taken from the memo (the text it decoded, checked then), the others checked and decoded.
    const seals = chunk.map(sealNoted);
    const values = new Array<T | null>(chunk.length).fill(null);
    const kept = (i: number) => !!entries && seals[i] !== '' && entries[i]?.[0] === seals[i];
    for (let i = 0; i < chunk.length;) {
      if (kept(i)) {
        const entry = entries![i];
        values[i] = entry.length < 2 ? null : codec.fromRow(entry.slice(1));
        i++;
        continue;
      }
      let end = i + 1;
      while (end < chunk.length && !kept(end)) end++;
      if (!decodeInto(values, chunk, at, i, end)) return null;
      i = end;
    }
    const memoCells = memoCellsOf(
      values.map((v, i) => (v === null ? [seals[i]] : [seals[i], ...codec.toRow(v)])),
    );
    const tagged = [memo.tag(memoCells), ...memoCells];
    chunks[index] = { digest: memoDigest(chunk, tagged), cells: tagged };
    for (const value of values) if (value !== null && keep(value)) out.push(value);
  }
  // As the table read from the shadow would: the last row must read as a row, and the sheet must
  // have no rows below the shadow's last (rows another tool appended).
  const last = unsealed(cells[cells.length - 1]) ?? cells[cells.length - 1];
  if (Object.keys(decodeShadow(last)).length === 0) return null;
  if (sheet.getLastRow() - 1 > cells.length) return null;
  memo.set(key, k, chunks);
  return out;
}

/**
 * The seal a memo row notes for its shadow cell: the first 16 hex of the cell's MAC ("" for a cell
 * without one). A cell that still ends with it holds the text the memo decoded (the MAC covers the
 * sheet, the row and the content), or is forged under it: the memo's values are then the sealed ones.
 */
function sealNoted(cell: string): string {
  return sealOf(cell).slice(0, 16);
}

/** A chunk's memo rows, one per shadow row: [seal] (a row not counted) or [seal, ...the codec's row]. */
function entriesOf(memoCells: readonly string[]): unknown[][] | null {
  try {
    const entries: unknown[][] = [];
    for (const text of memoCells) for (const entry of JSON.parse(text) as unknown[][]) entries.push(entry);
    return entries.every((e) => Array.isArray(e) && typeof e[0] === 'string') ? entries : null;
  } catch {
    return null;
  }
}

/** Memo rows as JSON arrays of rows, each array at most MEMO_CELL_CHARS long ("[]" for none). */
function memoCellsOf(rows: unknown[][]): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let length = 2;
  for (const row of rows) {
    const text = JSON.stringify(row);
    if (part.length && length + text.length + 1 > MEMO_CELL_CHARS) {
      out.push(`[${part.join(',')}]`);
      part = [];
      length = 2;
    }
    part.push(text);
    length += text.length + 1;
  }
  out.push(`[${part.join(',')}]`);
  return out;
}
