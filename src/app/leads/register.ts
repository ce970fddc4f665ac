/**
 * registerLead: under the document lock, read what the check needs (Settings with one getValues; the
 * partners and leads as the tracker knows them, from their `_Shadow` columns with one getValues, not
 * the 19 columns of Leads), check the registration (schema, partner status, duplicates, conflicts),
 * allocate the next Lead ID, append one row through the audited writer, then send this lead's
 * "registration received" email (the queued backlog is the hourly trigger's).
 */
import type { RegisterLeadResult } from '../../shared/api';
import type { SheetKey } from '../../sheets/schema';
import { readShadowSheets } from '../../sheets/shadow-sheet';
import { valuesFromShadow } from '../../sheets/table';
import type { AppContext } from '../context';
import { sendNoticeNow } from '../notifications/notify';
import { leadOf } from './records';
import { Registrar } from './registrar';
import { UserError, userContext } from './request';
import { TrackerData } from './tracker-data';

/**
 * Opens Settings (one read of its columns), Partners and Leads (from their shadows, one read): the
 * shadow holds every row as the audited writer and the edit trigger last wrote it. Without a shadow
 * the tables are read from the sheets as usual, and so they are when Leads has rows below the last one
 * the shadow knows (rows another tool appended: script and API writes fire no trigger): one
 * getLastRow guards the append against writing over them and the check against missing them.
 */
function openForRegistration(ctx: AppContext): void {
  const doc = ctx.doc;
  const layout = doc.layout();
  const settings = layout.sheets.settings;
  if (settings) ctx.tableFrom('settings', () => doc.columnValues(settings.id, settings.name, settings.width));
  const keys: SheetKey[] = ['partners', 'leads'];
  if (!keys.every((key) => layout.sheets[key])) return;
  const shadows = readShadowSheets(doc, keys);
  if (!shadows) return;
  const leadsSheet = doc.sheet('leads');
  if (!leadsSheet || leadsSheet.getLastRow() - 1 > shadows.get('leads')!.length) return;
  for (const key of keys)
    ctx.tableFrom(key, () => valuesFromShadow(key, layout.sheets[key]!, shadows.get(key)!));
}

export function registerLead(input: unknown): RegisterLeadResult {
  const ctx = userContext();
  ctx.doc.lock();
  openForRegistration(ctx);
  ctx.lock();
  ctx.doc.days(true);
  const data = new TrackerData(ctx);
  const registrar = new Registrar(data);
  const checked = registrar.check(input);
  if (!checked.ok) throw new UserError(checked.errors);
  const registration = registrar.add(checked);
  ctx.commit();
  const row = ctx.table('leads').rowOf(registration.row);
  if (row) sendNoticeNow(data, 'received', leadOf(row.record, data.days), checked.partner);
  return {
    id: registration.id,
    status: 'Submitted',
    expiresOn: registration.expiresOn,
    conflicts: registration.conflicts,
  };
}
