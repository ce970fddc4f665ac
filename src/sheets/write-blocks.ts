/**
 * Which ranges the audited writer writes for a table's changed rows: pure planning, no service call.
 * Consecutive changed rows form a block spanning their changed columns. Two neighbouring blocks are
 * joined (the cells between, rows or columns, written back as they are) while that costs fewer cells
 * than a call is worth (BRIDGE_CELLS, or the caller's own bridge). Past MAX_BLOCKS blocks the cheapest joins are made one at a
 * time, each join's real cost counted with the blocks as they have grown (a wide block of new rows
 * is not spread over far status changes), until MAX_BLOCKS remain: a table costs at most MAX_BLOCKS
 * setValues however scattered its changes.
 */

/** A changed row: its sheet row and the 0-based first and last changed columns. */
export interface ChangedRow {
  row: number;
  first: number;
  last: number;
}

/** Rows start..end, 0-based columns first..last. */
export interface WriteBlock {
  start: number;
  end: number;
  first: number;
  last: number;
}

/** Cells a join may add before writing them costs more than one more call (3 ms / 0.15 ms). */
export const BRIDGE_CELLS = 20;
/** Blocks per table at most (calls stay constant). */
export const MAX_BLOCKS = 10;

const joined = (a: WriteBlock, b: WriteBlock): WriteBlock => ({
  start: a.start,
  end: b.end,
  first: Math.min(a.first, b.first),
  last: Math.max(a.last, b.last),
});
const cellsOf = (b: WriteBlock) => (b.end - b.start + 1) * (b.last - b.first + 1);
/** The cells a join adds to writing the two blocks apart. */
const joinCost = (a: WriteBlock, b: WriteBlock) => cellsOf(joined(a, b)) - cellsOf(a) - cellsOf(b);

export function writeBlocks(
  rows: readonly ChangedRow[],
  maxBlocks = MAX_BLOCKS,
  bridgeCells = BRIDGE_CELLS,
): WriteBlock[] {
  let blocks = rows.map((r) => ({ start: r.row, end: r.row, first: r.first, last: r.last }));
  // Join cheap neighbours until none is left (a block that grew may make an earlier join cheap).
  for (let before = Infinity; blocks.length < before;) {
    before = blocks.length;
    const out: WriteBlock[] = [];
    for (const block of blocks) {
      const prev = out[out.length - 1];
      if (prev && joinCost(prev, block) <= bridgeCells) out[out.length - 1] = joined(prev, block);
      else out.push(block);
    }
    blocks = out;
  }
  return blocks.length <= maxBlocks ? blocks : joinCheapest(blocks, maxBlocks);
}

/**
 * Joins the neighbouring pair that adds the fewest cells, again and again, until `max` blocks remain.
 * A list of blocks and a heap of candidate joins (stale ones skipped): n log n for n blocks.
 */
function joinCheapest(start: WriteBlock[], max: number): WriteBlock[] {
  const blocks = start.slice();
  const n = blocks.length;
  const next = Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : -1));
  const prev = Array.from({ length: n }, (_, i) => i - 1);
  const version = new Array<number>(n).fill(0);
  const alive = new Array<boolean>(n).fill(true);
  const heap = new JoinHeap();
  const offer = (i: number) => {
    const j = next[i];
    if (i >= 0 && j >= 0)
      heap.push({ cost: joinCost(blocks[i], blocks[j]), i, vi: version[i], vj: version[j], j });
  };
  for (let i = 0; i + 1 < n; i++) offer(i);
  let count = n;
  while (count > max) {
    const c = heap.pop();
    if (!c) break;
    if (!alive[c.i] || !alive[c.j] || next[c.i] !== c.j || version[c.i] !== c.vi || version[c.j] !== c.vj)
      continue;
    blocks[c.i] = joined(blocks[c.i], blocks[c.j]);
    alive[c.j] = false;
    next[c.i] = next[c.j];
    if (next[c.j] >= 0) prev[next[c.j]] = c.i;
    version[c.i]++;
    count--;
    offer(prev[c.i]);
    offer(c.i);
  }
  return blocks.filter((_, i) => alive[i]);
}

interface Join {
  cost: number;
  /** Left block and its version when offered; right block likewise. */
  i: number;
  vi: number;
  j: number;
  vj: number;
}

/** A binary min-heap of joins by cost (then by position, for a deterministic plan). */
class JoinHeap {
  private readonly items: Join[] = [];

  private less(a: Join, b: Join): boolean {
    return a.cost < b.cost || (a.cost === b.cost && a.i < b.i);
  }

  push(item: Join): void {
    const items = this.items;
    items.push(item);
    let at = items.length - 1;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (!this.less(items[at], items[up])) break;
      [items[at], items[up]] = [items[up], items[at]];
      at = up;
    }
  }

  pop(): Join | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last) {
      items[0] = last;
      let at = 0;
      for (;;) {
        const l = at * 2 + 1;
        const r = l + 1;
        let min = at;
        if (l < items.length && this.less(items[l], items[min])) min = l;
        if (r < items.length && this.less(items[r], items[min])) min = r;
        if (min === at) break;
        [items[at], items[min]] = [items[min], items[at]];
        at = min;
      }
    }
    return top;
  }
}
