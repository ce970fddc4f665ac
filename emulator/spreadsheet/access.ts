/** Who may edit what: the file's sharing and the protections over cells. */
import type { GridBox } from './a1';
import type { Anchor, DocModel, ProtectionModel, SheetModel } from './model';

export function ownerOf(doc: DocModel): string {
  return doc.record()?.owner ?? '';
}

export function fileEditors(doc: DocModel): string[] {
  const owner = ownerOf(doc);
  return [owner, ...[...(doc.record()?.editors ?? [])].filter((e) => e !== owner)];
}

export function isFileEditor(doc: DocModel, user: string): boolean {
  return user !== '' && (user === ownerOf(doc) || !!doc.record()?.editors.has(user));
}

function inside(a: Anchor, row: number, col: number): boolean {
  return row >= a.row && row < a.row + a.numRows && col >= a.col && col < a.col + a.numCols;
}

function intersects(a: GridBox, b: GridBox): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

function containsBox(a: Anchor, b: GridBox): boolean {
  return (
    b.row >= a.row &&
    b.col >= a.col &&
    b.row + b.numRows <= a.row + a.numRows &&
    b.col + b.numCols <= a.col + a.numCols
  );
}

/** Whether the protection covers any cell of the box (sheet protections minus unprotected ranges). */
export function protectionCovers(p: ProtectionModel, sheet: SheetModel, box: GridBox): boolean {
  if (p.removed || p.anchor.sheet !== sheet) return false;
  if (p.type === 'RANGE') return intersects(p.anchor, box);
  if (p.unprotected.length === 0) return true;
  if (p.unprotected.some((u) => containsBox(u, box))) return false;
  for (let r = box.row; r < box.row + box.numRows; r++) {
    for (let c = box.col; c < box.col + box.numCols; c++) {
      if (!p.unprotected.some((u) => inside(u, r, c))) return true;
    }
  }
  return false;
}

export function mayEditProtection(doc: DocModel, p: ProtectionModel, user: string): boolean {
  return user === ownerOf(doc) || p.editors.has(user);
}

/**
 * The first protection over the box that stops `user`. Warning-only protections stop nobody
 * (a person confirms a warning; a script is not asked).
 */
export function blockingProtection(
  doc: DocModel,
  sheet: SheetModel,
  box: GridBox,
  user: string,
): ProtectionModel | undefined {
  if (user === ownerOf(doc)) return undefined;
  return doc.protections.find(
    (p) => !p.warningOnly && !mayEditProtection(doc, p, user) && protectionCovers(p, sheet, box),
  );
}
