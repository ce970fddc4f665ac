/**
 * The e-mail to a person newly given a partner view. What waits for MailApp's quota is only the
 * contact's address in the partner's view entry (`w`, sheets/view-state.ts); the message is rendered
 * here when it is sent, so 500 partners waiting take a few kilobytes, not 500 messages. Sent after
 * the partner outbox (older messages first), in partner id order, each once: an address leaves `w`
 * only once its message went.
 */
import { fileUrl } from '../../sheets/partner-files';
import { remainingMailQuota, sendMail, type OutgoingMail } from '../../sheets/mail';
import type { ViewEntry } from '../../sheets/view-state';

/**
 * It carries no registration link: a waiting welcome is kept in the document properties, which hold
 * no secret; the link is in the view's Summary.
 */
export function welcomeMail(to: string, program: string, partnerName: string, viewUrl: string): OutgoingMail {
  const lines = [
    `${program} now keeps a view of ${partnerName}'s leads, commissions and payouts for you (view only):`,
    viewUrl,
    'Its Summary holds your own link to register a lead (no Google sign-in needed).',
  ];
  return {
    to,
    subject: `${program}: your partner view`,
    body: lines.join('\n'),
    htmlBody: lines
      .map((l) => `<p>${l.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</p>`)
      .join(''),
  };
}

export function welcomesOwed(entries: ReadonlyMap<string, ViewEntry>): boolean {
  for (const entry of entries.values()) if (entry.w?.length) return true;
  return false;
}

/**
 * Sends the welcomes owed within the recipients left today (asked once per `execution`: sheets/mail.ts),
 * changing `entries` (the caller queues them). A contact no longer sharing the file is owed nothing.
 */
export function sendWelcomes(
  entries: Map<string, ViewEntry>,
  program: string,
  names: ReadonlyMap<string, string>,
  execution?: object,
): number {
  if (!welcomesOwed(entries)) return 0;
  let left = remainingMailQuota(execution);
  let sent = 0;
  for (const id of [...entries.keys()].sort()) {
    const entry = entries.get(id)!;
    if (!entry.w?.length) continue;
    const owed: string[] = [];
    for (const email of entry.w) {
      if (!entry.f || entry.v[email] === undefined || !names.has(id)) continue;
      if (left <= 0) {
        owed.push(email);
        continue;
      }
      try {
        sendMail(welcomeMail(email, program, names.get(id)!, fileUrl(entry.f)), execution);
        left--;
        sent++;
      } catch {
        owed.push(email);
        left = 0;
      }
    }
    if (owed.length) entry.w = owed;
    else delete entry.w;
  }
  return sent;
}
