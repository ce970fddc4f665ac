/**
 * Work the hourly trigger does on EVERY run, after the day's jobs (or instead of them, when they are
 * done): what must follow changes within the hour rather than the day (the partners' view files,
 * the registration form's new responses). Each job must cost nothing when nothing changed.
 */
import { PARTNER_VIEWS_JOB } from '../partners/views-job';
import type { DailyJob } from './daily-job';

export const HOURLY_JOBS: DailyJob[] = [PARTNER_VIEWS_JOB];
