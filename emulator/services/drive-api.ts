/**
 * The advanced Drive service, Drive API v3 (`Drive` once the manifest enables serviceId drive v3),
 * over the runtime's file registry. Only what the add-on uses is emulated; anything else of a
 * request throws "not emulated" rather than being ignored. As Google documents it
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3):
 * - files.create (metadata only: name, mimeType, appProperties, copyRequiresWriterPermission) makes a
 *   file owned by the caller; a Google Sheets mimeType makes an empty spreadsheet (one "Sheet1") and
 *   counts toward the spreadsheets created a day. files.list answers `q` with appProperties,
 *   mimeType and trashed terms (the search-files guide's syntax), at most pageSize (<= 1000) a page.
 *   files.update patches name, trashed, appProperties (null deletes a key) and
 *   copyRequiresWriterPermission ("Whether the options to copy, print, or download this file should
 *   be disabled for readers and commenters").
 * - permissions.create (type user, role reader or writer, emailAddress), list, delete (`remove` in
 *   Apps Script). sendNotificationEmail defaults to true: the share e-mail is recorded like DriveApp's.
 *   A user's permission id is the same on every file (the Permission resource: "the same user ...
 *   will have the same ID"); creating it again returns it.
 * - Under drive.file alone only the files this app created for this user are reachable; otherwise
 *   "File not found: <id>." (404), as Drive reports a file the caller cannot see.
 * Errors read as Apps Script reports them: "API call to drive.<resource>.<method> failed with error: ...".
 */
import { createHash } from 'node:crypto';
import { MIME_SHEETS, type DriveFileRecord, type Runtime } from '../runtime';
import { Scope, scopeRule } from '../scopes';
import { createSpreadsheetFile } from '../spreadsheet/testbed';
import { requireAuth } from './common';
import type { DriveContext } from './drive';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

export interface DriveApiOptions {
  /** Locale and time zone of a new spreadsheet (the user's settings). */
  defaults: () => { locale: string; timeZone: string };
}

function apiError(method: string, message: string): Error {
  const error = new Error(`API call to drive.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}
function unsupported(method: string, what: string): Error {
  return new Error(`Emulator: Drive.${method}: ${what} is not emulated`);
}
function requireFull(rt: Runtime, method: string): void {
  const scopes = scopeRule(method)?.scopes ?? [];
  requireAuth(rt, method, scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`);
}

/** A user's permission id: one per user, the same on every file. */
export function permissionIdOf(email: string): string {
  return createHash('sha256')
    .update(email.toLowerCase())
    .digest('hex')
    .slice(0, 20)
    .replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10));
}

function roleOf(record: DriveFileRecord, email: string): 'owner' | 'writer' | 'reader' | null {
  if (record.owner === email) return 'owner';
  if (record.editors.has(email)) return 'writer';
  if (record.viewers.has(email)) return 'reader';
  return null;
}

function fileResource(record: DriveFileRecord): DriveFile {
  return {
    kind: 'drive#file',
    id: record.id,
    name: record.name,
    mimeType: record.mimeType,
    ...(record.appProperties && { appProperties: { ...record.appProperties } }),
    copyRequiresWriterPermission: record.copyRequiresWriterPermission ?? false,
    trashed: record.trashed,
  };
}

class Access {
  constructor(readonly ctx: DriveContext) {}
  get rt(): Runtime {
    return this.ctx.rt;
  }
  /** Whether the granted scopes reach every file the user can see, or only the app's (drive.file). */
  private wide(write: boolean): boolean {
    return this.rt.hasScope(Scope.drive) || (!write && this.rt.hasScope(Scope.driveReadonly));
  }
  visible(record: DriveFileRecord, user: string, write: boolean): boolean {
    if (roleOf(record, user) === null) return false;
    return this.wide(write) || this.rt.appCanReach(record.id, user);
  }
  file(method: string, id: unknown, write: boolean): DriveFileRecord {
    const user = this.rt.current().effectiveUser;
    const record = this.rt.files.get(String(id));
    if (!record || !this.visible(record, user, write))
      throw apiError(method, `File not found: ${String(id)}.`);
    const role = roleOf(record, user);
    if (write && role === 'reader')
      throw apiError(method, 'The user does not have sufficient permissions for this file.');
    return record;
  }
}

/** Parses the `q` terms the emulator answers: appProperties has {...}, mimeType = '...', trashed = bool. */
function matcher(q: string): (r: DriveFileRecord) => boolean {
  const tests: Array<(r: DriveFileRecord) => boolean> = [];
  let rest = q.trim();
  const term =
    /^(?:appProperties has \{\s*key\s*=\s*'((?:[^'\\]|\\.)*)'\s+and\s+value\s*=\s*'((?:[^'\\]|\\.)*)'\s*\}|mimeType\s*=\s*'([^']*)'|trashed\s*=\s*(true|false))\s*/;
  while (rest) {
    const m = term.exec(rest);
    if (!m) throw unsupported('Files.list', `q "${q}"`);
    if (m[1] !== undefined) {
      const key = m[1].replace(/\\(.)/g, '$1');
      const value = m[2].replace(/\\(.)/g, '$1');
      tests.push((r) => r.appProperties?.[key] === value);
    } else if (m[3] !== undefined) {
      const mime = m[3];
      tests.push((r) => r.mimeType === mime);
    } else {
      const trashed = m[4] === 'true';
      tests.push((r) => r.trashed === trashed);
    }
    rest = rest.slice(m[0].length);
    const and = /^and\s+/.exec(rest);
    if (and) rest = rest.slice(and[0].length);
    else if (rest) throw unsupported('Files.list', `q "${q}"`);
  }
  return (r) => tests.every((t) => t(r));
}

export class EmuDriveFiles implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection,
  'create' | 'list' | 'update'
> {
  readonly #access: Access;
  readonly #options: DriveApiOptions;
  constructor(ctx: DriveContext, options: DriveApiOptions) {
    this.#access = new Access(ctx);
    this.#options = options;
  }

  create(resource: DriveFile, mediaData?: unknown, optionalArgs?: object): DriveFile {
    const rt = this.#access.rt;
    return rt.call('Drive.Files.create', () => {
      requireFull(rt, 'Drive.Files.create');
      if (mediaData !== undefined || optionalArgs !== undefined)
        throw unsupported('Files.create', 'media upload / optional arguments');
      const known = ['name', 'mimeType', 'appProperties', 'copyRequiresWriterPermission'];
      for (const key of Object.keys(resource ?? {}))
        if (!known.includes(key)) throw unsupported('Files.create', key);
      if (resource?.mimeType !== MIME_SHEETS)
        throw unsupported('Files.create', `mimeType ${String(resource?.mimeType)}`);
      const user = rt.current().effectiveUser;
      rt.countSpreadsheetCreated(user);
      const defaults = this.#options.defaults();
      const ss = createSpreadsheetFile(rt, {
        name: resource.name ?? 'Untitled spreadsheet',
        owner: user,
        timeZone: defaults.timeZone,
        locale: defaults.locale,
      });
      const record = rt.files.get(ss.getId())!;
      if (resource.appProperties)
        record.appProperties = { ...resource.appProperties } as Record<string, string>;
      if (resource.copyRequiresWriterPermission) record.copyRequiresWriterPermission = true;
      rt.scriptCreatedFile(record.id, user);
      return fileResource(record);
    });
  }

  list(optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList {
    const rt = this.#access.rt;
    return rt.call('Drive.Files.list', () => {
      requireFull(rt, 'Drive.Files.list');
      const args = optionalArgs ?? {};
      for (const key of Object.keys(args))
        if (!['q', 'pageSize', 'pageToken', 'fields'].includes(key)) throw unsupported('Files.list', key);
      const pageSize = Number(args.pageSize ?? 100);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
        throw apiError(
          'files.list',
          `Invalid value '${String(args.pageSize)}'. Values must be within the range: [1, 1000]`,
        );
      const test = args.q === undefined ? () => true : matcher(String(args.q));
      const user = rt.current().effectiveUser;
      const found = [...rt.files.values()]
        .filter((r) => this.#access.visible(r, user, false) && test(r))
        .sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
      const from = args.pageToken === undefined ? 0 : Number(args.pageToken);
      const page = found.slice(from, from + pageSize);
      return {
        kind: 'drive#fileList',
        files: page.map(fileResource),
        ...(from + pageSize < found.length && { nextPageToken: String(from + pageSize) }),
      };
    });
  }

  update(resource: DriveFile, fileId: string, mediaData?: unknown, optionalArgs?: object): DriveFile {
    const rt = this.#access.rt;
    return rt.call('Drive.Files.update', () => {
      requireFull(rt, 'Drive.Files.update');
      if (mediaData !== undefined || optionalArgs !== undefined)
        throw unsupported('Files.update', 'media upload / optional arguments');
      const known = ['name', 'trashed', 'appProperties', 'copyRequiresWriterPermission'];
      for (const key of Object.keys(resource ?? {}))
        if (!known.includes(key)) throw unsupported('Files.update', key);
      const record = this.#access.file('files.update', fileId, true);
      const user = rt.current().effectiveUser;
      if (resource.trashed !== undefined) {
        if (record.owner !== user)
          throw apiError('files.update', 'The user does not have sufficient permissions for this file.');
        record.trashed = Boolean(resource.trashed);
      }
      if (resource.name !== undefined) record.name = String(resource.name);
      if (resource.copyRequiresWriterPermission !== undefined)
        record.copyRequiresWriterPermission = Boolean(resource.copyRequiresWriterPermission);
      for (const [key, value] of Object.entries(resource.appProperties ?? {})) {
        record.appProperties ??= {};
        if (value === null) delete record.appProperties[key];
        else record.appProperties[key] = String(value);
      }
      return fileResource(record);
    });
  }
}

export class EmuDrivePermissions implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection,
  'create' | 'list' | 'remove'
> {
  readonly #access: Access;
  constructor(ctx: DriveContext) {
    this.#access = new Access(ctx);
  }

  create(resource: Permission, fileId: string, optionalArgs?: Record<string, unknown>): Permission {
    const { rt, ctx } = this.#access;
    return rt.call('Drive.Permissions.create', () => {
      requireFull(rt, 'Drive.Permissions.create');
      for (const key of Object.keys(optionalArgs ?? {}))
        if (key !== 'sendNotificationEmail' && key !== 'fields') throw unsupported('Permissions.create', key);
      for (const key of Object.keys(resource ?? {}))
        if (!['type', 'role', 'emailAddress'].includes(key)) throw unsupported('Permissions.create', key);
      if (resource?.type !== 'user')
        throw unsupported('Permissions.create', `type ${String(resource?.type)}`);
      const role = resource.role;
      if (role !== 'reader' && role !== 'writer')
        throw role === undefined
          ? apiError('permissions.create', 'The permission role field is required.')
          : unsupported('Permissions.create', `role ${String(role)}`);
      const email = String(resource.emailAddress ?? '')
        .trim()
        .toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        throw apiError('permissions.create', `Invalid sharing request: ${email || 'no emailAddress'}`);
      const record = this.#access.file('permissions.create', fileId, true);
      const current = roleOf(record, email);
      if (current !== 'owner' && current !== role) {
        if (role === 'writer') {
          record.viewers.delete(email);
          record.editors.add(email);
        } else {
          record.editors.delete(email);
          record.viewers.add(email);
        }
        if (optionalArgs?.sendNotificationEmail !== false)
          ctx.shares.push({
            fileId: record.id,
            fileName: record.name,
            to: email,
            role: role === 'writer' ? 'editor' : 'viewer',
            by: rt.current().effectiveUser,
            at: rt.now().toISOString(),
          });
      }
      return {
        kind: 'drive#permission',
        id: permissionIdOf(email),
        type: 'user',
        role: roleOf(record, email)!,
      };
    });
  }

  list(
    fileId: string,
    optionalArgs?: Record<string, unknown>,
  ): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    const { rt } = this.#access;
    return rt.call('Drive.Permissions.list', () => {
      requireFull(rt, 'Drive.Permissions.list');
      for (const key of Object.keys(optionalArgs ?? {}))
        if (key !== 'fields') throw unsupported('Permissions.list', key);
      const record = this.#access.file('permissions.list', fileId, false);
      const people = [record.owner, ...record.editors, ...record.viewers];
      return {
        kind: 'drive#permissionList',
        permissions: people.map((email) => ({
          kind: 'drive#permission',
          id: permissionIdOf(email),
          type: 'user',
          role: roleOf(record, email)!,
          emailAddress: email,
        })),
      };
    });
  }

  remove(fileId: string, permissionId: string, optionalArgs?: object): void {
    const { rt } = this.#access;
    rt.call('Drive.Permissions.remove', () => {
      requireFull(rt, 'Drive.Permissions.remove');
      if (optionalArgs !== undefined) throw unsupported('Permissions.remove', 'optional arguments');
      const record = this.#access.file('permissions.delete', fileId, true);
      const email = [...record.editors, ...record.viewers, record.owner].find(
        (e) => permissionIdOf(e) === String(permissionId),
      );
      if (!email) throw apiError('permissions.delete', `Permission not found: ${String(permissionId)}.`);
      if (email === record.owner)
        throw apiError('permissions.delete', 'The owner of a file cannot be removed.');
      record.editors.delete(email);
      record.viewers.delete(email);
    });
  }
}

/** The `Drive` global (v3): Files (create, list, update), Permissions (create, list, remove). */
export class EmuDriveApi {
  readonly Files: EmuDriveFiles;
  readonly Permissions: EmuDrivePermissions;
  constructor(ctx: DriveContext, options: DriveApiOptions) {
    this.Files = new EmuDriveFiles(ctx, options);
    this.Permissions = new EmuDrivePermissions(ctx);
  }
}
