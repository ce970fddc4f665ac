/**
 * What a person reads when the warehouse cannot do its work: BigQuery's error turned into the field
 * to fix and what to do, BigQuery's own words kept at the end.
 */
import type { WarehouseConfig } from '../../shared/warehouse';
import { warehouseLabels } from '../../shared/warehouse';

/** BigQuery's message without Apps Script's "API call to ... failed with error: " prefix. */
export function bigQueryWords(message: string): string {
  return message.replace(
    /^(?:GoogleJsonResponseException: )?API call to bigquery\.[\w.]+ failed with error: /,
    '',
  );
}

export function explainBigQueryError(config: WarehouseConfig, message: string, user: string): string {
  const words = bigQueryWords(message);
  const { projectId, dataset } = config;
  if (/^Not found: Project/.test(words))
    return `${warehouseLabels.projectId}: no Google Cloud project "${projectId}" with BigQuery that ${user || 'you'} can use: check the id and that the BigQuery API is enabled in it. (BigQuery: ${words})`;
  if (/^Access Denied: Project/.test(words))
    return `${warehouseLabels.projectId}: ${user || 'you'} may not run BigQuery jobs or create datasets in "${projectId}": ask its administrator for the BigQuery User role. (BigQuery: ${words})`;
  if (/^Access Denied: (Dataset|Table)/.test(words))
    return `${warehouseLabels.dataset}: ${user || 'you'} may not write to "${projectId}:${dataset}": ask for the BigQuery Data Editor role on it, or choose another dataset. (BigQuery: ${words})`;
  if (/^Not found: Dataset/.test(words))
    return `${warehouseLabels.dataset}: "${projectId}:${dataset}" is gone: save Settings > Warehouse again to create it. (BigQuery: ${words})`;
  return `Warehouse: BigQuery refused the load: ${words}`;
}

export const warehouseMessages = {
  notOwner: () => 'Only the tracker’s owner turns the warehouse on or off.',
  notGranted: () =>
    'Warehouse: paused: the owner has not granted the BigQuery permission. Turn it on again in Settings > Warehouse (Google asks for the permission).',
  loadFailed: (table: string, jobId: string, words: string) =>
    `Warehouse: the load job ${jobId} into ${table} failed: ${words}. Nothing was skipped: the next hourly run loads the same rows again.`,
  stillRunning: (n: number) =>
    `Warehouse: ${n} load job${n === 1 ? ' is' : 's are'} still running; the next hourly run checks ${n === 1 ? 'it' : 'them'} and moves on.`,
  loaded: (rows: number, jobs: number) =>
    rows
      ? `Warehouse: ${rows} row${rows === 1 ? '' : 's'} loaded with ${jobs} load job${jobs === 1 ? '' : 's'}.`
      : 'Warehouse: nothing new to load.',
} as const;
