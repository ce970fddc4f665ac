/**
 * exportPayouts(ids, format): the selected payouts as a file the sidebar downloads: the generic CSV,
 * a PayPal Payouts batch or a Wise batch (the domain writes them: free text escaped, formatted
 * columns validated, domain/export/csv-cell.ts). Reads only; writes nothing. A payment file (PayPal,
 * Wise) holds Approved payouts only and pays the e-mail stamped at approval; every payout's Amount
 * cell must equal the sum of its lines (domain/payouts/export-checks.ts), else nothing is exported
 * and the message names both figures.
 */
import { PayoutError, assertExportable, exportPayoutsCsv } from '../../domain/payouts';
import { ExportError } from '../../domain/export/csv-cell';
import type { FileDownload, PayoutExportFormat } from '../../shared/api';
import type { AppContext } from '../context';
import { openLedger, readLedger } from '../commissions/ledger-table';
import { fail } from '../user-error';
import { payoutAppMessages } from './create-payouts';
import { readPayouts } from './payout-table';

const FORMATS: readonly PayoutExportFormat[] = ['csv', 'paypal', 'wise', 'xero', 'quickbooks'];
const text = (value: unknown) => String(value ?? '').trim();

export function exportPayouts(ctx: AppContext, ids: string[], format: PayoutExportFormat): FileDownload {
  if (!FORMATS.includes(format)) fail([payoutAppMessages.format(format)]);
  const days = ctx.doc.days();
  const lines = readLedger(openLedger(ctx, ['partners']), days).map((l) => l.line);
  const byId = new Map(readPayouts(ctx.table('payouts'), days, lines).map((p) => [p.payout.id, p.payout]));
  const wanted = [...new Set((Array.isArray(ids) ? ids : [ids]).map(text).filter((id) => id !== ''))];
  const missing = wanted.filter((id) => !byId.has(id));
  if (missing.length > 0) fail(missing.map((id) => payoutAppMessages.unknownPayout(id)));
  const partners = ctx
    .table('partners')
    .rows()
    .map(({ record }) => ({
      id: text(record.partnerId),
      partnerName: text(record.partnerName),
      contactEmail: text(record.contactEmail),
    }));
  const selected = wanted.map((id) => byId.get(id)!);
  try {
    assertExportable(selected, lines, format);
    return exportPayoutsCsv(selected, partners, format);
  } catch (error) {
    if (error instanceof PayoutError || error instanceof ExportError) fail([error.message]);
    throw error;
  }
}
