/**
 * The partner e-mails that waited for MailApp's quota, sent hourly, oldest first: the partner outbox
 * (sheets/partner-outbox.ts), then the welcomes owed to contacts given a view (welcome-mail.ts).
 */
import { deliverOutbox, hasOutbox } from '../../sheets/partner-outbox';
import { trackerIdentity } from '../../sheets/partner-files';
import { queueViewState, readViewEntries, readViewsMeta } from '../../sheets/view-state';
import type { DailyJob } from '../triggers/daily-job';
import { sendWelcomes, welcomesOwed } from './welcome-mail';

export const PARTNER_MAIL_JOB: DailyJob = {
  name: 'partner mail',
  run: (ctx) => {
    const meta = readViewsMeta(ctx.doc);
    const entries = readViewEntries(ctx.doc, meta);
    const welcomes = welcomesOwed(entries);
    if (!hasOutbox(ctx.doc) && !welcomes) return { idle: true };
    const delivered = deliverOutbox(ctx.doc);
    if (welcomes && delivered.queued === 0) {
      ctx.read(['partners']);
      const names = new Map(
        ctx
          .table('partners')
          .rows()
          .map(({ record }) => [String(record.partnerId ?? '').trim(), String(record.partnerName ?? '')]),
      );
      const sent = sendWelcomes(entries, trackerIdentity(ctx.doc).name, names, ctx.doc);
      delivered.sent += sent;
      queueViewState(ctx.doc, meta, entries);
    }
    ctx.doc.save();
    return delivered;
  },
};
