/**
 * The warehouse's cursor: the last Audit Log row it holds (its sheet row then, its hash and its
 * sequence number in the warehouse). Everything the tracker changes is in the Audit Log, so the
 * entries after the cursor name every row to load next. Stored in a document property, advanced
 * only after every load job of a batch is DONE without error.
 *
 * The first load (`initial`) spans several hourly runs: each mirrored sheet is loaded block by block
 * (`sheet`: its index, `next`: the next sheet row), then the Audit Log up to `tailRow` (the log's
 * last row when the first load began; its rows name no records to reload, the sheets were loaded
 * whole). Changes made meanwhile are after `tailRow`: the ordinary hourly load takes them next.
 *
 * Rows move between two blocks when a person sorts the sheet or inserts or deletes rows: a record
 * could cross `next` upwards and never be loaded. So `loaded` keeps a digest of the ids loaded so
 * far (rows 2..next-1), and the next block compares it with the id column there as it stands now:
 * another set of ids, and the sheet is loaded again from row 2 (`pass` + 1, so the new batches get
 * new load job ids; the views keep one copy of each record). The same ids in another order (a sort
 * within the loaded rows) loses nothing: no restart.
 */
import { cellsDigest } from '../audit/shadow-seal';

export interface InitialLoad {
  sheet: number;
  next: number;
  tailRow: number;
  /** The digest of the ids in rows 2..next-1 of the sheet being loaded (`idsDigest`). */
  loaded?: string;
  /** How many times this sheet's load started again from row 2 (rows moved under it). */
  pass?: number;
}

/** A digest of a set of record ids: order and blank cells do not count. */
export function idsDigest(ids: readonly unknown[]): string {
  const texts = ids.map((v) => String(v ?? '').trim()).filter((t) => t !== '');
  texts.sort();
  return cellsDigest(texts);
}

export interface WarehouseCursor {
  row: number;
  hash: string;
  seq: number;
  initial?: InitialLoad;
}

function parseInitial(value: unknown): InitialLoad | undefined {
  const v = value as Partial<InitialLoad> | undefined;
  if (v && typeof v.sheet === 'number' && typeof v.next === 'number' && typeof v.tailRow === 'number')
    return {
      sheet: v.sheet,
      next: v.next,
      tailRow: v.tailRow,
      ...(typeof v.loaded === 'string' ? { loaded: v.loaded } : {}),
      ...(typeof v.pass === 'number' ? { pass: v.pass } : {}),
    };
  return undefined;
}

export function parseCursor(text: string | null): WarehouseCursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<WarehouseCursor>;
    if (typeof value.row === 'number' && typeof value.hash === 'string' && typeof value.seq === 'number') {
      const initial = parseInitial(value.initial);
      return { row: value.row, hash: value.hash, seq: value.seq, ...(initial ? { initial } : {}) };
    }
  } catch {
    // unreadable: start over (the views keep one copy of each row)
  }
  return null;
}
