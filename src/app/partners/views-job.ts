/** The partner views' refresh as an hourly job (triggers/hourly.ts). */
import type { DailyJob } from '../triggers/daily-job';
import { refreshPartnerViews } from './views';

export const PARTNER_VIEWS_JOB: DailyJob = {
  name: 'partner views',
  run: (ctx, step) => refreshPartnerViews(ctx, step),
};
