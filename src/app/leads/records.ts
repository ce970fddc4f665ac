/** A Leads row as the API's Lead, and what a registration writes to a new row. */
import type { Lead, LeadStatus } from '../../shared/api';
import type { Days } from '../../sheets/days';
import type { RecordValues, TableRow } from '../../sheets/table';
import { dayOfCell, majorOfCell, text } from './cells';

export interface LeadRow {
  row: number;
  lead: Lead;
}

export function leadOf(record: Readonly<RecordValues>, days: Days): Lead {
  const currency = text(record.currency).trim().toUpperCase();
  return {
    id: text(record.leadId),
    partnerId: text(record.partnerId),
    partnerName: text(record.partnerName),
    company: text(record.company),
    domain: text(record.domain),
    contactName: text(record.contactName),
    contactEmail: text(record.contactEmail),
    product: text(record.product),
    estimatedValue: safeMajor(record.estimatedValue, currency),
    currency,
    status: text(record.status).trim() as LeadStatus,
    registeredOn: dayOfCell(record.registeredOn, days),
    expiresOn: dayOfCell(record.expiresOn, days),
    decidedBy: text(record.decidedBy),
    decisionNote: text(record.decisionNote),
    closedOn: dayOfCell(record.closedOn, days),
    dealValue: safeMajor(record.dealValue, currency),
    conflict: text(record.conflict),
    notes: text(record.notes),
  };
}

/** An amount in an unknown currency still reads as the number the cell holds. */
function safeMajor(value: unknown, currency: string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const major = currency ? majorOfCell(value, currency) : null;
  if (major !== null) return major;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Every lead of the table with its sheet row (rows without a Lead ID are not leads). */
export function leadRows(rows: readonly TableRow[], days: Days): LeadRow[] {
  const out: LeadRow[] = [];
  for (const { row, record } of rows) {
    const lead = leadOf(record, days);
    if (lead.id) out.push({ row, lead });
  }
  return out;
}
