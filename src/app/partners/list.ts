/** listPartners and getFormOptions: reads only (no lock), each table once. */
import type { FormOptions, Partner, PartnerFilter } from '../../shared/api';
import { filterPartners } from '../../domain/partners';
import { userContext } from '../leads/request';
import { TrackerData } from '../leads/tracker-data';

export function listPartners(filter: unknown): Partner[] {
  const f = (filter && typeof filter === 'object' ? filter : {}) as PartnerFilter;
  const partners = new TrackerData(userContext()).partners.map(({ partner }) => partner);
  return filterPartners(partners, f);
}

export function getFormOptions(): FormOptions {
  return new TrackerData(userContext()).formOptions();
}
