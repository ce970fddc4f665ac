/** Utilities: dates, uuids, digests and MACs (signed bytes), base64, blobs, CSV, sleep on the simulated clock. */
import { createHash, createHmac } from 'node:crypto';
import type { Runtime } from '../runtime';
import { bytesOrString, exception, real, signedBytes } from './common';
import { EmuBlob } from './blob';
import { parseCsv } from './csv';
import { Charset, DigestAlgorithm, MacAlgorithm, RsaAlgorithm } from './enums';
import { formatDate } from './format-date';

type Bytes = number[];
type Blob = GoogleAppsScript.Base.Blob;

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};
export const MAX_SLEEP_MS = 300_000;

function webSafe(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_');
}

export class EmuUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'MacAlgorithm'
  | 'RsaAlgorithm'
  | 'formatDate'
  | 'getUuid'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'newBlob'
  | 'sleep'
  | 'parseCsv'
> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm;
  #uuidCounter = 0;

  constructor(private readonly rt: Runtime) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return this.rt.call('Utilities.formatDate', () => formatDate(date as unknown as Date, timeZone, format), {
      local: true,
    });
  }
  /** RFC 4122 version 4 form; deterministic per runtime so scenarios repeat exactly. */
  getUuid(): string {
    return this.rt.call(
      'Utilities.getUuid',
      () => {
        const h = createHash('sha256').update(`uuid:${this.rt.owner}:${++this.#uuidCounter}`).digest();
        h[6] = (h[6] & 0x0f) | 0x40;
        h[8] = (h[8] & 0x3f) | 0x80;
        const hex = h.subarray(0, 16).toString('hex');
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
      },
      { local: true },
    );
  }
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: Bytes | string,
    charset?: unknown,
  ): Bytes {
    return this.rt.call(
      'Utilities.computeDigest',
      () => {
        const name = DIGESTS[String(algorithm)];
        if (!name) throw exception(`Invalid argument: algorithm`);
        return signedBytes(createHash(name).update(bytesOrString(value, charset)).digest());
      },
      { local: true },
    );
  }
  computeHmacSha256Signature(value: Bytes | string, key: Bytes | string, charset?: unknown): Bytes {
    return this.rt.call(
      'Utilities.computeHmacSha256Signature',
      () =>
        signedBytes(
          createHmac('sha256', bytesOrString(key, charset)).update(bytesOrString(value, charset)).digest(),
        ),
      { local: true },
    );
  }
  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: Bytes | string,
    key: Bytes | string,
    charset?: unknown,
  ): Bytes {
    return this.rt.call(
      'Utilities.computeHmacSignature',
      () => {
        const name = MACS[String(algorithm)];
        if (!name) throw exception(`Invalid argument: algorithm`);
        return signedBytes(
          createHmac(name, bytesOrString(key, charset)).update(bytesOrString(value, charset)).digest(),
        );
      },
      { local: true },
    );
  }
  base64Encode(data: Bytes | string, charset?: unknown): string {
    return this.rt.call('Utilities.base64Encode', () => bytesOrString(data, charset).toString('base64'), {
      local: true,
    });
  }
  base64EncodeWebSafe(data: Bytes | string, charset?: unknown): string {
    return this.rt.call(
      'Utilities.base64EncodeWebSafe',
      () => webSafe(bytesOrString(data, charset).toString('base64')),
      {
        local: true,
      },
    );
  }
  base64Decode(encoded: string, _charset?: unknown): Bytes {
    return this.rt.call('Utilities.base64Decode', () => signedBytes(Buffer.from(String(encoded), 'base64')), {
      local: true,
    });
  }
  base64DecodeWebSafe(encoded: string, _charset?: unknown): Bytes {
    return this.rt.call(
      'Utilities.base64DecodeWebSafe',
      () => signedBytes(Buffer.from(String(encoded), 'base64url')),
      {
        local: true,
      },
    );
  }
  newBlob(data: Bytes | string, contentType?: string, name?: string): Blob {
    return this.rt.call(
      'Utilities.newBlob',
      () => real<Blob>(new EmuBlob(this.rt, bytesOrString(data), contentType ?? null, name ?? null)),
      { local: true },
    );
  }
  /** Moves the simulated clock; at most 5 minutes. */
  sleep(milliseconds: number): void {
    this.rt.call('Utilities.sleep', () => {
      if (!(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS)
        throw exception('Invalid argument: milliseconds');
      this.rt.advance(Math.floor(milliseconds));
    });
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return this.rt.call('Utilities.parseCsv', () => parseCsv(String(csv), delimiter ?? ','), { local: true });
  }
}
