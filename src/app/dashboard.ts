/** Menu "Dashboard": brings the Dashboard sheet (set-up creates it) to the front. */
import { requireMenuAuthorization } from '../sheets/authorization';
import { TrackerDocument } from '../sheets/document';
import { fail } from './user-error';

export const dashboardMessages = {
  missing: () => 'The Dashboard sheet is missing: run Extensions > Partnership Tracker > Set up tracker.',
} as const;

export function showDashboard(doc: TrackerDocument = new TrackerDocument()): void {
  requireMenuAuthorization('menu');
  const sheet = doc.sheet('dashboard');
  if (!sheet) fail(dashboardMessages.missing());
  sheet.activate();
}
