/**
 * A person editing Status or Deal Value in the Leads sheet goes through the lead transition rule the
 * sidebar follows (domain/leads/transition.ts): an illegal status change, a Won lead without a Deal
 * Value, or a Deal Value that is not an amount is put back, with a note on the cell saying why (an
 * accepted value clears the note). The rule's patch is applied to the row: Won and Lost set Closed On
 * when it is empty; Approved, Rejected, Won and Lost record the editor in Decided By. A status typed
 * in another case ('won') is only written as the status. The partner emails the events owe are only
 * queued here (the edit trigger may not send them); the next delivery sends them. It runs before the
 * deal hook (DEAL_EDIT_REACTION), which reconciles what the edit did to a deal.
 */
import {
  isLeadStatus,
  leadMessages,
  noticesOf,
  transitionLead,
  type LeadEvent,
  type LeadFacts,
  type LeadPatch,
} from '../../domain/leads';
import type { NotificationEvent } from '../../domain/notifications';
import { LEAD_STATUS, LEAD_STATUSES, matchIgnoringCase, type LeadStatus } from '../../shared/statuses';
import { setColumnNotes } from '../../sheets/cell-notes';
import type { RecordValues } from '../../sheets/table';
import type { AppContext } from '../context';
import type { EditEvent, EditReaction } from '../triggers/edit-reaction';
import { queueNotices } from '../notifications/notify';
import { dayOfCell, minorOfCell, text } from './cells';
import { leadPatchCells } from './records';
import { TrackerData } from './tracker-data';

export const editMessages = {
  putBack: (why: string, value: string) => `${why}: put back to ${value === '' ? '(empty)' : value}.`,
  wonNeedsDealValue: () => `${leadMessages.wonNeedsDealValue()}: fill in Deal Value, then set Status to Won`,
  notAmount: (value: string, currency: string) =>
    `Deal Value '${value}' is not an amount in ${currency} (0 or more, no more decimals than ${currency} allows)`,
  wonKeepsDealValue: () => 'A Won lead needs a Deal Value',
} as const;

function cellValue(before: string): string | number {
  if (before === '') return '';
  const n = Number(before);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(before.trim()) ? n : before;
}

export function reactToLeadEdit(ctx: AppContext, edit: EditEvent): void {
  const statusEdited = edit.columns.includes('status');
  const dealEdited = edit.columns.includes('dealValue');
  if (!statusEdited && !dealEdited) return;
  const data = new TrackerData(ctx);
  const table = ctx.table('leads');
  const statusNotes: string[] = [];
  const dealNotes: string[] = [];
  const notices: Partial<Record<NotificationEvent, string[]>> = {};

  for (const { row, before, after } of edit.rows) {
    const patch: Partial<RecordValues> = {};
    let statusNote = '';
    let dealNote = '';
    const currency = text(after.currency).trim().toUpperCase() || data.defaultCurrency;
    const beforeDeal = before.dealValue ?? '';
    let deal: unknown = after.dealValue;
    if (dealEdited && deal !== '' && deal !== undefined && minorOfCell(deal, currency) === null) {
      dealNote = editMessages.putBack(editMessages.notAmount(text(deal), currency), beforeDeal);
      patch.dealValue = cellValue(beforeDeal);
      deal = beforeDeal;
    }
    const from = (before.status ?? '').trim();
    const typed = text(after.status).trim();
    let status = from;
    if (statusEdited && typed !== from) {
      const facts = rowFacts(after, deal, data);
      const outcome = judge(from, typed, facts, { actor: ctx.actor.email, today: data.today });
      if (!outcome.ok) {
        statusNote = editMessages.putBack(outcome.why, from);
        patch.status = from;
      } else {
        status = outcome.to;
        if (outcome.to !== typed) patch.status = outcome.to;
        const { status: _status, ...cells } = leadPatchCells(outcome.patch, currency, data.days);
        Object.assign(patch, cells);
        if (facts.id)
          for (const { notice } of noticesOf(outcome.events)) (notices[notice] ??= []).push(facts.id);
      }
    } else if (statusEdited) {
      status = matchIgnoringCase(LEAD_STATUSES, typed) ?? typed;
    }
    if (dealEdited && !dealNote && status === LEAD_STATUS.Won && (deal === '' || deal === undefined)) {
      dealNote = editMessages.putBack(editMessages.wonKeepsDealValue(), beforeDeal);
      patch.dealValue = cellValue(beforeDeal);
    }
    statusNotes.push(statusNote);
    dealNotes.push(dealNote);
    if (Object.keys(patch).length) table.update(row, patch);
  }

  const first = edit.rows[0]?.row;
  if (first !== undefined) {
    if (statusEdited) setColumnNotes(table, 'status', first, statusNotes);
    if (dealEdited) setColumnNotes(table, 'dealValue', first, dealNotes);
  }
  for (const [event, ids] of Object.entries(notices)) queueNotices(data, event as NotificationEvent, ids);
}

/** The row as it stands after the edit, as the transition rule reads a lead (its status aside). */
function rowFacts(
  after: Readonly<RecordValues>,
  deal: unknown,
  data: TrackerData,
): Omit<LeadFacts, 'status'> {
  const closedOn = text(after.closedOn);
  return {
    id: text(after.leadId),
    partnerId: text(after.partnerId),
    registeredOn: dayOfCell(after.registeredOn, data.days),
    expiresOn: dayOfCell(after.expiresOn, data.days),
    // a Closed On the person wrote is kept, whatever it holds
    closedOn: closedOn === '' ? '' : dayOfCell(after.closedOn, data.days) || closedOn,
    dealValue: deal === undefined ? null : text(deal),
    decidedBy: text(after.decidedBy),
    decisionNote: text(after.decisionNote),
  };
}

type Judged =
  { ok: true; to: LeadStatus; patch: LeadPatch; events: LeadEvent[] } | { ok: false; why: string };

/**
 * A typed status against the row's: a value that is not a lead status is refused as the status
 * machine refuses it; the same status in another case is only rewritten ('won' -> 'Won'); anything
 * else is the transition rule's, from the status before the edit.
 */
function judge(
  from: string,
  typed: string,
  row: Omit<LeadFacts, 'status'>,
  context: { actor: string; today: string },
): Judged {
  const to = matchIgnoringCase(LEAD_STATUSES, typed);
  if (to === null) return { ok: false, why: from === '' ? leadMessages.startsAsSubmitted() : unknown(typed) };
  if (from !== '' && !isLeadStatus(from)) return { ok: false, why: unknown(from) };
  if (to === from) return { ok: true, to, patch: {}, events: [] };
  const change = transitionLead({ ...row, status: from }, to, context);
  if (change.ok) return { ok: true, to, patch: change.patch, events: change.events };
  return {
    ok: false,
    why: change.reason === 'dealValue' ? editMessages.wonNeedsDealValue() : change.message,
  };
}

const unknown = (value: string) => leadMessages.unknownStatus(value, LEAD_STATUSES);

export const LEAD_STATUS_REACTION: EditReaction = {
  name: 'lead status rules',
  sheets: ['leads'],
  react: reactToLeadEdit,
};
