/**
 * reviewLead, closeLead and extendLead: under the lock, one read of Leads (and Settings), the lead
 * transition rule (domain/leads/transition.ts) decides the patch and what follows, one row changes
 * through the audited writer with the deal's reconcile (the deal hook), then the partner's email.
 * Partners and Leads are read from their shadow (one cell a row; ctx.read, sheets/shadow-tables.ts). A sidebar
 * call sends only its own email (the queued backlog is the hourly trigger's).
 */
import type { CloseOutcome, Lead } from '../../shared/api';
import { messages, validateCloseDetails, validateReviewDecision } from '../../shared/schema';
import { LEAD_STATUS, LEAD_STATUSES } from '../../shared/statuses';
import {
  EXTEND,
  dealChangeOf,
  leadMessages,
  noticesOf,
  transitionLead,
  type LeadTarget,
  type TransitionContext,
} from '../../domain/leads';
import type { AppContext } from '../context';
import { queueNotices, sendNoticeNow } from '../notifications/notify';
import { stageDealChange } from './deal-changes';
import { findLead, leadIdOf } from './find';
import { openLeadsByIndex } from '../../sheets/lead-tables';
import { leadOf, leadPatchCells, type LeadRow } from './records';
import { fail, valid } from '../user-error';
import { changeContext } from './request';
import { TrackerData } from './tracker-data';

/**
 * Opens the lead `id`: through the lead index when it knows it (Partners and the index in one read,
 * the lead's row in another, and the index's deals of its partner, which the deal reconcile reads);
 * else Partners and Leads whole.
 */
function open(id: unknown): { ctx: AppContext; data: TrackerData; found: LeadRow } {
  const ctx = changeContext();
  const leadId = leadIdOf(id);
  if (!openLeadsByIndex(ctx, ['partners'], { id: leadId, deals: true })) ctx.read(['partners', 'leads']);
  const data = new TrackerData(ctx);
  return { ctx, data, found: findLead(data, leadId) };
}

/**
 * Moves the lead to `to` by the rule: its row changes, the deal's reconcile is staged, one commit,
 * then the partner's email (over quota: queued for the trigger). A refusal writes nothing.
 */
function apply(
  { ctx, data, found }: ReturnType<typeof open>,
  to: LeadTarget,
  given: Omit<TransitionContext, 'actor' | 'today'> = {},
): Lead {
  const { lead } = found;
  if (to !== EXTEND && lead.status === '')
    fail(`${lead.id}: ${lead.statusProblem ?? leadMessages.unknownStatus('', LEAD_STATUSES)}`);
  const change = transitionLead(lead, to, { actor: ctx.actor.email, today: data.today, ...given });
  if (!change.ok) fail(change.reason === 'window' ? change.message : `${lead.id}: ${change.message}`);
  const table = ctx.table('leads');
  table.update(found.row, leadPatchCells(change.patch, lead.currency || data.defaultCurrency, data.days));
  const row = table.rowOf(found.row);
  const changed = leadOf(row ? row.record : {}, data.days, found.row);
  stageDealChange(ctx, dealChangeOf(change.events));
  const partner = data.partners.find((p) => p.partner.id === changed.partnerId)?.partner;
  const notices = partner ? noticesOf(change.events) : [];
  // The e-mails owed are queued in the commit of the change, then sent (and taken off the queue).
  for (const { notice } of notices) queueNotices(data, notice, [changed.id]);
  ctx.commit();
  if (partner) for (const { notice } of notices) sendNoticeNow(data, notice, changed, partner);
  return changed;
}

export function reviewLead(id: unknown, decision: unknown, note: unknown): Lead {
  const review = valid(validateReviewDecision({ decision, note }));
  const opened = open(id);
  const to = review.decision === 'approve' ? LEAD_STATUS.Approved : LEAD_STATUS.Rejected;
  return apply(opened, to, { note: review.note ?? '' });
}

const OUTCOMES: readonly CloseOutcome[] = ['won', 'lost'];

export function closeLead(id: unknown, outcome: unknown, details: unknown): Lead {
  const wanted = typeof outcome === 'string' ? outcome.trim().toLowerCase() : '';
  if (!(OUTCOMES as readonly string[]).includes(wanted))
    fail(messages.notOneOf('Outcome', String(outcome ?? ''), OUTCOMES));
  const how = wanted as CloseOutcome;
  // A deal won is reconciled against every deal of its partner (the index's deals of that partner).
  const opened = open(id);
  const currency = opened.found.lead.currency || opened.data.defaultCurrency;
  const closing = valid(validateCloseDetails(details ?? {}, { outcome: how, currency }));
  return apply(opened, how === 'won' ? LEAD_STATUS.Won : LEAD_STATUS.Lost, {
    dealValue: closing.dealValue,
    closedOn: closing.closedOn ?? opened.data.today,
    note: closing.reason,
  });
}

export function extendLead(id: unknown): Lead {
  const opened = open(id);
  return apply(opened, EXTEND, { window: opened.data.window });
}
