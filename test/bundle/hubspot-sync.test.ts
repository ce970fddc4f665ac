/**
 * The hourly HubSpot deal sync over real HTTP against the stand-in (api.hubapi.com mapped to it):
 * search on hs_lastmodifieddate ascending, paged; matched by the associated company's domain;
 * closedwon / closedlost through the lead-transition rule, audited as "crm", commissions reconciled;
 * unmatched and refused deals listed with the reason; a 429 stops the run and the next resumes.
 */
import type { Emulator } from '../../emulator/harness';
import { hubspotStandIn } from '../support/hubspot-stand-in';
import type { HubSpotView } from '../../src/shared/hubspot';
import { runHourly } from '../support/emulator';
import { addPartner, lead, OWNER, register, rowsOf, tracker } from './leads-fixture';

const TOKEN = 'pat-na1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const standIn = hubspotStandIn(TOKEN);

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute)).toISOString();

function deal(id: string, minute: number, stage: string, company: string | null, amount = '') {
  return {
    id,
    properties: {
      dealname: `Deal ${id}`,
      dealstage: stage,
      amount,
      closedate: '2026-03-01T12:00:00.000Z',
      hs_lastmodifieddate: at(minute),
    },
    companies: company ? [company] : [],
  };
}

async function seeded(): Promise<{ emu: Emulator; ids: Record<string, string> }> {
  const emu = tracker();
  emu.services.state.network.mapHost('api.hubapi.com', standIn.server.origin);
  const a = addPartner(emu, { partnerName: 'Alpha Partners' });
  const b = addPartner(emu, { partnerName: 'Beta Partners' });
  const ids: Record<string, string> = {};
  for (const [key, partnerId, company, domain] of [
    ['acme', a, 'Acme', 'acme.com'],
    ['globex', a, 'Globex', 'globex.com'],
    ['initech', a, 'Initech', 'initech.com'],
    ['hooli1', a, 'Hooli', 'hooli.com'],
    ['hooli2', b, 'Hooli Europe', 'hooli.com'],
  ] as const) {
    ids[key] = register(emu, { partnerId, company, domain, currency: 'USD' }).id;
    emu.call(OWNER, 'reviewLead', ids[key], 'approve');
  }
  await standIn.server.control('/_companies', [
    { id: '101', properties: { domain: 'acme.com' } },
    { id: '102', properties: { domain: 'www.globex.com' } },
    { id: '103', properties: { domain: 'initech.com' } },
    { id: '104', properties: { domain: 'hooli.com' } },
    { id: '105', properties: { domain: 'unknown.test' } },
  ]);
  // 150 deals still open (two pages of the search), then the closed ones.
  const open = Array.from({ length: 150 }, (_, i) => deal(`9${i}`, 0, 'appointmentscheduled', '101'));
  await standIn.server.control('/_deals', [
    ...open,
    deal('1', 10, 'closedwon', '101', '5000'),
    deal('2', 11, 'closedlost', '102'),
    deal('3', 12, 'closedwon', '103'), // no amount, and the lead has none: the rule refuses Won
    deal('4', 13, 'closedwon', '104', '100'), // two leads with hooli.com
    deal('5', 14, 'closedwon', '105', '100'), // no lead with that domain
  ]);
  emu.call(OWNER, 'connectHubSpot', { token: TOKEN });
  return { emu, ids };
}

test('closed deals close their leads through the rule, audited as crm; the rest are listed with the reason', async () => {
  const { emu, ids } = await seeded();
  await standIn.server.control('/_answer', { status: 429, headers: { 'Retry-After': '10' }, times: 1 });
  runHourly(emu);
  let view = emu.call<HubSpotView>(OWNER, 'getHubSpot');
  expect(view.stopped).toMatch(
    /^HubSpot rate limit \(429\), retry after 10 s: resuming from the cursor after /,
  );
  expect(lead(emu, ids.acme).status).toBe('Approved');

  emu.rt.setNow(new Date(emu.rt.nowMillis() + 3_600_000).toISOString());
  runHourly(emu);
  expect(lead(emu, ids.acme)).toMatchObject({ status: 'Won', dealValue: 5000, closedOn: '2026-03-01' });
  expect(lead(emu, ids.globex)).toMatchObject({ status: 'Lost', closedOn: '2026-03-01' });
  expect(lead(emu, ids.initech).status).toBe('Approved');
  view = emu.call<HubSpotView>(OWNER, 'getHubSpot');
  expect(view.stopped).toBe('');
  const reasons = Object.fromEntries(view.unmatched.map((u) => [u.dealId, u.reason]));
  expect(reasons['3']).toMatch(new RegExp(`^${ids.initech}: `));
  expect(reasons['4']).toBe(`2 leads with domain hooli.com (${ids.hooli1}, ${ids.hooli2})`);
  expect(reasons['5']).toBe('no approved lead with domain unknown.test');
  // Audited as the CRM's change.
  const audit = rowsOf(emu, 'Audit Log').filter((r) => r['Record ID'] === ids.acme && r.Source === 'crm');
  expect(audit.map((r) => r.Field)).toEqual(expect.arrayContaining(['Status', 'Deal Value']));

  // The search went page by page, ascending, from the cursor.
  const asked = await standIn.server.control<Array<{ path: string; body: string }>>('/_requests');
  const searches = asked
    .filter((r) => r.path === '/crm/v3/objects/deals/search')
    .map((r) => JSON.parse(r.body));
  expect(searches[0]).toMatchObject({
    filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE' }] }],
    sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
  });
  expect(searches.some((s) => s.after === '100')).toBe(true);

  // The next run starts from the last modification time seen: nothing changes again.
  const before = JSON.stringify(emu.sheets());
  emu.rt.setNow(new Date(emu.rt.nowMillis() + 3_600_000).toISOString());
  runHourly(emu);
  const later = (await standIn.server.control<Array<{ path: string; body: string }>>('/_requests'))
    .filter((r) => r.path === '/crm/v3/objects/deals/search')
    .map((r) => JSON.parse(r.body));
  expect(later.at(-1).filterGroups[0].filters[0].value).toBe(at(14));
  expect(JSON.stringify(emu.sheets())).toBe(before);
});
