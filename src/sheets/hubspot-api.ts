/**
 * The HubSpot CRM v3/v4 calls the deal sync makes, over UrlFetchApp with the owner's token: the deal
 * search (one page), the deals' company associations and the companies' domains, and the batch upsert
 * that pushes approved leads as deals. Each is one request, paced by HubSpot's documented limits
 * (domain/hubspot/rate-limit.ts): searches spaced, the ten-second window read from each answer's
 * headers, a 429 or a window too nearly used stopping the client (`stop`) for the caller to save its
 * cursor. An answer that is not 2xx comes back as {status, detail} for the caller to decide.
 */
import { HUBSPOT_API } from '../shared/hubspot';
import { LEAD_ID_PROPERTY, type DealPush, type HubSpotDeal } from '../domain/hubspot/deals';
import {
  beforeStep,
  limited,
  searchWaitMs,
  windowAfter,
  type RateAnswer,
  type RateWindow,
  type Verdict,
} from '../domain/hubspot/rate-limit';
import { header, sendOne, type Answer } from './http';

export type HubSpotFailure = { failed: true; status: number | null; detail: string };
type Ok<T> = { failed: false; value: T };

const SEARCH_PATH = '/crm/v3/objects/deals/search';

function rateAnswer(answer: Answer): RateAnswer {
  let policy = '';
  if (answer.status === 429)
    try {
      const body = JSON.parse(answer.text) as { policyName?: unknown };
      policy = typeof body.policyName === 'string' ? body.policyName : '';
    } catch {
      // not JSON
    }
  return {
    status: answer.status,
    retryAfter: header(answer, 'Retry-After') ?? '',
    remaining: header(answer, 'X-HubSpot-RateLimit-Remaining') ?? '',
    intervalMs: header(answer, 'X-HubSpot-RateLimit-Interval-Milliseconds') ?? '',
    policy,
  };
}

/** One run's HubSpot client: the token, the account's window as last reported, why it stopped. */
export class HubSpotClient {
  private window: RateWindow | null = null;
  private lastSearchAt: number | null = null;
  /** Set when a limit stops the run: the reason and when a later run may ask again. */
  stop: Extract<Verdict, { go: false }> | null = null;

  constructor(private readonly token: string) {}

  /** Whether a step of `needs` requests may start (else `stop` says why and until when). */
  mayStart(needs: number): boolean {
    if (this.stop) return false;
    const verdict = beforeStep(this.window, needs, Date.now());
    if (!verdict.go) this.stop = verdict;
    return verdict.go;
  }

  private call<T>(path: string, body: unknown): Ok<T> | HubSpotFailure {
    if (this.stop) return { failed: true, status: 429, detail: this.stop.reason };
    if (path === SEARCH_PATH) {
      const wait = searchWaitMs(this.lastSearchAt, Date.now());
      if (wait > 0) Utilities.sleep(wait);
      this.lastSearchAt = Date.now();
    }
    const answer = sendOne({
      url: `${HUBSPOT_API}${path}`,
      method: 'post',
      headers: { Authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    if ('error' in answer) return { failed: true, status: null, detail: answer.error };
    const rate = rateAnswer(answer);
    const now = Date.now();
    this.window = windowAfter(rate, now, this.window);
    if (answer.status === 429) {
      const verdict = limited(rate, now);
      if (!verdict.go) this.stop = verdict;
      return { failed: true, status: 429, detail: this.stop!.reason };
    }
    if (answer.status < 200 || answer.status >= 300) {
      let detail = `HTTP ${answer.status}`;
      try {
        const parsed = JSON.parse(answer.text) as { category?: string; message?: string };
        detail = `HTTP ${answer.status} ${parsed.category ?? ''} ${parsed.message ?? ''}`.trim();
      } catch {
        // not JSON
      }
      return { failed: true, status: answer.status, detail };
    }
    return { failed: false, value: JSON.parse(answer.text) as T };
  }

  /** One page of the search, with each deal's associated companies' domains (three requests). */
  searchDeals(
    body: Record<string, unknown>,
  ): Ok<{ deals: HubSpotDeal[]; after: string | null }> | HubSpotFailure {
    const page = this.call<SearchPage>(SEARCH_PATH, body);
    if (page.failed) return page;
    const results = page.value.results ?? [];
    const companiesOf = new Map<string, string[]>();
    if (results.length) {
      const links = this.call<{
        results: Array<{ from: { id: string }; to: Array<{ toObjectId: string | number }> }>;
      }>('/crm/v4/associations/deals/companies/batch/read', {
        inputs: results.map((r) => ({ id: r.id })),
      });
      if (links.failed) return links;
      for (const link of links.value.results ?? [])
        companiesOf.set(
          String(link.from.id),
          (link.to ?? []).map((t) => String(t.toObjectId)),
        );
    }
    const companyIds = [...new Set([...companiesOf.values()].flat())];
    const domainOf = new Map<string, string>();
    if (companyIds.length) {
      const companies = this.call<{
        results: Array<{ id: string; properties: Record<string, string | null> }>;
      }>('/crm/v3/objects/companies/batch/read', {
        properties: ['domain'],
        inputs: companyIds.map((id) => ({ id })),
      });
      if (companies.failed) return companies;
      for (const c of companies.value.results ?? []) domainOf.set(String(c.id), c.properties.domain ?? '');
    }
    const deals = results.map((r) => ({
      id: String(r.id),
      name: r.properties.dealname ?? '',
      stage: r.properties.dealstage ?? '',
      amount: r.properties.amount ?? '',
      closeDate: r.properties.closedate ?? '',
      modified: r.properties.hs_lastmodifieddate ?? '',
      leadId: r.properties[LEAD_ID_PROPERTY] ?? '',
      domains: (companiesOf.get(String(r.id)) ?? []).map((id) => domainOf.get(id) ?? '').filter(Boolean),
    }));
    return { failed: false, value: { deals, after: page.value.paging?.next?.after ?? null } };
  }

  /**
   * Creates or updates one deal per lead, keyed by the lead id property (HubSpot's batch upsert by a
   * unique property: asking twice gives the same deal). Returns lead id -> deal id.
   */
  upsertDeals(pushes: readonly DealPush[]): Ok<Map<string, string>> | HubSpotFailure {
    const got = this.call<{
      results?: Array<{ id: string | number; properties?: Record<string, string | null> }>;
    }>(`/crm/v3/objects/deals/batch/upsert`, {
      inputs: pushes.map((p) => ({ idProperty: LEAD_ID_PROPERTY, id: p.leadId, properties: p.properties })),
    });
    if (got.failed) return got;
    const out = new Map<string, string>();
    for (const r of got.value.results ?? []) {
      const leadId = r.properties?.[LEAD_ID_PROPERTY];
      if (leadId) out.set(String(leadId), String(r.id));
    }
    return { failed: false, value: out };
  }
}

interface SearchPage {
  results: Array<{ id: string; properties: Record<string, string | null> }>;
  paging?: { next?: { after: string } };
}
