/**
 * Inserting and deleting rows and columns: cell layers shift, and so does every anchored object
 * (named ranges, protections, developer metadata, conditional formats, bandings, selections),
 * as in Sheets. Formulas' references are not rewritten (the emulator's formulas are few and
 * written by the tracker's set-up against whole columns).
 */
import type { Anchor, DocModel, SheetModel } from './model';

type Axis = 'row' | 'col';

function startOf(a: Anchor, axis: Axis): number {
  return axis === 'row' ? a.row : a.col;
}
function sizeOf(a: Anchor, axis: Axis): number {
  return axis === 'row' ? a.numRows : a.numCols;
}
function put(a: Anchor, axis: Axis, start: number, size: number): void {
  if (axis === 'row') {
    a.row = start;
    a.numRows = size;
  } else {
    a.col = start;
    a.numCols = size;
  }
}

function shiftInsert(a: Anchor, axis: Axis, before: number, count: number): void {
  const start = startOf(a, axis);
  const size = sizeOf(a, axis);
  if (start >= before) put(a, axis, start + count, size);
  else if (start + size - 1 >= before) put(a, axis, start, size + count);
}

function shiftDelete(a: Anchor, axis: Axis, first: number, count: number): void {
  const start = startOf(a, axis);
  const end = start + sizeOf(a, axis) - 1;
  const last = first + count - 1;
  if (end < first) return;
  if (start > last) {
    put(a, axis, start - count, sizeOf(a, axis));
    return;
  }
  const kept = Math.max(0, first - start) + Math.max(0, end - last);
  if (kept === 0) {
    a.gone = true;
    return;
  }
  put(a, axis, Math.min(start, first), kept);
}

function anchorsOn(doc: DocModel, sheet: SheetModel): Anchor[] {
  return doc.anchors().filter((a) => a.sheet === sheet && !a.gone);
}

function dropGone(doc: DocModel): void {
  for (const [name, n] of doc.namedRanges) if (n.anchor.gone) doc.namedRanges.delete(name);
  for (const p of doc.protections) {
    if (p.anchor.gone) p.removed = true;
    p.unprotected = p.unprotected.filter((u) => !u.gone);
  }
  for (const m of doc.metadata) if (m.anchor?.gone) m.removed = true;
  for (let i = doc.metadata.length - 1; i >= 0; i--) if (doc.metadata[i].removed) doc.metadata.splice(i, 1);
  for (let i = doc.protections.length - 1; i >= 0; i--)
    if (doc.protections[i].removed) doc.protections.splice(i, 1);
  for (const s of doc.sheets) {
    for (const r of s.conditionalRules) r.anchors = r.anchors.filter((a) => !a.gone);
    s.conditionalRules = s.conditionalRules.filter((r) => r.anchors.length > 0);
    for (let i = s.bandings.length - 1; i >= 0; i--) {
      if (s.bandings[i].anchor.gone) {
        s.bandings[i].removed = true;
        s.bandings.splice(i, 1);
      }
    }
  }
  for (const [user, a] of doc.selections) if (a.gone) doc.selections.delete(user);
}

function changed(doc: DocModel): void {
  doc.version++;
  doc.structureVersion++;
}

/**
 * Rows inserted inside an anchored range extend it (the range's rows move apart); rows inserted
 * before its first row or after its last row do not. Google documents neither for protections,
 * named ranges, conditional formats or bandings (nor whether new rows take a neighbour's number
 * formats or validation: the Sheets API's InsertDimensionRequest.inheritFromBefore speaks of
 * "dimension properties" only), so rows added at the end of a sheet (insertRowsAfter(maxRows, n),
 * appendRow past the grid) are modelled conservatively: empty, unformatted, unvalidated and covered
 * by nothing but a sheet protection. A caller that wants them covered extends the ranges itself.
 */
export function insertRows(doc: DocModel, sheet: SheetModel, before: number, count: number): void {
  doc.assertGridRoom(count * sheet.maxCols);
  for (const layer of sheet.layers()) layer.insertRows(before, count);
  for (const a of anchorsOn(doc, sheet)) shiftInsert(a, 'row', before, count);
  sheet.maxRows += count;
  changed(doc);
}

export function deleteRows(doc: DocModel, sheet: SheetModel, first: number, count: number): void {
  for (const layer of sheet.layers()) layer.deleteRows(first, count);
  for (const a of anchorsOn(doc, sheet)) shiftDelete(a, 'row', first, count);
  sheet.maxRows -= count;
  dropGone(doc);
  changed(doc);
}

export function insertColumns(doc: DocModel, sheet: SheetModel, before: number, count: number): void {
  doc.assertGridRoom(count * sheet.maxRows);
  for (const layer of sheet.layers()) layer.insertColumns(before, count);
  for (const a of anchorsOn(doc, sheet)) shiftInsert(a, 'col', before, count);
  shiftColumnMaps(sheet, before, count);
  sheet.maxCols += count;
  changed(doc);
}

export function deleteColumns(doc: DocModel, sheet: SheetModel, first: number, count: number): void {
  for (const layer of sheet.layers()) layer.deleteColumns(first, count);
  for (const a of anchorsOn(doc, sheet)) shiftDelete(a, 'col', first, count);
  shiftColumnMaps(sheet, first + count, -count, first);
  sheet.maxCols -= count;
  dropGone(doc);
  changed(doc);
}

/** Moves column widths and hidden flags at or after `from` by `delta` (dropping [drop, from)). */
function shiftColumnMaps(sheet: SheetModel, from: number, delta: number, drop = from): void {
  const widths = [...sheet.columnWidths];
  sheet.columnWidths.clear();
  for (const [c, w] of widths) {
    if (c >= drop && c < from) continue;
    sheet.columnWidths.set(c >= from ? c + delta : c, w);
  }
  const hidden = [...sheet.hiddenColumns];
  sheet.hiddenColumns.clear();
  for (const c of hidden) {
    if (c >= drop && c < from) continue;
    sheet.hiddenColumns.add(c >= from ? c + delta : c);
  }
}
