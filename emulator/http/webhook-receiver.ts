/**
 * A webhook receiver on 127.0.0.1, run as its own process (`node --import tsx
 * emulator/http/webhook-receiver.ts`; local-servers.ts starts it): it records every request and
 * answers as told, so tests and the playground can see what was delivered and make it fail.
 *
 *   GET  /_inbox           what was received, oldest first (JSON)
 *   POST /_answer          {status, delayMs?, headers?, body?, times?}: the next `times` requests
 *                          (default: every request from now on) get this answer
 *   POST /_reset           forget what was received and answer 200 again
 *   GET  /                 the inbox as a page, with buttons that make the receiver fail
 *   anything else          recorded, then answered (200 "ok" unless told otherwise)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface Received {
  at: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  answered: number;
}

export interface Answer {
  status: number;
  delayMs?: number;
  headers?: Record<string, string>;
  body?: string;
  times?: number;
}

const received: Received[] = [];
const scripted: Answer[] = [];
let standing: Answer = { status: 200 };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(): string {
  const rows = received
    .slice()
    .reverse()
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.at)}</td><td>${escapeHtml(r.method)} ${escapeHtml(r.path)}</td>` +
        `<td>${escapeHtml(r.headers['webhook-id'] ?? '')}</td><td>${r.answered}</td>` +
        `<td><pre>${escapeHtml(r.body)}</pre></td></tr>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>Webhook inbox</title>
<style>body{font:13px Arial,sans-serif;margin:16px}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #dadce0;padding:4px;vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap}
button{margin-right:8px}</style>
<h1>Webhook inbox</h1>
<p>Answering now: <b data-testid="answering">${standing.status}${standing.delayMs ? ` after ${standing.delayMs} ms` : ''}</b></p>
<p><button data-status="200">Answer 200</button><button data-status="500">Fail with 500</button>
<button data-status="410">Answer 410 (disable)</button><button data-status="429">Answer 429</button>
<button data-delay="1">Time out</button><button data-reset="1">Clear inbox</button></p>
${received.length ? `<table><tr><th>Received</th><th>Request</th><th>webhook-id</th><th>Answered</th><th>Body</th></tr>${rows}</table>` : '<p data-testid="empty">Nothing delivered yet.</p>'}
<script>
for (const b of document.querySelectorAll('button')) b.onclick = async () => {
  const answer = b.dataset.delay ? { status: 200, delayMs: 120000 } : { status: Number(b.dataset.status) };
  if (b.dataset.status === '429') answer.headers = { 'Retry-After': '60' };
  await fetch(b.dataset.reset ? '_reset' : '_answer', { method: 'POST', body: JSON.stringify(answer) });
  location.reload();
};
</script>`;
}

function nextAnswer(): Answer {
  const first = scripted[0];
  if (!first) return standing;
  if (first.times !== undefined && --first.times <= 0) scripted.shift();
  return first;
}

const server = createServer((req, res) => {
  void (async () => {
    const body = await readBody(req);
    const path = req.url ?? '/';
    if (req.method === 'GET' && path === '/_inbox') return json(res, 200, received);
    if (req.method === 'POST' && path === '/_reset') {
      received.length = 0;
      scripted.length = 0;
      standing = { status: 200 };
      return json(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/_answer') {
      const answer = JSON.parse(body || '{}') as Answer;
      if (answer.times) scripted.push(answer);
      else standing = answer;
      return json(res, 200, { ok: true });
    }
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(page());
    }
    const answer = nextAnswer();
    const headers: Record<string, string> = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers[req.rawHeaders[i].toLowerCase()] = req.rawHeaders[i + 1];
    received.push({
      at: new Date().toISOString(),
      method: req.method ?? 'GET',
      path,
      headers,
      body,
      answered: answer.status,
    });
    const reply = () => {
      res.writeHead(answer.status, answer.headers ?? { 'Content-Type': 'text/plain' });
      res.end(answer.body ?? (answer.status < 300 ? 'ok' : 'failed'));
    };
    if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
    else reply();
  })();
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
