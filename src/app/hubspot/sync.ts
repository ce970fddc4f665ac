/**
 * The hourly HubSpot deal sync (when the owner connected HubSpot), both ways:
 * - pull: the deals modified since the stored cursor (search on hs_lastmodifieddate, ascending,
 *   paged), each closed one matched to a lead (its CRM Deal ID, the lead id it was pushed for, else
 *   the associated company's domain) and closedwon (Won, with amount and close day) / closedlost
 *   (Lost) applied through THE lead-transition rule, audited with source "crm", the deal's
 *   commissions reconciled in the same commit; the matched lead's CRM Deal ID set. A deal that cannot
 *   be matched, or whose change the rule refuses, is listed with the reason, never guessed.
 * - push: approved leads without a CRM Deal ID are upserted as deals (partner and lead id as
 *   properties; keyed by the lead id, so a push repeated after a failure gives the same deal) and the
 *   deal's id written to the lead's CRM Deal ID, audited, in the same commit as the cursor.
 * HubSpot's limits (domain/hubspot/rate-limit.ts): a 429, a ten-second window nearly used, or the
 * run's own time budget stops the run where it is; the cursor (the last deal's modification time and
 * the page) and the time from which to ask again are kept, so a later run resumes from it.
 */
import { dealChangeOf, transitionLead } from '../../domain/leads';
import {
  dayOfInstant,
  dealPushOf,
  matchDeal,
  outcomeOf,
  PUSH_BATCH,
  searchBody,
  type HubSpotDeal,
  type LeadForMatch,
} from '../../domain/hubspot/deals';
import { toDecimalText } from '../../domain/money/to-major';
import { toMinor } from '../../domain/money/parse';
import { LEAD_STATUS } from '../../shared/statuses';
import { triggerActor } from '../../sheets/actor';
import type { TrackerDocument } from '../../sheets/document';
import { HubSpotClient } from '../../sheets/hubspot-api';
import { HUBSPOT_TOKEN, userSecret } from '../../sheets/user-secrets';
import { AppContext } from '../context';
import { stageDealChange } from '../leads/deal-changes';
import { leadPatchCells, type LeadRow } from '../leads/records';
import { TrackerData } from '../leads/tracker-data';

export const HUBSPOT_STATE = 'tracker.hubspot';
/** Search pages per run (three requests each). */
const MAX_PAGES = 5;
/** Push batches per run (one request each, PUSH_BATCH leads). */
const MAX_PUSHES = 2;
/** The sync's share of the hourly run's six minutes (it runs after the day's jobs). */
const SYNC_BUDGET_MS = 60_000;
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
  /** Epoch ms before which no request is made (a 429's Retry-After, a used-up window). */
  resumeAfter?: number;
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
  /** Lead ids pushed as deals this run. */
  pushed: string[];
  unmatched: number;
  stopped: string;
}

const NOT_RUN: SyncReport = { ran: false, applied: [], pushed: [], unmatched: 0, stopped: '' };

export function syncHubSpot(doc: TrackerDocument): SyncReport {
  const state = readHubSpotState(doc);
  if (!state.connected) return NOT_RUN;
  if (state.resumeAfter && Date.now() < state.resumeAfter) return { ...NOT_RUN, stopped: state.stopped };
  const token = userSecret(HUBSPOT_TOKEN);
  if (!token) return NOT_RUN;
  const started = Date.now();
  const inBudget = () => Date.now() - started < SYNC_BUDGET_MS;
  const client = new HubSpotClient(token);
  const ctx = new AppContext(doc, triggerActor(), 'crm');
  ctx.read(['partners', 'leads']);
  const data = new TrackerData(ctx);
  const leads = ctx.table('leads');
  const hasDealIds = Boolean(leads.layout.cols.crmDealId);
  const dealIds = new Map<string, string>(
    hasDealIds ? leads.rows().map((r) => [String(r.row), String(r.record.crmDealId ?? '').trim()]) : [],
  );
  const dealIdOf = (row: LeadRow) => dealIds.get(String(row.row)) ?? '';
  const setDealId = (row: LeadRow, id: string) => {
    if (!hasDealIds || dealIdOf(row) === id) return;
    leads.update(row.row, { crmDealId: id });
    dealIds.set(String(row.row), id);
  };
  const applied: string[] = [];
  const unmatched = new Map(state.unmatched.map((u) => [u.dealId, u]));
  let stopped = '';
  for (let page = 0; page < MAX_PAGES && inBudget(); page++) {
    if (!client.mayStart(3)) break;
    const got = client.searchDeals(searchBody(state.since, state.after));
    if (got.failed) {
      stopped = got.status === 429 ? got.detail : `HubSpot: ${got.detail}`;
      break;
    }
    for (const deal of got.value.deals) {
      const outcome = apply(ctx, data, deal, dealIdOf, setDealId);
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
  const pushed: string[] = [];
  if (!stopped && hasDealIds) stopped = push(client, data, dealIdOf, setDealId, pushed, inBudget);
  if (!stopped && !hasDealIds)
    stopped =
      'Leads has no CRM Deal ID column: run Set up tracker to add it (approved leads are not pushed until then)';
  if (client.stop) stopped = client.stop.reason;
  state.unmatched = [...unmatched.values()].slice(-UNMATCHED_KEPT);
  state.stopped = stopped;
  if (client.stop) state.resumeAfter = client.stop.resumeAfter;
  else delete state.resumeAfter;
  doc.setProperty(HUBSPOT_STATE, JSON.stringify(state));
  ctx.commit();
  doc.commit(); // the cursor, even when no cell changed (the hourly run defers such writes)
  return { ran: true, applied, pushed, unmatched: state.unmatched.length, stopped };
}

/** The expected value as decimal text in the lead's currency (no float arithmetic), or ''. */
function amountText(row: LeadRow, fallbackCurrency: string): string {
  const value = row.lead.estimatedValue;
  if (value === null) return '';
  const currency = row.lead.currency || fallbackCurrency;
  try {
    return toDecimalText(toMinor(value, currency), currency);
  } catch {
    return '';
  }
}

/** Pushes approved leads without a deal, a batch a request; '' or why it stopped. */
function push(
  client: HubSpotClient,
  data: TrackerData,
  dealIdOf: (row: LeadRow) => string,
  setDealId: (row: LeadRow, id: string) => void,
  pushed: string[],
  inBudget: () => boolean,
): string {
  const waiting = data.leads.filter((r) => r.lead.status === LEAD_STATUS.Approved && !dealIdOf(r));
  for (let batch = 0; batch < MAX_PUSHES && batch * PUSH_BATCH < waiting.length && inBudget(); batch++) {
    if (!client.mayStart(1)) return '';
    const rows = waiting.slice(batch * PUSH_BATCH, (batch + 1) * PUSH_BATCH);
    const got = client.upsertDeals(
      rows.map((r) =>
        dealPushOf({
          id: r.lead.id,
          partnerId: r.lead.partnerId,
          partnerName: r.lead.partnerName,
          company: r.lead.company,
          amount: amountText(r, data.defaultCurrency),
        }),
      ),
    );
    if (got.failed) return got.status === 429 ? got.detail : `HubSpot (pushing deals): ${got.detail}`;
    for (const r of rows) {
      const id = got.value.get(r.lead.id);
      if (!id) continue;
      setDealId(r, id);
      pushed.push(r.lead.id);
    }
  }
  return '';
}

/** Applies one deal: null (not a closing deal, or already so), 'applied', or why not. */
function apply(
  ctx: AppContext,
  data: TrackerData,
  deal: HubSpotDeal,
  dealIdOf: (row: LeadRow) => string,
  setDealId: (row: LeadRow, id: string) => void,
): null | 'applied' | { reason: string } {
  const outcome = outcomeOf(deal);
  if (!outcome) return null;
  const match = matchDeal(
    deal,
    data.leads.map((r): LeadForMatch => ({
      id: r.lead.id,
      domain: r.lead.domain,
      status: r.lead.status,
      dealId: dealIdOf(r),
    })),
  );
  if (!match.ok) return { reason: match.reason };
  const found = data.leads.find(({ lead }) => lead.id === match.leadId)!;
  setDealId(found, deal.id);
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
      pushed: [],
      unmatched: 0,
      stopped: '',
      error: e instanceof Error ? e.message : String(e),
    };
  }
}
