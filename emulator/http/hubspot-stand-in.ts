/**
 * A HubSpot stand-in on 127.0.0.1 (its own process, like webhook-receiver.ts), answering the part of
 * HubSpot's CRM v3 API the add-on uses, with HubSpot's shapes
 * (https://developers.hubspot.com/docs/api/crm/deals, .../crm/search):
 *
 *   GET  /crm/v3/objects/deals?limit=&after=      {results: [{id, properties, createdAt, updatedAt,
 *                                                  archived}], paging?: {next: {after, link}}}
 *   POST /crm/v3/objects/deals/search             {total, results, paging?}: filters on a property with
 *                                                  GTE/GT/EQ, sorts, limit (max 200), after
 *   POST /crm/v4/associations/deals/companies/batch/read   {results: [{from: {id}, to: [{toObjectId}]}]}
 *   POST /crm/v3/objects/companies/batch/read               {results: [{id, properties: {domain}}]}
 *   POST /crm/v3/objects/deals/batch/upsert       {inputs: [{idProperty, id, properties}]}: creates or
 *                                                  updates by a unique property; {status, results:
 *                                                  [{id, properties, new}]}
 *   limits (https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details): a burst limit
 *   per token and rolling interval (off until set), reported on each non-search answer in
 *   X-HubSpot-RateLimit-Max / -Remaining / -Interval-Milliseconds; the search endpoint's own limit
 *   per second (off until set), whose answers carry none of those headers; over either: 429 with
 *   Retry-After and {status, message, errorType: "RATE_LIMIT", policyName}
 *   a wrong Bearer token: 401 {status: "error", category: "INVALID_AUTHENTICATION", message, correlationId}
 *
 * Control (for tests): POST /_deals [{id, properties, companies}] and POST /_companies
 * [{id, properties: {domain}}] replace the data (GET /_deals lists the deals); POST /_answer
 * {status, headers?, body?, times} makes the next requests fail (429 with Retry-After, 500...);
 * POST /_limits {max, intervalMs, searchPerSecond} turns the limits on (real time); POST /_consume
 * {count} spends part of the window as another app of the account would;
 * GET /_requests lists what it was asked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

interface Deal {
  id: string;
  properties: Record<string, string>;
  /** Associated company ids. */
  companies?: string[];
}
interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  times: number;
}

const TOKEN = process.env.HUBSPOT_TOKEN ?? 'pat-na1-stand-in';
let deals: Deal[] = [];
let companies: Array<{ id: string; properties: Record<string, string> }> = [];
const scripted: Scripted[] = [];
const requests: Array<{
  method: string;
  path: string;
  body: string;
  authorization: string;
  status: number;
}> = [];
let nextDealId = 1000;
const limits = { max: 0, intervalMs: 10_000, searchPerSecond: 0 };
/** Times (ms) of the requests counted in the rolling window, and of the searches in the last second. */
let burst: number[] = [];
let searches: number[] = [];

/** Counts a request against the limits: null when allowed, else the 429 to answer. */
function overLimit(search: boolean): { retryAfter: number; policy: string; message: string } | null {
  const now = Date.now();
  burst = burst.filter((t) => t > now - limits.intervalMs);
  searches = searches.filter((t) => t > now - 1000);
  if (search && limits.searchPerSecond && searches.length >= limits.searchPerSecond)
    return {
      retryAfter: Math.max(1, Math.ceil((searches[0] + 1000 - now) / 1000)),
      policy: 'SECONDLY',
      message: 'You have reached your secondly limit.',
    };
  if (limits.max && burst.length >= limits.max)
    return {
      retryAfter: Math.max(1, Math.ceil((burst[0] + limits.intervalMs - now) / 1000)),
      policy: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    };
  burst.push(now);
  if (search) searches.push(now);
  return null;
}

function rateHeaders(): Record<string, string> {
  if (!limits.max) return {};
  return {
    'X-HubSpot-RateLimit-Max': String(limits.max),
    'X-HubSpot-RateLimit-Remaining': String(Math.max(0, limits.max - burst.length)),
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(limits.intervalMs),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function json(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
}

const shape = (d: Deal) => ({
  id: d.id,
  properties: { ...d.properties, hs_object_id: d.id },
  createdAt: d.properties.createdate ?? '2026-01-01T00:00:00.000Z',
  updatedAt: d.properties.hs_lastmodifieddate ?? '2026-01-01T00:00:00.000Z',
  archived: false,
});

function page(list: Deal[], limit: number, after: number, link: string) {
  const slice = list.slice(after, after + limit);
  const next = after + limit < list.length ? String(after + limit) : null;
  return {
    results: slice.map(shape),
    ...(next ? { paging: { next: { after: next, link: `${link}?after=${next}` } } } : {}),
  };
}

interface Filter {
  propertyName: string;
  operator: string;
  value: string;
}

function matches(deal: Deal, filter: Filter): boolean {
  const have = deal.properties[filter.propertyName] ?? '';
  const a = Date.parse(have);
  const b = Date.parse(filter.value);
  const numeric = !Number.isNaN(a) && !Number.isNaN(b);
  switch (filter.operator) {
    case 'EQ':
      return have === filter.value;
    case 'GTE':
      return numeric ? a >= b : have >= filter.value;
    case 'GT':
      return numeric ? a > b : have > filter.value;
    default:
      return false;
  }
}

const server = createServer((req, res) => {
  void (async () => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/_deals' && req.method === 'POST') {
      deals = JSON.parse(body) as Deal[];
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_deals' && req.method === 'GET') return json(res, 200, deals);
    if (url.pathname === '/_companies' && req.method === 'POST') {
      companies = JSON.parse(body) as typeof companies;
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_answer' && req.method === 'POST') {
      scripted.push(JSON.parse(body) as Scripted);
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_limits' && req.method === 'POST') {
      Object.assign(limits, JSON.parse(body) as Partial<typeof limits>);
      burst = [];
      searches = [];
      return res.end(JSON.stringify({ ok: true }));
    }
    if (url.pathname === '/_consume' && req.method === 'POST') {
      const { count } = JSON.parse(body) as { count: number };
      for (let i = 0; i < count; i++) burst.push(Date.now());
      return res.end(JSON.stringify({ ok: true }));
    }
    if (url.pathname === '/_requests') return res.end(JSON.stringify(requests));
    requests.push({
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      body,
      authorization: String(req.headers.authorization ?? ''),
      status: 0,
    });
    const isSearch = url.pathname.endsWith('/search');
    const reply = (
      r: ServerResponse,
      status: number,
      value: unknown,
      headers: Record<string, string> = isSearch ? {} : rateHeaders(),
    ) => {
      requests[requests.length - 1].status = status;
      json(r, status, value, headers);
    };
    const over = overLimit(isSearch);
    if (over)
      return reply(
        res,
        429,
        {
          status: 'error',
          message: over.message,
          errorType: 'RATE_LIMIT',
          correlationId: '00000000-0000-0000-0000-000000000000',
          policyName: over.policy,
        },
        { 'Retry-After': String(over.retryAfter), ...(isSearch ? {} : rateHeaders()) },
      );
    const fault = scripted[0];
    if (fault) {
      requests[requests.length - 1].status = fault.status;
      if (--fault.times <= 0) scripted.shift();
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...(fault.headers ?? {}) });
      return res.end(fault.body ?? JSON.stringify({ status: 'error', message: 'stand-in fault' }));
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return reply(res, 401, {
        status: 'error',
        message: 'Authentication credentials not found.',
        correlationId: '00000000-0000-0000-0000-000000000000',
        category: 'INVALID_AUTHENTICATION',
      });
    if (url.pathname === '/crm/v3/objects/deals' && req.method === 'GET') {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
      const after = Number(url.searchParams.get('after') ?? 0);
      return reply(res, 200, page(deals, limit, after, `${url.origin}${url.pathname}`));
    }
    if (url.pathname === '/crm/v3/objects/deals/search' && req.method === 'POST') {
      const q = JSON.parse(body || '{}') as {
        filterGroups?: Array<{ filters: Filter[] }>;
        sorts?: Array<{ propertyName: string; direction: string }>;
        limit?: number;
        after?: string;
      };
      let list = deals.filter(
        (d) => !q.filterGroups?.length || q.filterGroups.some((g) => g.filters.every((f) => matches(d, f))),
      );
      const sort = q.sorts?.[0];
      if (sort)
        list = [...list].sort((x, y) => {
          const a = x.properties[sort.propertyName] ?? '';
          const b = y.properties[sort.propertyName] ?? '';
          return (a < b ? -1 : a > b ? 1 : 0) * (sort.direction === 'DESCENDING' ? -1 : 1);
        });
      const limit = Math.min(q.limit ?? 10, 200);
      return reply(res, 200, { total: list.length, ...page(list, limit, Number(q.after ?? 0), '') });
    }
    if (url.pathname === '/crm/v4/associations/deals/companies/batch/read' && req.method === 'POST') {
      const q = JSON.parse(body || '{}') as { inputs?: Array<{ id: string }> };
      const results = (q.inputs ?? []).flatMap(({ id }) => {
        const deal = deals.find((d) => d.id === id);
        return deal?.companies?.length
          ? [
              {
                from: { id },
                to: deal.companies.map((c) => ({
                  toObjectId: Number(c),
                  associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 5, label: null }],
                })),
              },
            ]
          : [];
      });
      return reply(res, 200, { status: 'COMPLETE', results, startedAt: '', completedAt: '' });
    }
    if (url.pathname === '/crm/v3/objects/companies/batch/read' && req.method === 'POST') {
      const q = JSON.parse(body || '{}') as { inputs?: Array<{ id: string }> };
      const results = (q.inputs ?? []).flatMap(({ id }) => {
        const company = companies.find((c) => c.id === String(id));
        return company ? [{ id: company.id, properties: company.properties, archived: false }] : [];
      });
      return reply(res, 200, { status: 'COMPLETE', results });
    }
    if (url.pathname === '/crm/v3/objects/deals/batch/upsert' && req.method === 'POST') {
      const q = JSON.parse(body || '{}') as {
        inputs?: Array<{ idProperty: string; id: string; properties: Record<string, string> }>;
      };
      const results = (q.inputs ?? []).map((input) => {
        const found = deals.find((d) => d.properties[input.idProperty] === input.id);
        if (found) {
          Object.assign(found.properties, input.properties);
          return { deal: found, created: false };
        }
        const deal: Deal = {
          id: String(nextDealId++),
          properties: {
            createdate: new Date().toISOString(),
            ...input.properties,
            [input.idProperty]: input.id,
            hs_lastmodifieddate: new Date().toISOString(),
          },
        };
        deals.push(deal);
        return { deal, created: true };
      });
      return reply(res, 200, {
        status: 'COMPLETE',
        results: results.map(({ deal, created }) => ({ ...shape(deal), new: created })),
        startedAt: '',
        completedAt: '',
      });
    }
    reply(res, 404, {
      status: 'error',
      message: `No route ${req.method} ${url.pathname}`,
      category: 'OBJECT_NOT_FOUND',
    });
  })();
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
