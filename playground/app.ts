/**
 * The playground's HTTP server (node:http, loopback only): the page, its JSON API, the add-on's
 * pages with the google.script.run shim, and the .xlsx export.
 *
 *   GET  /                   the playground page (GET /app.js, /app.css: its script and style)
 *   GET  /api/state          people, acting person, clock, tabs, add-on menu, sidebar shown
 *   GET  /api/sheet?name=    one sheet as the acting person sees it (display values, dropdowns, ...)
 *   POST /api/user {email}   act as someone else (they open the file: onOpen runs for them)
 *   POST /api/menu {caption} click an add-on menu item
 *   POST /api/run {page, fn, args}  google.script.run from a shown page, as the person it was shown to
 *   POST /api/edit {sheet, a1, values}  a person's edit (validation, protection, triggers)
 *   POST /api/select {sheet, a1}        the person's selection (History of this row)
 *   POST /api/advance {duration}        move the clock (ISO 8601 duration), firing time triggers
 *   POST /api/close {page}   close a sidebar or dialog
 *   POST /api/reset {to}, /api/demo      a new workbook: empty, or (to: "demo") the demo program
 *   GET  /api/outbox         the e-mails the add-on sent, newest first
 *   GET  /api/files          the files the acting person can open (the tracker, views, the form)
 *   GET  /api/file?id=       a view file's sheets;  GET /api/form?url=  a form's questions
 *   POST /api/form {url, answers}  answer a form as a person without a Google login
 *   GET  /page/<id>          a page the add-on showed, with the google.script.run shim
 *   GET  /export.xlsx        the workbook as an Excel file
 *   GET  /inbox              the local webhook inbox (another process on 127.0.0.1): what the add-on
 *                            sent to https://hooks.playground.test/... and Slack, and buttons that
 *                            make it answer 500, 410, 429 or time out
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startLocalServer, type LocalServer } from '../emulator/http/local-servers';
import { buildClient, type ClientBundle } from './client-bundle';
import { loadDemo } from './demo';
import { Session, type SessionOptions } from './session';
import { withShim } from './sidebar-page';
import { sheetNames } from './workbook-read';
import { sheetView } from './workbook-view';
import { exportXlsx } from './xlsx';
import { fileCells, filesFor, formAt } from './files';
import type { ActionResult, PlaygroundState } from './view-types';

export interface PlaygroundOptions extends SessionOptions {
  port?: number;
  /** Log lines (the address, replay counts); silent when absent. */
  log?: (line: string) => void;
  /** Start the local webhook inbox (default true). */
  webhookInbox?: boolean;
}

/** The playground's webhook inbox receives what the add-on sends to these hosts. */
export const INBOX_HOSTS = ['hooks.playground.test', 'hooks.slack.com'] as const;

export interface Playground {
  url: string;
  port: number;
  session: Session;
  server: http.Server;
  /** The webhook inbox page (http://127.0.0.1:port/), or null when not started. */
  inbox: string | null;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'POST bodies are JSON (content-type: application/json)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8') || '{}';
  const parsed = JSON.parse(text) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new HttpError(400, 'Expected a JSON object');
  return parsed as Record<string, unknown>;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function str(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || !value) throw new HttpError(400, `"${key}" must be a non-empty string`);
  return value;
}

/** Host header check: the page is reachable by loopback names only (no DNS rebinding). */
function loopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === LOOPBACK || name === 'localhost' || name === '::1';
}

/** The bundle's top-level functions (what google.script.run can call). */
export function bundleFunctions(session: Session): string[] {
  const emu = session.emu;
  return emu
    .topLevelFunctions()
    .filter((name) => emu.has(name))
    .sort();
}

export function playgroundState(session: Session): PlaygroundState {
  const emu = session.emu;
  return {
    name: emu.rt.uncounted(() => emu.spreadsheet.getName()),
    people: session.people(),
    actingUser: session.actingUser,
    now: emu.rt.now().toISOString(),
    timeZone: emu.options.timeZone,
    tabs: sheetNames(emu),
    menu: emu.menuItems(),
    sidebar: session.sidebar,
    dialog: session.dialog,
    readOnly: !session.canEditFile(session.actingUser),
    steps: session.journal.steps.length,
    functions: bundleFunctions(session),
    activeSheet: emu.rt.uncounted(() => {
      try {
        return emu.spreadsheet.getActiveSheet()?.getName() ?? null;
      } catch {
        return null;
      }
    }),
    outbox: emu.services.state.outbox.length,
  };
}

function route(
  session: Session,
  client: ClientBundle,
  staticFiles: Record<string, string>,
  inbox: string | null,
) {
  // The demo yields between its days: until it is done, other changes wait (refused, not interleaved).
  let demoLoading = false;
  async function loadingDemo<T>(load: () => Promise<T>): Promise<T> {
    demoLoading = true;
    try {
      return await load();
    } finally {
      demoLoading = false;
    }
  }
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const method = req.method ?? 'GET';
    if (!loopbackHost(req.headers.host))
      throw new HttpError(403, 'The playground answers on loopback names only');
    if (method === 'GET') {
      if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', staticFiles.html);
      if (url.pathname === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', client.app);
      if (url.pathname === '/app.css') return send(res, 200, 'text/css; charset=utf-8', staticFiles.css);
      if (url.pathname === '/api/state') return sendJson(res, 200, playgroundState(session));
      if (url.pathname === '/inbox') {
        if (!inbox) throw new HttpError(404, 'The webhook inbox is not running');
        res.writeHead(302, { location: inbox, 'cache-control': 'no-store' });
        res.end();
        return;
      }
      if (url.pathname === '/api/outbox') return sendJson(res, 200, session.outbox());
      if (url.pathname === '/api/files') return sendJson(res, 200, filesFor(session));
      if (url.pathname === '/api/file') {
        const file = fileCells(session, url.searchParams.get('id') ?? '');
        if (!file) throw new HttpError(404, 'You cannot open that file');
        return sendJson(res, 200, file);
      }
      if (url.pathname === '/api/form') {
        const form = formAt(session, url.searchParams.get('url') ?? '');
        if (!form) throw new HttpError(404, 'Sorry, the file you have requested does not exist.');
        return sendJson(res, 200, form);
      }
      if (url.pathname === '/api/sheet') {
        const name = url.searchParams.get('name') ?? '';
        if (!sheetNames(session.emu).some((s) => s.name === name))
          throw new HttpError(404, `No sheet named "${name}"`);
        const rows = Number(url.searchParams.get('rows') ?? '') || undefined;
        return sendJson(res, 200, sheetView(session, name, session.actingUser, rows));
      }
      const page = /^\/page\/(\d+)$/.exec(url.pathname);
      if (page) {
        const shown = session.page(Number(page[1]));
        if (!shown) throw new HttpError(404, 'That page is no longer open');
        const functions = bundleFunctions(session);
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          withShim(shown.html, client.shim, { page: shown.id, functions }),
        );
      }
      if (url.pathname === '/export.xlsx') {
        const buffer = await exportXlsx(session.emu);
        const name = playgroundState(session).name.replace(/[^\w .-]+/g, '_') || 'workbook';
        res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${name}.xlsx"`,
          'cache-control': 'no-store',
        });
        res.end(buffer);
        return;
      }
      throw new HttpError(404, 'Not found');
    }
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed');
    if (demoLoading) throw new HttpError(409, 'The demo program is still loading: try again when it is done');
    const body = await readBody(req);
    const as = session.actingUser;
    let outcome: ActionResult;
    switch (url.pathname) {
      case '/api/user':
        outcome = session.switchUser(str(body, 'email'));
        break;
      case '/api/menu':
        outcome = session.apply({ as, menu: str(body, 'caption') });
        break;
      case '/api/run': {
        const shown = typeof body.page === 'number' ? session.page(body.page) : undefined;
        const args = Array.isArray(body.args) ? body.args : [];
        const result = session.apply({ as: shown?.user || as, call: str(body, 'fn'), args });
        return sendJson(res, 200, { ok: result.ok, result: result.result ?? null, error: result.error });
      }
      case '/api/edit': {
        const values = body.values;
        if (!Array.isArray(values) || !values.every(Array.isArray))
          throw new HttpError(400, '"values" must be a 2-D array');
        outcome = session.apply({ as, edit: { sheet: str(body, 'sheet'), range: str(body, 'a1'), values } });
        break;
      }
      case '/api/select':
        outcome = session.apply({ as, select: { sheet: str(body, 'sheet'), range: str(body, 'a1') } });
        break;
      case '/api/advance':
        outcome = session.apply({ advance: str(body, 'duration') });
        break;
      case '/api/form': {
        const answers = (body.answers ?? {}) as Record<string, unknown>;
        const text = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, String(v ?? '')]));
        outcome = session.apply({ submitForm: { url: str(body, 'url'), answers: text } });
        break;
      }
      case '/api/close':
        session.closePage(Number(body.page));
        outcome = { ok: true };
        break;
      case '/api/reset': {
        if (body.to === 'demo') {
          const demo = await loadingDemo(() => loadDemo(session));
          outcome = { ok: true, notes: demo.notes, result: demo };
        } else {
          session.reset();
          outcome = { ok: true };
        }
        break;
      }
      case '/api/demo': {
        const demo = await loadingDemo(() => loadDemo(session));
        outcome = { ok: true, notes: demo.notes, result: demo };
        break;
      }
      default:
        throw new HttpError(404, 'Not found');
    }
    sendJson(res, 200, outcome);
  };
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const log = options.log ?? (() => undefined);
  // Listen first: a busy port fails before the journal is replayed; early requests wait for it.
  let handle: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  let opened: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const server = http.createServer((req, res) => {
    ready
      .then(() => handle!(req, res))
      .catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : err instanceof SyntaxError ? 400 : 500;
        if (status === 500) log(`error: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) sendJson(res, status, { ok: false, error: (err as Error).message });
        else res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let receiver: LocalServer | null = null;
  const close = async () => {
    await receiver?.stop();
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  };
  try {
    if (options.webhookInbox !== false) {
      receiver = await startLocalServer('webhook-receiver');
      log(`webhook inbox: ${receiver.origin}/ (receives ${INBOX_HOSTS.join(', ')})`);
    }
    const inboxOrigin = receiver?.origin ?? null;
    const hosts = Object.fromEntries(inboxOrigin ? INBOX_HOSTS.map((h) => [h, inboxOrigin]) : []);
    // A receiver told to time out would hold the playground for Apps Script's 60 s: 10 s here.
    const session = new Session({
      fetchTimeoutMs: 10_000,
      ...options,
      hosts: { ...hosts, ...options.hosts },
    });
    log('replaying the workbook journal');
    const started = session.start();
    if (started.warning) log(started.warning);
    if (started.fresh && options.fresh === 'demo') {
      log('first start: loading the demo program');
      const demo = await loadDemo(session);
      for (const note of demo.notes) log(note);
    } else log(`replayed ${started.replayed} journal steps (${started.failed} failed)`);
    const client = await buildClient();
    const dir = path.join(__dirname, 'client');
    const staticFiles = {
      html: await readFile(path.join(dir, 'index.html'), 'utf8'),
      css: await readFile(path.join(dir, 'style.css'), 'utf8'),
    };
    handle = route(session, client, staticFiles, inboxOrigin && `${inboxOrigin}/`);
    opened();
    return {
      url: `http://${LOOPBACK}:${port}`,
      port,
      session,
      server,
      inbox: inboxOrigin && `${inboxOrigin}/`,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
