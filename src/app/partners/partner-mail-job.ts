/** The partner e-mails that waited for MailApp's quota (sheets/partner-outbox.ts), sent hourly. */
import { deliverOutbox, hasOutbox } from '../../sheets/partner-outbox';
import type { DailyJob } from '../triggers/daily-job';

export const PARTNER_MAIL_JOB: DailyJob = {
  name: 'partner mail',
  run: (ctx) => {
    if (!hasOutbox(ctx.doc)) return { idle: true };
    const delivered = deliverOutbox(ctx.doc);
    ctx.doc.save();
    return delivered;
  },
};
