/**
 * Outbound webhooks over real HTTP to a receiver on 127.0.0.1: Standard Webhooks signatures checked
 * with the standardwebhooks package; the outbox written with the change, delivered after it, retried
 * with backoff by later executions for 24 hours, in order per lead; 410 disables; bad input refused
 * with nothing stored; the secret never in a cell.
 */
import type { Emulator } from '../../emulator/harness';
import type { LocalServer } from '../../emulator/http/local-servers';
import { stopHttpWorker } from '../../emulator/services/http-sync';
import type { SavedWebhook, WebhooksView } from '../../src/shared/webhooks';
import { runHourly, TEAMMATE } from '../support/emulator';
import { connect, HOOK_URL, startReceiver, verify, type Received } from '../support/webhook-receiver';
import { addPartner, OWNER, register, tracker } from './leads-fixture';

let receiver: LocalServer;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.stop();
  await stopHttpWorker();
});
beforeEach(() => receiver.control('/_reset', {}));

const inbox = () => receiver.control<Received[]>('/_inbox');

function subscribed(events: string[]): { emu: Emulator; hook: SavedWebhook; beta: string } {
  const emu = tracker();
  connect(emu, receiver);
  const beta = addPartner(emu, { partnerName: 'Beta Partners' });
  const hook = emu.call<SavedWebhook>(OWNER, 'saveWebhook', { url: HOOK_URL, events });
  return { emu, hook, beta };
}

const properties = (emu: Emulator): Record<string, string> =>
  Object.fromEntries(emu.services.state.properties.store(`document:${emu.spreadsheet.getId()}`));

test('each change is delivered, signed as Standard Webhooks says, in the order it happened', async () => {
  const { emu, hook, beta } = subscribed(['lead.registered', 'lead.approved', 'lead.won']);
  expect(hook.id).toMatch(/^wh_/);
  expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const { id } = register(emu, {
    partnerId: beta,
    company: 'Initech',
    domain: 'initech.com',
    currency: 'USD',
  });
  emu.call(OWNER, 'reviewLead', id, 'approve');
  emu.call(OWNER, 'closeLead', id, 'won', { dealValue: 12000 });
  const got = await inbox();
  expect(got.map((r) => [r.method, r.path])).toEqual([
    ['POST', '/partner-events'],
    ['POST', '/partner-events'],
    ['POST', '/partner-events'],
  ]);
  const events = got.map((r) => verify(hook.secret, r));
  expect(events.map((e) => e.type)).toEqual(['lead.registered', 'lead.approved', 'lead.won']);
  expect(events[0].data).toMatchObject({
    leadId: id,
    company: 'Initech',
    status: 'Submitted',
    partnerId: beta,
  });
  expect(events[1].data).toMatchObject({ leadId: id, status: 'Approved', previousStatus: 'Submitted' });
  expect(events[2].data).toMatchObject({ leadId: id, status: 'Won', dealValue: '12000' });
  expect(new Set(events.map((e) => e.id)).size).toBe(3);
  // A tampered body fails verification.
  expect(() => verify(hook.secret, { ...got[0], body: got[0].body.replace('Initech', 'Initek') })).toThrow();
  // Delivered messages leave the outbox; the page's list shows them.
  const view = emu.call<WebhooksView>(OWNER, 'listWebhooks');
  expect(view.endpoints).toEqual([
    expect.objectContaining({ id: hook.id, url: HOOK_URL, pending: 0, disabled: null }),
  ]);
  expect(view.deliveries.map((d) => [d.type, d.outcome, d.status])).toEqual([
    ['lead.won', 'delivered', 200],
    ['lead.approved', 'delivered', 200],
    ['lead.registered', 'delivered', 200],
  ]);
});

test('the secret is shown once: never in a cell, never listed; an unsubscribed event is not sent', async () => {
  const { emu, hook, beta } = subscribed(['lead.won']);
  register(emu, { partnerId: beta, company: 'Globex', domain: 'globex.com' });
  expect(await inbox()).toEqual([]);
  const cells = JSON.stringify(emu.sheets());
  expect(cells).not.toContain(hook.secret.slice(6));
  expect(JSON.stringify(emu.call(OWNER, 'listWebhooks'))).not.toContain(hook.secret.slice(6));
  expect(properties(emu)['tracker.webhooks']).toContain(hook.secret);
});

test('a failed delivery is retried by a later execution with backoff; the lead’s next event waits for it', async () => {
  const { emu, hook, beta } = subscribed(['lead.registered', 'lead.approved']);
  await receiver.control('/_answer', { status: 500, times: 1 });
  const { id } = register(emu, { partnerId: beta, company: 'Umbrella', domain: 'umbrella.test' });
  let view = emu.call<WebhooksView>(OWNER, 'listWebhooks');
  expect(view.deliveries[0]).toMatchObject({
    type: 'lead.registered',
    outcome: 'retrying',
    status: 500,
    attempt: 1,
  });
  expect(view.endpoints[0].pending).toBe(1);
  // The approval is committed at once, but its event waits behind the registration's.
  emu.rt.setNow(new Date(emu.rt.nowMillis() + 1000).toISOString());
  emu.call(OWNER, 'reviewLead', id, 'approve');
  expect((await inbox()).map((r) => r.answered)).toEqual([500]);
  view = emu.call<WebhooksView>(OWNER, 'listWebhooks');
  expect(view.endpoints[0].pending).toBe(2);
  emu.rt.setNow(new Date(emu.rt.nowMillis() + 3_600_000).toISOString());
  runHourly(emu);
  const got = await inbox();
  expect(got.map((r) => r.answered)).toEqual([500, 200, 200]);
  const events = got.map((r) => verify(hook.secret, r));
  expect(events.map((e) => e.type)).toEqual(['lead.registered', 'lead.registered', 'lead.approved']);
  // The retry is the same message (same webhook-id), signed again with its own timestamp.
  expect(events[1].id).toBe(events[0].id);
  expect(emu.call<WebhooksView>(OWNER, 'listWebhooks').endpoints[0].pending).toBe(0);
});

test('a receiver that never answers times out and is retried; after 24 hours the message is given up', async () => {
  const { emu, beta } = subscribed(['lead.registered']);
  emu.services.state.network.timeoutMs = 300;
  await receiver.control('/_answer', { status: 200, delayMs: 3000, times: 1 });
  register(emu, { partnerId: beta, company: 'Hooli', domain: 'hooli.test' });
  let view = emu.call<WebhooksView>(OWNER, 'listWebhooks');
  expect(view.deliveries[0]).toMatchObject({ outcome: 'retrying', status: null });
  expect(view.deliveries[0].detail).toContain('Timeout: https://hooks.acme-crm.test/partner-events');
  await receiver.control('/_answer', { status: 503 });
  for (let hour = 0; hour < 26; hour++) {
    emu.rt.setNow(new Date(emu.rt.nowMillis() + 3_600_000).toISOString());
    runHourly(emu);
  }
  view = emu.call<WebhooksView>(OWNER, 'listWebhooks');
  expect(view.deliveries[0]).toMatchObject({ outcome: 'failed', status: 503 });
  expect(view.deliveries[0].detail).toContain('given up after 24 hours');
  expect(view.endpoints[0].pending).toBe(0);
  // Backoff: far fewer attempts than hourly runs.
  const attempts = (await inbox()).length;
  expect(attempts).toBeGreaterThan(3);
  expect(attempts).toBeLessThan(12);
});

test('410 Gone disables the endpoint: nothing more is sent until it is tested again', async () => {
  const { emu, hook, beta } = subscribed(['lead.registered']);
  await receiver.control('/_answer', { status: 410, times: 1 });
  register(emu, { partnerId: beta, company: 'Vandelay', domain: 'vandelay.test' });
  let view = emu.call<WebhooksView>(OWNER, 'listWebhooks');
  expect(view.endpoints[0].disabled).toMatch(/^Answered 410 Gone/);
  expect(view.endpoints[0].pending).toBe(0);
  register(emu, { partnerId: beta, company: 'Kramerica', domain: 'kramerica.test' });
  runHourly(emu);
  expect((await inbox()).length).toBe(1);
  view = emu.call<WebhooksView>(OWNER, 'testWebhook', hook.id);
  expect(view.endpoints[0].disabled).toBeNull();
  const got = await inbox();
  expect(got).toHaveLength(2);
  expect(verify(hook.secret, got[1])).toMatchObject({ type: 'webhook.test', data: { webhookId: hook.id } });
});

test('bad input: a non-https URL, an unknown event, a teammate; specific errors and nothing stored', () => {
  const emu = tracker();
  const before = properties(emu);
  const error = (who: string, input: unknown) => {
    const out = emu.measure(() => emu.call(who, 'saveWebhook', input));
    return out.ok ? 'saved' : out.error;
  };
  expect(error(OWNER, { url: 'http://hooks.acme-crm.test/x', events: ['lead.won'] })).toContain(
    "URL: 'http://hooks.acme-crm.test/x' is not an https:// address",
  );
  expect(error(OWNER, { url: HOOK_URL, events: ['lead.won', 'deal.moved'] })).toContain(
    "Events: 'deal.moved' is not an event",
  );
  expect(error(OWNER, { url: HOOK_URL, events: [] })).toContain('Events: choose at least one event.');
  expect(error(TEAMMATE, { url: HOOK_URL, events: ['lead.won'] })).toContain("Only the tracker's owner");
  expect(error(OWNER, { url: 'not a url', events: ['lead.won'] })).toContain(
    "URL: 'not a url' is not a web address",
  );
  expect(properties(emu)).toEqual(before);
  expect(emu.measure(() => emu.call(OWNER, 'deleteWebhook', 'wh_nope')).error).toContain(
    "Webhook 'wh_nope' does not exist",
  );
});

test('deleteWebhook removes the endpoint and what it still owed; the change is audited without the secret', async () => {
  const { emu, hook, beta } = subscribed(['lead.registered']);
  await receiver.control('/_answer', { status: 500 });
  register(emu, { partnerId: beta, company: 'Wonka', domain: 'wonka.test' });
  expect(emu.call<WebhooksView>(OWNER, 'listWebhooks').endpoints[0].pending).toBe(1);
  emu.call(OWNER, 'deleteWebhook', hook.id);
  expect(emu.call<WebhooksView>(OWNER, 'listWebhooks').endpoints).toEqual([]);
  const outbox = Object.entries(properties(emu)).filter(([k]) => k.startsWith('tracker.outbox.'));
  expect(outbox.every(([, v]) => v === '[]')).toBe(true);
  const audit = JSON.stringify(emu.sheets()['Audit Log']);
  expect(audit).toContain(hook.id);
  expect(audit).not.toContain(hook.secret.slice(6));
});

test('the outbox is part of the commit: a registration that dies after its property write is announced; one that dies before is not', async () => {
  const { emu, hook, beta } = subscribed(['lead.registered']);
  // Die at the first Range.setValues of the commit (after the journal's property write).
  emu.rt.failCall('Range.setValues', 'killed', { fatal: true });
  const out = emu.measure(() =>
    register(emu, { partnerId: beta, company: 'Acme Rockets', domain: 'rockets.test' }),
  );
  expect(out.ok).toBe(false);
  expect(await inbox()).toEqual([]);
  runHourly(emu);
  const got = (await inbox()).map((r) => verify(hook.secret, r));
  expect(got.map((e) => [e.type, e.data.company])).toEqual([['lead.registered', 'Acme Rockets']]);
  expect(emu.sheets().Leads.some((row) => row.includes('Acme Rockets'))).toBe(true);
  // Dies at its property write: no lead, no message.
  emu.rt.failCall('Properties.setProperties', 'killed', { fatal: true });
  const lost = emu.measure(() => register(emu, { partnerId: beta, company: 'Lost Co', domain: 'lost.test' }));
  expect(lost.ok).toBe(false);
  runHourly(emu);
  expect((await inbox()).length).toBe(1);
  expect(emu.sheets().Leads.some((row) => row.includes('Lost Co'))).toBe(false);
});
