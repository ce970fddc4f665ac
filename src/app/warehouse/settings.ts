/**
 * Settings > Warehouse: the owner turns the BigQuery mirror on (`saveWarehouse({projectId, dataset})`)
 * or off (`saveWarehouse(null)`); anyone on the sidebar reads where it stands (`getWarehouse`).
 *
 * Turning it on: the BigQuery permission is asked for then (requireMenuAuthorization in
 * sheets/authorization.ts, the only entry
 * point that needs it), then the dataset is created when missing, the five batch tables with their
 * schemas and the five views over them: so a project that does not exist, a dataset the owner may
 * not write to, a permission not granted, are said at once, under the field to fix, and nothing is
 * saved. A new project or dataset starts the cursor over (the next hourly run loads everything).
 * Turning it off keeps the cursor: turned on again with the same dataset, it goes on from there.
 */
import { auditView, batchesTable, chainCheck, entityView } from '../../domain/warehouse/sql';
import { AUDIT_COLUMNS } from '../../domain/warehouse/audit-records';
import type { WarehouseChainVerdict } from '../../shared/api';
import { type WarehouseConfig, type WarehouseState, checkWarehouseConfig } from '../../shared/warehouse';
import { requireMenuAuthorization } from '../../sheets/authorization';
import { TrackerDocument } from '../../sheets/document';
import { assertOwner } from '../../sheets/team';
import { createTable, ensureDataset, runQuery } from '../../sheets/warehouse/bigquery';
import { MIRRORED_SHEETS, batchFields } from '../../sheets/warehouse/tables';
import { fail } from '../user-error';
import { explainBigQueryError, warehouseMessages } from './messages';
import { WAREHOUSE_CURSOR_PROPERTY, WAREHOUSE_PROPERTY, lastWarehouseRun, warehouseConfig } from './state';

function stateOf(doc: TrackerDocument): WarehouseState {
  return { config: warehouseConfig(doc), lastRun: lastWarehouseRun(doc) };
}

export function getWarehouse(doc: TrackerDocument = new TrackerDocument()): WarehouseState {
  return stateOf(doc);
}

/** The dataset, its batch tables and its views, made (or found) as the owner. */
function prepareDataset(config: WarehouseConfig): void {
  const { projectId, dataset } = config;
  ensureDataset(projectId, dataset);
  for (const sheet of MIRRORED_SHEETS)
    createTable(projectId, dataset, batchesTable(sheet.table), batchFields(sheet));
  createTable(projectId, dataset, batchesTable('audit_log'), AUDIT_COLUMNS);
  for (const sheet of MIRRORED_SHEETS)
    runQuery(projectId, entityView(projectId, dataset, sheet.table, sheet.idColumn));
  runQuery(projectId, auditView(projectId, dataset));
}

export function saveWarehouse(input: WarehouseConfig | null): WarehouseState {
  const doc = new TrackerDocument(undefined, { writes: true });
  try {
    assertOwner(doc, '');
  } catch {
    fail(warehouseMessages.notOwner());
  }
  if (input === null) {
    doc.setProperty(WAREHOUSE_PROPERTY, '');
    doc.commit();
    return stateOf(doc);
  }
  const checked = checkWarehouseConfig(input);
  if ('problems' in checked) fail(checked.problems);
  const config = checked.config;
  // The BigQuery permission is asked for here, and only here (Google's consent prompt ends the call).
  requireMenuAuthorization('warehouse');
  try {
    prepareDataset(config);
  } catch (err) {
    fail(explainBigQueryError(config, err instanceof Error ? err.message : String(err), ''));
  }
  const before = warehouseConfig(doc);
  if (!before || before.projectId !== config.projectId || before.dataset !== config.dataset)
    doc.setProperty(WAREHOUSE_CURSOR_PROPERTY, '');
  doc.setProperty(WAREHOUSE_PROPERTY, JSON.stringify(config));
  doc.commit();
  return stateOf(doc);
}

export type ChainVerdict = WarehouseChainVerdict;

/** Verifies the Audit Log's chain in the warehouse with one query (sql.ts chainCheck). */
export function verifyWarehouseChain(doc: TrackerDocument = new TrackerDocument()): ChainVerdict {
  const config = warehouseConfig(doc);
  if (!config) fail('Warehouse: it is off: turn it on in Settings > Warehouse first.');
  const sql = chainCheck(config.projectId, config.dataset);
  let rows: (string | null)[][];
  try {
    rows = runQuery(config.projectId, sql).rows;
  } catch (err) {
    fail(explainBigQueryError(config, err instanceof Error ? err.message : String(err), ''));
  }
  const [rowsChecked, badHashes, brokenLinks, missingRows] = (rows[0] ?? []).map((v) => Number(v ?? 0));
  return {
    ok: badHashes === 0 && brokenLinks === 0 && missingRows === 0,
    rowsChecked,
    badHashes,
    brokenLinks,
    missingRows,
    sql,
  };
}
