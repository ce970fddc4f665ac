/**
 * Embedded charts as Google documents them (developers.google.com/apps-script/reference/spreadsheet/
 * sheet#newChart(), embedded-chart-builder, embedded-chart, chart-options, container-info, and
 * reference/charts/chart-type): Sheet.newChart() gives a builder; setChartType, addRange,
 * removeRange, clearRanges, setOption and setPosition change only the builder; build() makes a chart
 * that is not on the sheet until Sheet.insertChart(chart); getCharts() lists the sheet's charts;
 * chart.modify() gives a builder of that chart, whose changes are saved by Sheet.updateChart(chart);
 * Sheet.removeChart(chart) deletes it. The service calls are insertChart, getCharts, updateChart and
 * removeChart; builders and chart handles are local (no round trip).
 *
 * Where Google documents nothing the emulator takes the conservative side and refuses: a chart with
 * no chart type or no range, a range of another spreadsheet, an anchor outside the sheet's grid,
 * updating or removing a chart that is not on the sheet.
 */
import type { Runtime } from '../runtime';
import { boxToA1, quoteSheetName, type GridBox } from './a1';
import { exception } from './errors';
import type { Mirror } from './mirror';
import type { DocModel, SheetModel } from './model';
import { boxOf, rangeIn, type EmuRange } from './range';

/** Charts.ChartType (reference/charts/chart-type). */
export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const ChartsEnum = {
  ChartType: Object.freeze(
    Object.fromEntries(CHART_TYPES.map((t) => [t, t])) as Record<ChartType, ChartType>,
  ),
};

export const ChartErrors = {
  noType: 'The chart type is not set: call setChartType first.',
  noRanges: 'A chart needs at least one data range: call addRange first.',
  otherSpreadsheet:
    'The range belongs to another spreadsheet: a chart can only show data of its own spreadsheet.',
  notOnSheet: 'The chart does not exist on this sheet.',
  anchor: 'The chart position is outside the dimensions of the sheet.',
  badType: (t: unknown) => `Invalid argument: type (${String(t)})`,
} as const;

interface ChartRange {
  sheet: SheetModel;
  box: GridBox;
}

export interface ChartModel {
  id: number;
  sheet: SheetModel;
  type: ChartType;
  ranges: ChartRange[];
  options: Map<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
}

const chartsOfSheet = new WeakMap<SheetModel, ChartModel[]>();
const docCounters = new WeakMap<DocModel, number>();

function charts(sheet: SheetModel): ChartModel[] {
  let list = chartsOfSheet.get(sheet);
  if (!list) chartsOfSheet.set(sheet, (list = []));
  return list;
}

/** For the test bed, scenario output and playground: what charts a sheet holds (not a service call). */
export function chartModels(sheet: SheetModel): readonly ChartModel[] {
  return charts(sheet).filter(() => true);
}

/** "'Sheet'!A1:B7" of a chart range. */
export function chartRangeA1(r: { sheet: SheetModel; box: GridBox }): string {
  return `${quoteSheetName(r.sheet.name)}!${boxToA1(r.box)}`;
}

interface Draft {
  chartId: number | null;
  type: ChartType | null;
  ranges: ChartRange[];
  options: Map<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
}

type BuilderMethods =
  | 'addRange'
  | 'removeRange'
  | 'clearRanges'
  | 'setChartType'
  | 'setOption'
  | 'setPosition'
  | 'getChartType'
  | 'getRanges'
  | 'getContainer'
  | 'build';

export class EmuEmbeddedChartBuilder implements Mirror<
  GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  BuilderMethods
> {
  readonly #rt: Runtime;
  readonly #doc: DocModel;
  readonly #draft: Draft;

  constructor(rt: Runtime, doc: DocModel, draft: Draft) {
    this.#rt = rt;
    this.#doc = doc;
    this.#draft = draft;
  }

  #local<T>(name: string, fn: () => T): T {
    return this.#rt.call(`EmbeddedChartBuilder.${name}`, fn, { local: true });
  }

  addRange(range: EmuRange): EmuEmbeddedChartBuilder {
    return this.#local('addRange', () => {
      const { doc, sheet, box } = boxOf(range);
      if (doc !== this.#doc) throw exception(ChartErrors.otherSpreadsheet);
      this.#draft.ranges.push({ sheet, box: { ...box } });
      return this;
    });
  }
  removeRange(range: EmuRange): EmuEmbeddedChartBuilder {
    return this.#local('removeRange', () => {
      const { sheet, box } = boxOf(range);
      const at = this.#draft.ranges.findIndex((r) => r.sheet === sheet && boxToA1(r.box) === boxToA1(box));
      if (at >= 0) this.#draft.ranges.splice(at, 1);
      return this;
    });
  }
  clearRanges(): EmuEmbeddedChartBuilder {
    return this.#local('clearRanges', () => {
      this.#draft.ranges.length = 0;
      return this;
    });
  }
  setChartType(type: unknown): EmuEmbeddedChartBuilder {
    return this.#local('setChartType', () => {
      const t = String(type);
      if (!(CHART_TYPES as readonly string[]).includes(t)) throw exception(ChartErrors.badType(type));
      this.#draft.type = t as ChartType;
      return this;
    });
  }
  setOption(option: string, value: unknown): EmuEmbeddedChartBuilder {
    return this.#local('setOption', () => {
      this.#draft.options.set(String(option), value);
      return this;
    });
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmuEmbeddedChartBuilder {
    return this.#local('setPosition', () => {
      this.#draft.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
      return this;
    });
  }
  getChartType(): ChartType | null {
    return this.#local('getChartType', () => this.#draft.type);
  }
  getRanges(): EmuRange[] {
    return this.#local('getRanges', () =>
      this.#draft.ranges.map((r) => rangeIn(this.#rt, this.#doc, r.sheet, r.box)),
    );
  }
  getContainer(): EmuContainerInfo {
    return this.#local('getContainer', () => new EmuContainerInfo(this.#rt, { ...this.#draft.position }));
  }
  build(): EmuEmbeddedChart {
    return this.#local('build', () => {
      if (!this.#draft.type) throw exception(ChartErrors.noType);
      if (!this.#draft.ranges.length) throw exception(ChartErrors.noRanges);
      return new EmuEmbeddedChart(this.#rt, this.#doc, copyDraft(this.#draft));
    });
  }
}

function copyDraft(d: Draft): Draft {
  return {
    chartId: d.chartId,
    type: d.type,
    ranges: d.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
    options: new Map(d.options),
    position: { ...d.position },
  };
}

const drafts = new WeakMap<EmuEmbeddedChart, Draft>();

type ChartMethods = 'getChartId' | 'getRanges' | 'getOptions' | 'getContainerInfo' | 'modify';

export class EmuEmbeddedChart implements Mirror<GoogleAppsScript.Spreadsheet.EmbeddedChart, ChartMethods> {
  readonly #rt: Runtime;
  readonly #doc: DocModel;

  constructor(rt: Runtime, doc: DocModel, draft: Draft) {
    this.#rt = rt;
    this.#doc = doc;
    drafts.set(this, draft);
  }

  #local<T>(name: string, fn: (d: Draft) => T): T {
    return this.#rt.call(`EmbeddedChart.${name}`, () => fn(drafts.get(this)!), { local: true });
  }

  /** The chart's id, or null when it is not inserted in a sheet (as documented). */
  getChartId(): number | null {
    return this.#local('getChartId', (d) => d.chartId);
  }
  getRanges(): EmuRange[] {
    return this.#local('getRanges', (d) => d.ranges.map((r) => rangeIn(this.#rt, this.#doc, r.sheet, r.box)));
  }
  getOptions(): EmuChartOptions {
    return this.#local('getOptions', (d) => new EmuChartOptions(this.#rt, new Map(d.options)));
  }
  getContainerInfo(): EmuContainerInfo {
    return this.#local('getContainerInfo', (d) => new EmuContainerInfo(this.#rt, { ...d.position }));
  }
  modify(): EmuEmbeddedChartBuilder {
    return this.#local('modify', (d) => new EmuEmbeddedChartBuilder(this.#rt, this.#doc, copyDraft(d)));
  }
}

export class EmuChartOptions implements Mirror<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  readonly #rt: Runtime;
  readonly #options: Map<string, unknown>;
  constructor(rt: Runtime, options: Map<string, unknown>) {
    this.#rt = rt;
    this.#options = options;
  }
  get(option: string): unknown {
    return this.#rt.call('ChartOptions.get', () => this.#options.get(option) ?? null, { local: true });
  }
}

type ContainerMethods = 'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY';

export class EmuContainerInfo implements Mirror<
  GoogleAppsScript.Spreadsheet.ContainerInfo,
  ContainerMethods
> {
  readonly #rt: Runtime;
  readonly #p: { row: number; col: number; offsetX: number; offsetY: number };
  constructor(rt: Runtime, p: { row: number; col: number; offsetX: number; offsetY: number }) {
    this.#rt = rt;
    this.#p = p;
  }
  getAnchorColumn(): number {
    return this.#rt.call('ContainerInfo.getAnchorColumn', () => this.#p.col, { local: true });
  }
  getAnchorRow(): number {
    return this.#rt.call('ContainerInfo.getAnchorRow', () => this.#p.row, { local: true });
  }
  getOffsetX(): number {
    return this.#rt.call('ContainerInfo.getOffsetX', () => this.#p.offsetX, { local: true });
  }
  getOffsetY(): number {
    return this.#rt.call('ContainerInfo.getOffsetY', () => this.#p.offsetY, { local: true });
  }
}

/** What the Sheet methods do (called inside their rt.call). */
export const sheetCharts = {
  newChart(rt: Runtime, doc: DocModel): EmuEmbeddedChartBuilder {
    return new EmuEmbeddedChartBuilder(rt, doc, {
      chartId: null,
      type: null,
      ranges: [],
      options: new Map(),
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    });
  },
  insert(doc: DocModel, sheet: SheetModel, chart: EmuEmbeddedChart): void {
    const d = drafts.get(chart);
    if (!d) throw exception(ChartErrors.notOnSheet);
    checkAnchor(sheet, d);
    const id = (docCounters.get(doc) ?? 0) + 1;
    docCounters.set(doc, id);
    d.chartId = id;
    charts(sheet).push({
      id,
      sheet,
      type: d.type!,
      ranges: d.ranges,
      options: d.options,
      position: d.position,
    });
    doc.touch();
  },
  list(rt: Runtime, doc: DocModel, sheet: SheetModel): EmuEmbeddedChart[] {
    return charts(sheet).map(
      (m) =>
        new EmuEmbeddedChart(rt, doc, {
          chartId: m.id,
          type: m.type,
          ranges: m.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
          options: new Map(m.options),
          position: { ...m.position },
        }),
    );
  },
  update(doc: DocModel, sheet: SheetModel, chart: EmuEmbeddedChart): void {
    const d = drafts.get(chart);
    const list = charts(sheet);
    const at = d && d.chartId !== null ? list.findIndex((m) => m.id === d.chartId) : -1;
    if (!d || at < 0) throw exception(ChartErrors.notOnSheet);
    checkAnchor(sheet, d);
    list[at] = {
      ...list[at],
      type: d.type!,
      ranges: d.ranges,
      options: new Map(d.options),
      position: { ...d.position },
    };
    doc.touch();
  },
  remove(doc: DocModel, sheet: SheetModel, chart: EmuEmbeddedChart): void {
    const d = drafts.get(chart);
    const list = charts(sheet);
    const at = d && d.chartId !== null ? list.findIndex((m) => m.id === d.chartId) : -1;
    if (!d || at < 0) throw exception(ChartErrors.notOnSheet);
    list.splice(at, 1);
    doc.touch();
  },
};

function checkAnchor(sheet: SheetModel, d: Draft): void {
  const { row, col } = d.position;
  if (row < 1 || col < 1 || row > sheet.maxRows || col > sheet.maxCols) throw exception(ChartErrors.anchor);
}
