/**
 * A person editing Status or Deal Value in the Leads sheet goes through the rules the sidebar follows:
 * an illegal status change, a Won lead without a Deal Value, or a Deal Value that is not an amount is
 * put back, with a note on the cell saying why (an accepted value clears the note). Won and Lost set
 * Closed On when it is empty; Approved, Rejected, Won and Lost record the editor in Decided By.
 * Emails are only queued here (the edit trigger may not send them); the next delivery sends them.
 * It runs before the other Leads reactions (commissions), which then see the corrected row.
 */
import type { LeadStatus } from '../../shared/api';
import { LEAD_STATUSES, checkTransition, leadMessages } from '../../domain/leads';
import type { NotificationEvent } from '../../domain/notifications';
import { setColumnNotes } from '../../sheets/cell-notes';
import type { RecordValues } from '../../sheets/table';
import type { AppContext } from '../context';
import type { EditEvent, EditReaction } from '../triggers/edit-reaction';
import { queueNotices } from '../notifications/notify';
import { dateCell, minorOfCell, text } from './cells';
import { TrackerData } from './tracker-data';

const EVENTS: Partial<Record<LeadStatus, NotificationEvent>> = {
  Approved: 'approved',
  Rejected: 'rejected',
  Won: 'won',
};

const DECIDED: readonly LeadStatus[] = ['Approved', 'Rejected', 'Won', 'Lost'];

export const editMessages = {
  putBack: (why: string, value: string) => `${why}: put back to ${value === '' ? '(empty)' : value}.`,
  wonNeedsDealValue: () => `${leadMessages.wonNeedsDealValue()}: fill in Deal Value, then set Status to Won`,
  notAmount: (value: string, currency: string) =>
    `Deal Value '${value}' is not an amount in ${currency} (0 or more, no more decimals than ${currency} allows)`,
  wonKeepsDealValue: () => 'A Won lead needs a Deal Value',
  newStatus: () => 'A lead starts as Submitted (register it with Register lead)',
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
    const to = (LEAD_STATUSES.find((s) => s.toLowerCase() === typed.toLowerCase()) ?? typed) as LeadStatus;
    let status = from as LeadStatus;
    if (statusEdited && typed !== from) {
      const check =
        from === ''
          ? to === 'Submitted'
            ? ({ ok: true } as const)
            : ({ ok: false, message: editMessages.newStatus() } as const)
          : checkTransition(from, to, { dealValue: deal === undefined ? null : text(deal) });
      if (!check.ok) {
        const why = to === 'Won' && from === 'Approved' ? editMessages.wonNeedsDealValue() : check.message;
        statusNote = editMessages.putBack(why, from);
        patch.status = from;
      } else {
        status = to;
        if (to !== typed) patch.status = to;
        if (DECIDED.includes(to)) patch.decidedBy = ctx.actor.email;
        if ((to === 'Won' || to === 'Lost') && text(after.closedOn) === '')
          patch.closedOn = dateCell(data.today, data.days);
        const event = EVENTS[to];
        if (event && text(after.leadId)) (notices[event] ??= []).push(text(after.leadId));
      }
    } else if (statusEdited) {
      status = to;
    }
    if (dealEdited && !dealNote && status === 'Won' && (deal === '' || deal === undefined)) {
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

export const LEAD_STATUS_REACTION: EditReaction = {
  name: 'lead status rules',
  sheets: ['leads'],
  react: reactToLeadEdit,
};
