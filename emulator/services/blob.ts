/** Blob: bytes with a content type and a name. */
import type { Runtime } from '../runtime';
import { encodeString, real, signedBytes, toBuffer } from './common';

type Blob = GoogleAppsScript.Base.Blob;

export class EmuBlob implements Pick<
  Blob,
  | 'getBytes'
  | 'setBytes'
  | 'getDataAsString'
  | 'setDataFromString'
  | 'getContentType'
  | 'setContentType'
  | 'getName'
  | 'setName'
  | 'copyBlob'
  | 'isGoogleType'
  | 'getBlob'
> {
  #data: Buffer;
  #contentType: string | null;
  #name: string | null;

  constructor(
    private readonly rt: Runtime,
    data: Buffer,
    contentType: string | null = null,
    name: string | null = null,
  ) {
    this.#data = Buffer.from(data);
    this.#contentType = contentType;
    this.#name = name;
  }

  private local<T>(method: string, fn: () => T): T {
    return this.rt.call(`Blob.${method}`, fn, { local: true });
  }

  getBytes(): number[] {
    return this.local('getBytes', () => signedBytes(this.#data));
  }
  setBytes(data: number[]): Blob {
    return this.local('setBytes', () => ((this.#data = toBuffer(data)), real<Blob>(this)));
  }
  getDataAsString(charset?: string): string {
    return this.local('getDataAsString', () =>
      this.#data.toString(/ascii/i.test(String(charset ?? '')) ? 'ascii' : 'utf8'),
    );
  }
  setDataFromString(value: string, charset?: string): Blob {
    return this.local(
      'setDataFromString',
      () => ((this.#data = encodeString(String(value), charset)), real<Blob>(this)),
    );
  }
  getContentType(): string | null {
    return this.local('getContentType', () => this.#contentType);
  }
  setContentType(contentType: string | null): Blob {
    return this.local('setContentType', () => ((this.#contentType = contentType), real<Blob>(this)));
  }
  getName(): string | null {
    return this.local('getName', () => this.#name);
  }
  setName(name: string): Blob {
    return this.local('setName', () => ((this.#name = String(name)), real<Blob>(this)));
  }
  copyBlob(): Blob {
    return this.local('copyBlob', () =>
      real<Blob>(new EmuBlob(this.rt, this.#data, this.#contentType, this.#name)),
    );
  }
  isGoogleType(): boolean {
    return this.local('isGoogleType', () => false);
  }
  getBlob(): Blob {
    return this.local('getBlob', () => real<Blob>(this));
  }

  /** Test bed and other services: the raw bytes. */
  static bytes(blob: EmuBlob): Buffer {
    return Buffer.from(blob.#data);
  }
}

/** The bytes of any blob-like value a script passes (an EmuBlob, or anything with getBytes()). */
export function blobBytes(blob: { getBytes(): number[] }): Buffer {
  return blob instanceof EmuBlob ? EmuBlob.bytes(blob) : toBuffer(blob.getBytes());
}
