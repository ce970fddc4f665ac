/**
 * The shadow sheet (`_Shadow`, hidden and protected): ONE cell per row of each tracked sheet, the
 * row's values as compact JSON, in the same row number as the row it shadows, one column per tracked
 * sheet. Read and written for just the affected rows: one getValues, one setValues per block.
 */
import { contiguousBlocks } from '../domain/audit/diff';
import { decodeShadow, type ShadowRow } from '../domain/audit/shadow';
import { ensureRows } from './capacity';
import type { TrackerDocument } from './document';
import type { SheetKey } from './schema';

function shadowTarget(doc: TrackerDocument, key: SheetKey) {
  const shadow = doc.layout().shadow;
  const col = shadow?.cols[key];
  if (!shadow || !col) return null;
  return {
    shadow,
    col,
    range: (row: number, rows: number) => doc.range(shadow.id, shadow.name, row, col, rows, 1),
    sheet: () => doc.sheetById(shadow.id)!,
  };
}

/** The shadow rows startRow..startRow+count-1 of sheet `key` (one getValues). */
export function readShadow(
  doc: TrackerDocument,
  key: SheetKey,
  startRow: number,
  count: number,
): ShadowRow[] {
  const target = shadowTarget(doc, key);
  if (!target || count <= 0) return new Array(Math.max(count, 0)).fill({});
  if (startRow > target.shadow.maxRows) return new Array(count).fill({});
  const readable = Math.min(count, target.shadow.maxRows - startRow + 1);
  const values = target.range(startRow, readable).getValues();
  const rows = values.map((r) => decodeShadow(r[0]));
  while (rows.length < count) rows.push({});
  return rows;
}

/** The whole shadow column of `key` from row 2 to `lastRow` (one getValues). */
export function readShadowColumn(doc: TrackerDocument, key: SheetKey, lastRow: number): unknown[] {
  const target = shadowTarget(doc, key);
  if (!target || lastRow < 2) return [];
  const rows = Math.min(lastRow, target.shadow.maxRows) - 1;
  return rows > 0
    ? target
        .range(2, rows)
        .getValues()
        .map((r) => r[0])
    : [];
}

/** Writes shadow cells (row -> JSON text): one setValues per contiguous block of rows. */
export function writeShadow(doc: TrackerDocument, key: SheetKey, cells: ReadonlyMap<number, string>): void {
  const target = shadowTarget(doc, key);
  if (!target || cells.size === 0) return;
  const blocks = contiguousBlocks(cells.keys());
  const last = blocks[blocks.length - 1];
  if (last.start + last.count - 1 > target.shadow.maxRows)
    ensureRows(doc, target.sheet(), target.shadow, last.start + last.count - 1);
  for (const block of blocks) {
    const values: string[][] = [];
    for (let i = 0; i < block.count; i++) values.push([cells.get(block.start + i) ?? '']);
    target.range(block.start, block.count).setValues(values);
  }
}

/** Replaces the shadow column of `key` from row 2 (after rows were inserted or deleted). */
export function writeShadowColumn(
  doc: TrackerDocument,
  key: SheetKey,
  cells: readonly string[],
  clearTo: number,
): void {
  const target = shadowTarget(doc, key);
  if (!target) return;
  const height = Math.max(cells.length, clearTo - 1);
  if (height <= 0) return;
  if (height + 1 > target.shadow.maxRows) ensureRows(doc, target.sheet(), target.shadow, height + 1);
  const values = Array.from({ length: height }, (_, i) => [cells[i] ?? '']);
  target.range(2, height).setValues(values);
}

/**
 * The shadows of several tracked sheets at once (one getValues over the span of their columns, rows 2
 * to the shadow's last row): each sheet's rows, row 2 first, trailing empty rows left out.
 */
export function readShadowSheets(
  doc: TrackerDocument,
  keys: readonly SheetKey[],
): Map<SheetKey, ShadowRow[]> | null {
  const shadow = doc.layout().shadow;
  const cols = keys.map((key) => shadow?.cols[key]);
  if (!shadow || cols.some((col) => !col) || shadow.maxRows < 2) return null;
  const first = Math.min(...(cols as number[]));
  const last = Math.max(...(cols as number[]));
  const values = doc
    .range(shadow.id, shadow.name, 2, first, shadow.maxRows - 1, last - first + 1)
    .getValues();
  const out = new Map<SheetKey, ShadowRow[]>();
  keys.forEach((key, i) => {
    const at = (cols[i] as number) - first;
    let end = values.length;
    while (end > 0 && (values[end - 1][at] ?? '') === '') end--;
    const rows: ShadowRow[] = [];
    for (let r = 0; r < end; r++) rows.push(decodeShadow(values[r][at]));
    out.set(key, rows);
  });
  return out;
}
