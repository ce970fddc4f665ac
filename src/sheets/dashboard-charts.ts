/**
 * The Dashboard's native charts (EmbeddedChartBuilder): made once, each reading its block of the
 * hidden metrics sheet, and each changed only when its signature (type, range, place, options)
 * changes: a refresh that rewrites the metrics makes no chart call, one that widens the stacked
 * chart (a tier more) updates that chart alone. Charts are not part of the
 * journal: a refresh that dies before they are made leaves the old ones (or none), and the next
 * refresh makes them (the signature is stored only after they are).
 */
import type { TrackerDocument } from './document';
import { saveDashboardState, type DashboardState } from './dashboard-sheet';

export type ChartKind = 'COLUMN' | 'BAR' | 'PIE';

/** A chart as plain data (app/dashboard/charts.ts makes them). */
export interface ChartSpec {
  key: string;
  type: ChartKind;
  title: string;
  /** The metrics sheet's block: first row 1, first column, rows, columns. */
  range: { col: number; rows: number; cols: number };
  /** Anchor on the Dashboard. */
  anchor: { row: number; col: number };
  options: Record<string, string | number | boolean>;
}

export function syncDashboardCharts(
  doc: TrackerDocument,
  state: DashboardState,
  specs: readonly ChartSpec[],
): void {
  // Each chart's signature by key; an older state's one signature of them all changes every chart once.
  const wanted: Record<string, string> = Object.fromEntries(specs.map((s) => [s.key, JSON.stringify(s)]));
  const made = madeCharts(state.charts);
  const changed = specs.filter((s) => made[s.key] !== wanted[s.key]);
  if (!changed.length) return;
  const dashboard = doc.sheet('dashboard');
  if (!dashboard) return;
  // The metrics sheet's ranges by its id and name (a range handle: no call to find the sheet).
  const metrics = (range: ChartSpec['range']) =>
    doc.range(state.m.s, state.m.n, 1, range.col, range.rows, range.cols);
  const titles = new Set(specs.map((s) => s.title));
  const existing = dashboard.getCharts();
  const byTitle = new Map<string, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  for (const chart of existing) {
    const title = String(chart.getOptions().get('title') ?? '');
    if (titles.has(title) && !byTitle.has(title)) byTitle.set(title, chart);
    // A second chart of one of the tracker's titles (a copy): one of each is kept.
    else if (titles.has(title)) dashboard.removeChart(chart);
  }
  for (const spec of changed) {
    const old = byTitle.get(spec.title);
    let builder = old ? old.modify().clearRanges() : dashboard.newChart();
    builder = builder
      .setChartType(Charts.ChartType[spec.type])
      .addRange(metrics(spec.range))
      .setPosition(spec.anchor.row, spec.anchor.col, 0, 0)
      .setOption('title', spec.title);
    for (const [option, value] of Object.entries(spec.options)) builder = builder.setOption(option, value);
    if (old) dashboard.updateChart(builder.build());
    else dashboard.insertChart(builder.build());
  }
  saveDashboardState(doc, { ...state, charts: JSON.stringify(wanted) });
  doc.save();
}

/** The signatures of the charts as last made, by key (none when the state holds another form). */
function madeCharts(text: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, string>)
      : {};
  } catch {
    return {};
  }
}
