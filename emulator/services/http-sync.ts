/**
 * Real HTTP requests made synchronously, as UrlFetchApp is: the script (and so the emulator) runs
 * synchronously, so each batch of requests is sent by a worker thread (node:http) while this thread
 * waits on a shared flag (Atomics.wait) and then takes the answer off a message port
 * (receiveMessageOnPort). The servers answering must therefore run outside this thread (another
 * process: see emulator/http/local-servers.ts). Only http:// on 127.0.0.1 is ever dialled.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';

export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** base64 of the body bytes. */
  body: string;
  timeoutMs: number;
}

export type WireResult =
  | { ok: true; status: number; headers: Record<string, string>; body: string }
  | { ok: false; error: 'timeout' | 'unreachable'; detail: string };

/** The worker: plain CommonJS run with eval, so it needs no loader for TypeScript. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
function one(req) {
  return new Promise((resolve) => {
    const u = new URL(req.url);
    let done = false;
    const finish = (value) => { if (!done) { done = true; clearTimeout(timer); resolve(value); } };
    const r = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: req.method, headers: req.headers },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const headers = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers[res.rawHeaders[i]] = res.rawHeaders[i + 1];
          finish({ ok: true, status: res.statusCode, headers, body: Buffer.concat(chunks).toString('base64') });
        });
        res.on('error', (e) => finish({ ok: false, error: 'unreachable', detail: String(e.code || e.message) }));
      },
    );
    const timer = setTimeout(() => { finish({ ok: false, error: 'timeout', detail: 'timed out' }); r.destroy(); }, req.timeoutMs);
    r.on('error', (e) => finish({ ok: false, error: 'unreachable', detail: String(e.code || e.message) }));
    r.end(Buffer.from(req.body, 'base64'));
  });
}
parentPort.on('message', async ({ requests, port, signal }) => {
  const results = await Promise.all(requests.map(one));
  port.postMessage(results);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

let worker: Worker | null = null;

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on('error', () => (worker = null));
  }
  return worker;
}

/** Sends the requests in parallel and waits for every answer (or its time-out). */
export function sendSync(requests: readonly WireRequest[]): WireResult[] {
  if (!requests.length) return [];
  for (const r of requests) {
    const host = new URL(r.url).hostname;
    if (host !== '127.0.0.1' || !r.url.startsWith('http://'))
      throw new Error(`The emulator dials only http://127.0.0.1 (asked for ${r.url}).`);
  }
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  theWorker().postMessage({ requests, port: port2, signal }, [port2]);
  const wait = Math.max(...requests.map((r) => r.timeoutMs)) + 10_000;
  Atomics.wait(signal, 0, 0, wait);
  const answer = receiveMessageOnPort(port1);
  port1.close();
  if (!answer) throw new Error('The emulator lost a request in flight (its HTTP worker did not answer).');
  return answer.message as WireResult[];
}

/** Stops the worker (the test bed calls it when done; an idle worker does not keep node alive). */
export async function stopHttpWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
