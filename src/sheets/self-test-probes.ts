/**
 * The checks of Help > Run self-test: each touches one service the add-on relies on, on the real
 * document, the way the add-on uses it, and undoes what it did. A check throws what Google threw
 * (the self-test reports that message as it is) or its own message when a result is wrong.
 */
import { MANIFEST_SCOPES } from './authorization';
import { remainingMailQuota } from './mail';
import { findTrackerTriggers, TRIGGER_HANDLERS, type TriggerKind } from './triggers';

/** A check's result when it passed: what it found, for the person (optional). */
export type ProbeDetail = string | void;

/** The manifest's scopes, each with whether the person granted it (one call). */
export function grantedScopes(): Array<{ scope: string; granted: boolean }> {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...MANIFEST_SCOPES]);
  const granted = new Set(info.getAuthorizedScopes() ?? []);
  return MANIFEST_SCOPES.map((scope) => ({ scope, granted: granted.has(scope) }));
}

export function probeSpreadsheet(): ProbeDetail {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return `${ss.getSheets().length} sheet(s)`;
}

export function probeSession(): ProbeDetail {
  const email = Session.getEffectiveUser().getEmail();
  if (!email) throw new Error('Apps Script gave no email address for you.');
  return email;
}

/** The key the properties check writes and deletes. */
export const SELF_TEST_PROPERTY = 'tracker.selfTest';

export function probeDocumentProperties(nowIso: string): ProbeDetail {
  const store = PropertiesService.getDocumentProperties();
  if (!store) throw new Error('No document properties: the add-on is not running in a document.');
  const value = `self-test ${nowIso}`;
  try {
    store.setProperty(SELF_TEST_PROPERTY, value);
    const read = store.getProperty(SELF_TEST_PROPERTY);
    if (read !== value) throw new Error(`Wrote "${value}" but read back "${read ?? '(nothing)'}".`);
  } finally {
    store.deleteProperty(SELF_TEST_PROPERTY);
  }
  if (store.getProperty(SELF_TEST_PROPERTY) !== null) throw new Error('The test key could not be deleted.');
}

export function probeDocumentLock(timeoutMs: number): ProbeDetail {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('No document lock: the add-on is not running in a document.');
  if (!lock.tryLock(timeoutMs))
    throw new Error(`Another execution held the document lock for more than ${timeoutMs / 1000} s.`);
  lock.releaseLock();
}

export function probeProjectTriggers(): ProbeDetail {
  return `${ScriptApp.getProjectTriggers().length} trigger(s) of yours in this project`;
}

/** The tracker's own triggers in this document (found as set-up finds them). */
export function probeTrackerTriggers(): ProbeDetail {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const store = PropertiesService.getDocumentProperties();
  const found = findTrackerTriggers(ss, { get: (key) => store.getProperty(key), set: () => undefined });
  const missing = (Object.keys(TRIGGER_HANDLERS) as TriggerKind[]).filter((kind) => !found[kind]);
  if (missing.length)
    throw new Error(
      `Missing in this document: ${missing.map((k) => TRIGGER_HANDLERS[k]).join(', ')}. Run Set up tracker (a test deployment does not run installable triggers).`,
    );
  return Object.values(TRIGGER_HANDLERS).join(', ');
}

export function probeMailQuota(): ProbeDetail {
  return `${remainingMailQuota()} recipient(s) left today`;
}

/**
 * Where the add-on creates files (the audit archive, through the Sheets API under `drive.file`): the
 * advanced service is enabled and the person granted `drive.file`. No file is created: under
 * `drive.file` the add-on can create a spreadsheet but has no call that deletes one (that would need
 * the Drive API or the `drive` scope), and a self-test must leave nothing behind. The first audit
 * rotation creates the archive for real.
 */
export function probeFileCreation(): ProbeDetail {
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error(
      'The Google Sheets API advanced service is not enabled (appsscript.json dependencies.enabledAdvancedServices).',
    );
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [DRIVE_FILE]);
  if (!(info.getAuthorizedScopes() ?? []).includes(DRIVE_FILE))
    throw new Error(`Not granted: ${DRIVE_FILE} (the add-on's own files, for the audit archive).`);
  return `the Sheets API is enabled and ${DRIVE_FILE} granted: the audit archive can be created`;
}

const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
