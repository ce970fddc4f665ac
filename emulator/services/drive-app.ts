/** DriveApp: find files by id or name, create files, over the runtime's registry. */
import type { DriveFileRecord, Runtime } from '../runtime';
import { Scopes, exception, real, requireAuth } from './common';
import { blobBytes } from './blob';
import { canRead, DriveErrors, EmuFile, type DriveContext } from './drive';
import { Access, Permission } from './enums';

type File = GoogleAppsScript.Drive.File;

export class EmuFileIterator implements Pick<GoogleAppsScript.Drive.FileIterator, 'hasNext' | 'next'> {
  #at = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly files: File[],
  ) {}
  hasNext(): boolean {
    return this.rt.call('FileIterator.hasNext', () => this.#at < this.files.length);
  }
  next(): File {
    return this.rt.call('FileIterator.next', () => {
      if (this.#at >= this.files.length)
        throw exception('Cannot retrieve the next object: iterator has reached the end.');
      return this.files[this.#at++];
    });
  }
}

export class EmuDriveApp implements Pick<
  GoogleAppsScript.Drive.DriveApp,
  'Access' | 'Permission' | 'getFileById' | 'getFilesByName' | 'createFile'
> {
  readonly Access = Access;
  readonly Permission = Permission;

  constructor(private readonly ctx: DriveContext) {}

  private get rt(): Runtime {
    return this.ctx.rt;
  }
  private auth(method: string): string {
    requireAuth(this.rt, `DriveApp.${method}`, Scopes.drive);
    return this.rt.current().effectiveUser;
  }
  private file(record: DriveFileRecord): File {
    return real<File>(new EmuFile(this.ctx, record));
  }

  /** Throws Drive's "No item with the given ID" when the file is missing or the user cannot see it. */
  getFileById(id: string): File {
    return this.rt.call('DriveApp.getFileById', () => {
      const user = this.auth('getFileById');
      const record = this.rt.files.get(String(id));
      const byLink = record !== undefined && this.ctx.sharing.get(record.id).access !== 'PRIVATE';
      if (!record || (!canRead(this.ctx, record, user) && !byLink)) throw exception(DriveErrors.notFound);
      return this.file(record);
    });
  }
  /** The user's own and shared files with that name, not in the trash, oldest first. */
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return this.rt.call('DriveApp.getFilesByName', () => {
      const user = this.auth('getFilesByName');
      const found = [...this.rt.files.values()]
        .filter((r) => r.name === name && !r.trashed && canRead(this.ctx, r, user))
        .map((r) => this.file(r));
      return real<GoogleAppsScript.Drive.FileIterator>(new EmuFileIterator(this.rt, found));
    });
  }
  /** createFile(name, content, mimeType = text/plain) or createFile(blob). */
  createFile(
    nameOrBlob: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): File {
    return this.rt.call('DriveApp.createFile', () => {
      const user = this.auth('createFile');
      let name: string;
      let bytes: Buffer;
      let type: string;
      if (typeof nameOrBlob === 'string') {
        name = nameOrBlob;
        bytes = Buffer.from(String(content ?? ''), 'utf8');
        type = mimeType ?? 'text/plain';
      } else {
        const blob = nameOrBlob.getBlob();
        name = blob.getName() ?? 'Untitled';
        bytes = blobBytes(blob);
        type = blob.getContentType() ?? 'application/octet-stream';
      }
      const record: DriveFileRecord = {
        id: this.rt.newId('file-'),
        name,
        mimeType: type,
        owner: user,
        editors: new Set(),
        viewers: new Set(),
        createdMs: this.rt.nowMillis(),
        trashed: false,
        content: bytes,
      };
      this.rt.files.set(record.id, record);
      this.rt.scriptCreatedFile(record.id, user);
      return this.file(record);
    });
  }
}
