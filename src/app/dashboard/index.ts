/** The Dashboard: the menu items, the refresh and the figures' endpoints. */
import { requireMenuAuthorization } from '../../sheets/authorization';
import { TrackerDocument } from '../../sheets/document';
import { dashboardSheetMessages } from '../../sheets/dashboard-sheet';
import { fail } from '../user-error';
import { looksLikeId } from '../../shared/ids';
import { refreshDashboard, type RefreshResult } from './refresh';

export { getDashboard, getPartnerScorecard } from './get';

/** What the scorecard page opens with: the partner's id when it is one (anything else is dropped). */
export function scorecardPageData(partnerId: unknown): Record<string, string> | undefined {
  return typeof partnerId === 'string' && looksLikeId('partner', partnerId.trim())
    ? { partnerId: partnerId.trim() }
    : undefined;
}
export { refreshDashboard, type RefreshResult };

export const dashboardMessages = dashboardSheetMessages;

/** Menu "Dashboard": brings the Dashboard sheet (set-up creates it) to the front. */
export function showDashboard(doc: TrackerDocument = new TrackerDocument()): void {
  requireMenuAuthorization('menu');
  const sheet = doc.sheet('dashboard');
  if (!sheet) fail(dashboardMessages.missing());
  sheet.activate();
}

/** Menu "Refresh dashboard": the figures written, then the Dashboard brought to the front. */
export function menuRefreshDashboard(): RefreshResult {
  requireMenuAuthorization('menu');
  const result = refreshDashboard();
  showDashboard();
  return result;
}
