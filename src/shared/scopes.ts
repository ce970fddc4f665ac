/**
 * The OAuth scopes the add-on may list in appsscript.json: what each lets it do, in the words a
 * person sees, and which entry points need it. A person may grant only some of them (Google's
 * granular consent screen), so each entry point checks its own (sheets/authorization.ts), and the
 * sidebar turns Google's authorization errors into the same plain message. Pure: no Apps Script.
 * https://developers.google.com/apps-script/concepts/scopes
 */

/**
 * Where a scope is needed: `menu` = any person's menu item or sidebar; `setup` = the owner's Set up
 * tracker, which installs the triggers (so it also needs what they need); `trigger` = the owner's
 * hourly, edit and change triggers (they run as the owner, with no one there to ask); `warehouse` =
 * the opt-in BigQuery mirror (asked for when the owner turns it on, needed by nothing else).
 */
export type ScopeEntry = 'menu' | 'setup' | 'trigger' | 'warehouse';

export interface ScopeUse {
  /** What granting it lets the tracker do, completing "Partnership Tracker needs permission to ...". */
  purpose: string;
  neededBy: readonly ScopeEntry[];
}

const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPE_USES: Readonly<Record<string, ScopeUse>> = {
  [`${AUTH}spreadsheets.currentonly`]: {
    purpose: 'see and edit this spreadsheet',
    neededBy: ['menu', 'setup', 'trigger'],
  },
  [`${AUTH}spreadsheets`]: {
    purpose: 'see, edit and create spreadsheets (the audit archive)',
    neededBy: ['menu', 'setup', 'trigger'],
  },
  [`${AUTH}script.container.ui`]: {
    purpose: 'show its menu, sidebars and dialogs',
    neededBy: ['menu', 'setup'],
  },
  [`${AUTH}script.scriptapp`]: {
    purpose: 'run in the background (its hourly run and the audit of edits)',
    neededBy: ['setup', 'trigger'],
  },
  [`${AUTH}script.send_mail`]: {
    purpose: 'send email as you (notices to partners)',
    neededBy: ['menu', 'setup', 'trigger'],
  },
  [`${AUTH}script.external_request`]: {
    purpose: 'connect to services outside Google',
    neededBy: ['setup', 'trigger'],
  },
  [`${AUTH}drive.file`]: {
    purpose: 'create files in your Drive (the audit archive)',
    neededBy: ['setup', 'trigger'],
  },
  [`${AUTH}drive`]: {
    purpose: 'see and manage your Drive files',
    neededBy: ['setup', 'trigger'],
  },
  [`${AUTH}bigquery`]: {
    purpose: 'copy the tracker to your BigQuery dataset (Settings > Warehouse, when you turn it on)',
    neededBy: ['warehouse'],
  },
  [`${AUTH}bigquery.readonly`]: {
    purpose: 'read your BigQuery data in this spreadsheet (Connected Sheets over the warehouse)',
    neededBy: ['warehouse'],
  },
  [`${AUTH}userinfo.email`]: {
    purpose: 'see your email address (to record who made each change)',
    neededBy: ['menu', 'setup', 'trigger'],
  },
};

/** The scopes of the manifest an entry point needs (a scope this table lacks: needed everywhere). */
export function scopesNeededBy(manifest: readonly string[], entry: ScopeEntry): string[] {
  return manifest.filter((scope) => SCOPE_USES[scope]?.neededBy.includes(entry) ?? true);
}

function purposeOf(scope: string): string {
  return SCOPE_USES[scope]?.purpose ?? `use ${scope}`;
}

/**
 * The message for a person who has not granted `missing` (Google's granular consent lets them
 * untick some): what the tracker cannot do, and how to grant it.
 */
export function authorizationMessage(missing: readonly string[], url: string | null = null): string {
  const purposes = missing.map(purposeOf);
  const what =
    purposes.length > 1
      ? `permissions you have not granted: to ${purposes.join('; to ')}`
      : `a permission you have not granted${purposes.length ? `: to ${purposes[0]}` : ''}`;
  const it = purposes.length > 1 ? 'them' : 'it';
  const where = url ? `, or open ${url}` : '';
  return `Partnership Tracker needs ${what}. Allow ${it} when Google asks (run the menu item again if it does not ask)${where}.`;
}

/** Apps Script's words when a call needs a scope the person has not granted. */
const AUTHORIZATION_ERROR =
  /(?:You do not have permission to call [^\n]*?Required permissions: (\S+?)\.?(?:\s|$))|(?:Authorization is required to perform that action)/;

/** Whether `message` is Apps Script's authorization error (and the scope it names, if any). */
export function authorizationError(message: string): { scope: string | null } | null {
  const match = AUTHORIZATION_ERROR.exec(message);
  if (!match) return null;
  return { scope: match[1] ?? null };
}

/**
 * A server error as the person should read it: Apps Script's authorization errors become the
 * tracker's message naming what is missing; anything else is returned as it is.
 */
export function explainAuthorizationError(message: string): string {
  const found = authorizationError(message);
  if (!found) return message;
  return authorizationMessage(found.scope ? [found.scope] : []);
}

/** A thrown value's message (Apps Script's exceptions are Errors; anything else as text). */
export function thrownMessage(err: unknown): string {
  if (err && typeof (err as { message?: unknown }).message === 'string')
    return (err as { message: string }).message;
  return String(err);
}
