/** The daily delivery: sends what the notification queue owes, within today's quota. */
import type { AppContext } from '../context';
import { TrackerData } from '../leads/tracker-data';
import { deliverNotices, type DeliveryReport } from './notify';

export function runNotificationDelivery(ctx: AppContext): DeliveryReport {
  return deliverNotices(ctx, new TrackerData(ctx));
}
