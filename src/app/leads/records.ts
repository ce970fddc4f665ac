/** A Leads row as the API's Lead (its Status checked), and a transition's patch as the row's cells. */
import type { Lead } from '../../shared/api';
import type { LeadPatch } from '../../domain/leads';
import { LEAD_STATUSES, matchIgnoringCase, readStatus } from '../../shared/statuses';
import { DEFAULT_LEAD_SOURCE, LEAD_SOURCES } from '../../shared/dashboard';
import type { Days } from '../../sheets/days';
import type { RecordValues, TableRow } from '../../sheets/table';
import { amountCell, dateCell, dayOfCell, majorOfCell, text } from './cells';

export interface LeadRow {
  row: number;
  lead: Lead;
}

/**
 * The lead a row holds. A Status that is not a lead status is not cast: the lead gets status '' and
 * `statusProblem` names the row (when given) and the value.
 */
export function leadOf(record: Readonly<RecordValues>, days: Days, row?: number): Lead {
  const currency = text(record.currency).trim().toUpperCase();
  const where = row === undefined ? `Lead ${text(record.leadId)}` : `Leads row ${row}`;
  const status = readStatus(LEAD_STATUSES, record.status, where);
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
    status: status.ok ? (status.status ?? '') : '',
    ...(!status.ok && { statusProblem: status.problem }),
    registeredOn: dayOfCell(record.registeredOn, days),
    expiresOn: dayOfCell(record.expiresOn, days),
    decidedBy: text(record.decidedBy),
    decisionNote: text(record.decisionNote),
    closedOn: dayOfCell(record.closedOn, days),
    dealValue: safeMajor(record.dealValue, currency),
    conflict: text(record.conflict),
    notes: text(record.notes),
    source: matchIgnoringCase(LEAD_SOURCES, text(record.source)) ?? DEFAULT_LEAD_SOURCE,
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
    const lead = leadOf(record, days, row);
    if (lead.id) out.push({ row, lead });
  }
  return out;
}

/** The cells a transition's patch changes (days as date cells, the deal value in the lead's currency). */
export function leadPatchCells(patch: LeadPatch, currency: string, days: Days): Partial<RecordValues> {
  const cells: Partial<RecordValues> = {};
  if (patch.status !== undefined) cells.status = patch.status;
  if (patch.decidedBy !== undefined) cells.decidedBy = patch.decidedBy;
  if (patch.decisionNote !== undefined) cells.decisionNote = patch.decisionNote;
  if (patch.closedOn !== undefined) cells.closedOn = dateCell(patch.closedOn, days);
  if (patch.registeredOn !== undefined) cells.registeredOn = dateCell(patch.registeredOn, days);
  if (patch.expiresOn !== undefined) cells.expiresOn = dateCell(patch.expiresOn, days);
  if (patch.dealValue !== undefined) cells.dealValue = amountCell(patch.dealValue, currency);
  return cells;
}
