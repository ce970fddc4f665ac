/** The generic payouts CSV: one row per payout, the Payouts sheet's columns plus the contact email. */
import { toDecimalText } from '../money';
import { exportName, payoutFile } from './csv-file';
import type { ExportColumn } from '../export/csv-table';
import type { PayoutPartner, PayoutRecord } from './types';
import type { FileDownload } from '../../shared/api';

const GENERIC_COLUMNS: readonly ExportColumn[] = [
  { header: 'Payout ID', kind: 'id' },
  { header: 'Partner ID', kind: 'id' },
  { header: 'Partner Name', kind: 'text' },
  { header: 'Contact Email', kind: 'email' },
  { header: 'Currency', kind: 'currency' },
  { header: 'Amount', kind: 'amount' },
  { header: 'Lines', kind: 'count' },
  { header: 'Period', kind: 'text' },
  { header: 'Status', kind: 'text' },
  { header: 'Created On', kind: 'isoDay' },
  { header: 'Paid On', kind: 'isoDay' },
  { header: 'Reference', kind: 'text' },
];

export const GENERIC_HEADER = GENERIC_COLUMNS.map((c) => c.header);

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
  return payoutFile(
    exportName(
      'csv',
      payouts.map((p) => p.id),
    ),
    GENERIC_COLUMNS,
    payouts,
    rows,
    true,
  );
}
