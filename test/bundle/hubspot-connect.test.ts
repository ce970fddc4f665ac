/**
 * connectHubSpot over real HTTP against the HubSpot stand-in (api.hubapi.com mapped to it): a token
 * HubSpot accepts is kept in the owner's user properties (never in a cell, never in the document's
 * properties); a rejected token (401), a rate limit (429) or a bad token: specific errors, nothing
 * stored. (The deal sync itself is not built yet.)
 */
import type { Emulator } from '../../emulator/harness';
import { hubspotStandIn } from '../support/hubspot-stand-in';
import type { HubSpotView } from '../../src/shared/hubspot';
import { TEAMMATE } from '../support/emulator';
import { OWNER, tracker } from './leads-fixture';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const standIn = hubspotStandIn(TOKEN);

function connected(): Emulator {
  const emu = tracker();
  emu.services.state.network.mapHost('api.hubapi.com', standIn.server.origin);
  return emu;
}

const stores = (emu: Emulator) =>
  JSON.stringify({
    doc: Object.fromEntries(emu.services.state.properties.store(`document:${emu.spreadsheet.getId()}`)),
    owner: Object.fromEntries(emu.services.state.properties.store(`user:${OWNER}`)),
  });

test('a token HubSpot accepts is kept in the owner’s user properties only', async () => {
  const emu = connected();
  expect(emu.call<HubSpotView>(OWNER, 'getHubSpot')).toMatchObject({ connected: false });
  expect(emu.call<HubSpotView>(OWNER, 'connectHubSpot', { token: ` ${TOKEN} ` })).toMatchObject({
    connected: true,
  });
  expect(Object.fromEntries(emu.services.state.properties.store(`user:${OWNER}`))).toEqual({
    'tracker.hubspotToken': TOKEN,
  });
  expect(JSON.stringify(emu.sheets())).not.toContain(TOKEN);
  expect(
    JSON.stringify(
      Object.fromEntries(emu.services.state.properties.store(`document:${emu.spreadsheet.getId()}`)),
    ),
  ).not.toContain(TOKEN);
  const asked =
    await standIn.server.control<Array<{ method: string; path: string; authorization: string }>>(
      '/_requests',
    );
  expect(asked.at(-1)).toMatchObject({
    method: 'GET',
    path: '/crm/v3/objects/deals?limit=1',
    authorization: `Bearer ${TOKEN}`,
  });
  expect(emu.call<HubSpotView>(OWNER, 'disconnectHubSpot')).toMatchObject({ connected: false });
});

test('a rejected token (401), a rate limit (429), a malformed token, a teammate: specific errors, nothing stored', async () => {
  const emu = connected();
  const before = stores(emu);
  const error = (who: string, token: string) =>
    emu.measure(() => emu.call(who, 'connectHubSpot', { token })).error;
  expect(error(OWNER, 'pat-na1-wrong')).toBe(
    'HubSpot token: HubSpot rejected it (401 INVALID_AUTHENTICATION); create a private app token with the crm.objects.deals scopes.',
  );
  await standIn.server.control('/_answer', { status: 429, headers: { 'Retry-After': '10' }, times: 1 });
  expect(error(OWNER, TOKEN)).toBe('HubSpot is limiting requests: try again in 10 seconds.');
  expect(error(OWNER, '')).toContain('HubSpot token: paste the private app access token');
  expect(error(OWNER, 'pat na1')).toContain('HubSpot token: it has spaces');
  expect(error(TEAMMATE, TOKEN)).toContain("Only the tracker's owner");
  expect(stores(emu)).toBe(before);
});
