/**
 * google.script.run for the add-on's pages served by the playground: every server function of the
 * bundle is a method of the runner; a call goes to the playground server (POST /api/run), which runs
 * it in the emulator as the person the page was shown to. withSuccessHandler, withFailureHandler and
 * withUserObject return a new runner, as the real one does; arguments and results cross as plain
 * data under google.script.run's rules (a Date, a function or a DOM node fails the call).
 */
import { serializeForScriptRun } from '../../emulator/script-run';

interface ShimConfig {
  page: number;
  functions: string[];
}

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerState {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const config = (window as unknown as { __playgroundShim: ShimConfig }).__playgroundShim;

function notifyHost(message: Record<string, unknown>): void {
  if (window.parent && window.parent !== window) window.parent.postMessage(message, window.location.origin);
}

/** A form passed as an argument crosses as an object of its named fields (files left out). */
function formValues(form: HTMLFormElement): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value !== 'string') continue;
    const prior = out[name];
    out[name] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

function scriptError(message: string): Error {
  const error = new Error(message);
  error.name = 'ScriptError';
  return error;
}

async function send(fn: string, args: unknown[], state: RunnerState): Promise<void> {
  let body: string;
  try {
    body = JSON.stringify({ page: config.page, fn, args });
  } catch (err) {
    throw scriptError((err as Error).message);
  }
  notifyHost({ type: 'playground:calling', fn });
  let reply: { ok: boolean; result?: unknown; error?: string };
  try {
    const response = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    reply = await response.json();
  } catch (err) {
    reply = {
      ok: false,
      error: `NetworkError: Connection failure due to HTTP 0 (${(err as Error).message})`,
    };
  }
  notifyHost({ type: 'playground:ran', fn, ok: reply.ok });
  if (reply.ok) {
    state.success?.(reply.result ?? null, state.userObject);
    return;
  }
  const error = scriptError(reply.error ?? 'The server call failed.');
  if (state.failure) state.failure(error, state.userObject);
  else console.error(error);
}

function runner(state: RunnerState): Record<string, unknown> {
  const handler = (kind: 'success' | 'failure') => (fn: unknown) => {
    if (typeof fn !== 'function')
      throw new TypeError(`with${kind === 'success' ? 'Success' : 'Failure'}Handler needs a function`);
    return runner({ ...state, [kind]: fn as Handler });
  };
  const out: Record<string, unknown> = {
    withSuccessHandler: handler('success'),
    withFailureHandler: handler('failure'),
    withUserObject: (userObject: unknown) => runner({ ...state, userObject }),
  };
  for (const fn of config.functions) {
    out[fn] = (...args: unknown[]) => {
      const sent = args.map((arg, i) =>
        serializeForScriptRun(arg instanceof HTMLFormElement ? formValues(arg) : arg, String(i)),
      );
      void send(fn, sent, state);
    };
  }
  return out;
}

const host = {
  origin: window.location.origin,
  close: () => notifyHost({ type: 'playground:close', page: config.page }),
  setHeight: (height: number) => notifyHost({ type: 'playground:size', page: config.page, height }),
  setWidth: (width: number) => notifyHost({ type: 'playground:size', page: config.page, width }),
  editor: { focus: () => notifyHost({ type: 'playground:focus-editor' }) },
};

(window as unknown as { google: unknown }).google = { script: { run: runner({}), host } };
