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
 *   a wrong Bearer token: 401 {status: "error", category: "INVALID_AUTHENTICATION", message, correlationId}
 *
 * Control (for tests): POST /_deals [{id, properties, companies}] and POST /_companies
 * [{id, properties: {domain}}] replace the data; POST /_answer
 * {status, headers?, body?, times} makes the next requests fail (429 with Retry-After, 500...);
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
const requests: Array<{ method: string; path: string; body: string; authorization: string }> = [];

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
    if (url.pathname === '/_companies' && req.method === 'POST') {
      companies = JSON.parse(body) as typeof companies;
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_answer' && req.method === 'POST') {
      scripted.push(JSON.parse(body) as Scripted);
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/_requests') return json(res, 200, requests);
    requests.push({
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      body,
      authorization: String(req.headers.authorization ?? ''),
    });
    const fault = scripted[0];
    if (fault) {
      if (--fault.times <= 0) scripted.shift();
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...(fault.headers ?? {}) });
      return res.end(fault.body ?? JSON.stringify({ status: 'error', message: 'stand-in fault' }));
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return json(res, 401, {
        status: 'error',
        message: 'Authentication credentials not found.',
        correlationId: '00000000-0000-0000-0000-000000000000',
        category: 'INVALID_AUTHENTICATION',
      });
    if (url.pathname === '/crm/v3/objects/deals' && req.method === 'GET') {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
      const after = Number(url.searchParams.get('after') ?? 0);
      return json(res, 200, page(deals, limit, after, `${url.origin}${url.pathname}`));
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
      return json(res, 200, { total: list.length, ...page(list, limit, Number(q.after ?? 0), '') });
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
      return json(res, 200, { status: 'COMPLETE', results, startedAt: '', completedAt: '' });
    }
    if (url.pathname === '/crm/v3/objects/companies/batch/read' && req.method === 'POST') {
      const q = JSON.parse(body || '{}') as { inputs?: Array<{ id: string }> };
      const results = (q.inputs ?? []).flatMap(({ id }) => {
        const company = companies.find((c) => c.id === String(id));
        return company ? [{ id: company.id, properties: company.properties, archived: false }] : [];
      });
      return json(res, 200, { status: 'COMPLETE', results });
    }
    json(res, 404, {
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
