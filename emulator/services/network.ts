/**
 * Where UrlFetchApp's requests may go over real sockets: servers on 127.0.0.1 that a test (or the
 * playground) started. A host name can be mapped to one of them (`mapHost('hooks.slack.com',
 * 'http://127.0.0.1:4010')`), like an entry in a hosts file: the request keeps its path, query and
 * Host header and is sent as plain HTTP to that server (TLS is not modelled). A URL whose host is
 * neither mapped nor 127.0.0.1/localhost is refused: nothing leaves the machine.
 */
const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+$/;

/** Apps Script stops waiting for an answer after about 60 s [reported: it is not in Google's quotas]. */
export const FETCH_TIMEOUT_MS = 60_000;

export class LocalNetwork {
  private readonly hosts = new Map<string, string>();
  /** How long a request may take before UrlFetchApp gives up (tests shorten it). */
  timeoutMs = FETCH_TIMEOUT_MS;

  /** Sends requests for `host` (a name, optionally with :port) to `origin` (http://127.0.0.1:port). */
  mapHost(host: string, origin: string): void {
    const base = origin.replace(/\/+$/, '');
    if (!LOOPBACK.test(base)) throw new Error(`mapHost: ${origin} is not http://127.0.0.1:<port>`);
    this.hosts.set(host.toLowerCase(), base);
  }

  unmapHost(host: string): void {
    this.hosts.delete(host.toLowerCase());
  }

  /** The loopback URL a request for `url` is sent to, or null when it may not be sent. */
  target(url: string): string | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    const mapped = this.hosts.get(u.host.toLowerCase()) ?? this.hosts.get(u.hostname.toLowerCase());
    if (mapped) return `${mapped}${u.pathname}${u.search}`;
    if (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost') && u.port)
      return `http://127.0.0.1:${u.port}${u.pathname}${u.search}`;
    return null;
  }
}
