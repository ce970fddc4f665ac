/** Copying a spreadsheet (File.makeCopy): sheets, cells, names and metadata; not range protections. */
import type { Runtime } from '../runtime';
import type { Anchor, SheetModel } from './model';
import { DocModel } from './model';

export function copyDoc(source: DocModel, id: string, name: string, rt: Runtime): DocModel {
  const doc = new DocModel(id, name, source.timeZone, source.locale);
  doc.files = rt.files;
  const map = new Map<SheetModel, SheetModel>();
  for (const s of source.sheets) {
    const t = doc.addSheet(s.name);
    map.set(s, t);
    t.maxRows = s.maxRows;
    t.maxCols = s.maxCols;
    t.frozenRows = s.frozenRows;
    t.frozenCols = s.frozenCols;
    t.hidden = s.hidden;
    t.tabColor = s.tabColor;
    const pairs = [
      [s.values, t.values],
      [s.formulas, t.formulas],
      [s.formats, t.formats],
      [s.notes, t.notes],
      [s.backgrounds, t.backgrounds],
      [s.fontWeights, t.fontWeights],
      [s.alignments, t.alignments],
      [s.wraps, t.wraps],
      [s.validations, t.validations],
    ] as const;
    for (const [from, to] of pairs) {
      for (const [r, c, v] of (from as import('./layer').Layer<unknown>).entries()) {
        (to as import('./layer').Layer<unknown>).set(r, c, v instanceof Date ? new Date(v.getTime()) : v);
      }
    }
    for (const [c, w] of s.columnWidths) t.columnWidths.set(c, w);
  }
  const moved = (a: Anchor): Anchor => ({ ...a, sheet: map.get(a.sheet)! });
  for (const [n, r] of source.namedRanges) doc.namedRanges.set(n, { name: n, anchor: moved(r.anchor) });
  for (const m of source.metadata) {
    doc.metadata.push({ ...m, id: doc.nextMetadataId++, anchor: m.anchor ? moved(m.anchor) : null });
  }
  // Sheet protections are copied; range protections are dropped, as reported for Sheets.
  for (const p of source.protections) {
    if (p.type !== 'SHEET') continue;
    doc.protections.push({
      ...p,
      id: rt.newId('prot'),
      anchor: moved(p.anchor),
      editors: new Set(p.editors),
      unprotected: p.unprotected.map(moved),
    });
  }
  return doc;
}
