/** listPartners and getFormOptions: reads only (no lock), each table once. */
import type { FormOptions, Partner, PartnerFilter } from '../../shared/api';
import { filterPartners } from '../../domain/partners';
import { decimalSeparatorOf } from '../../shared/schema';
import { userContext } from '../leads/request';
import { TrackerData } from '../leads/tracker-data';

export function listPartners(filter: unknown): Partner[] {
  const f = (filter && typeof filter === 'object' ? filter : {}) as PartnerFilter;
  const partners = new TrackerData(userContext()).partners.map(({ partner }) => partner);
  return filterPartners(partners, f);
}

/** The form options, with how the spreadsheet's locale writes a decimal (amounts typed as shown). */
export function getFormOptions(): FormOptions {
  const ctx = userContext();
  const options = new TrackerData(ctx).formOptions();
  return { ...options, decimalSeparator: decimalSeparatorOf(ctx.doc.ss.getSpreadsheetLocale()) };
}
