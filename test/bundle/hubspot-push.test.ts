/**
 * The HubSpot sync's other direction and HubSpot's limits, over real HTTP against the stand-in
 * (api.hubapi.com mapped to it): approved leads pushed as deals (partner and lead id as properties,
 * an upsert keyed by the lead id), the deal id written to the lead's CRM Deal ID (audited as crm);
 * a deal closed in HubSpot closes its lead by that id; the stand-in enforcing the ten-second burst
 * limit and the search's per-second limit, the sync stopping before it would exceed the window, a 429
 * stopping it until Retry-After, each later run resuming from the cursor.
 */
import type { Emulator } from '../../emulator/harness';
import { hubspotStandIn } from '../support/hubspot-stand-in';
import type { HubSpotView } from '../../src/shared/hubspot';
import { runHourly } from '../support/emulator';
import { addPartner, lead, leadCell, OWNER, register, rowsOf, tracker } from './leads-fixture';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const standIn = hubspotStandIn(TOKEN);
beforeEach(async () => {
  await standIn.server.control('/_limits', { max: 0, intervalMs: 10_000, searchPerSecond: 0 });
  await standIn.server.control('/_deals', []);
  await standIn.server.control('/_companies', []);
});

type Asked = Array<{ path: string; body: string; status: number }>;
type StoredDeal = { id: string; properties: Record<string, string>; companies?: string[] };
const asked = () => standIn.server.control<Asked>('/_requests');
const realWait = (ms: number) => new Promise((done) => setTimeout(done, ms));
const nextHour = (emu: Emulator) => emu.rt.setNow(new Date(emu.rt.nowMillis() + 3_600_000).toISOString());
const dealIdOf = (emu: Emulator, id: string) =>
  rowsOf(emu, 'Leads').find((r) => r['Lead ID'] === id)?.['CRM Deal ID'];

function connected(): Emulator {
  const emu = tracker();
  emu.services.state.network.mapHost('api.hubapi.com', standIn.server.origin);
  emu.call(OWNER, 'connectHubSpot', { token: TOKEN });
  return emu;
}

test('approved leads are pushed as deals once, their CRM Deal ID set and audited; a closed deal closes its lead by that id', async () => {
  const emu = connected();
  const a = addPartner(emu, { partnerName: 'Alpha Partners' });
  const approved = register(emu, {
    partnerId: a,
    company: 'Acme',
    domain: 'acme.com',
    estimatedValue: 1234.5,
    currency: 'USD',
  }).id;
  emu.call(OWNER, 'reviewLead', approved, 'approve');
  const second = register(emu, { partnerId: a, company: 'Globex', domain: 'globex.com', currency: 'USD' }).id;
  emu.call(OWNER, 'reviewLead', second, 'approve');
  const submitted = register(emu, {
    partnerId: a,
    company: 'Initech',
    domain: 'initech.com',
    currency: 'USD',
  }).id;
  const rejected = register(emu, { partnerId: a, company: 'Hooli', domain: 'hooli.com', currency: 'USD' }).id;
  emu.call(OWNER, 'reviewLead', rejected, 'reject', 'not ours');
  const before = (await asked()).length;

  runHourly(emu);
  const upserts = (await asked())
    .slice(before)
    .filter((r) => r.path === '/crm/v3/objects/deals/batch/upsert');
  expect(upserts).toHaveLength(1);
  const inputs = (
    JSON.parse(upserts[0].body) as {
      inputs: Array<{ idProperty: string; id: string; properties: Record<string, string> }>;
    }
  ).inputs;
  expect(inputs.map((i) => i.id)).toEqual([approved, second]);
  expect(inputs[0]).toEqual({
    idProperty: 'partner_tracker_lead_id',
    id: approved,
    properties: {
      dealname: 'Acme',
      pipeline: 'default',
      dealstage: 'appointmentscheduled',
      amount: '1234.50',
      partner_tracker_lead_id: approved,
      partner_tracker_partner_id: a,
      partner_tracker_partner_name: 'Alpha Partners',
    },
  });
  const deals = await standIn.server.control<StoredDeal[]>('/_deals');
  const dealFor = (id: string) => deals.find((d) => d.properties.partner_tracker_lead_id === id)!;
  expect(deals).toHaveLength(2);
  expect(dealIdOf(emu, approved)).toBe(dealFor(approved).id);
  expect(dealIdOf(emu, second)).toBe(dealFor(second).id);
  expect(dealIdOf(emu, submitted)).toBe('');
  expect(dealIdOf(emu, rejected)).toBe('');
  const audit = rowsOf(emu, 'Audit Log').filter((r) => r.Field === 'CRM Deal ID');
  expect(audit.map((r) => [r.Source, r['Record ID'], r['Old Value'], r['New Value']])).toEqual([
    ['crm', approved, '', dealFor(approved).id],
    ['crm', second, '', dealFor(second).id],
  ]);
  expect(emu.call<HubSpotView>(OWNER, 'getHubSpot').stopped).toBe('');

  // Nothing to push the next hour.
  nextHour(emu);
  const mark = (await asked()).length;
  runHourly(emu);
  expect((await asked()).slice(mark).some((r) => r.path.endsWith('/batch/upsert'))).toBe(false);

  // A Deal ID cleared by a person: pushed again, HubSpot's upsert gives the same deal.
  expect(emu.edit(OWNER, 'Leads', leadCell(emu, second, 'CRM Deal ID'), [['']]).ok).toBe(true);
  nextHour(emu);
  runHourly(emu);
  expect(await standIn.server.control<StoredDeal[]>('/_deals')).toHaveLength(2);
  expect(dealIdOf(emu, second)).toBe(dealFor(second).id);

  // Sales wins the first deal in HubSpot (no company associated): the lead is Won through its Deal ID.
  const now = await standIn.server.control<StoredDeal[]>('/_deals');
  for (const d of now)
    if (d.id === dealFor(approved).id)
      Object.assign(d.properties, {
        dealstage: 'closedwon',
        amount: '2000',
        closedate: '2026-03-01T12:00:00.000Z',
        hs_lastmodifieddate: new Date(Date.now() + 60_000).toISOString(),
      });
  await standIn.server.control('/_deals', now);
  nextHour(emu);
  runHourly(emu);
  expect(lead(emu, approved)).toMatchObject({ status: 'Won', dealValue: 2000, closedOn: '2026-03-01' });
  expect(lead(emu, second).status).toBe('Approved');
});

async function manyDeals(count: number): Promise<void> {
  await standIn.server.control(
    '/_deals',
    Array.from({ length: count }, (_, i) => ({
      id: String(5000 + i),
      properties: {
        dealname: `Deal ${i}`,
        dealstage: i === count - 1 ? 'closedlost' : 'appointmentscheduled',
        hs_lastmodifieddate: new Date(Date.UTC(2026, 1, 1, 0, 0, i)).toISOString(),
      },
      companies: ['201'],
    })),
  );
  await standIn.server.control('/_companies', [{ id: '201', properties: { domain: 'acme.com' } }]);
}

function withApprovedAcme(emu: Emulator): string {
  const a = addPartner(emu, { partnerName: 'Alpha Partners' });
  const id = register(emu, { partnerId: a, company: 'Acme', domain: 'acme.com', currency: 'USD' }).id;
  emu.call(OWNER, 'reviewLead', id, 'approve');
  return id;
}

test('the ten-second window read from the answers: the sync stops before exceeding it and a later run resumes from the cursor', async () => {
  const emu = connected();
  const acme = withApprovedAcme(emu);
  await manyDeals(250); // three pages of 100; the last deal (closedlost) closes Acme
  await standIn.server.control('/_limits', { max: 4, intervalMs: 1500 });
  const before = (await asked()).length;

  runHourly(emu);
  let view = emu.call<HubSpotView>(OWNER, 'getHubSpot');
  expect(view.stopped).toMatch(
    /^HubSpot's ten-second limit nearly used \(1 left\): resuming from the cursor after /,
  );
  expect(lead(emu, acme).status).toBe('Approved');

  // A run before the window ends asks nothing.
  let mark = (await asked()).length;
  runHourly(emu);
  expect((await asked()).length).toBe(mark);

  let runs = 1;
  while (lead(emu, acme).status !== 'Lost' && runs < 10) {
    await realWait(1600);
    nextHour(emu);
    runHourly(emu);
    runs++;
  }
  expect(lead(emu, acme)).toMatchObject({ status: 'Lost' });
  // Page by page from the cursor: each search once, never a 429.
  const all = (await asked()).slice(before);
  expect(all.filter((r) => r.status === 429)).toEqual([]);
  const afters = all
    .filter((r) => r.path === '/crm/v3/objects/deals/search')
    .map((r) => (JSON.parse(r.body) as { after?: string }).after ?? null);
  expect(afters).toEqual([null, '100', '200']);
  // The lead is matched (by domain), so its Deal ID is set; nothing left to push.
  mark = (await asked()).length;
  await realWait(1600);
  nextHour(emu);
  runHourly(emu);
  view = emu.call<HubSpotView>(OWNER, 'getHubSpot');
  expect(view.stopped).toBe('');
  expect(dealIdOf(emu, acme)).toBe('5249');
  expect((await asked()).slice(mark).some((r) => r.path.endsWith('/batch/upsert'))).toBe(false);
});

test('a 429 (the window used by another app, or the search per-second limit) stops the run until Retry-After; the next resumes', async () => {
  const emu = connected();
  const acme = withApprovedAcme(emu);
  await manyDeals(3);
  await standIn.server.control('/_limits', { max: 4, intervalMs: 2000 });
  await standIn.server.control('/_consume', { count: 4 });

  runHourly(emu);
  const view = emu.call<HubSpotView>(OWNER, 'getHubSpot');
  expect(view.stopped).toMatch(
    /^HubSpot rate limit \(429 TEN_SECONDLY_ROLLING\), retry after 2 s: resuming from the cursor after /,
  );
  expect(lead(emu, acme).status).toBe('Approved');
  // Until Retry-After has passed, a run asks nothing.
  const mark = (await asked()).length;
  runHourly(emu);
  expect((await asked()).length).toBe(mark);

  await realWait(2100);
  nextHour(emu);
  runHourly(emu);
  expect(lead(emu, acme).status).toBe('Lost');
  expect(emu.call<HubSpotView>(OWNER, 'getHubSpot').stopped).toBe('');

  // The search's own limit (per second): a second search within the second is refused with 429.
  await standIn.server.control('/_limits', { max: 0, searchPerSecond: 1 });
  await manyDeals(250);
  nextHour(emu);
  runHourly(emu);
  expect(emu.call<HubSpotView>(OWNER, 'getHubSpot').stopped).toMatch(
    /^HubSpot rate limit \(429 SECONDLY\), retry after 1 s/,
  );
  const searches = (await asked()).filter((r) => r.path === '/crm/v3/objects/deals/search').slice(-2);
  expect(searches.map((r) => r.status)).toEqual([200, 429]);
  // The next run asks again from the page it stopped at.
  await realWait(1100);
  nextHour(emu);
  runHourly(emu);
  const again = (await asked()).filter((r) => r.path === '/crm/v3/objects/deals/search').slice(-2);
  expect((JSON.parse(again[0].body) as { after?: string }).after).toBe(
    (JSON.parse(searches[1].body) as { after?: string }).after,
  );
  expect(again[0].status).toBe(200);
});

test('searches are spaced by the per-second limit on the execution clock', () => {
  const emu = tracker();
  const times: number[] = [];
  const router = emu.services.state.fetchRouter;
  router.register('https://api.hubapi.com/crm/v3/objects/deals?', () => ({ body: '{"results":[]}' }));
  let n = 0;
  router.register('https://api.hubapi.com/crm/v3/objects/deals/search', () => {
    times.push(emu.rt.nowMillis());
    n++;
    return {
      body: JSON.stringify({
        total: 500,
        results: [],
        paging: n < 4 ? { next: { after: String(n * 100) } } : undefined,
      }),
    };
  });
  emu.call(OWNER, 'connectHubSpot', { token: 'pat-na1-spacing' });
  runHourly(emu);
  expect(times).toHaveLength(4);
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(200);
});

test('a tracker made before the CRM Deal ID column: the sync says to run set-up and pushes nothing; set-up adds the column', async () => {
  const emu = connected();
  const acme = withApprovedAcme(emu);
  // The column and its place in the stored layout removed, as a tracker set up before it has them.
  emu.rt.uncounted(() => {
    const sheet = emu.spreadsheet.getSheetByName('Leads')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.deleteColumn(headers.indexOf('CRM Deal ID') + 1);
    const store = emu.services.globals.PropertiesService.getDocumentProperties();
    const layout = JSON.parse(store.getProperty('tracker.layout')!) as {
      sheets: { leads: { cols: Record<string, number>; width: number } };
    };
    delete layout.sheets.leads.cols.crmDealId;
    layout.sheets.leads.width -= 1;
    store.setProperty('tracker.layout', JSON.stringify(layout));
  });
  expect(emu.sheets().Leads[0]).not.toContain('CRM Deal ID');
  const mark = (await asked()).length;
  runHourly(emu);
  expect(emu.call<HubSpotView>(OWNER, 'getHubSpot').stopped).toMatch(
    /^Leads has no CRM Deal ID column: run Set up tracker to add it/,
  );
  expect((await asked()).slice(mark).some((r) => r.path.endsWith('/batch/upsert'))).toBe(false);

  emu.call(OWNER, 'setupTracker');
  expect((emu.sheets().Leads[0] as string[]).slice(-1)).toEqual(['CRM Deal ID']);
  nextHour(emu);
  runHourly(emu);
  expect(emu.call<HubSpotView>(OWNER, 'getHubSpot').stopped).toBe('');
  const deals = await standIn.server.control<StoredDeal[]>('/_deals');
  expect(dealIdOf(emu, acme)).toBe(deals.find((d) => d.properties.partner_tracker_lead_id === acme)!.id);
});
