/**
 * UrlFetchApp over real sockets to a server on 127.0.0.1 (the webhook receiver, its own process),
 * with Google's documented limits: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 * (fetch, fetchAll, muteHttpExceptions, headers) and
 * https://developers.google.com/apps-script/guides/services/quotas (URL Fetch calls per day, URL
 * length 2 KB, 100 headers / 8 KB of headers, 50 MB payload). The ~60 s time-out is reported, not
 * documented (the emulator's LocalNetwork.timeoutMs; shortened here).
 */
import { startLocalServer, type LocalServer } from '../../../emulator/http/local-servers';
import type { Received } from '../../../emulator/http/webhook-receiver';
import { stopHttpWorker } from '../../../emulator/services/http-sync';
import { as, setup } from './setup';

let receiver: LocalServer;

beforeAll(async () => {
  receiver = await startLocalServer('webhook-receiver');
});
afterAll(async () => {
  await receiver.stop();
  await stopHttpWorker();
});
beforeEach(() => receiver.control('/_reset', {}));

function networked(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  s.state.network.mapHost('hooks.example.test', receiver.origin);
  return s;
}

test('a POST reaches the server with its method, path, headers and body; the answer comes back', async () => {
  const { globals, state } = networked();
  const res = globals.UrlFetchApp.fetch('https://hooks.example.test/in?x=1', {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify({ a: 'é' }),
    headers: { 'webhook-id': 'msg_1' },
  });
  expect([res.getResponseCode(), res.getContentText()]).toEqual([200, 'ok']);
  const inbox = await receiver.control<Received[]>('/_inbox');
  expect(inbox).toHaveLength(1);
  expect(inbox[0]).toMatchObject({ method: 'POST', path: '/in?x=1', body: '{"a":"é"}' });
  expect(inbox[0].headers).toMatchObject({
    'webhook-id': 'msg_1',
    'content-type': 'application/json',
    host: 'hooks.example.test',
  });
  expect(inbox[0].headers['user-agent']).toContain('Google-Apps-Script');
  expect(state.fetches).toEqual([
    expect.objectContaining({ method: 'POST', url: 'https://hooks.example.test/in?x=1', status: 200 }),
  ]);
  expect(state.fetches[0].body).toBe('{"a":"é"}');
});

test('a 500 throws Request failed unless muteHttpExceptions; a 410 and a 429 come back with their headers', async () => {
  const { globals } = networked();
  await receiver.control('/_answer', { status: 500, body: 'down', times: 1 });
  expect(() => globals.UrlFetchApp.fetch('https://hooks.example.test/a', { method: 'post' })).toThrow(
    'Request failed for https://hooks.example.test/a returned code 500. Truncated server response: down',
  );
  await receiver.control('/_answer', { status: 429, headers: { 'Retry-After': '7' }, times: 1 });
  const limited = globals.UrlFetchApp.fetch('https://hooks.example.test/a', { muteHttpExceptions: true });
  expect(limited.getResponseCode()).toBe(429);
  expect((limited.getHeaders() as Record<string, string>)['Retry-After']).toBe('7');
  await receiver.control('/_answer', { status: 410, times: 1 });
  expect(
    globals.UrlFetchApp.fetch('https://hooks.example.test/a', { muteHttpExceptions: true }).getResponseCode(),
  ).toBe(410);
});

test('an answer slower than the time-out throws Timeout; the request was still received', async () => {
  const { globals, state } = networked();
  state.network.timeoutMs = 300;
  await receiver.control('/_answer', { status: 200, delayMs: 5_000, times: 1 });
  expect(() => globals.UrlFetchApp.fetch('https://hooks.example.test/slow')).toThrow(
    'Timeout: https://hooks.example.test/slow',
  );
  expect(state.fetches[0].status).toBeNull();
  expect((await receiver.control<Received[]>('/_inbox')).map((r) => r.path)).toEqual(['/slow']);
});

test('fetchAll sends every request and answers in order; one failure throws for the batch', async () => {
  const { globals } = networked();
  const texts = globals.UrlFetchApp.fetchAll([
    'https://hooks.example.test/1',
    { url: 'https://hooks.example.test/2', method: 'post', payload: 'two' },
  ]).map((r) => r.getResponseCode());
  expect(texts).toEqual([200, 200]);
  expect((await receiver.control<Received[]>('/_inbox')).map((r) => r.path).sort()).toEqual(['/1', '/2']);
  await receiver.control('/_answer', { status: 503, times: 1 });
  expect(() =>
    globals.UrlFetchApp.fetchAll(['https://hooks.example.test/3', 'https://hooks.example.test/4']),
  ).toThrow(/returned code 503/);
});

test('hosts that are not mapped to a local server are refused; nothing leaves the machine', () => {
  const { globals, state } = networked();
  expect(() => globals.UrlFetchApp.fetch('https://api.example.org/x')).toThrow(
    'DNS error: https://api.example.org/x',
  );
  expect(() => globals.UrlFetchApp.fetch('http://10.0.0.1:80/x')).toThrow('DNS error');
  expect(() => state.network.mapHost('api.example.org', 'http://192.168.1.2:80')).toThrow(
    'is not http://127.0.0.1:<port>',
  );
});

test("Google's per-call limits: URL length, headers, daily quota; auth needed", () => {
  const { rt, globals } = networked({ fetchQuota: 2 });
  expect(() => globals.UrlFetchApp.fetch(`https://hooks.example.test/${'a'.repeat(2100)}`)).toThrow(
    'Limit Exceeded: URLFetch URL Length.',
  );
  const headers = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`x-h${i}`, 'v']));
  expect(() => globals.UrlFetchApp.fetch('https://hooks.example.test/h', { headers })).toThrow(
    'Limit Exceeded: URLFetch headers.',
  );
  globals.UrlFetchApp.fetch('https://hooks.example.test/q1');
  globals.UrlFetchApp.fetch('https://hooks.example.test/q2');
  expect(() => globals.UrlFetchApp.fetch('https://hooks.example.test/q3')).toThrow(
    'Service invoked too many times for one day: urlfetch.',
  );
  rt.execute(as('a@example.com', 'LIMITED', 'simpleTrigger'), () => {
    expect(() => globals.UrlFetchApp.fetchAll(['https://hooks.example.test/x'])).toThrow(
      'You do not have permission to call UrlFetchApp.fetchAll',
    );
  });
});
