/**
 * Authorization at the entry points. A person may grant only some of the manifest's scopes
 * (granular consent), and a published add-on's trigger runs without prompting and fails at the
 * first call that needs a scope its owner has not granted. So:
 * - a menu item (and the sidebar it opens) checks the scopes it needs with
 *   ScriptApp.getAuthorizationInfo(FULL, scopes); when some are missing it tells the person which,
 *   in plain words, and asks Google for them (ScriptApp.requireScopes shows the consent prompt and
 *   ends the execution);
 * - a trigger checks too and stops quietly (nothing written, no failure every hour): the owner sees
 *   what is missing the next time they use the menu, or in Help > Run self-test.
 * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode)
 * https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)
 */
import manifest from '../../appsscript.json';
import {
  authorizationError,
  authorizationMessage,
  scopesNeededBy,
  SCOPE_USES,
  type ScopeEntry,
  thrownMessage,
} from '../shared/scopes';
import { alert } from './ui';

/** The scopes appsscript.json requests (built into the bundle with it). */
export const MANIFEST_SCOPES: readonly string[] = manifest.oauthScopes;

const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';

export interface AuthorizationCheck {
  /** The scopes needed and not granted (empty: all granted). */
  missing: string[];
  /** Where the person can grant them (null when nothing is missing). */
  url: string | null;
}

/** What the effective user has not granted of the scopes `entry` needs: one call. */
export function checkAuthorization(entry: ScopeEntry): AuthorizationCheck {
  const needed = scopesNeededBy(MANIFEST_SCOPES, entry);
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, needed);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED)
    return { missing: [], url: null };
  const granted = new Set(info.getAuthorizedScopes() ?? []);
  const missing = needed.filter((scope) => !granted.has(scope));
  return { missing: missing.length ? missing : needed, url: info.getAuthorizationUrl() };
}

/**
 * A menu item's first line: when the person has not granted what `entry` needs, says which
 * permissions and why (an alert, when showing one is among what they granted), then asks Google
 * for them; the item does not run.
 */
export function requireMenuAuthorization(entry: Exclude<ScopeEntry, 'trigger'>): void {
  const { missing, url } = checkAuthorization(entry);
  if (!missing.length) return;
  const message = authorizationMessage(missing, url);
  if (!missing.includes(CONTAINER_UI)) alert('Permissions needed', message);
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, missing);
  // requireScopes ends the execution with Google's consent prompt; should it return, stop here.
  throw new Error(message);
}

/**
 * Runs a trigger's work; when it fails with Apps Script's authorization error and the owner has
 * indeed not granted what triggers need, stops quietly (returns undefined) instead of failing at
 * every run. The check costs a call only on that failure, not on every edit.
 */
export function quietWithoutAuthorization<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (err) {
    const message = thrownMessage(err);
    if (!authorizationError(message)) throw err;
    if (!checkAuthorization('trigger').missing.length) throw err;
    return undefined;
  }
}

/** The plain words of a scope (for the self-test's report). */
export function scopePurpose(scope: string): string {
  return SCOPE_USES[scope]?.purpose ?? scope;
}
