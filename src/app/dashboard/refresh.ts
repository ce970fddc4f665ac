/**
 * refreshDashboard: the Dashboard sheet filled from the figures (what getDashboard returns for the
 * period and currency chosen in its row 2), and the hidden metrics sheet the charts read, in ONE
 * journaled step; then the charts, made once and changed only when what they show changes shape.
 * Run from the menu, after set-up and the demo data, once a day by the hourly run, and when a person
 * changes the period or currency cell. Reads Partners, Leads and Commissions once (their shadow),
 * Leads and Commissions through the dashboard's memo: only the chunks of rows changed since the last
 * refresh are seal-checked and decoded (memo.ts).
 */
import { DEFAULT_PERIOD, PERIODS, type RefreshResult } from '../../shared/dashboard';
import { dashboardView } from '../../domain/metrics/view';
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import {
  dashboardState,
  ensureDashboardStructure,
  readDashboardChoice,
  stageDashboard,
} from '../../sheets/dashboard-sheet';
import { syncDashboardCharts } from '../../sheets/dashboard-charts';
import { isKnownCurrency } from '../../domain/money';
import { AppContext } from '../context';
import type { AuditSource } from '../../domain/audit/entry';
import { dashboardGrid, metricsGrid, METRICS_WIDTH } from './grid';
import { checkedCurrency, metricsOf, periodOf } from './figures';
import { readDashboardInputs } from './inputs';
import { dashboardCharts } from './charts';

export type { RefreshResult };

/**
 * `storedChoice`: the period and currency the last refresh showed, not read from row 2 (the daily
 * run: a person's change of row 2 refreshes at once through the edit trigger, which stores it).
 */
export function refreshDashboardIn(ctx: AppContext, options: { storedChoice?: boolean } = {}): RefreshResult {
  const doc = ctx.doc;
  const inputs = readDashboardInputs(ctx, { memo: true });
  const state =
    dashboardState(doc) ??
    ensureDashboardStructure(doc, { periods: PERIODS, currencies: inputs.currencies, width: METRICS_WIDTH });
  const chosen = (options.storedChoice && state.choice) || readDashboardChoice(doc);
  const problems: string[] = [];
  let range = periodOf(chosen.period, inputs.today);
  if (!range.ok) {
    problems.push(range.problem);
    range = periodOf(DEFAULT_PERIOD, inputs.today);
  }
  let currency = chosen.currency || inputs.reportingCurrency;
  if (!isKnownCurrency(currency)) {
    problems.push(`Reporting currency '${currency}' is not a currency the tracker knows`);
    currency = checkedCurrency(inputs.reportingCurrency);
  }
  if (!range.ok) throw new Error(range.problem);
  const view = dashboardView(metricsOf(inputs, range.range, currency));
  const grid = dashboardGrid(
    view,
    ctx.now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    problems.join('. '),
  );
  const next = stageDashboard(doc, state, {
    choice: { period: view.period, currency },
    values: grid.values,
    formats: grid.formats,
    notes: grid.notes,
    metrics: metricsGrid(view),
  });
  doc.commit();
  // The memo's cells after the commit that stored their digests (a cache: see dashboard-memo.ts).
  inputs.writeMemo?.();
  syncDashboardCharts(doc, next, dashboardCharts(view, grid.sections));
  return { period: view.period, currency, rows: grid.values.length, problem: problems.join('. ') };
}

/** The menu item and google.script.run endpoint: a refresh by the person at the keyboard. */
export function refreshDashboard(source: AuditSource = 'sidebar'): RefreshResult {
  const doc = new TrackerDocument(undefined, { writes: true });
  return refreshDashboardIn(new AppContext(doc, sessionActor(), source));
}
