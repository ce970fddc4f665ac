/**
 * Help > Run self-test (the owner's): checks on this document every service and permission the
 * add-on relies on, each on its own, and reports each passed or failed with Google's own error
 * message. What a check creates it removes (a document property, a file); the lock is released.
 * Useful on a real spreadsheet where the emulator cannot go: a test deployment, a new domain, a
 * person who granted only some permissions.
 */
import { thrownMessage } from '../shared/scopes';
import { effectiveUserEmail } from '../sheets/actor';
import { scopePurpose } from '../sheets/authorization';
import { alert } from '../sheets/ui';
import { TrackerDocument } from '../sheets/document';
import {
  grantedScopes,
  probeDocumentLock,
  probeDocumentProperties,
  probeFileCreation,
  probeMailQuota,
  probeProjectTriggers,
  probeSession,
  probeSpreadsheet,
  probeTrackerTriggers,
  type ProbeDetail,
} from '../sheets/self-test-probes';
import { ownerEmail, sameEmail } from '../sheets/team';
import { fail } from './user-error';

export interface SelfTestItem {
  name: string;
  ok: boolean;
  /** Why it failed: Google's error message as it was thrown, or what was wrong. */
  error?: string;
  /** What a passed check found. */
  detail?: string;
}

export interface SelfTestReport {
  items: SelfTestItem[];
}

export const selfTestMessages = {
  notOwner: (owner: string) =>
    `Run self-test is for the tracker's owner (${owner}): it checks the permissions and triggers that run as them.`,
} as const;

/** How long the lock check waits for the document lock. */
const LOCK_WAIT_MS = 10_000;

function check(name: string, probe: () => ProbeDetail): SelfTestItem {
  try {
    const detail = probe();
    return detail ? { name, ok: true, detail } : { name, ok: true };
  } catch (err) {
    return { name, ok: false, error: thrownMessage(err) };
  }
}

/** Refuses anyone but the owner, when the owner can be told (a failing read is the checks' to report). */
function assertOwner(): void {
  let owner = '';
  let me = '';
  try {
    owner = ownerEmail(new TrackerDocument());
    me = effectiveUserEmail();
  } catch {
    return;
  }
  if (owner && me && !sameEmail(owner, me)) fail(selfTestMessages.notOwner(owner));
}

export function runSelfTest(): SelfTestReport {
  assertOwner();
  const items: SelfTestItem[] = [];
  try {
    for (const { scope, granted } of grantedScopes())
      items.push(
        granted
          ? { name: `Permission: ${scopePurpose(scope)}`, ok: true, detail: scope }
          : { name: `Permission: ${scopePurpose(scope)}`, ok: false, error: `Not granted: ${scope}` },
      );
  } catch (err) {
    items.push({ name: 'Permissions', ok: false, error: thrownMessage(err) });
  }
  items.push(
    check('Spreadsheet: open this document', probeSpreadsheet),
    check('Session: your email address', probeSession),
    check('Document properties: write, read and delete a test key', () =>
      probeDocumentProperties(new Date().toISOString()),
    ),
    check('Document lock: take and release it', () => probeDocumentLock(LOCK_WAIT_MS)),
    check('Triggers: list your triggers of this add-on', probeProjectTriggers),
    check("Triggers: the tracker's hourly, edit and change triggers here", probeTrackerTriggers),
    check('Mail: the daily quota left', probeMailQuota),
    check('Files: the audit archive can be created (Sheets API, drive.file)', probeFileCreation),
  );
  return { items };
}

/** One line per check, for the alert. */
export function selfTestText(report: SelfTestReport): string {
  const failed = report.items.filter((i) => !i.ok).length;
  const head = failed
    ? `${failed} of ${report.items.length} checks failed.`
    : `All ${report.items.length} checks passed.`;
  const lines = report.items.map((i) =>
    i.ok
      ? `passed: ${i.name}${i.detail ? ` (${i.detail})` : ''}`
      : `FAILED: ${i.name}: ${i.error ?? 'failed'}`,
  );
  return `${head}\n\n${lines.join('\n')}`;
}

/** The menu item: runs the checks and shows the result. */
export function runSelfTestWithAlert(): SelfTestReport {
  const report = runSelfTest();
  alert('Partnership Tracker self-test', selfTestText(report));
  return report;
}
