/**
 * What waits for MailApp's quota in the partner outbox, kept within a size (the document property
 * store holds 500 KB in all, and every execution writes to it). Under the size the messages wait as
 * they are. Over it, the messages waiting for the same recipients become one digest each (one
 * recipient of the quota instead of one per message): first each digest names its first updates in
 * full, then only their subjects, then only how many there are; past that, the oldest recipients'
 * digests give way to the newest (counted in `dropped`). A partner whose registrations come by the
 * hundred (a form flooded through a partner's link) thus costs the store a few hundred bytes, not a
 * message each, and the tracker's own writes go on. A partner's own view lists every registration
 * and its status, which the digest points to.
 */
import { escapeHtml } from './escape';
import { recipientCount } from './quota';
import type { EmailMessage, EmailText } from './templates';

/** How many updates a digest names before it counts the rest. */
export const DIGEST_NAMED = 10;

const VIEW_LINE = 'Your partner view lists every registration and its status.';

/** An update a digest names: in full, or by its subject alone. */
interface Named {
  subject: string;
  body?: string;
  htmlBody?: string;
}

/** A message of the outbox; a digest says what it stands for, so that it can be merged again. */
export interface OutboxMessage extends EmailMessage {
  digest?: { count: number; named: Named[] };
}

type Detail = 'full' | 'subjects' | 'count';

function bytes(mail: OutboxMessage): number {
  return JSON.stringify(mail).length + 1;
}

function total(mails: readonly OutboxMessage[]): number {
  return mails.reduce((n, m) => n + bytes(m), 2);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The digest for `to` of the updates `named` (oldest first) and `unnamed` more, at `detail`. */
function digestOf(
  to: string,
  named: readonly Named[],
  unnamed: number,
  detail: Detail,
  frame?: { greeting: EmailText; signOff: EmailText },
): OutboxMessage {
  const count = named.length + unnamed;
  const shown: Named[] =
    detail === 'count'
      ? []
      : named
          .slice(0, DIGEST_NAMED)
          .map((n) => (detail === 'full' && n.body !== undefined ? n : { subject: n.subject }));
  const rest = count - shown.length;
  const para = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const head = shown.length ? [] : [`You have ${plural(count, 'update')} waiting.`];
  const tail = [...(shown.length && rest ? [`...and ${rest} more.`] : []), VIEW_LINE];
  const body = [
    ...(frame ? [frame.greeting.body] : []),
    ...head,
    ...shown.map((n) => (n.body !== undefined ? `${n.subject}\n${n.body}` : `- ${n.subject}`)),
    ...tail,
    ...(frame ? [frame.signOff.body] : []),
  ].join('\n\n');
  const htmlBody = [
    ...(frame ? [frame.greeting.htmlBody] : []),
    ...head.map(para),
    ...shown.map((n) =>
      n.htmlBody !== undefined ? `<h3>${escapeHtml(n.subject)}</h3>${n.htmlBody}` : para(`- ${n.subject}`),
    ),
    ...tail.map(para),
    ...(frame ? [frame.signOff.htmlBody] : []),
  ].join('');
  return {
    to,
    subject: `${plural(count, 'update')} on your partnership`,
    body,
    htmlBody,
    digest: { count, named: shown },
  };
}

/** One message telling `to` of every update of `mails` (oldest first): the first ones in full. */
export function digestMail(to: string, mails: readonly EmailMessage[]): OutboxMessage {
  if (mails.length === 1) return { ...mails[0], to };
  // Messages that keep their greeting and sign-off apart (lead notices): greeted and signed once.
  const framed = mails.every((m) => m.parts);
  const named = mails.map((m) => ({
    subject: m.subject,
    body: framed ? m.parts!.core.body : m.body,
    htmlBody: framed ? m.parts!.core.htmlBody : m.htmlBody,
  }));
  return digestOf(to, named, 0, 'full', framed ? mails[0].parts : undefined);
}

/**
 * The messages of one delivery, made to fit today's recipients where they can: as they are when
 * every one fits the quota; otherwise each recipient's messages as one digest (one recipient of the
 * quota instead of one per message), so that a day's updates reach every partner the quota can
 * reach rather than the first few partners many times. Each batch keeps the items it tells.
 */
export function batchForQuota<T extends { to: string; mail: EmailMessage }>(
  items: readonly T[],
  quota: number,
): Array<{ to: string; mail: EmailMessage; items: T[] }> {
  const single = (item: T) => ({ to: item.to, mail: item.mail, items: [item] });
  if (items.reduce((n, item) => n + recipientCount(item.to), 0) <= quota) return items.map(single);
  const byRecipient = new Map<string, T[]>();
  for (const item of items) {
    const list = byRecipient.get(item.to);
    if (list) list.push(item);
    else byRecipient.set(item.to, [item]);
  }
  return [...byRecipient].map(([to, list]) =>
    list.length === 1
      ? single(list[0])
      : {
          to,
          mail: digestMail(
            to,
            list.map((i) => i.mail),
          ),
          items: list,
        },
  );
}

/**
 * The outbox within `budget` bytes (its JSON), oldest first: as it is when it fits, else digests as
 * described above, each within `maxMessage` bytes (one stored value). `dropped`: updates no longer
 * owed to anyone (only past the last step).
 */
export function boundOutbox(
  mails: readonly OutboxMessage[],
  budget: number,
  maxMessage: number,
): { mails: OutboxMessage[]; dropped: number } {
  if (total(mails) <= budget) return { mails: [...mails], dropped: 0 };
  // Per recipient, in the order of their oldest message (a digest waits where its first one did):
  // the updates named so far and how many more (a digest already made brings its own).
  const recipients = new Map<string, { named: Named[]; unnamed: number; only: OutboxMessage | null }>();
  for (const mail of mails) {
    const entry = recipients.get(mail.to);
    const next = entry ?? { named: [], unnamed: 0, only: mail.digest ? null : mail };
    if (entry) next.only = null;
    if (mail.digest) {
      next.named.push(...mail.digest.named);
      next.unnamed += mail.digest.count - mail.digest.named.length;
    } else next.named.push({ subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody });
    recipients.set(mail.to, next);
  }
  const all = [...recipients];
  let out: OutboxMessage[] = [];
  for (const detail of ['full', 'subjects', 'count'] as const) {
    // (A recipient with one message waiting keeps it as it is while details are kept.)
    out = all.map(([to, r]) => {
      if (r.only && detail === 'full') return r.only;
      // (A digest too big for one stored value names less.)
      let digest = digestOf(to, r.named, r.unnamed, detail);
      if (bytes(digest) > maxMessage && detail === 'full')
        digest = digestOf(to, r.named, r.unnamed, 'subjects');
      if (bytes(digest) > maxMessage) digest = digestOf(to, r.named, r.unnamed, 'count');
      return digest;
    });
    if (total(out) <= budget) return { mails: out, dropped: 0 };
  }
  // The newest recipients' digests that fit; the oldest give way.
  let size = 2;
  let first = out.length;
  while (first > 0 && size + bytes(out[first - 1]) <= budget) size += bytes(out[--first]);
  const dropped = all.slice(0, first).reduce((n, [, r]) => n + r.named.length + r.unnamed, 0);
  return { mails: out.slice(first), dropped };
}
