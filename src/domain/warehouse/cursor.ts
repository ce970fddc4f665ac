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
 */
export interface InitialLoad {
  sheet: number;
  next: number;
  tailRow: number;
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
    return { sheet: v.sheet, next: v.next, tailRow: v.tailRow };
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
