/**
 * The Dashboard's native charts as plain data: type, title, the metrics sheet's range each reads
 * (fixed places, see METRICS_BLOCKS: a refresh rewrites the values, the charts stay as they are) and
 * where each stands on the Dashboard (right of the tables). Only the stacked chart's width follows
 * the tiers; a change of it changes the charts' signature and so the charts.
 */
import type { Dashboard } from '../../shared/dashboard';
import type { ChartSpec } from '../../sheets/dashboard-charts';
import { METRICS_BLOCKS, tierSeries } from './grid';

const CHART_COLUMN = 11;
const CHART_ROWS = 20;

export function dashboardCharts(view: Dashboard, _sections: Record<string, number>): ChartSpec[] {
  const series = tierSeries(view).length;
  const specs: Array<Omit<ChartSpec, 'anchor'>> = [
    {
      key: 'leadsByStatus',
      type: 'COLUMN',
      title: 'Leads by status',
      range: { col: METRICS_BLOCKS.status.col, rows: METRICS_BLOCKS.status.rows, cols: 2 },
      options: { legend: 'none' },
    },
    {
      key: 'wonByMonth',
      type: 'COLUMN',
      title: 'Won value by month, by tier',
      range: { col: METRICS_BLOCKS.months.col, rows: METRICS_BLOCKS.months.rows, cols: 1 + series },
      options: { isStacked: true, legend: 'right' },
    },
    {
      key: 'topPartners',
      type: 'BAR',
      title: 'Top 10 partners by won value',
      range: { col: METRICS_BLOCKS.top.col, rows: METRICS_BLOCKS.top.rows, cols: 2 },
      options: { legend: 'none' },
    },
    {
      key: 'contribution',
      type: 'PIE',
      title: 'Contribution to won value',
      range: { col: METRICS_BLOCKS.share.col, rows: METRICS_BLOCKS.share.rows, cols: 2 },
      options: { legend: 'right', pieHole: 0.4 },
    },
    {
      key: 'daysToClose',
      type: 'COLUMN',
      title: 'Days to close (deals won)',
      range: { col: METRICS_BLOCKS.days.col, rows: METRICS_BLOCKS.days.rows, cols: 2 },
      options: { legend: 'none' },
    },
  ];
  return specs.map((s, i) => ({ ...s, anchor: { row: 1 + i * CHART_ROWS, col: CHART_COLUMN } }));
}
