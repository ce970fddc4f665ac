/**
 * Every SQL statement the tracker sends to BigQuery (GoogleSQL). The emulator runs each on DuckDB
 * through its compatibility layer (emulator/bigquery/sql-compat.ts); test/bundle/warehouse-*.test.ts
 * run all of them.
 *
 * Loaded rows land in `<table>_batches` (append-only: every batch, with its id and order); the
 * tables people query are views keeping one row per record, the latest batch's, and dropping the
 * deleted: a batch loaded twice leaves one copy.
 */
import type { WarehouseTable } from '../../shared/warehouse';

function ref(project: string, dataset: string, table: string): string {
  return `\`${project}.${dataset}.${table}\``;
}

export function batchesTable(table: WarehouseTable): string {
  return `${table}_batches`;
}

/** The view over a mirrored sheet's batches: the latest version of each record, deleted ones left out. */
export function entityView(
  project: string,
  dataset: string,
  table: WarehouseTable,
  idColumn: string,
): string {
  return (
    `CREATE OR REPLACE VIEW ${ref(project, dataset, table)} AS ` +
    `SELECT * EXCEPT (_batch_id, _batch_seq, _deleted, _rank) FROM (` +
    `SELECT *, ROW_NUMBER() OVER (PARTITION BY ${idColumn} ORDER BY _batch_seq DESC, _batch_id DESC) AS _rank ` +
    `FROM ${ref(project, dataset, batchesTable(table))}) WHERE _rank = 1 AND NOT _deleted`
  );
}

/** The Audit Log view: each row once (by its sequence number). */
export function auditView(project: string, dataset: string): string {
  return (
    `CREATE OR REPLACE VIEW ${ref(project, dataset, 'audit_log')} AS ` +
    `SELECT * EXCEPT (_batch_id, _batch_seq, _rank) FROM (` +
    `SELECT *, ROW_NUMBER() OVER (PARTITION BY seq ORDER BY _batch_id) AS _rank ` +
    `FROM ${ref(project, dataset, batchesTable('audit_log'))}) WHERE _rank = 1`
  );
}

/**
 * The chain's continuity in one query: every row's hash is SHA-256 of the previous row's hash, a
 * newline and its canonical text (domain/audit/chain.ts); every row names the previous row's hash;
 * no sequence number is missing. All three counts 0: the history is whole.
 */
export function chainCheck(project: string, dataset: string): string {
  return (
    `SELECT COUNT(*) AS rows_checked, ` +
    `COUNTIF(TO_HEX(SHA256(CONCAT(prev_hash, '\\n', canonical))) != hash) AS bad_hashes, ` +
    `COUNTIF(prev_hash != previous_hash) AS broken_links, ` +
    `COUNTIF(seq - previous_seq != 1) AS missing_rows ` +
    `FROM (SELECT seq, prev_hash, canonical, hash, ` +
    `LAG(hash) OVER (ORDER BY seq) AS previous_hash, LAG(seq) OVER (ORDER BY seq) AS previous_seq ` +
    `FROM ${ref(project, dataset, 'audit_log')})`
  );
}

/** Leads per status, and the won deals' value per currency. */
export function leadFigures(project: string, dataset: string): string {
  return (
    `SELECT status, currency, COUNT(*) AS leads, SUM(deal_value) AS deal_value ` +
    `FROM ${ref(project, dataset, 'leads')} GROUP BY status, currency ORDER BY status, currency`
  );
}

/** Commission lines per status and currency: how many, and their amount. */
export function commissionFigures(project: string, dataset: string): string {
  return (
    `SELECT status, currency, COUNT(*) AS lines, SUM(amount) AS amount ` +
    `FROM ${ref(project, dataset, 'commissions')} GROUP BY status, currency ORDER BY status, currency`
  );
}
