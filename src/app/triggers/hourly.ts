/**
 * Work the hourly trigger does on EVERY run, after the day's jobs (or instead of them, when they are
 * done): what must follow changes within the hour rather than the day. Each job costs nothing (or
 * one request) when nothing changed: the shadow cells edits left waiting, the registration form's new responses (one Forms API request),
 * the partners' view files (nothing when the audit tail did not move), the partner e-mails waiting
 * for quota (nothing when none wait), a registration's e-mail the sidebar's own call did not send
 * (nothing when none is owed). Each declares the calls it makes when it has work (told from
 * the document properties, no call): in an execution of the day's jobs, one the execution's call
 * budget cannot hold waits for the next hourly run (call-budget.ts).
 */
import { SHADOW_FOLD_JOB } from '../audit/fold-shadow';
import { FORM_INTAKE_JOB } from '../partners/form-intake';
import { PARTNER_MAIL_JOB } from '../partners/partner-mail-job';
import { REGISTRATION_MAIL_JOB, registrationMailOwed } from '../notifications/send-owed';
import { FORM_MAKE_CALLS, partnerViewsDue, VIEWS_CALLS } from '../partners/views-due';
import { PARTNER_VIEWS_JOB } from '../partners/views-job';
import { welcomesOwed } from '../partners/welcome-mail';
import { formReady } from '../../sheets/form-state';
import { hasOutbox } from '../../sheets/partner-outbox';
import { readViewEntries, readViewsMeta } from '../../sheets/view-state';
import type { DailyJob } from './daily-job';

export const HOURLY_JOBS: DailyJob[] = [
  // The shadow cells one-cell edits left in the properties (one write per block of rows): first, so
  // the slots are free again for the hour's edits.
  SHADOW_FOLD_JOB,
  // The Forms API token and one request for the new responses.
  {
    ...FORM_INTAKE_JOB,
    calls: (doc) => (formReady(doc) ? 2 : 0),
  },
  // Before the views (a partner waits for it; a view's welcome can wait for quota): the mail quota,
  // the index's state, the leads' rows, Partners' shadow and last row (and one send each).
  {
    ...REGISTRATION_MAIL_JOB,
    calls: (doc) => (registrationMailOwed(doc) ? 5 : 0),
  },
  // The tables the views show (reads and their row counts) and the link secrets; on the first run,
  // the registration form's making besides.
  {
    ...PARTNER_VIEWS_JOB,
    calls: (doc) => (partnerViewsDue(doc) ? VIEWS_CALLS + (formReady(doc) ? 0 : FORM_MAKE_CALLS) : 0),
  },
  // The mail quota; welcomes read the Partners sheet besides.
  {
    ...PARTNER_MAIL_JOB,
    calls: (doc) => (welcomesOwed(readViewEntries(doc, readViewsMeta(doc))) ? 3 : hasOutbox(doc) ? 1 : 0),
  },
];
