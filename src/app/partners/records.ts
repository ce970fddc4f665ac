/** A Partners row as the API's Partner, and a validated PartnerInput as the cells of a row. */
import type { Partner, PartnerInput } from '../../shared/api';
import { PARTNER_STATUS, PARTNER_STATUSES, readStatus } from '../../shared/statuses';
import type { Days } from '../../sheets/days';
import type { RecordValues, TableRow } from '../../sheets/table';
import { dateCell, dayOfCell, text } from '../leads/cells';

/**
 * The partner a row holds. A blank Status reads Active; one that is not a partner status is not cast:
 * the partner gets status '' and `statusProblem` names the row (when given) and the value.
 */
export function partnerOf(record: Readonly<RecordValues>, days: Days, row?: number): Partner {
  const where = row === undefined ? `Partner ${text(record.partnerId)}` : `Partners row ${row}`;
  const status = readStatus(PARTNER_STATUSES, record.status, where);
  return {
    id: text(record.partnerId),
    partnerName: text(record.partnerName),
    contactName: text(record.contactName),
    contactEmail: text(record.contactEmail),
    type: text(record.type),
    tier: text(record.tier),
    region: text(record.region),
    productFocus: text(record.productFocus),
    plan: text(record.plan),
    status: status.ok ? (status.status ?? PARTNER_STATUS.Active) : '',
    ...(!status.ok && { statusProblem: status.problem }),
    joinedOn: dayOfCell(record.joinedOn, days),
    notes: text(record.notes),
  };
}

export interface PartnerRow {
  row: number;
  partner: Partner;
}

export function partnerRows(rows: readonly TableRow[], days: Days): PartnerRow[] {
  const out: PartnerRow[] = [];
  for (const { row, record } of rows) {
    const partner = partnerOf(record, days, row);
    if (partner.id) out.push({ row, partner });
  }
  return out;
}

/** A partner as the form gave it, every absent field emptied (Joined On defaults to `joinedOn`). */
export function partnerShape(input: PartnerInput, joinedOn: string): Omit<Partner, 'id'> {
  return {
    partnerName: input.partnerName,
    contactName: input.contactName ?? '',
    contactEmail: input.contactEmail,
    type: input.type,
    tier: input.tier ?? '',
    region: input.region ?? '',
    productFocus: input.productFocus ?? '',
    plan: input.plan ?? '',
    status: input.status ?? PARTNER_STATUS.Active,
    joinedOn: input.joinedOn ?? joinedOn,
    notes: input.notes ?? '',
  };
}

/** The cells of a partner row (every field of the form; absent ones are emptied). */
export function partnerRecord(input: PartnerInput, joinedOn: string, days: Days): Partial<RecordValues> {
  const shape = partnerShape(input, joinedOn);
  return { ...shape, joinedOn: dateCell(shape.joinedOn, days) };
}
