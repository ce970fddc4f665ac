export { escapeHtml } from './escape';
export {
  notificationEmail,
  type EmailMessage,
  type NotificationEvent,
  type NotificationInput,
} from './templates';
export { planSends, recipientCount, type QueuedMessage } from './quota';
export { batchForQuota, digestMail } from './outbox-digest';
