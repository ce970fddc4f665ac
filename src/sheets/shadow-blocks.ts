/**
 * The shadow of the rows the audited writer writes (writer.ts): each block's rows, a row bridged
 * between two changed ones written as it is. A bridged row whose cell this execution read goes back
 * exactly as read (writeShadow `asRead`: no new seal; the journal leaves it out, a patch). In a sparse
 * table a bridged row that was not read keeps the shadow it has (read back). With `joinRows` (the
 * hourly run), the blocks are joined into one write over the rows between them (the shadow is one
 * column) when those are at most that many and known without a call.
 */
import { encodeShadow, type ShadowRow } from '../domain/audit/shadow';
import { unsealed } from '../domain/audit/shadow-seal';
import { readShadow, rememberedColumn, writeShadow } from './shadow-sheet';
import { shadowRowsRead } from './shadow-rows-read';
import { NOT_READ, type RowChange, type Table } from './table';
import type { TrackerDocument } from './document';
import type { WriteBlock } from './write-blocks';

export function writeShadowBlocks(
  doc: TrackerDocument,
  table: Table,
  byRow: ReadonlyMap<number, RowChange>,
  blocks: readonly WriteBlock[],
  joinRows: number,
): void {
  const keys = table.keys();
  const shadow = new Map<number, string>();
  const asRead = new Map<number, string>();
  /** Rows start..end into `shadow`; false (nothing added) when one would need a read and `readBack` is off. */
  const shadowOf = (start: number, end: number, readBack: boolean): boolean => {
    const cells: Array<[number, string]> = [];
    let kept: ShadowRow[] | null = null;
    // The raw cells as read this execution (null when some were not read: readShadow reads them).
    let raw = shadowRowsRead(doc, table.key, start, end - start + 1);
    for (let row = start; row <= end; row++) {
      const change = byRow.get(row);
      if (!change && raw) {
        // Read this execution and not changed: its cell goes back exactly as it is (the identity:
        // a sealed cell stays sealed, a forged or blank one stays what it is), nothing decoded,
        // checked or encoded again.
        const cell = raw[row - start][0];
        const text = typeof cell === 'string' ? cell : String(cell ?? '');
        cells.push([row, unsealed(text) ?? '']);
        asRead.set(row, text);
        continue;
      }
      const after = change?.after ?? table.valuesAt(row);
      if (after !== NOT_READ) {
        cells.push([row, encodeShadow(keys.slice(1), after)]);
        continue;
      }
      const known = rememberedColumn(doc, table.key);
      if (known) {
        cells.push([row, known[row - 2] ?? '']);
        continue;
      }
      if (!kept && !readBack) return false;
      kept ??= readShadow(doc, table.key, start, end - start + 1);
      const old = kept[row - start];
      cells.push([row, Object.keys(old).length ? JSON.stringify(old) : '']);
    }
    raw ??= shadowRowsRead(doc, table.key, start, end - start + 1);
    cells.forEach(([row, text], i) => {
      shadow.set(row, text);
      if (asRead.has(row)) return;
      const cell = raw?.[i][0];
      if (!byRow.has(row) && typeof cell === 'string' && cell !== '' && unsealed(cell) === text)
        asRead.set(row, cell);
    });
    return true;
  };
  for (const block of blocks) shadowOf(block.start, block.end, true);
  for (let n = 1; n < blocks.length && joinRows > 0; n++) {
    const from = blocks[n - 1].end + 1;
    const to = blocks[n].start - 1;
    if (to >= from && to - from + 1 <= joinRows) shadowOf(from, to, false);
  }
  writeShadow(doc, table.key, shadow, new Set(byRow.keys()), asRead);
}
