/**
 * MailApp: the outbox, and the daily recipient quota (to + cc + bcc, per simulated UTC day).
 * Needs authorization: refused in simple triggers (LIMITED) and AuthMode.NONE.
 */
import type { Runtime } from '../runtime';
import { Scopes, exception, requireAuth, utcDay } from './common';

export interface SentMail {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  noReply: boolean;
  sentAt: string;
  /** The files attached (name, type, text), when there are any. */
  attachments?: Array<{ name: string; contentType: string; text: string }>;
}

export const MailErrors = {
  quota: 'Service invoked too many times for one day: email.',
  noRecipient: 'Failed to send email: no recipient',
} as const;

type Message = GoogleAppsScript.Mail.MailAdvancedParameters;

function addresses(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

export class MailQuota {
  private day = '';
  private used = 0;
  constructor(readonly perDay: number) {}
  remaining(nowMs: number): number {
    if (utcDay(nowMs) !== this.day) {
      this.day = utcDay(nowMs);
      this.used = 0;
    }
    return this.perDay - this.used;
  }
  take(nowMs: number, n: number): void {
    if (this.remaining(nowMs) < n) throw exception(MailErrors.quota);
    this.used += n;
  }
}

export class EmuMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'sendEmail' | 'getRemainingDailyQuota'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly outbox: SentMail[],
    private readonly quota: MailQuota,
  ) {}

  /** sendEmail(message) | (to, subject, body) | (to, subject, body, options) | (to, replyTo, subject, body). */
  sendEmail(a: string | Message, b?: string, c?: string, d?: string | Message): void {
    this.rt.call('MailApp.sendEmail', () => {
      requireAuth(this.rt, 'MailApp.sendEmail', Scopes.sendMail);
      let message: Message;
      if (typeof a === 'object' && a !== null) message = a;
      else if (typeof d === 'string') message = { to: a, replyTo: b, subject: c, body: d };
      else message = { ...(d ?? {}), to: a, subject: b, body: c };
      const recipients = [...addresses(message.to), ...addresses(message.cc), ...addresses(message.bcc)];
      if (recipients.length === 0) throw exception(MailErrors.noRecipient);
      this.quota.take(this.rt.nowMillis(), recipients.length);
      this.outbox.push({
        from: this.rt.current().effectiveUser,
        to: message.to ?? '',
        cc: message.cc ?? '',
        bcc: message.bcc ?? '',
        subject: String(message.subject ?? ''),
        body: String(message.body ?? ''),
        htmlBody: String(message.htmlBody ?? ''),
        name: String(message.name ?? ''),
        replyTo: String(message.replyTo ?? ''),
        noReply: Boolean(message.noReply),
        sentAt: this.rt.now().toISOString(),
        ...(message.attachments?.length && {
          attachments: this.rt.uncounted(() =>
            (message.attachments ?? []).map((a) => {
              const blob = a.getBlob();
              return {
                name: String(blob.getName() ?? ''),
                contentType: String(blob.getContentType() ?? ''),
                text: blob.getDataAsString(),
              };
            }),
          ),
        }),
      });
    });
  }
  getRemainingDailyQuota(): number {
    return this.rt.call('MailApp.getRemainingDailyQuota', () => this.quota.remaining(this.rt.nowMillis()));
  }
}
