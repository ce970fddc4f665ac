/** The generic payouts CSV: one row per payout, the Payouts sheet's columns plus the contact email. */
import { toDecimalText } from '../money';
import { csvFile, exportName } from './csv-file';
import type { PayoutPartner, PayoutRecord } from './types';
import type { FileDownload } from '../../shared/api';

export const GENERIC_HEADER = [
  'Payout ID',
  'Partner ID',
  'Partner Name',
  'Contact Email',
  'Currency',
  'Amount',
  'Lines',
  'Period',
  'Status',
  'Created On',
  'Paid On',
  'Reference',
] as const;

export function genericCsv(
  payouts: readonly PayoutRecord[],
  partners: ReadonlyMap<string, PayoutPartner>,
): FileDownload {
  const rows = payouts.map((p) => [
    p.id,
    p.partnerId,
    p.partnerName,
    partners.get(p.partnerId)?.contactEmail ?? '',
    p.currency,
    toDecimalText(p.amountMinor, p.currency),
    String(p.lineIds.length),
    p.period,
    p.status,
    p.createdOn,
    p.paidOn,
    p.reference,
  ]);
  return csvFile(
    exportName(
      'csv',
      payouts.map((p) => p.id),
    ),
    GENERIC_HEADER,
    rows,
  );
}
