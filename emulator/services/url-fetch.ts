/**
 * UrlFetchApp over the FetchRouter: an unrouted URL fails like an unknown host ("DNS error: <url>");
 * a non-2xx answer throws Apps Script's "Request failed" message unless muteHttpExceptions; redirects
 * are followed unless followRedirects is false. Daily quota per simulated UTC day. Needs
 * authorization: refused in simple triggers (LIMITED) and AuthMode.NONE.
 */
import type { Runtime } from '../runtime';
import { Scopes, exception, real, requireAuth, signedBytes, utcDay } from './common';
import { blobBytes, EmuBlob } from './blob';
import type { FetchLogEntry, FetchRequest, FetchRouter } from './fetch-router';

type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type Request = GoogleAppsScript.URL_Fetch.URLFetchRequest;
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export const FetchErrors = {
  dns: (url: string) => `DNS error: ${url}`,
  quota: 'Service invoked too many times for one day: urlfetch.',
  failed: (url: string, code: number, body: string) =>
    `Request failed for ${url} returned code ${code}. Truncated server response: ${
      body.length > TRUNCATE_AT ? `${body.slice(0, TRUNCATE_AT)}...` : body
    } (use muteHttpExceptions option to examine full response)`,
} as const;
const TRUNCATE_AT = 150;
const MAX_REDIRECTS = 5;

export class EmuHttpResponse implements Pick<
  HTTPResponse,
  'getResponseCode' | 'getContentText' | 'getContent' | 'getHeaders' | 'getAllHeaders' | 'getBlob'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly status: number,
    private readonly body: Buffer,
    private readonly headers: Record<string, string>,
  ) {}
  private local<T>(method: string, fn: () => T): T {
    return this.rt.call(`HTTPResponse.${method}`, fn, { local: true });
  }
  getResponseCode(): number {
    return this.local('getResponseCode', () => this.status);
  }
  getContentText(charset?: string): string {
    return this.local('getContentText', () =>
      this.body.toString(/ascii/i.test(String(charset ?? '')) ? 'ascii' : 'utf8'),
    );
  }
  getContent(): number[] {
    return this.local('getContent', () => signedBytes(this.body));
  }
  getHeaders(): Record<string, string> {
    return this.local('getHeaders', () => ({ ...this.headers }));
  }
  getAllHeaders(): Record<string, string> {
    return this.local('getAllHeaders', () => ({ ...this.headers }));
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.local('getBlob', () => {
      const type =
        Object.entries(this.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
      return real<GoogleAppsScript.Base.Blob>(new EmuBlob(this.rt, this.body, type));
    });
  }
}

function encodePayload(options: Options): { payload: string; contentType: string } {
  const p = options.payload;
  if (p === undefined || p === null) return { payload: '', contentType: options.contentType ?? '' };
  if (typeof p === 'string')
    return { payload: p, contentType: options.contentType ?? 'application/x-www-form-urlencoded' };
  if (typeof (p as { getBytes?: unknown }).getBytes === 'function') {
    const blob = p as GoogleAppsScript.Base.Blob;
    return {
      payload: blobBytes(blob).toString('utf8'),
      contentType: options.contentType ?? blob.getContentType() ?? '',
    };
  }
  const form = Object.entries(p as Record<string, unknown>)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return { payload: form, contentType: options.contentType ?? 'application/x-www-form-urlencoded' };
}

export class FetchQuota {
  private day = '';
  private used = 0;
  constructor(readonly perDay: number) {}
  take(nowMs: number): void {
    if (utcDay(nowMs) !== this.day) {
      this.day = utcDay(nowMs);
      this.used = 0;
    }
    if (this.used >= this.perDay) throw exception(FetchErrors.quota);
    this.used++;
  }
}

export class EmuUrlFetchApp implements Pick<
  GoogleAppsScript.URL_Fetch.UrlFetchApp,
  'fetch' | 'fetchAll' | 'getRequest'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly router: FetchRouter,
    private readonly log: FetchLogEntry[],
    private readonly quota: FetchQuota,
  ) {}

  private request(url: string, options: Options): FetchRequest {
    const { payload, contentType } = encodePayload(options);
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (contentType) headers['Content-Type'] = contentType;
    return {
      url: String(url),
      method: (options.method ?? 'get').toUpperCase(),
      headers,
      contentType,
      payload,
    };
  }

  private send(url: string, options: Options): HTTPResponse {
    requireAuth(this.rt, 'UrlFetchApp.fetch', Scopes.externalRequest);
    let request = this.request(url, options);
    for (let hop = 0; ; hop++) {
      this.quota.take(this.rt.nowMillis());
      const entry: FetchLogEntry = { ...request, at: this.rt.now().toISOString(), status: null };
      this.log.push(entry);
      const handler = this.router.route(request.url);
      if (!handler) throw exception(FetchErrors.dns(request.url));
      const reply = handler(request);
      const status = reply.status ?? 200;
      const headers = reply.headers ?? {};
      entry.status = status;
      const location = Object.entries(headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (
        status >= 300 &&
        status < 400 &&
        location &&
        options.followRedirects !== false &&
        hop < MAX_REDIRECTS
      ) {
        const keepMethod = status === 307 || status === 308;
        request = keepMethod
          ? { ...request, url: new URL(location, request.url).toString() }
          : {
              url: new URL(location, request.url).toString(),
              method: 'GET',
              headers: {},
              contentType: '',
              payload: '',
            };
        continue;
      }
      const body = reply.body ?? '';
      if (
        (status < 200 || status >= 300) &&
        !options.muteHttpExceptions &&
        !(status >= 300 && status < 400)
      ) {
        throw exception(FetchErrors.failed(request.url, status, body));
      }
      return real<HTTPResponse>(new EmuHttpResponse(this.rt, status, Buffer.from(body, 'utf8'), headers));
    }
  }

  fetch(url: string, params: Options = {}): HTTPResponse {
    return this.rt.call('UrlFetchApp.fetch', () => this.send(url, params));
  }
  /** The requests run in order; the first one that throws stops the batch. */
  fetchAll(requests: Array<Request | string>): HTTPResponse[] {
    return this.rt.call('UrlFetchApp.fetchAll', () =>
      requests.map((r) => (typeof r === 'string' ? this.send(r, {}) : this.send(r.url, r))),
    );
  }
  getRequest(url: string, params: Options = {}): Request {
    return this.rt.call(
      'UrlFetchApp.getRequest',
      () => {
        const r = this.request(url, params);
        return {
          url: r.url,
          method: r.method.toLowerCase() as Request['method'],
          headers: r.headers,
          payload: r.payload,
          contentType: r.contentType,
        };
      },
      { local: true },
    );
  }
}
