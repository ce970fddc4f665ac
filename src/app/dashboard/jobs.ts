/**
 * When the Dashboard is refreshed besides the menu and a person's change of its period: once a day
 * by the hourly run (after the ledger and tiering jobs, so it shows what they changed), and at the
 * end of set-up (which also makes the metrics sheet and the period and currency dropdowns).
 */
import { PERIODS } from '../../shared/dashboard';
import type { TrackerDocument } from '../../sheets/document';
import { ensureDashboardStructure } from '../../sheets/dashboard-sheet';
import type { Actor } from '../../sheets/writer';
import { AppContext } from '../context';
import type { DailyJob } from '../triggers/daily-job';
import { METRICS_WIDTH } from './grid';
import { refreshDashboardIn, type RefreshResult } from './refresh';

export const DASHBOARD_DAILY_JOB: DailyJob = {
  name: 'dashboard',
  ownRun: true,
  run: (ctx) =>
    ctx.doc.layout().sheets.dashboard
      ? refreshDashboardIn(ctx, { storedChoice: true })
      : { skipped: 'no Dashboard sheet' },
};

/**
 * Set-up's last step: the Dashboard's structure made or repaired, then its figures. A failure here
 * does not undo set-up: it is reported, and the menu's Refresh dashboard or the daily run tries again.
 */
export function dashboardAfterSetup(doc: TrackerDocument, actor: Actor): RefreshResult | { error: string } {
  try {
    const ctx = new AppContext(doc, actor, 'setup');
    ensureDashboardStructure(doc, {
      periods: PERIODS,
      currencies: ctx.settings().lists.currencies,
      width: METRICS_WIDTH,
    });
    return refreshDashboardIn(ctx);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
