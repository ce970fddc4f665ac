/** Helpers the emulated services share: Apps Script's exception shape, auth checks, bytes, days. */
import { AppsScriptErrors, type AuthModeName, type Runtime } from '../runtime';

/** An error as Apps Script throws it from a service: `String(e)` reads "Exception: <message>". */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** OAuth scopes named in Apps Script's permission errors. */
export const Scopes = {
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  drive: 'https://www.googleapis.com/auth/drive',
  storage: 'https://www.googleapis.com/auth/script.storage',
} as const;

/** Throws Apps Script's permission error unless the running execution's auth mode is allowed. */
export function requireAuth(
  rt: Runtime,
  what: string,
  scope: string,
  allowed: readonly AuthModeName[] = ['FULL'],
): void {
  if (!allowed.includes(rt.current().authMode)) {
    throw exception(`${AppsScriptErrors.noPermission(what)}. Required permissions: ${scope}`);
  }
}

/** Java bytes as Apps Script returns them: signed, -128..127. */
export function signedBytes(data: Uint8Array): number[] {
  return Array.from(data, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts signed or unsigned byte arrays (what scripts pass back in). */
export function toBuffer(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

/** Strings are encoded as UTF-8 unless the charset says US_ASCII. */
export function encodeString(value: string, charset?: unknown): Buffer {
  return Buffer.from(value, String(charset) === 'US_ASCII' ? 'ascii' : 'utf8');
}

export function bytesOrString(value: readonly number[] | string, charset?: unknown): Buffer {
  return typeof value === 'string' ? encodeString(value, charset) : toBuffer(value);
}

/** The UTC calendar day of a simulated instant ("2026-01-01"): daily quotas reset when it changes. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Size of a string as Apps Script's storage limits count it: UTF-8 bytes. */
export function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/**
 * An emulated object handed out where Apps Script's type names the full interface: the emulated
 * class implements the subset of methods the project uses (its `implements Pick<...>` says which).
 */
export function real<T>(value: object): T {
  return value as unknown as T;
}
