/**
 * E-mails owed to partners that are not about one lead (a form submission's outcome, a tier change):
 * rendered when owed (welcomes and statements are not kept here: what they owe is a few bytes of
 * state, rendered when sent: app/partners/welcome-mail.ts, statements.ts), sent within MailApp's daily recipients, the rest kept in the
 * document properties (`tracker.partnerOutbox.<i>`, values of at most 8,000 characters) and sent by
 * the next hourly runs, oldest first. A message leaves the outbox only once sent, or merged into its
 * recipient's digest when the outbox outgrows its room (`writeOutbox`).
 */
import type { TrackerDocument } from './document';
import { boundOutbox } from '../domain/notifications/outbox-digest';
import { remainingMailQuota, sendMail, type OutgoingMail } from './mail';
import { countMailNotKept } from './mail-not-kept';

const PREFIX = 'tracker.partnerOutbox.';
const SHARD_CHARS = 8000;
/**
 * What the outbox may take of the store (500 KB, shared with the notices' queue's 256 KB, the
 * partner views' state and the journal): about 280 recipients each owed a digest that only counts.
 */
export const OUTBOX_BYTES = 96 * 1024;

export function readOutbox(doc: TrackerDocument): OutgoingMail[] {
  const out: OutgoingMail[] = [];
  const keys = doc
    .propertyKeys()
    .filter((k) => k.startsWith(PREFIX))
    .sort((a, b) => Number(a.slice(PREFIX.length)) - Number(b.slice(PREFIX.length)));
  for (const key of keys) {
    try {
      out.push(...(JSON.parse(doc.property(key) ?? '[]') as OutgoingMail[]));
    } catch {
      // an unreadable value: dropped
    }
  }
  return out;
}

/**
 * Queues the outbox (for the execution's next property write), within OUTBOX_BYTES: over it, what
 * waits for the same recipient becomes one digest (domain/notifications/outbox-digest.ts). Returns
 * the updates no digest could keep (past hundreds of recipients each owed one), also counted for the
 * Partners page (mail-not-kept.ts).
 */
export function writeOutbox(doc: TrackerDocument, all: readonly OutgoingMail[]): number {
  const { mails, dropped } = boundOutbox(all, OUTBOX_BYTES, SHARD_CHARS - 2);
  const old = doc.propertyKeys().filter((k) => k.startsWith(PREFIX)).length;
  const shards: OutgoingMail[][] = [];
  let size = 2;
  for (const mail of mails) {
    const piece = JSON.stringify(mail).length + 1;
    if (!shards.length || size + piece > SHARD_CHARS) {
      shards.push([]);
      size = 2;
    }
    shards[shards.length - 1].push(mail);
    size += piece;
  }
  shards.forEach((shard, i) => doc.setProperty(`${PREFIX}${i}`, JSON.stringify(shard)));
  for (let i = shards.length; i < old; i++) doc.setProperty(`${PREFIX}${i}`, '[]');
  countMailNotKept(doc, dropped);
  return dropped;
}

/** The updates waiting in the outbox (a digest counts as the updates it stands for). */
export function outboxUpdates(doc: TrackerDocument): number {
  return readOutbox(doc).reduce((n, mail) => n + (mail.digest?.count ?? 1), 0);
}

export function hasOutbox(doc: TrackerDocument): boolean {
  return doc.propertyKeys().some((k) => k.startsWith(PREFIX) && (doc.property(k) ?? '[]') !== '[]');
}

/**
 * Sends what today's quota allows, oldest first (one quota call, one call per message), and keeps
 * the rest. The caller saves the document's properties. `notKept`: updates no digest could keep
 * (writeOutbox), for the caller's report.
 */
export function deliverOutbox(
  doc: TrackerDocument,
  more: readonly OutgoingMail[] = [],
): { sent: number; queued: number; notKept: number } {
  const all = [...readOutbox(doc), ...more];
  if (!all.length) return { sent: 0, queued: 0, notKept: 0 };
  let left = remainingMailQuota(doc);
  let sent = 0;
  while (sent < all.length && left > 0) {
    try {
      sendMail(all[sent], doc);
    } catch {
      break; // over quota after all: the rest waits
    }
    sent++;
    left--;
  }
  const notKept = writeOutbox(doc, all.slice(sent));
  return { sent, queued: all.length - sent, notKept };
}
