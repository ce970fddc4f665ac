/**
 * registerLead: under the document lock, read what the check needs (the settings as stored in the
 * document properties; the partners and leads as the tracker knows them, from their `_Shadow` columns
 * with one getValues, not the 19 columns of Leads), check the registration (schema, partner status, duplicates, conflicts),
 * allocate the next Lead ID, append one row through the audited writer. The partner's "registration
 * received" e-mail is queued in the same commit and sent by the sidebar's next call, which it makes
 * at once without making the person wait (sendOwedMail: notifications/send-owed.ts); what that call
 * does not send (the sidebar was closed first, the call failed) goes with the next hourly run.
 */
import type { RegisterLeadResult } from '../../shared/api';
import { noticesOf } from '../../domain/leads';
import { LEAD_STATUS } from '../../shared/statuses';
import type { AppContext } from '../context';
import { queueNotices } from '../notifications/notify';
import { Registrar } from './registrar';
import { fail } from '../user-error';
import { changeContext } from './request';
import { TrackerData } from './tracker-data';
import { openActiveLeadRows, openLeadsByIndex } from '../../sheets/lead-tables';
import { formatId } from '../../shared/ids';
import { candidateFinder } from './active-leads';

/**
 * Opens Partners and Leads for registrations (registerLead, the form's hourly intake): through the
 * lead index when it serves (Partners and the index in one read, the Leads rows past it in another;
 * the rows of earlier leads a registration conflicts with read at `settle`), else from their
 * shadows in one read (ctx.read, sheets/shadow-tables.ts). The settings come from the document
 * properties the execution read anyway (AppContext.settings). Only Leads' last row is checked: the
 * new rows are appended there, so rows another tool appended must not be written over (nor missed by
 * the conflict check); Partners is only looked up.
 */
export function openForRegistration(ctx: AppContext): Registrar {
  // The lead index: Partners and the index in one read, the Leads rows past it in another.
  const indexed = openLeadsByIndex(ctx, ['partners']);
  ctx.doc.days(true);
  const data = new TrackerData(ctx);
  if (indexed) {
    const { active } = indexed;
    return new Registrar(data, {
      near: candidateFinder(() => active.entries.values(), data.days),
      ids: [formatId('lead', active.maxId)],
      rowsOf: (ids) => openActiveLeadRows(ctx, active, ids),
      owners: () => active.activeWhere(1, () => true).map((entry) => [entry[1], entry[2]]),
    });
  }
  ctx.read(['partners', 'leads'], { guarded: ['leads'], oneRead: true });
  return new Registrar(data);
}

export function registerLead(input: unknown): RegisterLeadResult {
  const ctx = changeContext();
  const registrar = openForRegistration(ctx);
  const data = registrar.data;
  const checked = registrar.check(input);
  if (!checked.ok) fail(checked.errors);
  const registration = registrar.add(checked);
  registrar.settle();
  // The e-mails owed are queued with the registration (one property write, the commit's journal).
  const notices = noticesOf(registration.events);
  for (const { notice } of notices) queueNotices(data, notice, [registration.id]);
  ctx.commit();
  return {
    id: registration.id,
    status: LEAD_STATUS.Submitted,
    expiresOn: registration.expiresOn,
    conflicts: registration.conflicts,
    mailOwed: data.notificationsOn && notices.length > 0,
  };
}
