/**
 * A registration's "registration received" e-mail, sent outside the person's call:
 * - `sendOwedMail`: the sidebar's call right after a registration returns (the person does not wait
 *   for it): sends what the queue owes for that lead within today's quota (notify.ts
 *   deliverNotices) and takes it off the queue in one property write;
 * - `REGISTRATION_MAIL_JOB`: what that call did not send (the sidebar was closed first, the call
 *   failed) goes with the next hourly run; over quota, with the daily run's delivery.
 * An execution that dies after a send and before that write leaves the e-mail queued: it is sent
 * again (at least once; never for a change that was not made).
 */
import type { MailDelivery } from '../../shared/api';
import type { TrackerDocument } from '../../sheets/document';
import { remainingMailQuota } from '../../sheets/mail';
import { changeContext } from '../leads/request';
import { TrackerData } from '../leads/tracker-data';
import type { DailyJob } from '../triggers/daily-job';
import { deliverNotices } from './notify';
import { readQueue, type Notice } from './queue';

export function sendOwedMail(leadId: string): MailDelivery {
  const ctx = changeContext();
  ctx.doc.days(true); // the time zone as stored (the daily run asks it): no call
  return deliverNotices(ctx, new TrackerData(ctx), (notice) => notice.l === leadId);
}

const received = (notice: Notice) => notice.e === 'received';

/** Whether a registration's e-mail is still owed (told from the properties the run read: no call). */
export function registrationMailOwed(doc: TrackerDocument): boolean {
  return readQueue(doc).some(received);
}

export const REGISTRATION_MAIL_JOB: DailyJob = {
  name: 'registration mail',
  run: (ctx) => {
    // None owed: nothing (no call). Over quota: left for when it renews (one quota call, nothing read).
    if (!registrationMailOwed(ctx.doc) || remainingMailQuota(ctx.doc) === 0) return { idle: true };
    return deliverNotices(ctx, new TrackerData(ctx), received);
  },
};
