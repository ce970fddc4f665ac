/** MailApp behind two functions: the recipients left today, and sending one message (HTML and plain text). */
import type { OutboxMessage } from '../domain/notifications/outbox-digest';
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  /** One file attached (a partner's statement: their view as CSV). */
  attachment?: { name: string; mimeType: string; content: string };
  /** A digest of several updates (domain/notifications/outbox-digest.ts): what it stands for. */
  digest?: OutboxMessage['digest'];
}

/** Per execution (its document): the recipients left today as asked once, less what it sent since. */
const quotas = new WeakMap<object, { left: number }>();

/**
 * The recipients left today. With `execution` (the execution's document) it is asked once per
 * execution and then counted down by the sends made through `sendMail` with the same key (the
 * hourly run's jobs each deliver mail: one quota call, not one per job).
 */
export function remainingMailQuota(execution?: object): number {
  const known = execution ? quotas.get(execution) : undefined;
  if (known) return Math.max(0, known.left);
  const left = MailApp.getRemainingDailyQuota();
  if (execution) quotas.set(execution, { left });
  return left;
}

export function sendMail(message: OutgoingMail, execution?: object): void {
  const known = execution ? quotas.get(execution) : undefined;
  // (Counted before the send: a send that fails may have used the quota all the same.)
  if (known) known.left -= message.to.split(',').filter((to) => to.trim() !== '').length || 1;
  MailApp.sendEmail({
    to: message.to,
    subject: message.subject,
    body: message.body,
    htmlBody: message.htmlBody,
    ...(message.attachment && {
      attachments: [
        Utilities.newBlob(message.attachment.content, message.attachment.mimeType, message.attachment.name),
      ],
    }),
  });
}
