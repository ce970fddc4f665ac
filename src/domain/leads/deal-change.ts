/**
 * What a change of a lead means for its deal, decided in one place: the ledger must be reconciled
 * for a lead that is or was Won when one of the fields its commission is computed from changed
 * (Status, Deal Value, Closed On, Currency, Partner ID). The reconcile covers the deal's partners
 * before and after the change (their plans may pay a deal by the partner's other deals) and the
 * lead itself whatever its partner. closeLead, a person's edit of Leads and any later source of
 * lead changes ask this function; the app's one hook (app/leads/deal-changes.ts) follows its answer.
 */
import { LEAD_STATUS } from '../../shared/statuses';

export const DEAL_FIELDS = ['status', 'dealValue', 'closedOn', 'currency', 'partnerId'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

/** A lead as far as its deal is concerned (text as read or staged; status may be any text). */
export interface DealSide {
  readonly leadId: string;
  readonly partnerId: string;
  readonly status: string;
}

/** The partners and leads whose ledger lines a change of deals calls for reconciling. */
export interface DealChange {
  readonly partners: readonly string[];
  readonly leads: readonly string[];
}

const isDealField = (field: string): boolean => (DEAL_FIELDS as readonly string[]).includes(field);

/** The reconcile a change of one lead calls for (`fields`: the keys that changed), or null. */
export function dealChange(before: DealSide, after: DealSide, fields: readonly string[]): DealChange | null {
  if (!fields.some(isDealField)) return null;
  const won = (side: DealSide) => side.status.trim() === LEAD_STATUS.Won;
  if (!won(before) && !won(after)) return null;
  const present = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  return {
    partners: present([before.partnerId, after.partnerId]),
    leads: present([before.leadId, after.leadId]),
  };
}

/** Several changes as one reconcile (null when none calls for one). */
export function mergeDealChanges(changes: ReadonlyArray<DealChange | null>): DealChange | null {
  const found = changes.filter((c): c is DealChange => c !== null);
  if (found.length === 0) return null;
  return {
    partners: [...new Set(found.flatMap((c) => c.partners))],
    leads: [...new Set(found.flatMap((c) => c.leads))],
  };
}
