/**
 * sendOwedMail: the sidebar's call right after a registration returns (the person does not wait for
 * it): sends what the notification queue owes for that lead (its "registration received" e-mail),
 * within today's quota (notify.ts deliverNotices), and takes it off the queue in one property write;
 * the rest of the queue (a backlog over quota, an edit's notices) is the daily run's. What it cannot send (over quota, the call failed, the sidebar was closed first) stays queued
 * for the daily run. An execution that dies after a send and before that write leaves the e-mail
 * queued: it is sent again (at least once; never for a change that was not made).
 */
import type { MailDelivery } from '../../shared/api';
import { changeContext } from '../leads/request';
import { TrackerData } from '../leads/tracker-data';
import { deliverNotices } from './notify';

export function sendOwedMail(leadId: string): MailDelivery {
  const ctx = changeContext();
  ctx.doc.days(true); // the time zone as stored (the daily run asks it): no call
  return deliverNotices(ctx, new TrackerData(ctx), leadId);
}
