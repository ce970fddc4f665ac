/**
 * registerLead: under the document lock, read what the check needs (the settings as stored in the
 * document properties; the partners and leads as the tracker knows them, from their `_Shadow` columns
 * with one getValues, not the 19 columns of Leads), check the registration (schema, partner status, duplicates, conflicts),
 * allocate the next Lead ID, append one row through the audited writer, then send this lead's
 * "registration received" email (the queued backlog is the hourly trigger's).
 */
import type { RegisterLeadResult } from '../../shared/api';
import { noticesOf } from '../../domain/leads';
import { LEAD_STATUS } from '../../shared/statuses';
import type { AppContext } from '../context';
import { sendNoticeNow } from '../notifications/notify';
import { leadOf } from './records';
import { Registrar } from './registrar';
import { fail } from '../user-error';
import { changeContext } from './request';
import { TrackerData } from './tracker-data';

/**
 * Opens Partners and Leads from their shadows in one read (ctx.read, sheets/shadow-tables.ts); the settings come
 * from the document properties the execution read anyway (AppContext.settings). Only Leads' last
 * row is checked: the new row is appended there, so rows another tool appended must not be written
 * over (nor missed by the conflict check); Partners is only looked up.
 */
function openForRegistration(ctx: AppContext): void {
  ctx.read(['partners', 'leads'], { guarded: ['leads'], oneRead: true });
}

export function registerLead(input: unknown): RegisterLeadResult {
  const ctx = changeContext();
  openForRegistration(ctx);
  ctx.doc.days(true);
  const data = new TrackerData(ctx);
  const registrar = new Registrar(data);
  const checked = registrar.check(input);
  if (!checked.ok) fail(checked.errors);
  const registration = registrar.add(checked);
  ctx.commit();
  const row = ctx.table('leads').rowOf(registration.row);
  if (row)
    for (const { notice } of noticesOf(registration.events))
      sendNoticeNow(data, notice, leadOf(row.record, data.days, registration.row), checked.partner);
  return {
    id: registration.id,
    status: LEAD_STATUS.Submitted,
    expiresOn: registration.expiresOn,
    conflicts: registration.conflicts,
  };
}
