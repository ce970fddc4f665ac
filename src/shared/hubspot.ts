/** HubSpot: what the Integrations page sees of the connection, and the messages of bad input. */
export interface HubSpotView {
  connected: boolean;
  /** Closed deals the sync could not apply, with the reason (the latest 50). */
  unmatched: Array<{ dealId: string; name: string; reason: string }>;
  /** Why the last sync stopped early ('' when it did not). */
  stopped: string;
}

/** HubSpot's API host (https://developers.hubspot.com/docs/api/crm/deals). */
export const HUBSPOT_API = 'https://api.hubapi.com';

export const hubspotMessages = {
  tokenMissing: 'HubSpot token: paste the private app access token (it starts with pat-).',
  tokenMalformed: 'HubSpot token: it has spaces or is too long to be a HubSpot access token.',
  rejected: (status: number, category: string) =>
    `HubSpot token: HubSpot rejected it (${status}${category ? ` ${category}` : ''}); create a private app token with the crm.objects.deals scopes.`,
  missingScopes: 'HubSpot token: it lacks the crm.objects.deals.read scope (HubSpot answered 403).',
  rateLimited: (seconds: string) =>
    `HubSpot is limiting requests: try again in ${seconds || 'a few'} seconds.`,
  unreachable: (detail: string) => `HubSpot did not answer (${detail}); nothing was saved.`,
  ownerOnly: (owner: string) => `Only the tracker's owner (${owner}) can connect HubSpot.`,
} as const;
