/** The menu items of set-up and the audit log: run the use case, tell the person what happened. */
import type { AuditVerification } from '../../shared/api';
import { requireMenuAuthorization } from '../../sheets/authorization';
import { activateSheet } from '../../sheets/activate';
import { alert } from '../../sheets/ui';
import { LANDING_SHEET, setupSummary } from '../setup/landing';
import { showSetupProgress } from '../../sheets/setup/progress-dialog';
import { setupTracker, type SetupReport } from '../setup/setup-tracker';
import { verificationMessage, verifyAuditLog } from './verify';

/**
 * Set up tracker from the menu: when done, the landing sheet (setup/landing.ts) and a summary; while existing rows are still being adopted, the
 * progress dialog (it calls continueSetup until every row is adopted; closed, the hourly trigger
 * finishes the adoption); an alert when set-up could not run.
 */
export function setupWithMessage(): SetupReport {
  // The owner's set-up installs the triggers, which run as them: it needs what they need too.
  requireMenuAuthorization('setup');
  const report = setupTracker();
  if (!report.ok) alert('Set up tracker', report.message);
  else if (report.pending) showSetupProgress();
  else {
    activateSheet(LANDING_SHEET);
    alert('Set up tracker', setupSummary(report));
  }
  return report;
}

export function verifyWithAlert(): AuditVerification {
  requireMenuAuthorization('menu');
  const result = verifyAuditLog();
  alert('Verify audit log', verificationMessage(result));
  return result;
}
