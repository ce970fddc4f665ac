/**
 * UrlFetchApp over the FetchRouter: an unrouted URL fails like an unknown host ("DNS error: <url>");
 * a non-2xx answer throws Apps Script's "Request failed" message unless muteHttpExceptions; redirects
 * are followed unless followRedirects is false. Daily quota per simulated UTC day. Needs
 * authorization: refused in simple triggers (LIMITED) and AuthMode.NONE.
 */
import type { Runtime } from '../runtime';
import { Scopes, byteLength, exception, real, requireAuth, signedBytes, utcDay } from './common';
import { sendSync, type WireRequest } from './http-sync';
import { LocalNetwork } from './network';
import { blobBytes, EmuBlob } from './blob';
import type { FetchLogEntry, FetchReply, FetchRequest, FetchRouter } from './fetch-router';

type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type Request = GoogleAppsScript.URL_Fetch.URLFetchRequest;
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export const FetchErrors = {
  dns: (url: string) => `DNS error: ${url}`,
  timeout: (url: string) => `Timeout: ${url}`,
  unreachable: (url: string) => `Address unavailable: ${url}`,
  urlLength: 'Limit Exceeded: URLFetch URL Length.',
  headers: 'Limit Exceeded: URLFetch headers.',
  payload: 'Limit Exceeded: URLFetch POST Size.',
  response: 'Limit Exceeded: URLFetch response size.',
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

/** UrlFetchApp's documented limits per call (https://developers.google.com/apps-script/guides/services/quotas). */
export const FETCH_LIMITS = {
  urlChars: 2 * 1024,
  headers: 100,
  headerBytes: 8 * 1024,
  payloadBytes: 50 * 1024 * 1024,
  responseBytes: 50 * 1024 * 1024,
} as const;

/** What one hop of a request got: an answer, or a failure before any answer. */
type Answer = FetchReply | { failed: 'timeout' | 'unreachable' | 'dns' };

/** The User-Agent Apps Script sends [reported]. */
const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmF)';

export class EmuUrlFetchApp implements Pick<
  GoogleAppsScript.URL_Fetch.UrlFetchApp,
  'fetch' | 'fetchAll' | 'getRequest'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly router: FetchRouter,
    private readonly log: FetchLogEntry[],
    private readonly quota: FetchQuota,
    private readonly network: LocalNetwork = new LocalNetwork(),
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

  /** Google's per-call limits, checked before anything is sent. */
  #checkLimits(request: FetchRequest): void {
    if (request.url.length > FETCH_LIMITS.urlChars) throw exception(FetchErrors.urlLength);
    const headers = Object.entries(request.headers);
    if (headers.length > FETCH_LIMITS.headers) throw exception(FetchErrors.headers);
    const headerBytes = headers.reduce((n, [k, v]) => n + byteLength(k) + byteLength(String(v)), 0);
    if (headerBytes > FETCH_LIMITS.headerBytes) throw exception(FetchErrors.headers);
    if (byteLength(request.payload) > FETCH_LIMITS.payloadBytes) throw exception(FetchErrors.payload);
  }

  /** One hop: counted against the quota, logged, answered by a registered handler or a local server. */
  #hop(request: FetchRequest, prefetched?: Answer): { entry: FetchLogEntry; answer: Answer } {
    this.#checkLimits(request);
    this.quota.take(this.rt.nowMillis());
    const entry: FetchLogEntry = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.payload,
      at: this.rt.now().toISOString(),
      status: null,
    };
    this.log.push(entry);
    const answer = prefetched ?? this.#answers([request])[0];
    if (!('failed' in answer)) entry.status = answer.status ?? 200;
    return { entry, answer };
  }

  /** Answers for a batch of requests: handlers in order, local servers in parallel over sockets. */
  #answers(requests: readonly FetchRequest[]): Answer[] {
    const out: Answer[] = new Array(requests.length);
    const wire: Array<{ index: number; request: WireRequest }> = [];
    requests.forEach((request, index) => {
      const handler = this.router.route(request.url);
      if (handler) {
        out[index] = handler(request);
        return;
      }
      const target = this.network.target(request.url);
      if (!target) {
        out[index] = { failed: 'dns' };
        return;
      }
      const headers: Record<string, string> = { 'User-Agent': USER_AGENT, ...request.headers };
      headers.Host = new URL(request.url).host;
      wire.push({
        index,
        request: {
          url: target,
          method: request.method,
          headers,
          body: Buffer.from(request.payload, 'utf8').toString('base64'),
          timeoutMs: this.network.timeoutMs,
        },
      });
    });
    const results = sendSync(wire.map((w) => w.request));
    results.forEach((result, i) => {
      out[wire[i].index] = result.ok
        ? {
            status: result.status,
            headers: result.headers,
            body: Buffer.from(result.body, 'base64').toString('utf8'),
          }
        : { failed: result.error };
    });
    return out;
  }

  private send(url: string, options: Options, prefetched?: Answer): HTTPResponse {
    let request = this.request(url, options);
    for (let hop = 0; ; hop++) {
      const { answer } = this.#hop(request, hop === 0 ? prefetched : undefined);
      if ('failed' in answer) {
        if (answer.failed === 'dns') throw exception(FetchErrors.dns(request.url));
        if (answer.failed === 'timeout') throw exception(FetchErrors.timeout(request.url));
        throw exception(FetchErrors.unreachable(request.url));
      }
      const status = answer.status ?? 200;
      const headers = answer.headers ?? {};
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
      const body = answer.body ?? '';
      if (byteLength(body) > FETCH_LIMITS.responseBytes) throw exception(FetchErrors.response);
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
    return this.rt.call('UrlFetchApp.fetch', () => {
      requireAuth(this.rt, 'UrlFetchApp.fetch', Scopes.externalRequest);
      return this.send(url, params);
    });
  }

  /**
   * The requests are sent together (Google runs them in parallel) and answered in order; the first
   * one that fails (without muteHttpExceptions) makes the whole call throw.
   */
  fetchAll(requests: Array<Request | string>): HTTPResponse[] {
    return this.rt.call('UrlFetchApp.fetchAll', () => {
      requireAuth(this.rt, 'UrlFetchApp.fetchAll', Scopes.externalRequest);
      const list = requests.map((r) => (typeof r === 'string' ? { url: r } : r) as Request);
      const firsts = list.map((r) => this.request(r.url, r));
      firsts.forEach((r) => this.#checkLimits(r));
      const answers = this.#answers(firsts);
      return list.map((r, i) => this.send(r.url, r, answers[i]));
    });
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
