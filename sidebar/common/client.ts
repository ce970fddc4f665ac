/**
 * A typed promise client over google.script.run. At most 10 calls are in flight at once (the
 * documented limit); the rest wait in order. Arguments are checked to be plain data, and against the
 * server's edge schema (src/shared/schema/server-args.ts), before sending.
 */
import type { ServerApi } from '../../src/shared/api';
import { explainAuthorizationError } from '../../src/shared/scopes';
import { serverArgProblems } from '../../src/shared/schema/server-args';
import { cleanArgs } from './plain';

export type ServerMethod = keyof ServerApi;
export type Args<K extends ServerMethod> = Parameters<ServerApi[K]>;
export type Result<K extends ServerMethod> = ReturnType<ServerApi[K]>;

/** The part of google.script.run the client uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

/** The documented maximum of concurrent google.script.run calls. */
export const MAX_IN_FLIGHT = 10;

/**
 * A failed server call: the server's message, without the "Error: " / "Exception: " prefix; Apps
 * Script's authorization errors (a permission the person did not grant) in the tracker's words.
 */
export class ServerError extends Error {
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

export function serverMessage(error: unknown): string {
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : error && typeof (error as { message?: unknown }).message === 'string'
          ? (error as { message: string }).message
          : 'The server call failed.';
  const message = raw.replace(/^(?:\w*Error|Exception):\s*/, '').trim() || 'The server call failed.';
  return explainAuthorizationError(message);
}

export interface Client {
  call<K extends ServerMethod>(name: K, ...args: Args<K>): Promise<Result<K>>;
  /** Calls sent and not yet answered. */
  inFlight(): number;
  /** Calls waiting for a free slot. */
  queued(): number;
}

interface Pending {
  name: string;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** `getRunner` is asked for a fresh google.script.run at each send (handlers are per call). */
export function createClient(getRunner: () => ScriptRunner, maxInFlight = MAX_IN_FLIGHT): Client {
  const waiting: Pending[] = [];
  let active = 0;

  function pump(): void {
    while (active < maxInFlight && waiting.length) send(waiting.shift() as Pending);
  }

  function send(job: Pending): void {
    active++;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      active--;
      settle();
      pump();
    };
    try {
      const runner = getRunner()
        .withSuccessHandler((value) => finish(() => job.resolve(value)))
        .withFailureHandler((error) =>
          finish(() => job.reject(new ServerError(job.name, serverMessage(error)))),
        );
      const fn = (runner as unknown as Record<string, unknown>)[job.name];
      if (typeof fn !== 'function')
        throw new ServerError(job.name, `The server has no function ${job.name}.`);
      fn.apply(runner, job.args);
    } catch (error) {
      finish(() =>
        job.reject(error instanceof ServerError ? error : new ServerError(job.name, serverMessage(error))),
      );
    }
  }

  return {
    call<K extends ServerMethod>(name: K, ...args: Args<K>): Promise<Result<K>> {
      let sent: unknown[];
      try {
        sent = cleanArgs(name, args);
      } catch (error) {
        return Promise.reject(error);
      }
      // the server's own edge check (one schema for both sides): a wrong argument is not sent
      const problems = serverArgProblems(name, sent);
      if (problems.length) return Promise.reject(new ServerError(name, problems.join('\n')));
      return new Promise<Result<K>>((resolve, reject) => {
        waiting.push({ name, args: sent, resolve: resolve as (value: unknown) => void, reject });
        pump();
      });
    },
    inFlight: () => active,
    queued: () => waiting.length,
  };
}

declare const google: { script: { run: ScriptRunner } } | undefined;

/** The page's client over the real google.script.run (looked up at each call). */
export function browserClient(): Client {
  return createClient(() => {
    if (typeof google === 'undefined' || !google?.script?.run)
      throw new Error('google.script.run is not available: open this page from the add-on menu.');
    return google.script.run;
  });
}
