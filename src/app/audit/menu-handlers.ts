/** The menu items of set-up and the audit log: run the use case, tell the person what happened. */
import type { AuditVerification } from '../../shared/api';
import { requireMenuAuthorization } from '../../sheets/authorization';
import { alert, showSidebarHtml, showSidebarPage, toast } from '../../sheets/dialogs';
import { showSetupProgress } from '../../sheets/setup/progress-dialog';
import { setupTracker, type SetupReport } from '../setup/setup-tracker';
import { verificationMessage, verifyAuditLog } from './verify';

/**
 * Set up tracker from the menu: a toast when done; while existing rows are still being adopted, the
 * progress dialog (it calls continueSetup until every row is adopted; closed, the hourly trigger
 * finishes the adoption); an alert when set-up could not run.
 */
export function setupWithMessage(): SetupReport {
  // The owner's set-up installs the triggers, which run as them: it needs what they need too.
  requireMenuAuthorization('setup');
  const report = setupTracker();
  if (!report.ok) alert('Set up tracker', report.message);
  else if (report.pending) showSetupProgress();
  else toast(report.message, 'Set up tracker');
  return report;
}

export function verifyWithAlert(): AuditVerification {
  requireMenuAuthorization('menu');
  const result = verifyAuditLog();
  alert('Verify audit log', verificationMessage(result));
  return result;
}

export function showRowHistoryPage(): void {
  requireMenuAuthorization('menu');
  showSidebarPage('RowHistory', 'History of this row');
}

const HELP = `<div style="font:13px Arial,sans-serif;padding:8px">
<p><b>Partnership Tracker</b> keeps partners, lead registrations, commissions and payouts in this workbook.</p>
<ol><li>Run <b>Set up tracker</b> once (again any time: it only repairs what is missing).</li>
<li>Add partners, register leads and review them from the menu, or type in the sheets.</li>
<li>Every change is recorded in <b>Audit Log</b>; <b>Verify audit log</b> checks nobody altered it.</li>
<li><b>History of this row</b> shows the selected record's changes.</li>
<li><b>Help &gt; Run self-test</b> (the owner) checks each permission, the triggers and the services on this document.</li></ol>
<p>Grey columns are filled by the tracker; Settings holds the lists behind the dropdowns.</p></div>`;

export function showHelpPage(): void {
  showSidebarHtml(HELP, 'Help');
}
