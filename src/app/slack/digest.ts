/**
 * The daily Slack digest (a daily job of the hourly run, when Slack is connected): yesterday's new
 * registrations, conflicts and deals won, the commission lines awaiting approval and the payouts to
 * approve, as one message queued in the outbox and posted after the job's commit. Reads Leads,
 * Commissions and Payouts once, and only when Slack is connected.
 */
import { formatMoney, sumMinor, toMinor } from '../../domain/money';
import { digestMessage, type DigestSummary } from '../../domain/slack/message';
import { ownConflict } from '../../domain/leads/overlap';
import { COMMISSION_STATUS, LEAD_STATUS, PAYOUT_STATUS } from '../../shared/statuses';
import { newId } from '../../sheets/http';
import { readOutbox, writeOutbox } from '../../sheets/outbox-store';
import { readSlack } from '../../sheets/slack-store';
import type { TrackerDocument } from '../../sheets/document';
import type { AppContext } from '../context';
import { leadOf } from '../leads/records';
import type { DailyJob } from '../triggers/daily-job';

const text = (v: unknown) => String(v ?? '').trim();

function minorOf(value: unknown, currency: string): number {
  try {
    return toMinor(typeof value === 'number' ? value : text(value) || 0, currency, { allowNegative: true });
  } catch {
    return 0;
  }
}

export function digestSummary(ctx: AppContext, day: string): DigestSummary {
  const days = ctx.doc.days();
  const leads = ctx
    .table('leads')
    .rows()
    .map(({ record, row }) => leadOf(record, days, row));
  const registered = leads.filter((l) => l.registeredOn === day);
  const eligible = ctx
    .table('commissions')
    .rows()
    .map(({ record }) => record)
    .filter((r) => text(r.status) === COMMISSION_STATUS.Eligible);
  const byCurrency = new Map<string, number[]>();
  for (const line of eligible) {
    const currency = text(line.currency).toUpperCase();
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), minorOf(line.amount, currency)]);
  }
  const payouts = ctx
    .table('payouts')
    .rows()
    .map(({ record }) => record)
    .filter((r) => text(r.status) === PAYOUT_STATUS.Draft);
  return {
    day,
    registrations: registered.map((l) => ({ leadId: l.id, company: l.company, partner: l.partnerName })),
    conflicts: registered
      .filter((l) => ownConflict(l.conflict) !== '')
      .map((l) => ({ leadId: l.id, company: l.company, conflict: l.conflict })),
    won: leads
      .filter((l) => l.status === LEAD_STATUS.Won && l.closedOn === day)
      .map((l) => ({
        leadId: l.id,
        company: l.company,
        value: l.dealValue === null ? '' : formatMoney(minorOf(l.dealValue, l.currency), l.currency),
      })),
    awaitingApproval: {
      count: eligible.length,
      totals: [...byCurrency].sort().map(([currency, amounts]) => formatMoney(sumMinor(amounts), currency)),
    },
    payoutsToApprove: payouts.map((p) => {
      const currency = text(p.currency).toUpperCase();
      return {
        id: text(p.payoutId),
        partner: text(p.partnerName),
        amount: formatMoney(minorOf(p.amount, currency), currency),
      };
    }),
  };
}

/** The day before `today` (ISO days). */
function dayBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Slack is connected and not turned off (the document properties tell). */
function slackOn(doc: TrackerDocument): boolean {
  const slack = readSlack(doc);
  return slack !== null && !slack.disabled;
}

export function runSlackDigest(ctx: AppContext): { queued: boolean } {
  if (!slackOn(ctx.doc)) return { queued: false };
  const today = ctx.doc.days().dayOf(ctx.now);
  const message = digestMessage(digestSummary(ctx, dayBefore(today)));
  const made = ctx.now.getTime();
  writeOutbox(ctx.doc, [
    ...readOutbox(ctx.doc),
    {
      id: `msg_${newId()}`,
      kind: 'slack',
      to: 'slack',
      key: 'slack',
      type: 'slack.digest',
      made,
      body: JSON.stringify(message),
      tries: 0,
      next: made,
    },
  ]);
  ctx.doc.owesDelivery();
  ctx.doc.commit();
  return { queued: true };
}

/**
 * Its own calls when Slack is connected (the property read tells): the delivery after its commit,
 * the token and the request. Off: none.
 */
export const SLACK_DIGEST_JOB: DailyJob = {
  name: 'slack digest',
  run: runSlackDigest,
  calls: (doc) => (slackOn(doc) ? 2 : 0),
};
