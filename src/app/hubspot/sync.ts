/**
 * The hourly HubSpot deal sync (when the owner connected HubSpot): pulls the deals modified since
 * the stored cursor (search on hs_lastmodifieddate, ascending, paged), matches each closed one to
 * a lead by its associated company's domain, and applies closedwon (Won, with amount and close day)
 * and closedlost (Lost) through THE lead-transition rule, audited with source "crm", the deal's
 * commissions reconciled in the same commit. A deal that cannot be matched, or whose change the rule
 * refuses, is listed with the reason, never guessed. 429 (Retry-After) or another failure stops the
 * run where it is: the cursor (the last deal's modification time and the page) is kept, so the next
 * run resumes from it.
 */
import { dealChangeOf, transitionLead } from '../../domain/leads';
import { dayOfInstant, matchDeal, outcomeOf, searchBody, type HubSpotDeal } from '../../domain/hubspot/deals';
import { LEAD_STATUS } from '../../shared/statuses';
import { triggerActor } from '../../sheets/actor';
import type { TrackerDocument } from '../../sheets/document';
import { pause, searchDeals } from '../../sheets/hubspot-api';
import { HUBSPOT_TOKEN, userSecret } from '../../sheets/user-secrets';
import { AppContext } from '../context';
import { stageDealChange } from '../leads/deal-changes';
import { leadPatchCells } from '../leads/records';
import { TrackerData } from '../leads/tracker-data';

export const HUBSPOT_STATE = 'tracker.hubspot';
/** Pages per run (three requests each, a second apart: under HubSpot's five a second). */
const MAX_PAGES = 5;
const UNMATCHED_KEPT = 50;

export interface HubSpotState {
  /** hs_lastmodifieddate to search from (ISO), and the page within it. */
  since: string;
  after: string | null;
  /** Set by connectHubSpot: the hourly run reads the owner's token only then. */
  connected?: boolean;
  unmatched: Array<{ dealId: string; name: string; reason: string }>;
  /** The last run's stop: '' or why it stopped early (a rate limit, a refused token). */
  stopped: string;
}

export function readHubSpotState(doc: TrackerDocument): HubSpotState {
  try {
    const state = JSON.parse(doc.property(HUBSPOT_STATE) || '') as HubSpotState;
    if (state && typeof state.since === 'string') return state;
  } catch {
    // first run
  }
  return { since: '1970-01-01T00:00:00.000Z', after: null, unmatched: [], stopped: '' };
}

export interface SyncReport {
  ran: boolean;
  applied: string[];
  unmatched: number;
  stopped: string;
}

export function syncHubSpot(doc: TrackerDocument): SyncReport {
  const state = readHubSpotState(doc);
  if (!state.connected) return { ran: false, applied: [], unmatched: 0, stopped: '' };
  const token = userSecret(HUBSPOT_TOKEN);
  if (!token) return { ran: false, applied: [], unmatched: 0, stopped: '' };
  const ctx = new AppContext(doc, triggerActor(), 'crm');
  ctx.read(['partners', 'leads']);
  const data = new TrackerData(ctx);
  const applied: string[] = [];
  const unmatched = new Map(state.unmatched.map((u) => [u.dealId, u]));
  let stopped = '';
  for (let page = 0; page < MAX_PAGES; page++) {
    if (page > 0) pause(1000);
    const got = searchDeals(token, searchBody(state.since, state.after));
    if (got.failed) {
      stopped =
        got.status === 429
          ? `HubSpot rate limit (429), retry after ${got.retryAfter || '?'} s`
          : `HubSpot: ${got.detail}`;
      break;
    }
    for (const deal of got.value.deals) {
      const outcome = apply(ctx, data, deal);
      if (outcome === null) unmatched.delete(deal.id);
      else if (outcome === 'applied') {
        unmatched.delete(deal.id);
        applied.push(deal.id);
      } else unmatched.set(deal.id, { dealId: deal.id, name: deal.name, reason: outcome.reason });
    }
    const last = got.value.deals[got.value.deals.length - 1];
    // Next page of the same search, or a new search from the last modification time seen.
    if (got.value.after) state.after = got.value.after;
    else {
      if (last) state.since = last.modified;
      state.after = null;
      break;
    }
  }
  state.unmatched = [...unmatched.values()].slice(-UNMATCHED_KEPT);
  state.stopped = stopped;
  doc.setProperty(HUBSPOT_STATE, JSON.stringify(state));
  ctx.commit();
  doc.commit(); // the cursor, even when no cell changed (the hourly run defers such writes)
  return { ran: true, applied, unmatched: state.unmatched.length, stopped };
}

/** Applies one deal: null (not a closing deal, or already so), 'applied', or why not. */
function apply(ctx: AppContext, data: TrackerData, deal: HubSpotDeal): null | 'applied' | { reason: string } {
  const outcome = outcomeOf(deal);
  if (!outcome) return null;
  const match = matchDeal(
    deal,
    data.leads.map(({ lead }) => ({ id: lead.id, domain: lead.domain, status: lead.status })),
  );
  if (!match.ok) return { reason: match.reason };
  const found = data.leads.find(({ lead }) => lead.id === match.leadId)!;
  const target = outcome === 'won' ? LEAD_STATUS.Won : LEAD_STATUS.Lost;
  if (found.lead.status === target) return null;
  const amount = deal.amount === '' ? undefined : Number(deal.amount);
  const change = transitionLead(found.lead, target, {
    actor: ctx.actor.email,
    today: data.today,
    ...(outcome === 'won' && amount !== undefined && Number.isFinite(amount) ? { dealValue: amount } : {}),
    closedOn: dayOfInstant(deal.closeDate),
    note: `HubSpot deal ${deal.id}`,
  });
  if (!change.ok) return { reason: `${found.lead.id}: ${change.message}` };
  const table = ctx.table('leads');
  table.update(
    found.row,
    leadPatchCells(change.patch, found.lead.currency || data.defaultCurrency, data.days),
  );
  stageDealChange(ctx, dealChangeOf(change.events));
  found.lead = { ...found.lead, status: target };
  return 'applied';
}

/** Marks HubSpot connected or not in the document (the token itself is in the owner's user properties). */
export function markConnected(doc: TrackerDocument, connected: boolean): void {
  doc.setProperty(HUBSPOT_STATE, JSON.stringify({ ...readHubSpotState(doc), connected }));
}

/** The hourly run's task: a failure is reported, never thrown (the run's other work stands). */
export function runHubSpotSync(doc: TrackerDocument): SyncReport & { error?: string } {
  try {
    return syncHubSpot(doc);
  } catch (e) {
    return {
      ran: true,
      applied: [],
      unmatched: 0,
      stopped: '',
      error: e instanceof Error ? e.message : String(e),
    };
  }
}
