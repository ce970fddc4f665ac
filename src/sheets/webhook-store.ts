/**
 * The webhook endpoints and their recent deliveries, in document properties (never in a cell): the
 * endpoints with their signing secrets in `tracker.webhooks`, the last deliveries in
 * `tracker.webhookLog`. Read with every document property (one call), written with the commit.
 */
import type { WebhookDeliveryView, WebhookEvent } from '../shared/webhooks';
import type { TrackerDocument } from './document';

export const WEBHOOKS_PROPERTY = 'tracker.webhooks';
export const WEBHOOK_LOG_PROPERTY = 'tracker.webhookLog';
const LOG_SIZE = 25;

export interface StoredEndpoint {
  id: string;
  url: string;
  events: WebhookEvent[];
  /** whsec_ + base64 of the key bytes. */
  secret: string;
  createdAt: string;
  disabled: string | null;
}

export function readEndpoints(doc: TrackerDocument): StoredEndpoint[] {
  const text = doc.property(WEBHOOKS_PROPERTY);
  if (!text) return [];
  try {
    const list = JSON.parse(text) as StoredEndpoint[];
    return Array.isArray(list) ? list.filter((e) => e && e.id && e.url) : [];
  } catch {
    return [];
  }
}

export function writeEndpoints(doc: TrackerDocument, endpoints: readonly StoredEndpoint[]): void {
  doc.setProperty(WEBHOOKS_PROPERTY, JSON.stringify(endpoints));
}

export function readDeliveryLog(doc: TrackerDocument): WebhookDeliveryView[] {
  try {
    const list = JSON.parse(doc.property(WEBHOOK_LOG_PROPERTY) || '[]') as WebhookDeliveryView[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** Adds deliveries to the log, newest first, keeping the last LOG_SIZE. */
export function logDeliveries(doc: TrackerDocument, deliveries: readonly WebhookDeliveryView[]): void {
  if (!deliveries.length) return;
  const log = [...[...deliveries].reverse(), ...readDeliveryLog(doc)].slice(0, LOG_SIZE);
  doc.setProperty(WEBHOOK_LOG_PROPERTY, JSON.stringify(log));
}
