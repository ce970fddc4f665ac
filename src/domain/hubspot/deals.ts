/**
 * HubSpot deals as the sync reads them, and the rules it applies: which deals close a lead
 * (the default pipeline's closedwon / closedlost stages), the search that pulls them (CRM v3
 * search: hs_lastmodifieddate at or after the cursor, ascending, paged;
 * https://developers.hubspot.com/docs/api/crm/search), and the match of a deal to a lead by the
 * associated company's domain: exactly one open lead with that domain, else the deal is listed as
 * unmatched with the reason, never guessed.
 */
import { LEAD_STATUS } from '../../shared/statuses';
import { normalizeDomain } from '../leads/domains';

export interface HubSpotDeal {
  id: string;
  name: string;
  stage: string;
  /** Major units as HubSpot gives them ("1200.50"), or ''. */
  amount: string;
  /** ISO instant, or ''. */
  closeDate: string;
  /** ISO instant (hs_lastmodifieddate). */
  modified: string;
  /** The associated companies' domains. */
  domains: string[];
}

export const SEARCH_PROPERTIES = ['dealname', 'dealstage', 'amount', 'closedate', 'hs_lastmodifieddate'];
/** HubSpot's search returns at most 200 a page. */
export const SEARCH_LIMIT = 100;

export function searchBody(since: string, after: string | null): Record<string, unknown> {
  return {
    filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: since }] }],
    sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
    properties: SEARCH_PROPERTIES,
    limit: SEARCH_LIMIT,
    ...(after ? { after } : {}),
  };
}

export function outcomeOf(deal: HubSpotDeal): 'won' | 'lost' | null {
  if (deal.stage === 'closedwon') return 'won';
  if (deal.stage === 'closedlost') return 'lost';
  return null;
}

export interface LeadForMatch {
  id: string;
  domain: string;
  status: string;
}

/** The one lead the deal closes, or why there is none. Leads already closed by it match too (a re-read). */
export function matchDeal(
  deal: HubSpotDeal,
  leads: readonly LeadForMatch[],
): { ok: true; leadId: string } | { ok: false; reason: string } {
  const domains = deal.domains.map((d) => normalizeDomain(d)).filter((d) => d !== '');
  if (!domains.length) return { ok: false, reason: 'no associated company with a domain' };
  const candidates = leads.filter(
    (l) =>
      domains.includes(normalizeDomain(l.domain)) &&
      (l.status === LEAD_STATUS.Approved || l.status === LEAD_STATUS.Won || l.status === LEAD_STATUS.Lost),
  );
  if (candidates.length === 1) return { ok: true, leadId: candidates[0].id };
  if (!candidates.length) return { ok: false, reason: `no approved lead with domain ${domains.join(', ')}` };
  return {
    ok: false,
    reason: `${candidates.length} leads with domain ${domains.join(', ')} (${candidates.map((c) => c.id).join(', ')})`,
  };
}

/** The day of an ISO instant (UTC), or undefined. */
export function dayOfInstant(iso: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;
}
