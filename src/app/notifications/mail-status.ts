/**
 * What the Partners page says about partner e-mail (the Team's): the updates waiting to be sent (lead
 * notices in the queue, and the partner outbox's: form outcomes, tier changes, a digest counting as
 * the updates it stands for) and how many could not be kept because their store was full.
 */
import type { PartnerMailStatus } from '../../shared/api';
import { dismissMailNotKept as dismiss, mailNotKept, mailNotKeptThrough } from '../../sheets/mail-not-kept';
import { outboxUpdates } from '../../sheets/partner-outbox';
import type { AppContext } from '../context';
import { readQueue } from './queue';

export function getPartnerMailStatus(ctx: AppContext): PartnerMailStatus {
  ctx.authorize();
  return {
    waiting: readQueue(ctx.doc).length + outboxUpdates(ctx.doc),
    notKept: mailNotKept(ctx.doc),
    notKeptThrough: mailNotKeptThrough(ctx.doc),
  };
}

/**
 * A person of the Team dismisses the updates not kept that the page showed them: `through` is the
 * page's `notKeptThrough` (one property write; a retry writes nothing). Updates counted since stay.
 */
export function dismissMailNotKept(ctx: AppContext, through: number): PartnerMailStatus {
  ctx.authorize();
  dismiss(ctx.doc, through);
  ctx.commit();
  return getPartnerMailStatus(ctx);
}
