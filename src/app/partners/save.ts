/**
 * savePartner: validate with the Settings lists and the plan names, then under the lock create the
 * partner with the next Partner ID or update the one named by `id` (a renamed partner's name is
 * carried to its leads' Partner Name). One write through the audited writer.
 */
import type { PartnerInput } from '../../shared/api';
import { validatePartnerInput } from '../../shared/schema';
import { nextId } from '../../domain/ids';
import { nameKey } from '../../domain/leads';
import { partnerMessages } from '../../domain/partners';
import type { AppContext } from '../context';
import { changeContext } from '../leads/request';
import { fail, valid } from '../user-error';
import { TrackerData } from '../leads/tracker-data';
import { partnerRecord, partnerShape, type PartnerRow } from './records';

export const saveMessages = {
  sameName: (name: string, id: string) => `Partner Name '${name}' is already used by ${id}`,
} as const;

/** Checks a partner against the others; returns the errors (none when it may be saved). */
export function partnerConflicts(input: PartnerInput, others: readonly PartnerRow[]): string[] {
  const key = nameKey(input.partnerName);
  const same = others.find(
    ({ partner }) => partner.id !== input.id && key !== '' && nameKey(partner.partnerName) === key,
  );
  return same ? [saveMessages.sameName(input.partnerName, same.partner.id)] : [];
}

/** Writes one validated partner into the tables (in memory); returns its id. */
export function putPartner(ctx: AppContext, data: TrackerData, input: PartnerInput): string {
  const table = ctx.table('partners');
  if (input.id) {
    const found = data.partners.find(({ partner }) => partner.id === input.id);
    if (!found) fail(partnerMessages.unknownPartner(input.id));
    const record = partnerRecord(input, found.partner.joinedOn || data.today, data.days);
    table.update(found.row, record);
    if (found.partner.partnerName !== input.partnerName) {
      for (const { row, lead } of data.leads)
        if (lead.partnerId === input.id) ctx.table('leads').update(row, { partnerName: input.partnerName });
    }
    return input.id;
  }
  const id = nextId(
    'partner',
    data.partners.map(({ partner }) => partner.id),
  );
  table.append({ partnerId: id, ...partnerRecord(input, data.today, data.days) });
  data.partners.push({ row: -1, partner: { ...partnerShape(input, data.today), id } });
  return id;
}

export function savePartner(input: unknown): { id: string } {
  const ctx = changeContext();
  const data = new TrackerData(ctx);
  const partner = valid(validatePartnerInput(input, data.formOptions()));
  const problems = partnerConflicts(partner, data.partners);
  if (problems.length) fail(problems);
  const id = putPartner(ctx, data, partner);
  ctx.commit();
  return { id };
}
