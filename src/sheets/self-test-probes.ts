/**
 * The checks of Help > Run self-test: each touches one service the add-on relies on, on the real
 * document, the way the add-on uses it, and undoes what it did. A check throws what Google threw
 * (the self-test reports that message as it is) or its own message when a result is wrong.
 */
import { thrownMessage } from '../shared/scopes';
import { AUDIT_LOG } from './sheet-defs/audit-log';
import { createArchive } from './archive-file';
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

/** The name of the file the file check creates (and removes). */
export const SELF_TEST_FILE = 'Partnership Tracker self-test (safe to delete)';

/** Creates a file where the add-on creates files (the audit archive) and removes it. */
export function probeFileCreation(): ProbeDetail {
  const archive = createArchive(SELF_TEST_FILE, 1);
  try {
    DriveApp.getFileById(archive.id).setTrashed(true);
  } catch (err) {
    const message = thrownMessage(err);
    throw new Error(`Created "${SELF_TEST_FILE}" (${archive.url}) but could not remove it: ${message}`);
  }
  return `created and removed a ${AUDIT_LOG.name} archive spreadsheet`;
}
