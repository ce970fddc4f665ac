/**
 * Where UrlFetchApp's requests go first: handlers a test (or a scenario's "http" responders) registers
 * by URL prefix or pattern. A URL no handler takes may go to a local server (network.ts).
 */
export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  contentType: string;
  payload: string;
}

export interface FetchReply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

export type FetchHandler = (request: FetchRequest) => FetchReply;

export interface FetchLogEntry {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The request's body as sent. */
  body: string;
  at: string;
  status: number | null;
}

export class FetchRouter {
  private readonly routes: Array<{ match: string | RegExp; handler: FetchHandler }> = [];

  /** The latest registration that matches wins. */
  register(match: string | RegExp, handler: FetchHandler): void {
    this.routes.push({ match, handler });
  }
  clear(): void {
    this.routes.length = 0;
  }
  route(url: string): FetchHandler | undefined {
    for (let i = this.routes.length - 1; i >= 0; i--) {
      const { match, handler } = this.routes[i];
      if (typeof match === 'string' ? url.startsWith(match) : match.test(url)) return handler;
    }
    return undefined;
  }
}
