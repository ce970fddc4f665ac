/** The HubSpot stand-in (emulator/http/hubspot-stand-in.ts) for a test file: started before its tests, stopped after. */
import { startLocalServer, type LocalServer } from '../../emulator/http/local-servers';
import { stopHttpWorker } from '../../emulator/services/http-sync';

export function hubspotStandIn(token: string): { readonly server: LocalServer } {
  const holder = {} as { server: LocalServer };
  beforeAll(async () => {
    holder.server = await startLocalServer('hubspot-stand-in', { HUBSPOT_TOKEN: token });
  });
  afterAll(async () => {
    await holder.server.stop();
    await stopHttpWorker();
  });
  return holder;
}
