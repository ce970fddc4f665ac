/**
 * Which webhook events a committed change announces. The commit names what changed as record
 * changes (one per record of a tracker sheet: its id, whether the row was added, each field's old
 * and new text, from the audit entries); this decides the events. Every source of change (a sidebar
 * call, a person's edit, a trigger, an import, a CRM sync) is announced the same way, since every
 * change is audited. Set-up adopting existing rows announces nothing.
 */
import { COMMISSION_STATUS, LEAD_STATUS, PAYOUT_STATUS } from '../../shared/statuses';
import type { WebhookEvent } from '../../shared/webhooks';

export interface FieldChange {
  old: string;
  new: string;
}

export interface RecordChange {
  /** The tracker sheet's key: 'leads', 'commissions', 'payouts', 'partners', ... */
  sheet: string;
  id: string;
  added: boolean;
  /** By column key. */
  fields: Record<string, FieldChange>;
  /** ISO instant of the change. */
  at: string;
}

export interface Announcement {
  type: WebhookEvent;
  /** Messages with the same key are delivered in the order they were made (per endpoint). */
  key: string;
  at: string;
  data: Record<string, string>;
}

const LEAD_EVENTS: Readonly<Record<string, WebhookEvent>> = {
  [LEAD_STATUS.Approved]: 'lead.approved',
  [LEAD_STATUS.Rejected]: 'lead.rejected',
  [LEAD_STATUS.Won]: 'lead.won',
  [LEAD_STATUS.Lost]: 'lead.lost',
  [LEAD_STATUS.Expired]: 'lead.expired',
};

const ID_FIELD: Readonly<Record<string, string>> = {
  leads: 'leadId',
  commissions: 'commissionId',
  payouts: 'payoutId',
  partners: 'partnerId',
};

/** The data of an event: the record's id and every field this change set (new text). */
function dataOf(change: RecordChange): Record<string, string> {
  const data: Record<string, string> = { [ID_FIELD[change.sheet] ?? 'id']: change.id };
  for (const [key, field] of Object.entries(change.fields)) data[key] = field.new;
  const status = change.fields.status;
  if (status && !change.added) data.previousStatus = status.old;
  return data;
}

export function announcementsOf(change: RecordChange): Announcement[] {
  if (!change.id) return [];
  const out: Announcement[] = [];
  const make = (type: WebhookEvent, key: string, extra: Record<string, string> = {}) =>
    out.push({ type, key, at: change.at, data: { ...dataOf(change), ...extra } });
  const status = change.fields.status;
  const statusTo = status && status.new !== status.old ? status.new : null;
  switch (change.sheet) {
    case 'leads':
      if (change.added) make('lead.registered', change.id);
      if (statusTo && LEAD_EVENTS[statusTo] && !(change.added && statusTo === LEAD_STATUS.Submitted))
        make(LEAD_EVENTS[statusTo], change.id);
      break;
    case 'commissions': {
      const key = change.fields.leadId?.new || change.id;
      if (change.added) make('commission.created', key);
      if (statusTo === COMMISSION_STATUS.Approved) make('commission.approved', key);
      break;
    }
    case 'payouts':
      if (statusTo === PAYOUT_STATUS.Approved) make('payout.approved', change.id);
      if (statusTo === PAYOUT_STATUS.Paid) make('payout.paid', change.id);
      break;
    case 'partners': {
      const tier = change.fields.tier;
      if (!change.added && tier && tier.old !== tier.new)
        make('partner.tier_changed', change.id, { previousTier: tier.old });
      break;
    }
  }
  return out;
}
