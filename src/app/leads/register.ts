/**
 * registerLead: under the document lock, read Settings, Partners and Leads once each, check the
 * registration (schema, partner status, duplicates, conflicts), allocate the next Lead ID, append one
 * row through the audited writer, then send what the notification queue owes.
 */
import type { RegisterLeadResult } from '../../shared/api';
import { deliverNotices, queueNotices } from '../notifications/notify';
import { Registrar } from './registrar';
import { UserError, userContext } from './request';
import { TrackerData } from './tracker-data';

export function registerLead(input: unknown): RegisterLeadResult {
  const ctx = userContext();
  ctx.lock();
  const data = new TrackerData(ctx);
  const registrar = new Registrar(data);
  const checked = registrar.check(input);
  if (!checked.ok) throw new UserError(checked.errors);
  const registration = registrar.add(checked);
  queueNotices(data, 'received', [registration.id]);
  ctx.commit();
  deliverNotices(ctx, data);
  return {
    id: registration.id,
    status: 'Submitted',
    expiresOn: registration.expiresOn,
    conflicts: registration.conflicts,
  };
}
