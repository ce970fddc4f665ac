/**
 * The Dashboard sheet and the hidden metrics sheet as grids of values, number formats and notes,
 * built from the dashboard's figures (getDashboard's JSON): what the sheet shows is that JSON. A
 * ratio with nothing to divide by is written as '—', never a formula, so never #DIV/0!.
 */
import type { Dashboard, SegmentFigures } from '../../shared/dashboard';
import { currencyExponent } from '../../domain/money';
import { HEADLINE_FIGURES, TABLE_DEFINITIONS, type FigureKind } from './definitions';

export const DASHBOARD_WIDTH = 9;
/** The period and reporting-currency cells a person changes (row 2: B and D). */
export const PERIOD_CELL = { row: 2, col: 2 } as const;
export const CURRENCY_CELL = { row: 2, col: 4 } as const;
export const NO_VALUE = '—';

export interface Grid {
  values: unknown[][];
  formats: string[][];
  notes: string[][];
  /** Row of each section's title (the charts are placed beside them). */
  sections: Record<string, number>;
}

type Cell = { v: unknown; f?: string; n?: string };

function moneyFormat(currency: string): string {
  // An unknown code: two decimals.
  const exponent = currencyExponent(currency) ?? 2;
  return exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
}

const FORMAT: Record<FigureKind | 'text', (currency: string) => string> = {
  count: () => '#,##0',
  money: moneyFormat,
  percent: () => '0.0%',
  days: () => '0.0',
  text: () => '@',
};

export function dashboardGrid(view: Dashboard, updated: string, problem = ''): Grid {
  const rows: Cell[][] = [];
  const sections: Record<string, number> = {};
  const fmt = (kind: FigureKind | 'text') => FORMAT[kind](view.currency);
  // The format is the figure's kind's whatever the value ('—' is text in any format): the formats
  // change with the layout alone, so a refresh whose figures change writes values only.
  const cell = (v: unknown, kind: FigureKind | 'text' = 'text', n?: string): Cell => ({
    v: v === null ? NO_VALUE : v,
    f: fmt(kind),
    n,
  });
  const push = (...cells: Cell[]) => rows.push(cells);
  const title = (key: string, text: string, note: string) => {
    push({ v: '' });
    sections[key] = rows.length + 1;
    push(cell(text, 'text', note));
  };

  push(cell('Partner program dashboard'));
  push(
    cell('Period'),
    cell(view.period, 'text', TABLE_DEFINITIONS.period),
    cell('Reporting currency'),
    cell(view.currency, 'text', TABLE_DEFINITIONS.currency),
    cell('Updated'),
    cell(updated),
    cell(view.from === null ? 'All time' : `${view.from} to ${view.to}`),
  );
  const notices = [
    problem,
    view.notice,
    view.headline.notConverted ? `Not converted: ${view.headline.notConverted} deals or lines` : '',
  ]
    .filter((t) => t !== '')
    .join('. ');
  push(cell(notices));

  title('headline', 'Headline', 'The program in the period. Each figure’s note says how it is computed.');
  for (const def of HEADLINE_FIGURES)
    push(cell(def.label, 'text', def.definition), cell(view.headline[def.key], def.kind));

  title('byPartner', 'By partner', TABLE_DEFINITIONS.byPartner);
  push(
    ...[
      'Partner ID',
      'Partner',
      'Tier',
      'Leads',
      'Deals won',
      'Win rate',
      'Won value',
      'Share',
      'Commission earned',
    ].map((h) => cell(h)),
  );
  for (const p of view.byPartner)
    push(
      cell(p.partnerId),
      cell(p.partnerName),
      cell(p.tier),
      cell(p.leads, 'count'),
      cell(p.won, 'count'),
      cell(p.winRate, 'percent'),
      cell(p.wonValue, 'money'),
      cell(p.share, 'percent'),
      cell(p.commission, 'money'),
    );

  const segment = (key: string, label: string, rowsOf: SegmentFigures[]) => {
    title(key, `By ${label.toLowerCase()}`, TABLE_DEFINITIONS.segment);
    push(
      ...[label, 'Partners', 'Leads', 'Deals won', 'Deals lost', 'Win rate', 'Won value', 'Share'].map((h) =>
        cell(h),
      ),
    );
    for (const r of rowsOf)
      push(
        cell(r.key),
        cell(r.partners, 'count'),
        cell(r.leads, 'count'),
        cell(r.won, 'count'),
        cell(r.lost, 'count'),
        cell(r.winRate, 'percent'),
        cell(r.wonValue, 'money'),
        cell(r.share, 'percent'),
      );
  };
  segment('byTier', 'Tier', view.byTier);
  segment('byRegion', 'Region', view.byRegion);
  segment('byType', 'Type', view.byType);
  segment('byProduct', 'Product', view.byProduct);

  title('leadsByStatus', 'Leads by status', TABLE_DEFINITIONS.leadsByStatus);
  push(cell('Status'), cell('Leads'));
  for (const s of view.leadsByStatus) push(cell(s.status), cell(s.count, 'count'));

  title('wonByMonth', 'Won value by month', TABLE_DEFINITIONS.wonByMonth);
  push(cell('Month'), cell('Won value'));
  for (const m of view.wonByMonth) push(cell(m.month), cell(m.wonValue, 'money'));

  title('daysToClose', 'Days to close', TABLE_DEFINITIONS.daysToClose);
  push(cell('Days to close'), cell('Won deals'));
  for (const b of view.daysToClose) push(cell(b.bucket), cell(b.count, 'count'));

  const pad = <T>(row: T[], filler: T) => [
    ...row,
    ...new Array<T>(DASHBOARD_WIDTH - row.length).fill(filler),
  ];
  return {
    values: rows.map((r) =>
      pad(
        r.map((c) => c.v),
        '',
      ),
    ),
    formats: rows.map((r) =>
      pad(
        r.map((c) => c.f ?? '@'),
        '@',
      ),
    ),
    notes: rows.map((r) =>
      pad(
        r.map((c) => c.n ?? ''),
        '',
      ),
    ),
    sections,
  };
}

/** At most this many tier series (further tiers are added to the last one). */
export const MAX_TIER_SERIES = 8;
export const METRICS_ROWS = 13;
export const METRICS_WIDTH = 22;

/**
 * The compact metrics the charts read, at fixed places (one setValues): A-B leads by status, D-M
 * won value by month and tier, O-P top 10 partners by won value, R-S contribution share (top 9 and
 * the others), U-V deals won by days to close.
 */
export const METRICS_BLOCKS = {
  status: { col: 1, width: 2, rows: 7 },
  months: { col: 4, rows: 13 },
  top: { col: 15, width: 2, rows: 11 },
  share: { col: 18, width: 2, rows: 11 },
  days: { col: 21, width: 2, rows: 6 },
} as const;

export function tierSeries(view: Dashboard): string[] {
  // Every tier in the order (Settings' tiers, others partners hold, '(none)'), used or not: a
  // promotion changes the figures, not the series (the chart stays as it is).
  const tiers = view.tiers;
  return tiers.length > MAX_TIER_SERIES ? [...tiers.slice(0, MAX_TIER_SERIES - 1), 'Other tiers'] : tiers;
}

export function metricsGrid(view: Dashboard): unknown[][] {
  const grid: unknown[][] = Array.from({ length: METRICS_ROWS }, () =>
    new Array<unknown>(METRICS_WIDTH).fill(''),
  );
  const put = (col: number, rows: unknown[][]) =>
    rows.forEach((r, i) => r.forEach((v, j) => (grid[i][col - 1 + j] = v)));
  put(METRICS_BLOCKS.status.col, [
    ['Status', 'Leads'],
    ...view.leadsByStatus.slice(0, 6).map((s) => [s.status, s.count]),
  ]);

  const series = tierSeries(view);
  const index = (tier: string) => {
    const at = series.indexOf(tier);
    return at >= 0 ? at : series.length - 1;
  };
  put(METRICS_BLOCKS.months.col, [
    ['Month', ...series],
    ...view.wonByMonth.map((m) => {
      const sums = series.map(() => 0);
      view.tiers.forEach((t, i) => (sums[index(t)] += m.byTier[i]));
      return [m.month, ...sums.map((s) => Math.round(s * 100) / 100)];
    }),
  ]);
  const top = view.byPartner.filter((p) => p.wonValue > 0).slice(0, 10);
  put(METRICS_BLOCKS.top.col, [
    ['Partner', 'Won value'],
    ...top.map((p) => [p.partnerName || p.partnerId, p.wonValue]),
  ]);
  const first = top.slice(0, 9);
  const others = view.headline.wonValue - first.reduce((a, p) => a + p.wonValue, 0);
  put(METRICS_BLOCKS.share.col, [
    ['Partner', 'Share of won value'],
    ...first.map((p) => [p.partnerName || p.partnerId, p.wonValue]),
    ...(others > 0.005 ? [['Others', Math.round(others * 100) / 100]] : []),
  ]);
  put(METRICS_BLOCKS.days.col, [
    ['Days to close', 'Won deals'],
    ...view.daysToClose.map((b) => [b.bucket, b.count]),
  ]);
  return grid;
}
