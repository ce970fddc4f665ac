/**
 * The HubSpot CRM v3/v4 calls the deal sync makes, over UrlFetchApp with the owner's token: the deal
 * search (one page), the deals' company associations and the companies' domains, each one request.
 * An answer that is not 2xx comes back as {status, retryAfter, category} for the caller to decide.
 */
import { HUBSPOT_API } from '../shared/hubspot';
import type { HubSpotDeal } from '../domain/hubspot/deals';
import { header, sendOne } from './http';

export type HubSpotFailure = { failed: true; status: number | null; retryAfter: string; detail: string };
type Ok<T> = { failed: false; value: T };

function call<T>(token: string, path: string, body: unknown): Ok<T> | HubSpotFailure {
  const answer = sendOne({
    url: `${HUBSPOT_API}${path}`,
    method: 'post',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if ('error' in answer) return { failed: true, status: null, retryAfter: '', detail: answer.error };
  if (answer.status < 200 || answer.status >= 300) {
    let detail = `HTTP ${answer.status}`;
    try {
      const parsed = JSON.parse(answer.text) as { category?: string; message?: string };
      detail = `HTTP ${answer.status} ${parsed.category ?? ''} ${parsed.message ?? ''}`.trim();
    } catch {
      // not JSON
    }
    return { failed: true, status: answer.status, retryAfter: header(answer, 'Retry-After') ?? '', detail };
  }
  return { failed: false, value: JSON.parse(answer.text) as T };
}

interface SearchPage {
  results: Array<{ id: string; properties: Record<string, string | null> }>;
  paging?: { next?: { after: string } };
}

/** One page of the search, with each deal's associated companies' domains (three requests). */
export function searchDeals(
  token: string,
  body: Record<string, unknown>,
): Ok<{ deals: HubSpotDeal[]; after: string | null }> | HubSpotFailure {
  const page = call<SearchPage>(token, '/crm/v3/objects/deals/search', body);
  if (page.failed) return page;
  const results = page.value.results ?? [];
  const companiesOf = new Map<string, string[]>();
  if (results.length) {
    const links = call<{
      results: Array<{ from: { id: string }; to: Array<{ toObjectId: string | number }> }>;
    }>(token, '/crm/v4/associations/deals/companies/batch/read', {
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
    const companies = call<{ results: Array<{ id: string; properties: Record<string, string | null> }> }>(
      token,
      '/crm/v3/objects/companies/batch/read',
      { properties: ['domain'], inputs: companyIds.map((id) => ({ id })) },
    );
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
    domains: (companiesOf.get(String(r.id)) ?? []).map((id) => domainOf.get(id) ?? '').filter(Boolean),
  }));
  return { failed: false, value: { deals, after: page.value.paging?.next?.after ?? null } };
}

/** Waits (Utilities.sleep): HubSpot's search allows five requests a second per account. */
export function pause(ms: number): void {
  Utilities.sleep(ms);
}
