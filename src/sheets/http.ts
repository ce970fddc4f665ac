/**
 * UrlFetchApp and the signing primitives behind small functions: the only door to the network.
 * Requests go out together (fetchAll) with muteHttpExceptions, so a non-2xx answer is data; a
 * request that gets no answer (time-out, unreachable) makes fetchAll throw for the whole batch,
 * which the caller records as a failed attempt of each.
 */
import type { AttemptResult } from '../domain/webhooks/outbox';

export interface OutgoingRequest {
  url: string;
  method: 'post' | 'get' | 'patch';
  headers: Record<string, string>;
  /** JSON text. */
  body?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function toRequest(r: OutgoingRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  return {
    url: r.url,
    method: r.method,
    headers: r.headers,
    contentType: 'application/json',
    ...(r.body !== undefined ? { payload: r.body } : {}),
    muteHttpExceptions: true,
    followRedirects: false,
  };
}

/** Sends the requests together; each answer in order, or the error every one of them met. */
export function sendAll(requests: readonly OutgoingRequest[]): Answer[] | { error: string } {
  if (!requests.length) return [];
  try {
    return UrlFetchApp.fetchAll(requests.map(toRequest)).map((res) => ({
      status: res.getResponseCode(),
      headers: res.getHeaders() as Record<string, string>,
      text: res.getContentText(),
    }));
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** One request; an exception (time-out, unreachable) comes back as the error. */
export function sendOne(request: OutgoingRequest): Answer | { error: string } {
  const out = sendAll([request]);
  return Array.isArray(out) ? out[0] : out;
}

/** A header of an answer, whatever its case. */
export function header(answer: Answer, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(answer.headers).find(([k]) => k.toLowerCase() === wanted)?.[1];
}

export function attemptResult(answer: Answer | { error: string }): AttemptResult {
  return 'error' in answer
    ? { status: null, error: answer.error }
    : { status: answer.status, retryAfter: header(answer, 'Retry-After') };
}

/** Signed bytes (Java's) of text as UTF-8. */
function utf8Signed(text: string): number[] {
  return Utilities.newBlob(text).getBytes();
}

/** base64 of HMAC-SHA256(key, content) with the key given as base64. */
export function hmacBase64(keyBase64: string, content: string): string {
  return Utilities.base64Encode(
    Utilities.computeHmacSha256Signature(utf8Signed(content), Utilities.base64Decode(keyBase64)),
  );
}

/** A new random key: 32 bytes (SHA-256 of two random UUIDs), as base64. */
export function newKeyBase64(): string {
  const seed = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  return Utilities.base64Encode(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, seed));
}

/** A random id (hex, no dashes). */
export function newId(): string {
  return Utilities.getUuid().replace(/-/g, '');
}
