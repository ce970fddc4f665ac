/** Sheet: one tab of a spreadsheet. */
import type { Runtime } from '../runtime';
import { parseA1, refToBox } from './a1';
import { blockingProtection } from './access';
import { fromScript } from './cells';
import { exception, SheetErrors } from './errors';
import type { Mirror } from './mirror';
import type { DocModel, SheetModel } from './model';
import { EmuRange, rangeIn } from './range';
import { EmuRangeList } from './range-list';
import { assertFits, writeCell } from './range-io';
import { spreadsheetFor, type EmuSpreadsheet } from './spreadsheet';
import * as structure from './structure';
import { sheetExtras } from './sheet-extras';
import { sheetCharts, type EmuEmbeddedChart, type EmuEmbeddedChartBuilder } from './charts';

type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getIndex'
  | 'getSheetId'
  | 'getParent'
  | 'activate'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'appendRow'
  | 'insertRows'
  | 'insertRowsBefore'
  | 'insertRowsAfter'
  | 'insertRowBefore'
  | 'insertRowAfter'
  | 'deleteRow'
  | 'deleteRows'
  | 'insertColumns'
  | 'insertColumnsBefore'
  | 'insertColumnsAfter'
  | 'insertColumnBefore'
  | 'insertColumnAfter'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'hideColumns'
  | 'showColumns'
  | 'isColumnHiddenByUser'
  | 'setTabColor'
  | 'getTabColor'
  | 'clear'
  | 'getProtections'
  | 'protect'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'getBandings'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'removeChart';

const DEFAULT_COLUMN_WIDTH = 100;

export class EmuSheet implements Mirror<GoogleAppsScript.Spreadsheet.Sheet, SheetMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly doc: DocModel,
    private readonly model: SheetModel,
  ) {}

  // ---- identity -----------------------------------------------------------------------------
  getName(): string {
    return this.rt.call('Sheet.getName', () => this.model.name, { local: true });
  }
  setName(name: string): EmuSheet {
    return this.rt.call(
      'Sheet.setName',
      () => {
        const other = this.doc.sheetByName(name);
        if (other && other !== this.model) throw exception(SheetErrors.sheetExists(name));
        this.model.name = name;
        this.doc.touch();
        return this;
      },
      { written: 0 },
    );
  }
  getIndex(): number {
    return this.rt.call('Sheet.getIndex', () => this.doc.sheets.indexOf(this.model) + 1, { local: true });
  }
  getSheetId(): number {
    return this.rt.call('Sheet.getSheetId', () => this.model.id, { local: true });
  }
  getParent(): EmuSpreadsheet {
    return this.rt.call('Sheet.getParent', () => spreadsheetFor(this.rt, this.doc), { local: true });
  }
  activate(): EmuSheet {
    return this.rt.call('Sheet.activate', () => {
      this.doc.activeSheet = this.model;
      return this;
    });
  }

  // ---- ranges -------------------------------------------------------------------------------
  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): EmuRange {
    return this.rt.call(
      'Sheet.getRange',
      () => {
        if (typeof a1OrRow === 'string') {
          const box = refToBox(parseA1(a1OrRow), this.model.maxRows, this.model.maxCols);
          return rangeIn(this.rt, this.doc, this.model, box);
        }
        if (column === undefined) throw exception(SheetErrors.invalidArgument('column'));
        const box = { row: a1OrRow, col: column, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
        return rangeIn(this.rt, this.doc, this.model, box);
      },
      {},
    );
  }
  getRangeList(a1Notations: string[]): EmuRangeList {
    return this.rt.call(
      'Sheet.getRangeList',
      () => new EmuRangeList(this.rt, this.doc, this.model, a1Notations),
    );
  }
  getDataRange(): EmuRange {
    return this.rt.call('Sheet.getDataRange', () =>
      rangeIn(this.rt, this.doc, this.model, {
        row: 1,
        col: 1,
        numRows: Math.max(1, this.model.lastRow()),
        numCols: Math.max(1, this.model.lastColumn()),
      }),
    );
  }
  getLastRow(): number {
    return this.rt.call('Sheet.getLastRow', () => this.model.lastRow());
  }
  getLastColumn(): number {
    return this.rt.call('Sheet.getLastColumn', () => this.model.lastColumn());
  }
  getMaxRows(): number {
    return this.rt.call('Sheet.getMaxRows', () => this.model.maxRows);
  }
  getMaxColumns(): number {
    return this.rt.call('Sheet.getMaxColumns', () => this.model.maxCols);
  }

  // ---- rows and columns ---------------------------------------------------------------------
  appendRow(rowContents: unknown[]): EmuSheet {
    return this.rt.call(
      'Sheet.appendRow',
      () => {
        const row = this.model.lastRow() + 1;
        const box = { row, col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) };
        if (blockingProtection(this.doc, this.model, box, this.rt.current().effectiveUser)) {
          throw exception(SheetErrors.protectedCell);
        }
        assertFits(rowContents);
        const rows = Math.max(this.model.maxRows, row);
        const cols = Math.max(this.model.maxCols, rowContents.length);
        this.doc.assertGridRoom(rows * cols - this.model.maxRows * this.model.maxCols);
        this.model.maxRows = rows;
        this.model.maxCols = cols;
        rowContents.forEach((value, j) => {
          const input = fromScript(
            value,
            this.model.formats.get(row, j + 1),
            this.doc.locale,
            this.doc.timeZone,
          );
          writeCell(this.model, row, j + 1, input);
        });
        this.doc.touch();
        return this;
      },
      { written: rowContents.length },
    );
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.rt.call('Sheet.insertRows', () => this.#insertRowsAt(rowIndex, numRows));
  }
  insertRowsBefore(beforePosition: number, howMany: number): EmuSheet {
    return this.rt.call('Sheet.insertRowsBefore', () => this.#insertRowsAt(beforePosition, howMany));
  }
  insertRowsAfter(afterPosition: number, howMany: number): EmuSheet {
    return this.rt.call('Sheet.insertRowsAfter', () => this.#insertRowsAt(afterPosition + 1, howMany));
  }
  insertRowBefore(beforePosition: number): EmuSheet {
    return this.rt.call('Sheet.insertRowBefore', () => this.#insertRowsAt(beforePosition, 1));
  }
  insertRowAfter(afterPosition: number): EmuSheet {
    return this.rt.call('Sheet.insertRowAfter', () => this.#insertRowsAt(afterPosition + 1, 1));
  }
  deleteRow(rowPosition: number): EmuSheet {
    return this.rt.call('Sheet.deleteRow', () => this.#deleteRowsAt(rowPosition, 1));
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.rt.call('Sheet.deleteRows', () => this.#deleteRowsAt(rowPosition, howMany));
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.rt.call('Sheet.insertColumns', () => this.#insertColumnsAt(columnIndex, numColumns));
  }
  insertColumnsBefore(beforePosition: number, howMany: number): EmuSheet {
    return this.rt.call('Sheet.insertColumnsBefore', () => this.#insertColumnsAt(beforePosition, howMany));
  }
  insertColumnsAfter(afterPosition: number, howMany: number): EmuSheet {
    return this.rt.call('Sheet.insertColumnsAfter', () => this.#insertColumnsAt(afterPosition + 1, howMany));
  }
  insertColumnBefore(beforePosition: number): EmuSheet {
    return this.rt.call('Sheet.insertColumnBefore', () => this.#insertColumnsAt(beforePosition, 1));
  }
  insertColumnAfter(afterPosition: number): EmuSheet {
    return this.rt.call('Sheet.insertColumnAfter', () => this.#insertColumnsAt(afterPosition + 1, 1));
  }
  deleteColumn(columnPosition: number): EmuSheet {
    return this.rt.call('Sheet.deleteColumn', () => this.#deleteColumnsAt(columnPosition, 1));
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.rt.call('Sheet.deleteColumns', () => this.#deleteColumnsAt(columnPosition, howMany));
  }

  // ---- presentation -------------------------------------------------------------------------
  setFrozenRows(rows: number): void {
    this.rt.call('Sheet.setFrozenRows', () => void (this.model.frozenRows = rows));
  }
  getFrozenRows(): number {
    return this.rt.call('Sheet.getFrozenRows', () => this.model.frozenRows);
  }
  setFrozenColumns(columns: number): void {
    this.rt.call('Sheet.setFrozenColumns', () => void (this.model.frozenCols = columns));
  }
  getFrozenColumns(): number {
    return this.rt.call('Sheet.getFrozenColumns', () => this.model.frozenCols);
  }
  hideSheet(): EmuSheet {
    return this.rt.call('Sheet.hideSheet', () => {
      this.model.hidden = true;
      return this;
    });
  }
  showSheet(): EmuSheet {
    return this.rt.call('Sheet.showSheet', () => {
      this.model.hidden = false;
      return this;
    });
  }
  isSheetHidden(): boolean {
    return this.rt.call('Sheet.isSheetHidden', () => this.model.hidden);
  }
  setColumnWidth(columnPosition: number, width: number): EmuSheet {
    return this.rt.call('Sheet.setColumnWidth', () => {
      this.model.columnWidths.set(columnPosition, width);
      return this;
    });
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): EmuSheet {
    return this.rt.call('Sheet.setColumnWidths', () => {
      for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
      return this;
    });
  }
  getColumnWidth(columnPosition: number): number {
    return this.rt.call(
      'Sheet.getColumnWidth',
      () => this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH,
    );
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.rt.call('Sheet.hideColumns', () => {
      for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.add(c);
    });
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.rt.call('Sheet.showColumns', () => {
      for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.delete(c);
    });
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.rt.call('Sheet.isColumnHiddenByUser', () => this.model.hiddenColumns.has(columnPosition));
  }
  setTabColor(color: string | null): EmuSheet {
    return this.rt.call('Sheet.setTabColor', () => {
      this.model.tabColor = color;
      return this;
    });
  }
  getTabColor(): string | null {
    return this.rt.call('Sheet.getTabColor', () => this.model.tabColor);
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): EmuSheet {
    return this.rt.call('Sheet.clear', () => {
      const m = this.model;
      const box = { row: 1, col: 1, numRows: m.maxRows, numCols: m.maxCols };
      if (blockingProtection(this.doc, m, box, this.rt.current().effectiveUser))
        throw exception(SheetErrors.protectedCell);
      const all = !options?.contentsOnly && !options?.formatOnly;
      const layers = [
        ...(all || options?.contentsOnly ? [m.values, m.formulas] : []),
        ...(all || options?.formatOnly
          ? [m.formats, m.backgrounds, m.fontWeights, m.alignments, m.wraps]
          : []),
      ];
      for (const layer of layers) layer.clearBox(1, 1, m.maxRows, m.maxCols);
      this.doc.touch();
      return this;
    });
  }

  // ---- protections, metadata, conditional formats, bandings ---------------------------------
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType | string) {
    return this.rt.call('Sheet.getProtections', () =>
      sheetExtras.protections(this.rt, this.doc, this.model, String(type)),
    );
  }
  protect() {
    return this.rt.call('Sheet.protect', () => sheetExtras.protect(this.rt, this.doc, this.model));
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): EmuSheet {
    return this.rt.call('Sheet.addDeveloperMetadata', () => {
      sheetExtras.addMetadata(this.doc, this.model, key, valueOrVisibility, visibility);
      return this;
    });
  }
  getDeveloperMetadata() {
    return this.rt.call('Sheet.getDeveloperMetadata', () =>
      sheetExtras.metadata(this.rt, this.doc, this.model),
    );
  }
  getConditionalFormatRules() {
    return this.rt.call('Sheet.getConditionalFormatRules', () =>
      sheetExtras.conditionalRules(this.rt, this.doc, this.model),
    );
  }
  setConditionalFormatRules(rules: unknown[]): void {
    this.rt.call('Sheet.setConditionalFormatRules', () =>
      sheetExtras.setConditionalRules(this.doc, this.model, rules),
    );
  }
  // ---- embedded charts (charts.ts) ------------------------------------------------------------
  /** A builder only: nothing reaches the document until insertChart. */
  newChart(): EmuEmbeddedChartBuilder {
    return this.rt.call('Sheet.newChart', () => sheetCharts.newChart(this.rt, this.doc), { local: true });
  }
  insertChart(chart: EmuEmbeddedChart): void {
    this.rt.call('Sheet.insertChart', () => sheetCharts.insert(this.doc, this.model, chart), { written: 0 });
  }
  getCharts(): EmuEmbeddedChart[] {
    return this.rt.call('Sheet.getCharts', () => sheetCharts.list(this.rt, this.doc, this.model));
  }
  updateChart(chart: EmuEmbeddedChart): void {
    this.rt.call('Sheet.updateChart', () => sheetCharts.update(this.doc, this.model, chart), { written: 0 });
  }
  removeChart(chart: EmuEmbeddedChart): void {
    this.rt.call('Sheet.removeChart', () => sheetCharts.remove(this.doc, this.model, chart), { written: 0 });
  }
  getBandings() {
    return this.rt.call('Sheet.getBandings', () => sheetExtras.bandings(this.rt, this.doc, this.model));
  }

  // ---- internals ----------------------------------------------------------------------------
  #insertRowsAt(before: number, count: number): EmuSheet {
    if (before < 1 || before > this.model.maxRows + 1) throw exception(SheetErrors.outsideGrid);
    structure.insertRows(this.doc, this.model, before, count);
    return this;
  }
  #deleteRowsAt(first: number, count: number): EmuSheet {
    if (first < 1 || first + count - 1 > this.model.maxRows) throw exception(SheetErrors.outsideGrid);
    const box = { row: first, col: 1, numRows: count, numCols: this.model.maxCols };
    if (blockingProtection(this.doc, this.model, box, this.rt.current().effectiveUser)) {
      throw exception(SheetErrors.protectedCell);
    }
    structure.deleteRows(this.doc, this.model, first, count);
    return this;
  }
  #insertColumnsAt(before: number, count: number): EmuSheet {
    if (before < 1 || before > this.model.maxCols + 1) throw exception(SheetErrors.outsideGrid);
    structure.insertColumns(this.doc, this.model, before, count);
    return this;
  }
  #deleteColumnsAt(first: number, count: number): EmuSheet {
    if (first < 1 || first + count - 1 > this.model.maxCols) throw exception(SheetErrors.outsideGrid);
    const box = { row: 1, col: first, numRows: this.model.maxRows, numCols: count };
    if (blockingProtection(this.doc, this.model, box, this.rt.current().effectiveUser)) {
      throw exception(SheetErrors.protectedCell);
    }
    structure.deleteColumns(this.doc, this.model, first, count);
    return this;
  }
}

const sheetHandles = new WeakMap<SheetModel, EmuSheet>();

/** The one handle of a sheet (so sheet handles compare equal). */
export function sheetFor(rt: Runtime, doc: DocModel, model: SheetModel): EmuSheet {
  let handle = sheetHandles.get(model);
  if (!handle) {
    handle = new EmuSheet(rt, doc, model);
    sheetHandles.set(model, handle);
  }
  return handle;
}

/** Internal: the model behind a sheet handle. */
export function sheetModelOf(sheet: EmuSheet): SheetModel {
  return (sheet as unknown as { model: SheetModel }).model;
}
