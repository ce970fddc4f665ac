/**
 * The daily jobs' leads picked from the lead index (expiry, notification delivery): Leads opened in
 * the job's own context with only the rows `pick` chooses among the active registrations and deals,
 * in one getValues of their shadow cells (they are spread over the sheet: the daily run's call
 * budget), or in the read of the index's dirty ranges when the hourly run's span of it holds them.
 * Null when the index cannot serve (missing, stale, a forged row), `pick` declines, or the partner
 * views' refresh is due in this execution (and its call budget can hold it): it reads the whole
 * Leads shadow column anyway and takes the one the job reads then, checked, at no call; the caller
 * then picks from that column.
 */
import { readActiveRegistrations, type ActiveRegistrations } from '../../sheets/lead-index';
import { openLeadRowsByIndex } from '../../sheets/lead-tables';
import type { AppContext } from '../context';
import { partnerViewsDueHere } from '../partners/views-due';

export function openPickedLeads(
  own: AppContext,
  pick: (active: ActiveRegistrations) => readonly number[] | null,
): ActiveRegistrations | null {
  if (partnerViewsDueHere(own.doc)) return null;
  // The picked rows are read with the index's dirty ranges when they fit in that read.
  const active = readActiveRegistrations(own.doc, [], { readAlso: pick });
  const rows = active && pick(active);
  return active && rows && openLeadRowsByIndex(own, active, rows, 1) ? active : null;
}
