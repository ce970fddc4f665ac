/** The Dashboard: the menu items, the refresh and the figures' endpoints. */
import { requireMenuAuthorization } from '../../sheets/authorization';
import { TrackerDocument } from '../../sheets/document';
import { dashboardSheetMessages } from '../../sheets/dashboard-sheet';
import { fail } from '../user-error';
import { refreshDashboard, type RefreshResult } from './refresh';

export { getDashboard, getPartnerScorecard } from './get';
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
