/**
 * The program's figures computed in the warehouse (two GoogleSQL queries over its views, sql.ts):
 * leads per status and currency with the won deals' value, commission lines per status and
 * currency with their amount. What the Dashboard can read from the warehouse once the workbook no
 * longer holds the whole history. NUMERIC sums come back as exact decimal text: turned into minor
 * units without a float (domain/money toMinor).
 */
import { toMinor } from '../../domain/money/parse';
import { commissionFigures, leadFigures } from '../../domain/warehouse/sql';
import type { WarehouseFigures } from '../../shared/warehouse';
import { TrackerDocument } from '../../sheets/document';
import { runQuery } from '../../sheets/warehouse/bigquery';
import { fail } from '../user-error';
import { explainBigQueryError } from './messages';
import { warehouseConfig } from './state';

function minor(text: string | null, currency: string | null): number {
  if (text === null || text === '') return 0;
  return toMinor(text, currency || 'USD', { allowNegative: true });
}

export function getWarehouseFigures(doc: TrackerDocument = new TrackerDocument()): WarehouseFigures {
  const config = warehouseConfig(doc);
  if (!config) fail('Warehouse: it is off: turn it on in Settings > Warehouse first.');
  const { projectId, dataset } = config;
  try {
    const leads = runQuery(projectId, leadFigures(projectId, dataset)).rows.map(
      ([status, currency, n, value]) => ({
        status: status ?? '',
        currency: currency ?? '',
        leads: Number(n),
        dealValueMinor: minor(value, currency),
      }),
    );
    const commissions = runQuery(projectId, commissionFigures(projectId, dataset)).rows.map(
      ([status, currency, n, amount]) => ({
        status: status ?? '',
        currency: currency ?? '',
        lines: Number(n),
        amountMinor: minor(amount, currency),
      }),
    );
    return { leads, commissions };
  } catch (err) {
    fail(explainBigQueryError(config, err instanceof Error ? err.message : String(err), ''));
  }
}
