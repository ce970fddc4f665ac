/**
 * reviewLead, closeLead and extendLead: under the lock, one read of Leads (and Settings), the status
 * machine decides, one row changes through the audited writer; Decided By is the acting user.
 * Partners and Leads are read from their shadow (one cell a row; see shadow-tables.ts). A
 * sidebar call sends only its own email (the queued backlog is the hourly trigger's).
 */
import type { CloseOutcome, Lead } from '../../shared/api';
import { messages, validateCloseDetails, validateReviewDecision } from '../../shared/schema';
import { checkTransition, extendWindow } from '../../domain/leads';
import type { RecordValues } from '../../sheets/table';
import type { AppContext } from '../context';
import type { NotificationEvent } from '../../domain/notifications';
import { sendNoticeNow } from '../notifications/notify';
import { amountCell, dateCell } from './cells';
import { runCloseReactions } from './close-reactions';
import { findLead } from './find';
import { leadOf, type LeadRow } from './records';
import { fail, valid } from '../user-error';
import { changeContext } from './request';
import { openFromShadow } from '../shadow-tables';
import { TrackerData } from './tracker-data';

function change(data: TrackerData, found: LeadRow, patch: Partial<RecordValues>): Lead {
  const table = data.ctx.table('leads');
  table.update(found.row, patch);
  const row = table.rowOf(found.row);
  return leadOf(row ? row.record : {}, data.days);
}

/** Commits the change, then sends this lead's email of `event` (over quota: queued for the trigger). */
function finish(ctx: AppContext, data: TrackerData, event?: NotificationEvent, lead?: Lead): void {
  ctx.commit();
  if (!event || !lead) return;
  const partner = data.partners.find((p) => p.partner.id === lead.partnerId)?.partner;
  if (partner) sendNoticeNow(data, event, lead, partner);
}

function refuse(leadId: string, message: string): never {
  fail(`${leadId}: ${message}`);
}

export function reviewLead(id: unknown, decision: unknown, note: unknown): Lead {
  const review = valid(validateReviewDecision({ decision, note }));
  const ctx = changeContext();
  openFromShadow(ctx, ['partners', 'leads']);
  const data = new TrackerData(ctx);
  const found = findLead(data, id);
  const to = review.decision === 'approve' ? 'Approved' : 'Rejected';
  const check = checkTransition(found.lead.status, to);
  if (!check.ok) refuse(found.lead.id, check.message);
  if (found.lead.status === to) refuse(found.lead.id, `it is already ${to}`);
  const lead = change(data, found, {
    status: to,
    decidedBy: ctx.actor.email,
    decisionNote: review.note ?? '',
  });
  finish(ctx, data, to === 'Approved' ? 'approved' : 'rejected', lead);
  return lead;
}

const OUTCOMES: readonly CloseOutcome[] = ['won', 'lost'];

export function closeLead(id: unknown, outcome: unknown, details: unknown): Lead {
  const wanted = typeof outcome === 'string' ? outcome.trim().toLowerCase() : '';
  if (!(OUTCOMES as readonly string[]).includes(wanted))
    fail(messages.notOneOf('Outcome', String(outcome ?? ''), OUTCOMES));
  const how = wanted as CloseOutcome;
  const ctx = changeContext();
  openFromShadow(ctx, ['partners', 'leads']);
  const data = new TrackerData(ctx);
  const found = findLead(data, id);
  const currency = found.lead.currency || data.defaultCurrency;
  const closing = valid(validateCloseDetails(details ?? {}, { outcome: how, currency }));
  const to = how === 'won' ? 'Won' : 'Lost';
  if (found.lead.status === to) refuse(found.lead.id, `it is already ${to}`);
  const check = checkTransition(found.lead.status, to, { dealValue: closing.dealValue ?? null });
  if (!check.ok) refuse(found.lead.id, check.message);
  const patch: Partial<RecordValues> = {
    status: to,
    decidedBy: ctx.actor.email,
    closedOn: dateCell(closing.closedOn ?? data.today, data.days),
  };
  if (closing.dealValue !== undefined) patch.dealValue = amountCell(closing.dealValue, currency);
  if (closing.reason !== undefined) patch.decisionNote = closing.reason;
  const lead = change(data, found, patch);
  runCloseReactions(ctx, [lead]);
  finish(ctx, data, to === 'Won' ? 'won' : undefined, lead);
  return lead;
}

export function extendLead(id: unknown): Lead {
  const ctx = changeContext();
  openFromShadow(ctx, ['partners', 'leads']);
  const data = new TrackerData(ctx);
  const found = findLead(data, id);
  const extended = extendWindow(found.lead, data.window, data.today);
  if (!extended.ok) fail(extended.message);
  const lead = change(data, found, { expiresOn: dateCell(extended.expiresOn, data.days) });
  finish(ctx, data);
  return lead;
}
