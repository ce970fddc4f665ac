/** listPartners and getFormOptions: reads only (no lock), each table once. */
import type { FormOptions, Page, Partner, PartnerFilter, PartnerPageQuery } from '../../shared/api';
import { pageOf, pageWindow } from '../../shared/paging';
import { fail } from '../user-error';
import { filterPartners } from '../../domain/partners';
import { decimalSeparatorOf } from '../../shared/schema';
import { userContext } from '../leads/request';
import { TrackerData } from '../leads/tracker-data';

export function listPartners(filter: unknown): Partner[] {
  const f = (filter && typeof filter === 'object' ? filter : {}) as PartnerFilter;
  const partners = new TrackerData(userContext()).partners.map(({ partner }) => partner);
  return filterPartners(partners, f);
}

/**
 * pagePartners: one page of the partners a search and filters match (name order), from the
 * Partners shadow (one cell a row; the sheet when the shadow cannot serve).
 */
export function pagePartners(query: unknown): Page<Partner> {
  const q = (query && typeof query === 'object' ? query : {}) as PartnerPageQuery;
  const window = pageWindow(q);
  if ('error' in window) fail(window.error);
  const ctx = userContext();
  ctx.read(['partners']);
  const partners = new TrackerData(ctx).partners.map(({ partner }) => partner);
  const filter: PartnerFilter = { search: q.search, type: q.type, tier: q.tier, status: q.status };
  return pageOf(filterPartners(partners, filter), window);
}

/** The form options, with how the spreadsheet's locale writes a decimal (amounts typed as shown). */
export function getFormOptions(): FormOptions {
  const ctx = userContext();
  const options = new TrackerData(ctx).formOptions();
  return { ...options, decimalSeparator: decimalSeparatorOf(ctx.doc.ss.getSpreadsheetLocale()) };
}
