/**
 * Connecting HubSpot (the owner's): a private app access token, checked against HubSpot before it is
 * kept (GET /crm/v3/objects/deals?limit=1 with it as a Bearer token), then stored in the owner's
 * user properties. A token HubSpot refuses (401), one without the deals scope (403), a rate limit
 * (429) or no answer: a specific error, nothing stored.
 */
import { HUBSPOT_API, hubspotMessages, type HubSpotView } from '../../shared/hubspot';
import { header, sendOne } from '../../sheets/http';
import { ownerEmail, sameEmail } from '../../sheets/team';
import { HUBSPOT_TOKEN, setUserSecret, userSecret } from '../../sheets/user-secrets';
import type { AppContext } from '../context';
import { HUBSPOT_STATE, markConnected } from './sync';
import { fail } from '../user-error';

function assertHubSpotOwner(ctx: AppContext): void {
  const owner = ownerEmail(ctx.doc);
  if (!sameEmail(ctx.actor.email, owner)) fail(hubspotMessages.ownerOnly(owner));
}

function categoryOf(text: string): string {
  try {
    const body = JSON.parse(text) as { category?: unknown };
    return typeof body.category === 'string' ? body.category : '';
  } catch {
    return '';
  }
}

export function connectHubSpot(ctx: AppContext, input: { token: string }): HubSpotView {
  assertHubSpotOwner(ctx);
  const token = String(input?.token ?? '').trim();
  if (!token) fail(hubspotMessages.tokenMissing);
  if (/\s/.test(token) || token.length > 500) fail(hubspotMessages.tokenMalformed);
  const answer = sendOne({
    url: `${HUBSPOT_API}/crm/v3/objects/deals?limit=1`,
    method: 'get',
    headers: { Authorization: `Bearer ${token}` },
  });
  if ('error' in answer) fail(hubspotMessages.unreachable(answer.error));
  if (answer.status === 401) fail(hubspotMessages.rejected(401, categoryOf(answer.text)));
  if (answer.status === 403) fail(hubspotMessages.missingScopes);
  if (answer.status === 429) fail(hubspotMessages.rateLimited(header(answer, 'Retry-After') ?? ''));
  if (answer.status < 200 || answer.status >= 300) fail(hubspotMessages.unreachable(`HTTP ${answer.status}`));
  setUserSecret(HUBSPOT_TOKEN, token);
  markConnected(ctx.doc, true);
  ctx.commit();
  return viewOf(ctx, true);
}

function viewOf(ctx: AppContext, connected: boolean): HubSpotView {
  let state: Partial<HubSpotView> = {};
  try {
    state = JSON.parse(ctx.doc.property(HUBSPOT_STATE) || '{}') as Partial<HubSpotView>;
  } catch {
    // never synced
  }
  return { connected, unmatched: state.unmatched ?? [], stopped: state.stopped ?? '' };
}

export function disconnectHubSpot(ctx: AppContext): HubSpotView {
  assertHubSpotOwner(ctx);
  setUserSecret(HUBSPOT_TOKEN, null);
  markConnected(ctx.doc, false);
  ctx.commit();
  return viewOf(ctx, false);
}

export function getHubSpot(ctx: AppContext): HubSpotView {
  assertHubSpotOwner(ctx);
  return viewOf(ctx, userSecret(HUBSPOT_TOKEN) !== null);
}
