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
  /** The tracker's lead id the deal was pushed for (LEAD_ID_PROPERTY), or ''. */
  leadId: string;
  /** The associated companies' domains. */
  domains: string[];
}

/**
 * The deal properties a push sets besides HubSpot's own: custom deal properties the owner creates
 * once in HubSpot (the lead id one with unique values, so a push is an idempotent upsert by it;
 * https://developers.hubspot.com/docs/api/crm/properties).
 */
export const LEAD_ID_PROPERTY = 'partner_tracker_lead_id';
export const PARTNER_ID_PROPERTY = 'partner_tracker_partner_id';
export const PARTNER_NAME_PROPERTY = 'partner_tracker_partner_name';
/** The default pipeline and its first stage (HubSpot's internal ids). */
export const PUSH_PIPELINE = 'default';
export const PUSH_STAGE = 'appointmentscheduled';
/** HubSpot's batch endpoints take at most 100 inputs. */
export const PUSH_BATCH = 100;

export interface DealPush {
  leadId: string;
  properties: Record<string, string>;
}

export interface LeadForPush {
  id: string;
  partnerId: string;
  partnerName: string;
  company: string;
  /** Expected value as decimal text in the lead's currency ('' when none). */
  amount: string;
}

/** The deal an approved lead is pushed as: the company's name, the expected value, partner and lead. */
export function dealPushOf(lead: LeadForPush): DealPush {
  return {
    leadId: lead.id,
    properties: {
      dealname: lead.company || lead.id,
      pipeline: PUSH_PIPELINE,
      dealstage: PUSH_STAGE,
      ...(lead.amount !== '' ? { amount: lead.amount } : {}),
      [LEAD_ID_PROPERTY]: lead.id,
      [PARTNER_ID_PROPERTY]: lead.partnerId,
      [PARTNER_NAME_PROPERTY]: lead.partnerName,
    },
  };
}

export const SEARCH_PROPERTIES = [
  'dealname',
  'dealstage',
  'amount',
  'closedate',
  'hs_lastmodifieddate',
  LEAD_ID_PROPERTY,
];
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
  /** The CRM Deal ID the lead holds ('' when none). */
  dealId: string;
}

/**
 * The one lead the deal closes, or why there is none: the lead whose CRM Deal ID is the deal's, else
 * the lead the deal was pushed for (its lead id property), else the one approved lead with the
 * associated company's domain (a lead tied to another deal is not a candidate). Leads already
 * closed by it match too (a re-read).
 */
export function matchDeal(
  deal: HubSpotDeal,
  leads: readonly LeadForMatch[],
): { ok: true; leadId: string } | { ok: false; reason: string } {
  const byDealId = leads.find((l) => l.dealId === deal.id);
  if (byDealId) return { ok: true, leadId: byDealId.id };
  const pushedFor = deal.leadId ? leads.find((l) => l.id === deal.leadId && !l.dealId) : undefined;
  if (pushedFor) return { ok: true, leadId: pushedFor.id };
  const domains = deal.domains.map((d) => normalizeDomain(d)).filter((d) => d !== '');
  if (!domains.length) return { ok: false, reason: 'no associated company with a domain' };
  const candidates = leads.filter(
    (l) =>
      !l.dealId &&
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
