/** exportPayoutsCsv(payouts, partners, 'csv' | 'paypal' | 'wise') -> the file the sidebar downloads. */
import type { FileDownload, PayoutExportFormat } from '../../shared/api';
import { genericCsv } from './export-generic';
import { paypalCsv } from './export-paypal';
import { wiseCsv } from './export-wise';
import { xeroBillsCsv } from './export-xero';
import { quickbooksJournalCsv } from './export-quickbooks';
import { PayoutError, payoutMessages as m } from './messages';
import type { PayoutPartner, PayoutRecord } from './types';

const writers = {
  csv: genericCsv,
  paypal: paypalCsv,
  wise: wiseCsv,
  xero: xeroBillsCsv,
  quickbooks: quickbooksJournalCsv,
} as const;

export function exportPayoutsCsv(
  payouts: readonly PayoutRecord[],
  partners: readonly PayoutPartner[],
  format: PayoutExportFormat,
): FileDownload {
  if (payouts.length === 0) throw new PayoutError(m.noPayouts);
  return writers[format](payouts, new Map(partners.map((p) => [p.id, p])));
}
