/** A Partners row as the API's Partner, and a validated PartnerInput as the cells of a row. */
import type { Partner, PartnerInput, PartnerStatus } from '../../shared/api';
import type { Days } from '../../sheets/days';
import type { RecordValues, TableRow } from '../../sheets/table';
import { dateCell, dayOfCell, text } from '../leads/cells';

export function partnerOf(record: Readonly<RecordValues>, days: Days): Partner {
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
    status: (text(record.status).trim() || 'Active') as PartnerStatus,
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
    const partner = partnerOf(record, days);
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
    status: input.status ?? 'Active',
    joinedOn: input.joinedOn ?? joinedOn,
    notes: input.notes ?? '',
  };
}

/** The cells of a partner row (every field of the form; absent ones are emptied). */
export function partnerRecord(input: PartnerInput, joinedOn: string, days: Days): Partial<RecordValues> {
  const shape = partnerShape(input, joinedOn);
  return { ...shape, joinedOn: dateCell(shape.joinedOn, days) };
}
