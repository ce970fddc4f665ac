/**
 * What the Partners page says about partner e-mail (the Team's): the updates waiting to be sent (lead
 * notices in the queue, and the partner outbox's: form outcomes, tier changes, a digest counting as
 * the updates it stands for) and how many could not be kept because their store was full.
 */
import type { PartnerMailStatus } from '../../shared/api';
import { mailNotKept } from '../../sheets/mail-not-kept';
import { outboxUpdates } from '../../sheets/partner-outbox';
import type { AppContext } from '../context';
import { readQueue } from './queue';

export function getPartnerMailStatus(ctx: AppContext): PartnerMailStatus {
  ctx.authorize();
  return {
    waiting: readQueue(ctx.doc).length + outboxUpdates(ctx.doc),
    notKept: mailNotKept(ctx.doc),
  };
}
