/**
 * Slack over real HTTP (hooks.slack.com mapped to a receiver on 127.0.0.1): an immediate message
 * for each registration conflict, a daily digest, Slack's limits (50 blocks, 3,000 characters a
 * section, mrkdwn escaped), bad input refused with nothing stored, 410 stops posting.
 */
import type { Emulator } from '../../emulator/harness';
import type { LocalServer } from '../../emulator/http/local-servers';
import { stopHttpWorker } from '../../emulator/services/http-sync';
import type { SlackView } from '../../src/shared/slack';
import { finishDay, runHourly, TEAMMATE } from '../support/emulator';
import { letters } from '../support/names';
import { startReceiver, type Received } from '../support/webhook-receiver';
import { addPartner, OWNER, register, rowsOf, tracker } from './leads-fixture';

const SLACK_URL = 'https://hooks.slack.com/services/T0001/B0001/abcDEF123';

let receiver: LocalServer;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.stop();
  await stopHttpWorker();
});
beforeEach(() => receiver.control('/_reset', {}));

interface Posted {
  text: string;
  blocks: Array<{ type: string; text: { type: string; text: string } }>;
}
const posts = async () =>
  (await receiver.control<Received[]>('/_inbox'))
    .filter((r) => r.path === '/services/T0001/B0001/abcDEF123')
    .map((r) => JSON.parse(r.body) as Posted);

function connected(): { emu: Emulator; a: string; b: string } {
  const emu = tracker();
  emu.services.state.network.mapHost('hooks.slack.com', receiver.origin);
  const a = addPartner(emu, { partnerName: 'Alpha Partners' });
  const b = addPartner(emu, { partnerName: 'Beta Partners' });
  const view = emu.call<SlackView>(OWNER, 'connectSlack', { url: SLACK_URL });
  expect(view).toEqual({
    connected: true,
    url: 'https://hooks.slack.com/services/T0001/B0001/••••••••',
    disabled: null,
  });
  return { emu, a, b };
}

test('a registration that conflicts is posted at once, escaped; one without a conflict is not', async () => {
  const { emu, a, b } = connected();
  register(emu, { partnerId: a, company: 'Acme <!channel>', domain: 'acme.com' });
  expect(await posts()).toEqual([]);
  const { id } = register(emu, { partnerId: b, company: 'Acme Europe', domain: 'acme.com' });
  const [post] = await posts();
  expect(post.text).toContain(`Conflict: ${id} Acme Europe (Beta Partners)`);
  expect(post.blocks).toHaveLength(1);
  expect(post.blocks[0].text.text).toContain('*Registration conflict*');
  expect(JSON.stringify(post)).not.toContain('<!channel>');
});

test('the daily digest: yesterday’s registrations, conflicts and wins, lines and payouts to approve', async () => {
  const { emu, a, b } = connected();
  const first = register(emu, { partnerId: a, company: 'Globex', domain: 'globex.com' }).id;
  register(emu, { partnerId: b, company: 'Globex Labs', domain: 'globex.com' });
  emu.call(OWNER, 'reviewLead', first, 'approve');
  emu.call(OWNER, 'closeLead', first, 'won', { dealValue: 1000 });
  await receiver.control('/_reset', {});
  emu.rt.setNow('2026-03-03T10:00:00Z');
  finishDay(emu); // the day's jobs, over a few hourly runs
  const digest = (await posts()).find((p) => p.text.startsWith('Partner program 2026-03-02'));
  expect(digest).toBeDefined();
  expect(digest!.text).toBe(
    'Partner program 2026-03-02: 2 new registrations, 1 conflicts, 1 deals won, 0 lines awaiting approval, 0 payouts to approve',
  );
  const blocks = digest!.blocks.map((x) => x.text.text);
  expect(blocks[0]).toBe('Partner program: 2026-03-02');
  expect(blocks[1]).toContain('*New registrations: 2*');
  expect(blocks[3]).toMatch(/\*Deals won: 1\*\n• L-000001 Globex 1,000\.00 USD/);
  expect(digest!.blocks.length).toBeLessThanOrEqual(50);
  // Once a day: the next hour posts nothing more.
  await receiver.control('/_reset', {});
  emu.rt.advance(3_600_000);
  runHourly(emu);
  expect(await posts()).toEqual([]);
});

test('many conflicts waiting are posted together within Slack’s 50 blocks, after a failure, in one post', async () => {
  const { emu, a, b } = connected();
  finishDay(emu); // today's digest goes out first (the day's jobs, over a few hourly runs)
  await receiver.control('/_answer', { status: 500 });
  for (let i = 0; i < 60; i++) {
    register(emu, { partnerId: a, company: `${letters(i)} Corp`, domain: `${letters(i)}.com` });
    register(emu, { partnerId: b, company: `${letters(i + 500)} Holdings`, domain: `${letters(i)}.com` });
  }
  await receiver.control('/_reset', {});
  emu.rt.advance(3_600_000);
  runHourly(emu);
  const got = await posts();
  expect(got).toHaveLength(1);
  expect(got[0].blocks).toHaveLength(50);
  // the leads that conflict (the earlier ones only note the later registration: the same overlap)
  const conflicts = rowsOf(emu, 'Leads').filter(
    (r) => r.Conflict !== '' && !String(r.Conflict).startsWith('later registration'),
  ).length;
  expect(conflicts).toBeGreaterThanOrEqual(60);
  expect(got[0].blocks[49].text.text).toBe(`…and ${conflicts - 49} more in the tracker.`);
  expect(got[0].text.length).toBeLessThanOrEqual(4000);
});

test('bad input: not a Slack webhook address, or not the owner; nothing stored', () => {
  const emu = tracker();
  for (const url of ['http://hooks.slack.com/services/T1/B1/x', 'https://example.com/services/T1/B1/x', ''])
    expect(emu.measure(() => emu.call(OWNER, 'connectSlack', { url })).error).toContain(
      `Slack webhook URL: '${url}' is not a Slack incoming-webhook address`,
    );
  expect(emu.measure(() => emu.call(TEAMMATE, 'connectSlack', { url: SLACK_URL })).error).toContain(
    "Only the tracker's owner",
  );
  expect(emu.call<SlackView>(OWNER, 'getSlack')).toEqual({ connected: false, url: '', disabled: null });
  expect(JSON.stringify(emu.sheets())).not.toContain('abcDEF123');
});

test('410 from Slack (channel archived) stops posting until connected again', async () => {
  const { emu, a, b } = connected();
  await receiver.control('/_answer', { status: 410, times: 1 });
  register(emu, { partnerId: a, company: 'Hooli', domain: 'hooli.com' });
  register(emu, { partnerId: b, company: 'Hooli EU', domain: 'hooli.com' });
  expect(emu.call<SlackView>(OWNER, 'getSlack').disabled).toMatch(/410/);
  const c = addPartner(emu, { partnerName: 'Gamma Partners' });
  register(emu, { partnerId: c, company: 'Hooli Asia', domain: 'hooli.com' });
  expect((await posts()).length).toBe(1);
});
