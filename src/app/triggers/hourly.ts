/**
 * Work the hourly trigger does on EVERY run, after the day's jobs (or instead of them, when they are
 * done): what must follow changes within the hour rather than the day. Each job costs nothing (or
 * one request) when nothing changed: the registration form's new responses (one Forms API request),
 * the partners' view files (nothing when the audit tail did not move), the partner e-mails waiting
 * for quota (nothing when none wait).
 */
import { FORM_INTAKE_JOB } from '../partners/form-intake';
import { PARTNER_MAIL_JOB } from '../partners/partner-mail-job';
import { PARTNER_VIEWS_JOB } from '../partners/views-job';
import type { DailyJob } from './daily-job';

export const HOURLY_JOBS: DailyJob[] = [FORM_INTAKE_JOB, PARTNER_VIEWS_JOB, PARTNER_MAIL_JOB];
