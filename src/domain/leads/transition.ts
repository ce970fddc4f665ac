/**
 * The one lead-transition rule. Given a lead, where it goes (a status, or `EXTEND`: its protection
 * window pushed by Settings' extension days) and the context (who, which day, the deal value, the
 * note), it returns the patch (only the fields that change) and the events (what follows: the
 * partner's email, a reconcile of the deal's commissions), or why it cannot. Every way a lead
 * changes goes through it: registration and the CSV import (a new lead becomes Submitted), the
 * sidebar's review, close and extend, a person's Status edit in the sheet, and the daily expiry.
 *
 * - The status machine (status.ts) says which moves are allowed; a new lead (no status) can only
 *   become Submitted; keeping the same status is refused ("it is already Won").
 * - Won needs a Deal Value (the one given, else the lead's own).
 * - Approved, Rejected, Won and Lost record the actor in Decided By; Won and Lost set Closed On (the
 *   day given, else the lead's own, else today); a note given becomes the Decision Note.
 * - Registering sets Registered On (today) and Expires On (Registered On + the window).
 */
import type { Amount } from '../../shared/api';
import { LEAD_STATUS, type LeadStatus } from '../../shared/statuses';
import type { NotificationEvent } from '../notifications';
import { dealChange, mergeDealChanges, type DealChange } from './deal-change';
import { leadMessages } from './messages';
import { CLOSED_STATUSES, DECIDED_STATUSES, hasDealValue, isAllowedMove } from './status';
import { expiresOnFor, extendWindow, type WindowSettings } from './window';

/** The target that is not a status: the protection window extended. */
export const EXTEND = 'extend';
export type LeadTarget = LeadStatus | typeof EXTEND;

/** What the rule reads of a lead; status '' is a lead not registered yet (or a row with none). */
export interface LeadFacts {
  readonly id: string;
  readonly partnerId: string;
  readonly status: LeadStatus | '';
  readonly registeredOn: string;
  readonly expiresOn: string;
  readonly closedOn: string;
  readonly dealValue: Amount | null;
  readonly decidedBy: string;
  readonly decisionNote: string;
}

export interface TransitionContext {
  /** Who acts (an email): Decided By. */
  readonly actor: string;
  /** ISO day. */
  readonly today: string;
  /** The deal value to record (Won needs one: this, else the lead's own). */
  readonly dealValue?: Amount;
  /** The close day to record (Won, Lost): this, else the lead's own Closed On, else today. */
  readonly closedOn?: string;
  /** The Decision Note to record (a review's note, a close reason, why it expired). */
  readonly note?: string;
  /** The protection window (registration and extension need it). */
  readonly window?: WindowSettings;
}

/** The fields a transition changes, as plain values (ISO days, major-unit amounts). */
export interface LeadPatch {
  status?: LeadStatus;
  decidedBy?: string;
  decisionNote?: string;
  closedOn?: string;
  dealValue?: Amount;
  registeredOn?: string;
  expiresOn?: string;
}

export type LeadEventType =
  | 'lead.registered'
  | 'lead.submitted'
  | 'lead.approved'
  | 'lead.rejected'
  | 'lead.won'
  | 'lead.lost'
  | 'lead.expired'
  | 'lead.extended';

export type LeadEvent =
  | {
      readonly type: LeadEventType;
      readonly leadId: string;
      /** The email the partner is owed, if any (how and when it goes is the caller's). */
      readonly notice?: NotificationEvent;
    }
  | ({ readonly type: 'deal.changed'; readonly leadId: string } & DealChange);

export type Transition =
  | { ok: true; patch: LeadPatch; events: LeadEvent[] }
  | { ok: false; reason: TransitionRefusal; message: string };

export type TransitionRefusal = 'same' | 'illegal' | 'dealValue' | 'newLead' | 'window';

const STATUS_EVENTS: Readonly<Record<LeadStatus, LeadEventType>> = {
  Submitted: 'lead.submitted',
  Approved: 'lead.approved',
  Rejected: 'lead.rejected',
  Won: 'lead.won',
  Lost: 'lead.lost',
  Expired: 'lead.expired',
};

/** The email each event owes the partner. */
export const EVENT_NOTICES: Readonly<Partial<Record<LeadEventType, NotificationEvent>>> = {
  'lead.registered': 'received',
  'lead.approved': 'approved',
  'lead.rejected': 'rejected',
  'lead.won': 'won',
};

/** A lead that is not registered yet: what registration and the import start from. */
export function newLead(id: string, partnerId: string): LeadFacts {
  return {
    id,
    partnerId,
    status: '',
    registeredOn: '',
    expiresOn: '',
    closedOn: '',
    dealValue: null,
    decidedBy: '',
    decisionNote: '',
  };
}

function refuse(reason: TransitionRefusal, message: string): Transition {
  return { ok: false, reason, message };
}

function sameAmount(a: Amount | null, b: Amount | null): boolean {
  if (a === null || b === null) return a === b;
  return String(a).trim() === String(b).trim() || Number(a) === Number(b);
}

/** The patch with only the fields that change, and the events that follow from it. */
function result(lead: LeadFacts, wanted: LeadPatch, type: LeadEventType): Transition {
  const patch: LeadPatch = {};
  const put = <K extends keyof LeadPatch>(key: K, value: LeadPatch[K]) => {
    if (value !== undefined) patch[key] = value;
  };
  for (const key of Object.keys(wanted) as Array<keyof LeadPatch>) {
    const value = wanted[key];
    if (key === 'dealValue') {
      if (!sameAmount(lead.dealValue, (value as Amount | undefined) ?? null)) put(key, value as Amount);
    } else if (value !== lead[key]) put(key, value as never);
  }
  const notice = EVENT_NOTICES[type];
  const events: LeadEvent[] = [{ type, leadId: lead.id, ...(notice && { notice }) }];
  const deal = dealChange(
    { leadId: lead.id, partnerId: lead.partnerId, status: lead.status },
    { leadId: lead.id, partnerId: lead.partnerId, status: patch.status ?? lead.status },
    Object.keys(patch),
  );
  if (deal) events.push({ type: 'deal.changed', leadId: lead.id, ...deal });
  return { ok: true, patch, events };
}

function extend(lead: LeadFacts, ctx: TransitionContext): Transition {
  if (!ctx.window) throw new Error('extending a lead needs the window settings');
  const extended = extendWindow(lead, ctx.window, ctx.today);
  if (!extended.ok) return refuse('window', extended.message);
  return result(lead, { expiresOn: extended.expiresOn }, 'lead.extended');
}

/** A new lead: with the window, a registration (its dates set); without, only its status (a row typed by hand). */
function submit(lead: LeadFacts, ctx: TransitionContext): Transition {
  const status = LEAD_STATUS.Submitted;
  if (!ctx.window) return result(lead, { status }, STATUS_EVENTS[status]);
  const registeredOn = lead.registeredOn || ctx.today;
  const expiresOn = expiresOnFor(registeredOn, ctx.window);
  return result(lead, { status, registeredOn, expiresOn }, 'lead.registered');
}

export function transitionLead(lead: LeadFacts, to: LeadTarget, ctx: TransitionContext): Transition {
  if (to === EXTEND) return extend(lead, ctx);
  if (lead.status === '') {
    if (to !== LEAD_STATUS.Submitted) return refuse('newLead', leadMessages.startsAsSubmitted());
    return submit(lead, ctx);
  }
  if (lead.status === to) return refuse('same', leadMessages.already(to));
  if (!isAllowedMove(lead.status, to))
    return refuse('illegal', leadMessages.illegalTransition(lead.status, to));
  const dealValue = ctx.dealValue !== undefined ? ctx.dealValue : lead.dealValue;
  if (to === LEAD_STATUS.Won && !hasDealValue(dealValue))
    return refuse('dealValue', leadMessages.wonNeedsDealValue());
  const wanted: LeadPatch = { status: to };
  if (DECIDED_STATUSES.includes(to)) wanted.decidedBy = ctx.actor;
  if (CLOSED_STATUSES.includes(to)) wanted.closedOn = ctx.closedOn ?? (lead.closedOn || ctx.today);
  if (ctx.dealValue !== undefined) wanted.dealValue = ctx.dealValue;
  if (ctx.note !== undefined) wanted.decisionNote = ctx.note;
  return result(lead, wanted, STATUS_EVENTS[to]);
}

/** The emails the events owe partners, one per lead and event. */
export function noticesOf(
  events: readonly LeadEvent[],
): Array<{ leadId: string; notice: NotificationEvent }> {
  return events.flatMap((e) => ('notice' in e && e.notice ? [{ leadId: e.leadId, notice: e.notice }] : []));
}

/** The one reconcile the events' deal changes call for (null when none does). */
export function dealChangeOf(events: readonly LeadEvent[]): DealChange | null {
  return mergeDealChanges(events.map((e) => (e.type === 'deal.changed' ? e : null)));
}
