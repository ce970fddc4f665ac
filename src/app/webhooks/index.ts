/** Outbound webhooks: managing endpoints, and delivering the outbox (registered after every commit). */
export { deleteWebhook, listWebhooks, saveWebhook, testWebhook } from './manage';
export { deliverOutbox, retryOutbox } from './deliver';
