/**
 * Partner emails: use cases queue what is owed (when Settings > Notifications On allows it), and
 * `deliverNotices` sends the queue within MailApp's daily quota; what does not fit stays queued for
 * the next run of the hourly trigger, in order. When the quota cannot take every notice one by one,
 * each partner's notices go as one digest (one recipient), so the quota reaches every partner it
 * can. A review's own email is sent by its call (`sendNoticeNow`); a registration's by the
 * sidebar's call right after it, else by the next hourly run (send-owed.ts). Only
 * full-authorization executions deliver (sidebar calls and the time-driven trigger); reactions to a
 * person's edit only queue.
 */
import type { Lead, MailDelivery, Partner } from '../../shared/api';
import { isProtectedStatus } from '../../domain/leads';
import {
  batchForQuota,
  notificationEmail,
  planSends,
  recipientCount,
  type NotificationEvent,
} from '../../domain/notifications';
import { remainingMailQuota, sendMail } from '../../sheets/mail';
import type { AppContext } from '../context';
import { leadOf } from '../leads/records';
import { shadowField } from '../../domain/audit/shadow-field';
import type { TrackerData } from '../leads/tracker-data';
import { partnerOf } from '../partners/records';
import { enqueue, readQueue, writeQueue, type Notice } from './queue';
import { openPickedLeads } from '../leads/daily-picks';
import type { ActiveRegistrations } from '../../sheets/lead-index';

/** Queues one email per lead for `event`, when Settings allow notifications. */
export function queueNotices(data: TrackerData, event: NotificationEvent, leadIds: readonly string[]): void {
  if (!data.notificationsOn || !leadIds.length) return;
  enqueue(
    data.ctx.doc,
    leadIds.map((l) => ({ e: event, l, d: data.today })),
  );
}

/**
 * The one email of a sidebar call's own action: queued by `queueNotices` before its commit (so the
 * queue is written with the change it announces), sent here after the commit and taken off the queue
 * (one property write); when it cannot go (over quota), it stays queued for the trigger. An execution
 * that dies between the send and that write leaves it queued: the trigger sends it again (at least
 * once; never for a change that was not made).
 */
export function sendNoticeNow(
  data: TrackerData,
  event: NotificationEvent,
  lead: Lead,
  partner: Partner,
): void {
  if (!data.notificationsOn) return;
  const mail = notificationEmail({ event, lead, partner });
  if (recipientCount(mail.to) > 0)
    try {
      sendMail(mail);
    } catch {
      return; // stays queued for the trigger
    }
  const doc = data.ctx.doc;
  const queue = readQueue(doc);
  const at = queue.findIndex((n) => n.e === event && n.l === lead.id);
  if (at < 0) return;
  writeQueue(doc, [...queue.slice(0, at), ...queue.slice(at + 1)]);
  doc.commit();
}

/** What a delivery did (the sidebar's sendOwedMail returns it as is). */
export type DeliveryReport = MailDelivery;

/** Whether a queued email still says something true (an expiry reminder for a closed lead does not). */
function stillDue(notice: Notice, lead: Lead): boolean {
  return notice.e === 'expiring' ? isProtectedStatus(lead.status) : true;
}

/**
 * Sends what the queue owes (`only`: those notices; the rest stays as it is), within
 * today's quota (one quota call, one send per email), then writes the rest back. Reads Leads and
 * Partners through the context (no second read when already open).
 */
export function deliverNotices(
  ctx: AppContext,
  data: TrackerData,
  only?: (notice: Notice) => boolean,
): DeliveryReport {
  const doc = ctx.doc;
  const all = readQueue(doc);
  const queue = only ? all.filter(only) : all;
  if (!queue.length) return { sent: 0, queued: 0, dropped: 0 };
  if (!data.notificationsOn) return { sent: 0, queued: queue.length, dropped: 0 };
  // Only the queued leads and their partners are read as records (a queue of 100 in 100,000 leads),
  // in a context of the job's own, unless Leads is open: their rows found in the lead index when it
  // holds every one of them (active registrations and deals), else picked from the whole shadow
  // column by the raw text.
  const days = ctx.doc.days();
  const queued = new Set(queue.map((n) => n.l));
  const own = ctx.isOpen('leads') ? null : ctx.detached();
  const sparse = own
    ? openPickedLeads(own, (index) => queuedRows(index, queued))
      ? own.table('leads')
      : own.readSome('leads', (cells) => (i) => queued.has(shadowField(cells[i], 'leadId')))
    : null;
  if (!sparse) ctx.read(['partners', 'leads']);
  else ctx.read(['partners']);
  const leadsTable = sparse ?? ctx.table('leads');
  const partnersTable = ctx.table('partners');
  const leads = new Map<string, Lead>();
  const partners = new Map<string, Partner>();
  for (const notice of queue) {
    if (leads.has(notice.l)) continue;
    const row = leadsTable.findById(notice.l);
    if (!row) continue;
    const lead = leadOf(row.record, days, row.row);
    leads.set(notice.l, lead);
    if (!partners.has(lead.partnerId)) {
      const partnerRow = partnersTable.findById(lead.partnerId);
      if (partnerRow) partners.set(lead.partnerId, partnerOf(partnerRow.record, days, partnerRow.row));
    }
  }
  const rendered: Array<{ notice: Notice; to: string; mail: ReturnType<typeof notificationEmail> }> = [];
  const settled = new Set<Notice>();
  for (const notice of queue) {
    const lead = leads.get(notice.l);
    const partner = lead ? partners.get(lead.partnerId) : undefined;
    if (!lead || !partner || !stillDue(notice, lead)) {
      settled.add(notice);
      continue;
    }
    const mail = notificationEmail({ event: notice.e, lead, partner });
    rendered.push({ notice, to: mail.to, mail });
  }
  const quota = remainingMailQuota(doc);
  const plan = planSends(batchForQuota(rendered, quota), quota);
  for (const batch of plan.undeliverable) for (const item of batch.items) settled.add(item.notice);
  const dropped = settled.size;
  let sent = 0;
  for (const batch of plan.sendNow) {
    try {
      sendMail(batch.mail, doc);
      for (const item of batch.items) settled.add(item.notice);
      sent += batch.items.length;
    } catch {
      break; // over quota after all (another execution sent meanwhile): the rest waits
    }
  }
  writeQueue(
    doc,
    all.filter((n) => !settled.has(n)),
  );
  doc.save();
  return { sent, queued: queue.length - settled.size, dropped };
}

/** Where an index entry (active registration or deal) holds the Lead ID. */
const LEAD_ID = 1;

/**
 * The rows of the `queued` leads, found in the lead index; null when it does not hold every one of
 * them (a notice of a lead no longer active would otherwise be dropped as gone).
 */
function queuedRows(index: ActiveRegistrations, queued: ReadonlySet<string>): number[] | null {
  const has = (value: unknown) => queued.has(String(value ?? ''));
  const entries = [...index.activeWhere(LEAD_ID, has), ...index.dealsWhere(LEAD_ID, has)];
  const found = new Set(entries.map((entry) => entry[LEAD_ID]));
  return [...queued].every((id) => found.has(id)) ? entries.map((entry) => entry[0]) : null;
}
