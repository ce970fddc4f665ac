/** Range: a rectangle of one sheet. A handle: it keeps its coordinates; the cells live in the model. */
import type { Runtime } from '../runtime';
import type { GridBox } from './a1';
import { boxToA1 } from './a1';
import { blockingProtection } from './access';
import type { CellValue } from './cells';
import { fromScript } from './cells';
import { exception, SheetErrors } from './errors';
import type { Mirror } from './mirror';
import type { DocModel, SheetModel } from './model';
import {
  assertFits,
  cellCount,
  checkDimensions,
  readDisplay,
  readLayer,
  readValues,
  writeCell,
  writeLayer,
} from './range-io';
import { sheetFor, type EmuSheet } from './sheet';
import { sheetExtras } from './sheet-extras';
import type { EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import type { EmuProtection } from './protection';
import type { EmuBanding } from './banding';
import { EmuDataValidation, ruleOf } from './validation';
import { EmuDataSource, EmuDataSourcePivotTable } from './data-source';

type RangeMethods =
  | 'createDataSourcePivotTable'
  | 'getValue'
  | 'getValues'
  | 'setValue'
  | 'setValues'
  | 'getFormula'
  | 'getFormulas'
  | 'setFormula'
  | 'setFormulas'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'clearNote'
  | 'clearDataValidations'
  | 'getNote'
  | 'getNotes'
  | 'setNote'
  | 'setNotes'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getHorizontalAlignment'
  | 'setHorizontalAlignment'
  | 'getWrap'
  | 'setWrap'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getWidth'
  | 'getHeight'
  | 'getGridId'
  | 'getSheet'
  | 'offset'
  | 'getCell'
  | 'isBlank'
  | 'activate'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'protect'
  | 'applyRowBanding'
  | 'getBandings'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations';

export class EmuRange implements Mirror<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  readonly #box: GridBox;

  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly model: SheetModel,
    box: GridBox,
  ) {
    this.#box = { ...box };
    rangeBoxes.set(this, this.#box);
  }

  /** A Connected Sheets pivot table anchored at this range's first cell (data-source.ts). */
  createDataSourcePivotTable(dataSource: EmuDataSource): EmuDataSourcePivotTable {
    return this.rt.call('Range.createDataSourcePivotTable', () => {
      if (!(dataSource instanceof EmuDataSource)) throw new Error('Invalid argument: dataSource');
      return new EmuDataSourcePivotTable(
        this.rt,
        { sheet: sheetFor(this.rt, this.doc, this.model), row: this.#box.row, col: this.#box.col },
        dataSource,
      );
    });
  }

  // ---- values -------------------------------------------------------------------------------
  getValue(): CellValue {
    return this.rt.call('Range.getValue', () => readValues(this.doc, this.model, this.#first())[0][0], {
      read: 1,
    });
  }
  getValues(): CellValue[][] {
    return this.rt.call('Range.getValues', () => readValues(this.doc, this.model, this.#box), {
      read: cellCount(this.#box),
    });
  }
  setValue(value: unknown): EmuRange {
    return this.rt.call(
      'Range.setValue',
      () => {
        assertFits([value]);
        return this.#write((_i, _j) => value);
      },
      {
        written: cellCount(this.#box),
      },
    );
  }
  setValues(values: unknown[][]): EmuRange {
    return this.rt.call(
      'Range.setValues',
      () => {
        const data = checkDimensions(values, this.#box);
        assertFits(data);
        return this.#write((i, j) => data[i][j]);
      },
      { written: cellCount(this.#box) },
    );
  }
  getDisplayValue(): string {
    return this.rt.call(
      'Range.getDisplayValue',
      () => readDisplay(this.doc, this.model, this.#first())[0][0],
      {
        read: 1,
      },
    );
  }
  getDisplayValues(): string[][] {
    return this.rt.call('Range.getDisplayValues', () => readDisplay(this.doc, this.model, this.#box), {
      read: cellCount(this.#box),
    });
  }
  isBlank(): boolean {
    return this.rt.call(
      'Range.isBlank',
      () =>
        readLayer(this.model.values, this.#box, undefined).every((r) => r.every((v) => v === undefined)) &&
        readLayer(this.model.formulas, this.#box, undefined).every((r) => r.every((v) => v === undefined)),
      { read: cellCount(this.#box) },
    );
  }

  // ---- formulas -----------------------------------------------------------------------------
  getFormula(): string {
    return this.rt.call(
      'Range.getFormula',
      () => this.model.formulas.get(this.#box.row, this.#box.col) ?? '',
      {
        read: 1,
      },
    );
  }
  getFormulas(): string[][] {
    return this.rt.call('Range.getFormulas', () => readLayer(this.model.formulas, this.#box, ''), {
      read: cellCount(this.#box),
    });
  }
  setFormula(formula: string): EmuRange {
    return this.rt.call(
      'Range.setFormula',
      () => {
        assertFits([formula]);
        return this.#writeFormulas(() => formula);
      },
      {
        written: cellCount(this.#box),
      },
    );
  }
  setFormulas(formulas: string[][]): EmuRange {
    return this.rt.call(
      'Range.setFormulas',
      () => {
        const data = checkDimensions(formulas, this.#box);
        assertFits(data);
        return this.#writeFormulas((i, j) => String(data[i][j] ?? ''));
      },
      { written: cellCount(this.#box) },
    );
  }

  // ---- formats and other per-cell properties ---------------------------------------------------
  getNumberFormat(): string {
    return this.rt.call(
      'Range.getNumberFormat',
      () => this.model.formats.get(this.#box.row, this.#box.col) ?? 'General',
      {
        read: 1,
      },
    );
  }
  getNumberFormats(): string[][] {
    return this.rt.call('Range.getNumberFormats', () => readLayer(this.model.formats, this.#box, 'General'), {
      read: cellCount(this.#box),
    });
  }
  setNumberFormat(format: string): EmuRange {
    return this.#setLayer('Range.setNumberFormat', this.model.formats, () => format);
  }
  setNumberFormats(formats: string[][]): EmuRange {
    return this.#setLayerGrid('Range.setNumberFormats', this.model.formats, formats);
  }
  getNote(): string {
    return this.rt.call('Range.getNote', () => this.model.notes.get(this.#box.row, this.#box.col) ?? '', {
      read: 1,
    });
  }
  getNotes(): string[][] {
    return this.rt.call('Range.getNotes', () => readLayer(this.model.notes, this.#box, ''), {
      read: cellCount(this.#box),
    });
  }
  setNote(note: string | null): EmuRange {
    return this.#setLayer('Range.setNote', this.model.notes, () => note || undefined);
  }
  setNotes(notes: Array<Array<string | null>>): EmuRange {
    return this.#setLayerGrid('Range.setNotes', this.model.notes, notes);
  }
  getBackground(): string {
    return this.rt.call(
      'Range.getBackground',
      () => this.model.backgrounds.get(this.#box.row, this.#box.col) ?? '#ffffff',
      {
        read: 1,
      },
    );
  }
  getBackgrounds(): string[][] {
    return this.rt.call(
      'Range.getBackgrounds',
      () => readLayer(this.model.backgrounds, this.#box, '#ffffff'),
      {
        read: cellCount(this.#box),
      },
    );
  }
  setBackground(color: string | null): EmuRange {
    return this.#setLayer(
      'Range.setBackground',
      this.model.backgrounds,
      () => color?.toLowerCase() || undefined,
    );
  }
  setBackgrounds(colors: Array<Array<string | null>>): EmuRange {
    return this.#setLayerGrid('Range.setBackgrounds', this.model.backgrounds, colors, (c) => c.toLowerCase());
  }
  getFontWeight(): string {
    return this.rt.call(
      'Range.getFontWeight',
      () => this.model.fontWeights.get(this.#box.row, this.#box.col) ?? 'normal',
      {
        read: 1,
      },
    );
  }
  getFontWeights(): string[][] {
    return this.rt.call(
      'Range.getFontWeights',
      () => readLayer(this.model.fontWeights, this.#box, 'normal'),
      {
        read: cellCount(this.#box),
      },
    );
  }
  setFontWeight(weight: string | null): EmuRange {
    return this.#setLayer('Range.setFontWeight', this.model.fontWeights, () =>
      weight === 'bold' ? 'bold' : undefined,
    );
  }
  setFontWeights(weights: Array<Array<string | null>>): EmuRange {
    return this.#setLayerGrid('Range.setFontWeights', this.model.fontWeights, weights, (w) =>
      w === 'bold' ? 'bold' : '',
    );
  }
  getHorizontalAlignment(): string {
    return this.rt.call(
      'Range.getHorizontalAlignment',
      () => this.model.alignments.get(this.#box.row, this.#box.col) ?? 'general',
      { read: 1 },
    );
  }
  setHorizontalAlignment(alignment: string | null): EmuRange {
    return this.#setLayer(
      'Range.setHorizontalAlignment',
      this.model.alignments,
      () => alignment || undefined,
    );
  }
  getWrap(): boolean {
    return this.rt.call('Range.getWrap', () => this.model.wraps.get(this.#box.row, this.#box.col) ?? false, {
      read: 1,
    });
  }
  setWrap(wrap: boolean): EmuRange {
    return this.#setLayer('Range.setWrap', this.model.wraps, () => (wrap ? true : undefined));
  }

  // ---- clearing -----------------------------------------------------------------------------
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): EmuRange {
    return this.rt.call(
      'Range.clear',
      () => {
        const o = options ?? {};
        const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
        if (all || o.contentsOnly) this.#clearLayers([this.model.values, this.model.formulas]);
        if (all || o.formatOnly) this.#clearFormats();
        if (o.validationsOnly) this.#clearLayers([this.model.validations]);
        if (all || o.commentsOnly) this.#clearLayers([this.model.notes]);
        return this;
      },
      { written: cellCount(this.#box) },
    );
  }
  clearContent(): EmuRange {
    return this.rt.call(
      'Range.clearContent',
      () => this.#clearLayers([this.model.values, this.model.formulas]),
      {
        written: cellCount(this.#box),
      },
    );
  }
  clearFormat(): EmuRange {
    return this.rt.call('Range.clearFormat', () => this.#clearFormats(), { written: cellCount(this.#box) });
  }
  clearNote(): EmuRange {
    return this.rt.call('Range.clearNote', () => this.#clearLayers([this.model.notes]), {
      written: cellCount(this.#box),
    });
  }
  clearDataValidations(): EmuRange {
    return this.rt.call('Range.clearDataValidations', () => this.#clearLayers([this.model.validations]), {
      written: cellCount(this.#box),
    });
  }

  // ---- the handle ---------------------------------------------------------------------------
  getA1Notation(): string {
    return this.rt.call('Range.getA1Notation', () => boxToA1(this.#box), { local: true });
  }
  getRow(): number {
    return this.rt.call('Range.getRow', () => this.#box.row, { local: true });
  }
  getColumn(): number {
    return this.rt.call('Range.getColumn', () => this.#box.col, { local: true });
  }
  getNumRows(): number {
    return this.rt.call('Range.getNumRows', () => this.#box.numRows, { local: true });
  }
  getNumColumns(): number {
    return this.rt.call('Range.getNumColumns', () => this.#box.numCols, { local: true });
  }
  getHeight(): number {
    return this.rt.call('Range.getHeight', () => this.#box.numRows, { local: true });
  }
  getWidth(): number {
    return this.rt.call('Range.getWidth', () => this.#box.numCols, { local: true });
  }
  /** The range's own end row (not the sheet's last row with content). */
  getLastRow(): number {
    return this.rt.call('Range.getLastRow', () => this.#box.row + this.#box.numRows - 1, {});
  }
  getLastColumn(): number {
    return this.rt.call('Range.getLastColumn', () => this.#box.col + this.#box.numCols - 1, {});
  }
  getGridId(): number {
    return this.rt.call('Range.getGridId', () => this.model.id, { local: true });
  }
  getSheet(): EmuSheet {
    return this.rt.call('Range.getSheet', () => sheetFor(this.rt, this.doc, this.model), { local: true });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    return this.rt.call(
      'Range.offset',
      () =>
        rangeIn(this.rt, this.doc, this.model, {
          row: this.#box.row + rowOffset,
          col: this.#box.col + columnOffset,
          numRows: numRows ?? this.#box.numRows,
          numCols: numColumns ?? this.#box.numCols,
        }),
      {},
    );
  }
  getCell(row: number, column: number): EmuRange {
    return this.rt.call(
      'Range.getCell',
      () => {
        if (row < 1 || column < 1 || row > this.#box.numRows || column > this.#box.numCols) {
          throw exception(SheetErrors.outsideGrid);
        }
        return rangeIn(this.rt, this.doc, this.model, {
          row: this.#box.row + row - 1,
          col: this.#box.col + column - 1,
          numRows: 1,
          numCols: 1,
        });
      },
      {},
    );
  }
  activate(): EmuRange {
    return this.rt.call(
      'Range.activate',
      () => {
        const user = this.rt.current().activeUser || this.rt.current().effectiveUser;
        this.doc.selections.set(user, { sheet: this.model, ...this.#box });
        this.doc.activeSheet = this.model;
        return this;
      },
      {},
    );
  }

  // ---- anchored objects ---------------------------------------------------------------------
  /** Whole rows or whole columns only, as in Apps Script. */
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): EmuRange {
    return this.rt.call('Range.addDeveloperMetadata', () => {
      sheetExtras.addRangeMetadata(this.doc, this.model, this.#box, key, valueOrVisibility, visibility);
      return this;
    });
  }
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    return this.rt.call('Range.getDeveloperMetadata', () =>
      sheetExtras.rangeMetadata(this.rt, this.doc, this.model, this.#box),
    );
  }
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return this.rt.call(
      'Range.createDeveloperMetadataFinder',
      () => {
        const box = this.#box;
        return sheetExtras.finder(this.rt, this.doc, (m) => {
          const a = m.anchor;
          if (!a || a.sheet !== this.model || m.locationType === 'SHEET') return false;
          return (
            a.row < box.row + box.numRows &&
            box.row < a.row + a.numRows &&
            a.col < box.col + box.numCols &&
            box.col < a.col + a.numCols
          );
        });
      },
      { local: true },
    );
  }
  protect(): EmuProtection {
    return this.rt.call('Range.protect', () =>
      sheetExtras.protectRange(this.rt, this.doc, this.model, this.#box),
    );
  }
  applyRowBanding(bandingTheme?: unknown): EmuBanding {
    return this.rt.call('Range.applyRowBanding', () =>
      sheetExtras.applyRowBanding(this.rt, this.doc, this.model, this.#box, bandingTheme),
    );
  }
  getBandings(): EmuBanding[] {
    return this.rt.call('Range.getBandings', () =>
      sheetExtras.rangeBandings(this.rt, this.doc, this.model, this.#box),
    );
  }
  setDataValidation(rule: EmuDataValidation | null): EmuRange {
    return this.rt.call(
      'Range.setDataValidation',
      () => {
        this.#assertMayWrite();
        sheetExtras.setValidation(this.model, this.#box, rule);
        return this;
      },
      { written: cellCount(this.#box) },
    );
  }
  setDataValidations(rules: Array<Array<EmuDataValidation | null>>): EmuRange {
    return this.rt.call(
      'Range.setDataValidations',
      () => {
        const data = checkDimensions(rules, this.#box) as Array<Array<EmuDataValidation | null>>;
        this.#assertMayWrite();
        writeLayer(this.model.validations, this.#box, (i, j) =>
          data[i][j] ? ruleOf(data[i][j]!) : undefined,
        );
        return this;
      },
      { written: cellCount(this.#box) },
    );
  }
  getDataValidation(): EmuDataValidation | null {
    return this.rt.call(
      'Range.getDataValidation',
      () => {
        const rule = this.model.validations.get(this.#box.row, this.#box.col);
        return rule ? new EmuDataValidation(this.rt, rule) : null;
      },
      { read: 1 },
    );
  }
  getDataValidations(): Array<Array<EmuDataValidation | null>> {
    return this.rt.call(
      'Range.getDataValidations',
      () =>
        readLayer(this.model.validations, this.#box, null).map((row) =>
          row.map((r) => (r ? new EmuDataValidation(this.rt, r) : null)),
        ),
      { read: cellCount(this.#box) },
    );
  }

  // ---- internals ----------------------------------------------------------------------------
  #first(): GridBox {
    return { row: this.#box.row, col: this.#box.col, numRows: 1, numCols: 1 };
  }
  #assertMayWrite(): void {
    const user = this.rt.current().effectiveUser;
    if (blockingProtection(this.doc, this.model, this.#box, user)) throw exception(SheetErrors.protectedCell);
    this.doc.touch();
  }
  #write(value: (i: number, j: number) => unknown): EmuRange {
    this.#assertMayWrite();
    const { row, col, numRows, numCols } = this.#box;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const input = fromScript(
          value(i, j),
          this.model.formats.get(row + i, col + j),
          this.doc.locale,
          this.doc.timeZone,
        );
        writeCell(this.model, row + i, col + j, input);
      }
    }
    return this;
  }
  #writeFormulas(formula: (i: number, j: number) => string): EmuRange {
    this.#assertMayWrite();
    for (let i = 0; i < this.#box.numRows; i++) {
      for (let j = 0; j < this.#box.numCols; j++) {
        const f = formula(i, j);
        const text = f === '' ? '' : f.startsWith('=') ? f : `=${f}`;
        writeCell(
          this.model,
          this.#box.row + i,
          this.#box.col + j,
          text ? { kind: 'formula', formula: text } : { kind: 'empty' },
        );
      }
    }
    return this;
  }
  #setLayer<T>(method: string, layer: import('./layer').Layer<T>, value: () => T | undefined): EmuRange {
    return this.rt.call(
      method,
      () => {
        this.#assertMayWrite();
        writeLayer(layer, this.#box, value);
        return this;
      },
      { written: cellCount(this.#box) },
    );
  }
  #setLayerGrid<T>(
    method: string,
    layer: import('./layer').Layer<T>,
    grid: Array<Array<T | null>>,
    normalize: (v: T) => T = (v) => v,
  ): EmuRange {
    return this.rt.call(
      method,
      () => {
        const data = checkDimensions(grid, this.#box) as Array<Array<T | null>>;
        this.#assertMayWrite();
        writeLayer(layer, this.#box, (i, j) => {
          const v = data[i][j];
          if (v === null || v === undefined || (v as unknown) === '') return undefined;
          const n = normalize(v);
          return (n as unknown) === '' ? undefined : n;
        });
        return this;
      },
      { written: cellCount(this.#box) },
    );
  }
  #clearLayers(layers: Array<import('./layer').Layer<unknown>>): EmuRange {
    this.#assertMayWrite();
    const { row, col, numRows, numCols } = this.#box;
    for (const layer of layers) layer.clearBox(row, col, numRows, numCols);
    return this;
  }
  #clearFormats(): EmuRange {
    const m = this.model;
    return this.#clearLayers([m.formats, m.backgrounds, m.fontWeights, m.alignments, m.wraps]);
  }
}

/** Internal: the box and sheet of a range handle, for the other classes of this folder. */
export function boxOf(range: EmuRange): { doc: DocModel; sheet: SheetModel; box: GridBox } {
  const r = range as unknown as { doc: DocModel; model: SheetModel };
  return { doc: r.doc, sheet: r.model, box: rangeBoxes.get(range)! };
}

const rangeBoxes = new WeakMap<EmuRange, GridBox>();

/** Makes a range handle, checking it lies inside the sheet's grid. */
export function rangeIn(rt: Runtime, doc: DocModel, sheet: SheetModel, box: GridBox): EmuRange {
  if (box.row < 1 || box.col < 1 || box.numRows < 1 || box.numCols < 1) {
    throw exception(SheetErrors.outsideGrid);
  }
  if (box.row + box.numRows - 1 > sheet.maxRows || box.col + box.numCols - 1 > sheet.maxCols) {
    throw exception(SheetErrors.outsideGrid);
  }
  return new EmuRange(rt, doc, sheet, box);
}
