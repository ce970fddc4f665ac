/** A webhook endpoint as typed: an https URL and known events, or the problems, one per line. */
import { WEBHOOK_EVENTS, webhookMessages, type WebhookEvent, type WebhookInput } from '../../shared/webhooks';

/**
 * A web address (Apps Script has no URL class): scheme, host name (letters, digits, dots, hyphens;
 * at least one dot) and an optional port, path and query; no user info, no spaces.
 */
export function parseWebUrl(text: string): { scheme: string; host: string } | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::(\d{1,5}))?([/?#][^\s]*)?$/i.exec(
    text,
  );
  if (!match) return null;
  return { scheme: match[1].toLowerCase(), host: match[2].toLowerCase() };
}

export function checkWebhook(
  input: WebhookInput,
): { ok: true; url: string; events: WebhookEvent[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const url = String(input?.url ?? '').trim();
  const parsed = parseWebUrl(url);
  if (!parsed) problems.push(webhookMessages.urlInvalid(url));
  else if (parsed.scheme !== 'https') problems.push(webhookMessages.urlNotHttps(url));
  const events: WebhookEvent[] = [];
  const typed = Array.isArray(input?.events) ? input.events : [];
  if (!typed.length) problems.push(webhookMessages.noEvents);
  for (const event of typed) {
    const known = WEBHOOK_EVENTS.find((e) => e === event);
    if (!known) problems.push(webhookMessages.unknownEvent(String(event)));
    else if (!events.includes(known)) events.push(known);
  }
  return problems.length ? { ok: false, problems } : { ok: true, url, events };
}
