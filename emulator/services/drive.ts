/**
 * DriveApp over the runtime's file registry. A file is visible to its owner, editors and viewers
 * (and by id to anyone when link sharing is on). addEditor/addViewer always send Drive's share
 * email: each is recorded in `shares`. Needs authorization (refused in LIMITED and NONE).
 */
import { MIME_SHEETS, type DriveFileRecord, type Runtime } from '../runtime';
import { emailOf } from '../user';
import { exception, real } from './common';
import { EmuBlob } from './blob';

type File = GoogleAppsScript.Drive.File;
type UserLike = string | { getEmail(): string };

export const DriveErrors = {
  notFound:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  noAccess: 'Access denied: DriveApp.',
} as const;

export interface ShareNotice {
  fileId: string;
  fileName: string;
  to: string;
  role: 'editor' | 'viewer';
  by: string;
  at: string;
}

/** Link sharing per file id (the runtime's record has no field for it). */
export class SharingTable {
  private readonly sharing = new Map<string, { access: string; permission: string }>();
  get(id: string): { access: string; permission: string } {
    return this.sharing.get(id) ?? { access: 'PRIVATE', permission: 'NONE' };
  }
  set(id: string, access: string, permission: string): void {
    this.sharing.set(id, { access, permission });
  }
}

export class EmuDriveUser implements Pick<GoogleAppsScript.Drive.User, 'getEmail' | 'getDomain' | 'getName'> {
  constructor(
    private readonly rt: Runtime,
    private readonly email: string,
  ) {}
  getEmail(): string {
    return this.rt.call('User.getEmail', () => this.email, { local: true });
  }
  getDomain(): string {
    return this.rt.call('User.getDomain', () => this.email.split('@')[1] ?? '', { local: true });
  }
  getName(): string {
    return this.rt.call('User.getName', () => this.email.split('@')[0] ?? '', { local: true });
  }
}

export interface DriveContext {
  rt: Runtime;
  shares: ShareNotice[];
  sharing: SharingTable;
}

export function canRead(_ctx: DriveContext, record: DriveFileRecord, user: string): boolean {
  return record.owner === user || record.editors.has(user) || record.viewers.has(user);
}
function canEdit(record: DriveFileRecord, user: string): boolean {
  return record.owner === user || record.editors.has(user);
}

export class EmuFile implements Pick<
  File,
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getMimeType'
  | 'getOwner'
  | 'getEditors'
  | 'getViewers'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'makeCopy'
  | 'setTrashed'
  | 'isTrashed'
  | 'getDateCreated'
  | 'setSharing'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'getBlob'
> {
  constructor(
    private readonly ctx: DriveContext,
    private readonly record: DriveFileRecord,
  ) {}

  private get rt(): Runtime {
    return this.ctx.rt;
  }
  private local<T>(method: string, fn: () => T): T {
    return this.rt.call(`File.${method}`, fn, { local: true });
  }
  /** Changes need edit rights on the file. */
  private change(method: string, fn: () => void): File {
    return this.rt.call(`File.${method}`, () => {
      if (!canEdit(this.record, this.rt.current().effectiveUser)) throw exception(DriveErrors.noAccess);
      fn();
      return real<File>(this);
    });
  }
  private user(email: string): GoogleAppsScript.Drive.User {
    return real<GoogleAppsScript.Drive.User>(new EmuDriveUser(this.rt, email));
  }
  private share(emails: string[], role: 'editor' | 'viewer'): void {
    for (const email of emails) {
      if (email === this.record.owner) continue;
      if (role === 'editor') {
        this.record.viewers.delete(email);
        this.record.editors.add(email);
      } else if (!this.record.editors.has(email)) this.record.viewers.add(email);
      else continue;
      this.ctx.shares.push({
        fileId: this.record.id,
        fileName: this.record.name,
        to: email,
        role,
        by: this.rt.current().effectiveUser,
        at: this.rt.now().toISOString(),
      });
    }
  }

  getId(): string {
    return this.local('getId', () => this.record.id);
  }
  getName(): string {
    return this.rt.call('File.getName', () => this.record.name);
  }
  setName(name: string): File {
    return this.change('setName', () => void (this.record.name = String(name)));
  }
  getUrl(): string {
    return this.rt.call('File.getUrl', () =>
      this.record.mimeType === MIME_SHEETS
        ? `https://docs.google.com/spreadsheets/d/${this.record.id}/edit?usp=drivesdk`
        : `https://drive.google.com/file/d/${this.record.id}/view?usp=drivesdk`,
    );
  }
  getMimeType(): string {
    return this.rt.call('File.getMimeType', () => this.record.mimeType);
  }
  getOwner(): GoogleAppsScript.Drive.User {
    return this.rt.call('File.getOwner', () => this.user(this.record.owner));
  }
  getEditors(): GoogleAppsScript.Drive.User[] {
    return this.rt.call('File.getEditors', () => [...this.record.editors].map((e) => this.user(e)));
  }
  getViewers(): GoogleAppsScript.Drive.User[] {
    return this.rt.call('File.getViewers', () => [...this.record.viewers].map((e) => this.user(e)));
  }
  addEditor(user: UserLike): File {
    return this.change('addEditor', () => this.share([emailOf(user)], 'editor'));
  }
  addEditors(emailAddresses: string[]): File {
    return this.change('addEditors', () => this.share(emailAddresses, 'editor'));
  }
  addViewer(user: UserLike): File {
    return this.change('addViewer', () => this.share([emailOf(user)], 'viewer'));
  }
  addViewers(emailAddresses: string[]): File {
    return this.change('addViewers', () => this.share(emailAddresses, 'viewer'));
  }
  removeEditor(user: UserLike): File {
    return this.change('removeEditor', () => void this.record.editors.delete(emailOf(user)));
  }
  removeViewer(user: UserLike): File {
    return this.change('removeViewer', () => void this.record.viewers.delete(emailOf(user)));
  }
  /** A copy owned by the caller, shared with no one; "Copy of <name>" unless named. */
  makeCopy(name?: string | GoogleAppsScript.Drive.Folder): File {
    return this.rt.call('File.makeCopy', () => {
      const user = this.rt.current().effectiveUser;
      if (!canRead(this.ctx, this.record, user)) throw exception(DriveErrors.notFound);
      // Drive: copyRequiresWriterPermission disables copying for readers and commenters.
      if (this.record.copyRequiresWriterPermission && !canEdit(this.record, user))
        throw exception(DriveErrors.noAccess);
      const id = this.rt.newId('file-');
      const copyName = typeof name === 'string' ? name : `Copy of ${this.record.name}`;
      const content = this.record.copyContent
        ? this.record.copyContent(id, copyName)
        : Buffer.isBuffer(this.record.content)
          ? Buffer.from(this.record.content)
          : this.record.content;
      const copy: DriveFileRecord = {
        id,
        name: copyName,
        mimeType: this.record.mimeType,
        owner: user,
        editors: new Set(),
        viewers: new Set(),
        createdMs: this.rt.nowMillis(),
        trashed: false,
        content,
        copyContent: this.record.copyContent,
      };
      this.rt.files.set(id, copy);
      this.rt.scriptCreatedFile(id, user);
      return real<File>(new EmuFile(this.ctx, copy));
    });
  }
  setTrashed(trashed: boolean): File {
    return this.rt.call('File.setTrashed', () => {
      if (this.record.owner !== this.rt.current().effectiveUser) throw exception(DriveErrors.noAccess);
      this.record.trashed = Boolean(trashed);
      return real<File>(this);
    });
  }
  isTrashed(): boolean {
    return this.rt.call('File.isTrashed', () => this.record.trashed);
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return this.rt.call(
      'File.getDateCreated',
      () => new Date(this.record.createdMs) as unknown as GoogleAppsScript.Base.Date,
    );
  }
  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): File {
    return this.change('setSharing', () =>
      this.ctx.sharing.set(this.record.id, String(accessType), String(permissionType)),
    );
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.rt.call(
      'File.getSharingAccess',
      () => this.ctx.sharing.get(this.record.id).access as unknown as GoogleAppsScript.Drive.Access,
    );
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.rt.call(
      'File.getSharingPermission',
      () => this.ctx.sharing.get(this.record.id).permission as unknown as GoogleAppsScript.Drive.Permission,
    );
  }
  /** The file's bytes; Google-type files (a spreadsheet) have no raw blob here. */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.rt.call('File.getBlob', () => {
      if (!Buffer.isBuffer(this.record.content)) {
        throw exception(
          `Converting from ${this.record.mimeType} to ${this.record.mimeType} is not supported.`,
        );
      }
      return real<GoogleAppsScript.Base.Blob>(
        new EmuBlob(this.rt, this.record.content, this.record.mimeType, this.record.name),
      );
    });
  }
}
