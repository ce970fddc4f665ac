/**
 * Outbound webhooks (Standard Webhooks, github.com/standard-webhooks/standard-webhooks): the events
 * an endpoint can subscribe to, what the sidebar sees of an endpoint and of a delivery, and the
 * messages of bad input. One source for the server and the Integrations page.
 */
export const WEBHOOK_EVENTS = [
  'lead.registered',
  'lead.approved',
  'lead.rejected',
  'lead.won',
  'lead.lost',
  'lead.expired',
  'commission.created',
  'commission.approved',
  'payout.approved',
  'payout.paid',
  'partner.tier_changed',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookInput {
  url: string;
  events: string[];
}

/** What saveWebhook returns: the signing secret is shown this once and never again. */
export interface SavedWebhook {
  id: string;
  secret: string;
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: WebhookEvent[];
  /** ISO instant. */
  createdAt: string;
  /** Why deliveries stopped (the receiver answered 410 Gone), or null while active. */
  disabled: string | null;
  /** Messages waiting to be delivered (or retried). */
  pending: number;
}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'disabled';

export interface WebhookDeliveryView {
  messageId: string;
  endpointId: string;
  type: string;
  /** ISO instant of the attempt. */
  at: string;
  attempt: number;
  /** The HTTP status answered, or null (time-out, unreachable). */
  status: number | null;
  outcome: DeliveryOutcome;
  detail: string;
}

export interface WebhooksView {
  endpoints: WebhookEndpointView[];
  deliveries: WebhookDeliveryView[];
  /** Events not queued because the outbox was full (since the count was last reset). */
  dropped: number;
}

/** At most this many endpoints per tracker. */
export const MAX_WEBHOOKS = 10;

export const webhookMessages = {
  urlNotHttps: (url: string) =>
    `URL: '${url}' is not an https:// address (a webhook receives over TLS only).`,
  urlInvalid: (url: string) => `URL: '${url}' is not a web address.`,
  noEvents: 'Events: choose at least one event.',
  unknownEvent: (event: string) =>
    `Events: '${event}' is not an event (one of: ${WEBHOOK_EVENTS.join(', ')}).`,
  unknownWebhook: (id: string) => `Webhook '${id}' does not exist (already deleted, or never saved).`,
  tooMany: `Webhooks: at most ${MAX_WEBHOOKS} endpoints.`,
  ownerOnly: (who: string, owner: string) =>
    `Only the tracker's owner (${owner}) can manage webhooks; ${who || 'you'} cannot.`,
} as const;
