/** The partner views' refresh as an hourly job (triggers/hourly.ts). */
import type { DailyJob } from '../triggers/daily-job';
import { refreshPartnerViews } from './views';

export const PARTNER_VIEWS_JOB: DailyJob = {
  name: 'partner views',
  // after a day's job wrote: in the next hourly run (one heavy step per execution)
  afterWrites: 'next run',
  run: (ctx, step) => refreshPartnerViews(ctx, step),
};
