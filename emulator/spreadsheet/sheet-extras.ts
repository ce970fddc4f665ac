/**
 * The anchored objects of sheets and ranges (protections, developer metadata, conditional formats,
 * bandings, validations), as plain functions the handle classes call inside their `rt.call`.
 */
import type { Runtime } from '../runtime';
import type { GridBox } from './a1';
import { fileEditors } from './access';
import { BANDING_EXISTS, EmuBanding } from './banding';
import { conditionalModelOf, EmuConditionalFormatRule } from './conditional';
import { exception } from './errors';
import { EmuDeveloperMetadata, EmuDeveloperMetadataFinder, newMetadata, rangeLocation } from './metadata';
import type { DocModel, MetadataModel, ProtectionModel, SheetModel } from './model';
import { EmuProtection } from './protection';
import { EmuDataValidation, ruleOf } from './validation';

function wholeSheet(sheet: SheetModel): GridBox {
  return { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
}

function newProtection(
  rt: Runtime,
  doc: DocModel,
  sheet: SheetModel,
  type: 'RANGE' | 'SHEET',
  box: GridBox,
): EmuProtection {
  const model: ProtectionModel = {
    id: rt.newId('prot'),
    type,
    anchor: { sheet, ...box },
    editors: new Set(fileEditors(doc)),
    domainEdit: false,
    warningOnly: false,
    description: '',
    rangeName: null,
    unprotected: [],
    removed: false,
  };
  doc.protections.push(model);
  return new EmuProtection(rt, doc, model);
}

function sameBox(a: GridBox, b: GridBox): boolean {
  return a.row === b.row && a.col === b.col && a.numRows === b.numRows && a.numCols === b.numCols;
}

function overlaps(a: GridBox, b: GridBox): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

export const sheetExtras = {
  protections(rt: Runtime, doc: DocModel, sheet: SheetModel, type: string): EmuProtection[] {
    return doc.protections
      .filter((p) => !p.removed && p.anchor.sheet === sheet && p.type === type)
      .map((p) => new EmuProtection(rt, doc, p));
  },
  /** The sheet's protection if it has one, else a new one that starts with the file's editors. */
  protect(rt: Runtime, doc: DocModel, sheet: SheetModel): EmuProtection {
    const existing = doc.protections.find(
      (p) => !p.removed && p.type === 'SHEET' && p.anchor.sheet === sheet,
    );
    if (existing) return new EmuProtection(rt, doc, existing);
    return newProtection(rt, doc, sheet, 'SHEET', wholeSheet(sheet));
  },
  protectRange(rt: Runtime, doc: DocModel, sheet: SheetModel, box: GridBox): EmuProtection {
    return newProtection(rt, doc, sheet, 'RANGE', box);
  },
  addMetadata(doc: DocModel, sheet: SheetModel, key: string, a: unknown, b: unknown): void {
    newMetadata(doc, key, a, b, 'SHEET', { sheet, ...wholeSheet(sheet) });
  },
  addRangeMetadata(
    doc: DocModel,
    sheet: SheetModel,
    box: GridBox,
    key: string,
    a: unknown,
    b: unknown,
  ): void {
    const type = rangeLocation(sheet, box);
    const anchor =
      type === 'ROW'
        ? { sheet, row: box.row, numRows: box.numRows, col: 1, numCols: sheet.maxCols }
        : { sheet, row: 1, numRows: sheet.maxRows, col: box.col, numCols: box.numCols };
    newMetadata(doc, key, a, b, type, anchor);
  },
  metadata(rt: Runtime, doc: DocModel, sheet: SheetModel): EmuDeveloperMetadata[] {
    return doc.metadata
      .filter((m) => !m.removed && m.locationType === 'SHEET' && m.anchor?.sheet === sheet)
      .map((m) => new EmuDeveloperMetadata(rt, doc, m));
  },
  rangeMetadata(rt: Runtime, doc: DocModel, sheet: SheetModel, box: GridBox): EmuDeveloperMetadata[] {
    return doc.metadata
      .filter(
        (m) =>
          !m.removed &&
          (m.locationType === 'ROW' || m.locationType === 'COLUMN') &&
          m.anchor?.sheet === sheet,
      )
      .filter((m) => {
        const a = m.anchor!;
        return m.locationType === 'ROW'
          ? a.row === box.row && a.numRows === box.numRows
          : a.col === box.col && a.numCols === box.numCols;
      })
      .map((m) => new EmuDeveloperMetadata(rt, doc, m));
  },
  finder(rt: Runtime, doc: DocModel, scope: (m: MetadataModel) => boolean): EmuDeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(rt, doc, scope);
  },
  conditionalRules(rt: Runtime, _doc: DocModel, sheet: SheetModel): EmuConditionalFormatRule[] {
    return sheet.conditionalRules.map((r) => new EmuConditionalFormatRule(rt, r));
  },
  setConditionalRules(_doc: DocModel, sheet: SheetModel, rules: unknown[]): void {
    sheet.conditionalRules = rules.map((r) => {
      const m = conditionalModelOf(r as EmuConditionalFormatRule);
      return { condition: m.condition, format: m.format, anchors: m.anchors.map((a) => ({ ...a, sheet })) };
    });
  },
  bandings(rt: Runtime, doc: DocModel, sheet: SheetModel): EmuBanding[] {
    return sheet.bandings.map((b) => new EmuBanding(rt, doc, b));
  },
  applyRowBanding(rt: Runtime, doc: DocModel, sheet: SheetModel, box: GridBox, theme: unknown): EmuBanding {
    if (sheet.bandings.some((b) => overlaps(b.anchor, box))) throw exception(BANDING_EXISTS);
    const model = { theme: String(theme ?? 'LIGHT_GREY'), anchor: { sheet, ...box }, removed: false };
    sheet.bandings.push(model);
    return new EmuBanding(rt, doc, model);
  },
  setValidation(sheet: SheetModel, box: GridBox, rule: EmuDataValidation | null): void {
    const shared = rule ? ruleOf(rule) : undefined;
    for (let r = box.row; r < box.row + box.numRows; r++) {
      for (let c = box.col; c < box.col + box.numCols; c++) sheet.validations.set(r, c, shared);
    }
  },
  rangeBandings(rt: Runtime, doc: DocModel, sheet: SheetModel, box: GridBox): EmuBanding[] {
    return sheet.bandings.filter((b) => overlaps(b.anchor, box)).map((b) => new EmuBanding(rt, doc, b));
  },
  sameBox,
};
