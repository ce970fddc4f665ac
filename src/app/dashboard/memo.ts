/**
 * A big table's rows for the dashboard through its memo (sheets/dashboard-memo.ts): the shadow
 * column read once, unchecked, cut into chunks of consecutive rows; a chunk whose digest matches its
 * memo is taken from the memo as it is (its seals were checked when it was memoised, its cells have
 * not changed since); every other chunk is seal-checked (a forged row: null, the caller reads the
 * table as without the memo) and decoded as shadowRecords decodes, and its memo made again. So the
 * figures are the same with or without the memo; a refresh after a day of changes decodes a few
 * chunks of 100,000 rows. Same calls as shadowRecords (the shadow column, the guard's last row).
 */
import { decodeShadow } from '../../domain/audit/shadow';
import { unsealed } from '../../domain/audit/shadow-seal';
import type { Days } from '../../sheets/days';
import {
  MEMO_CELL_CHARS,
  memoChunkSize,
  memoDigest,
  type DashboardMemo,
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
  const chunks: Array<{ digest: string; cells: string[] }> = [];
  const decode = (chunk: string[], first: number, index: number) => {
    // Checked as a whole column's cells are (a blank cell above the column's last row is forged).
    const contents = checkCells(doc, key, first, chunk, { lastRow: cells.length + 1, forgedAs: 'claimed' });
    if (hasForged(doc, key)) return null;
    const values: T[] = [];
    for (const { row, record } of recordsOfCells(key, codec.columns, days, contents, first)) {
      const value = codec.of(record, row);
      if (value !== null) values.push(value);
    }
    const memoCells = memoCellsOf(values.map(codec.toRow));
    chunks[index] = { digest: memoDigest(chunk, memoCells), cells: memoCells };
    return values;
  };
  for (let index = 0, at = 0; at < cells.length; index++, at += k) {
    const chunk = cells.slice(at, at + k);
    const memoised = memo.chunk(key, k, index, chunk);
    if (memoised.valid) {
      chunks[index] = { digest: memoised.digest, cells: memoised.cells };
      for (const text of memoised.cells)
        for (const row of JSON.parse(text) as unknown[][]) {
          const value = codec.fromRow(row);
          if (keep(value)) out.push(value);
        }
      continue;
    }
    const values = decode(chunk, at + 2, index);
    if (!values) return null;
    for (const value of values) if (keep(value)) out.push(value);
  }
  // As the table read from the shadow would: the last row must read as a row, and the sheet must
  // have no rows below the shadow's last (rows another tool appended).
  const last = unsealed(cells[cells.length - 1]) ?? cells[cells.length - 1];
  if (Object.keys(decodeShadow(last)).length === 0) return null;
  if (sheet.getLastRow() - 1 > cells.length) return null;
  memo.set(key, k, chunks);
  return out;
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
