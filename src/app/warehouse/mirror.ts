/**
 * The hourly warehouse step: loads into BigQuery what changed since the cursor, with load jobs.
 *
 * 1. The Audit Log rows after the cursor (one getValues; every change the tracker or a person makes
 *    is there) name the records that changed: Partners, Leads, Commissions and Payouts rows by their
 *    id. The first run (no cursor) takes every row of the four sheets and the whole log.
 * 2. One batch: its id and order come from the last audit row it covers. Each table's changed rows
 *    (a row no longer in its sheet as a deletion mark) and the audit rows become newline-delimited
 *    JSON, cut into parts of at most 8 MB, each one load job into `<table>_batches` whose job id is
 *    made from the batch: a batch started again after a failure reuses its job ids and BigQuery
 *    answers "Already Exists" for the parts already loaded. The views (`leads`, ...) keep the latest
 *    version of each record, so rows loaded twice under two batches still read once.
 * 3. Only when every job is DONE without error is the cursor moved (one property write). A failed
 *    job, a missing permission, a time-out anywhere before: the cursor stays and the next hourly run
 *    loads the same rows again; nothing is skipped, nothing counted twice.
 * At most `MAX_AUDIT_ROWS_PER_BATCH` audit rows a batch; a backlog continues while time is left, then
 * in the next run.
 */
import { logAnchor } from '../../domain/audit/archive';
import { AUDIT_COLUMNS, auditRecords } from '../../domain/warehouse/audit-records';
import type { WarehouseCursor } from '../../domain/warehouse/cursor';
import { splitLines, batchId, loadJobId } from '../../domain/warehouse/load-plan';
import {
  type Batch,
  type WarehouseColumn,
  deletedRecord,
  entityRecord,
} from '../../domain/warehouse/records';
import { batchesTable } from '../../domain/warehouse/sql';
import type { WarehouseConfig, WarehouseRunReport, WarehouseTable } from '../../shared/warehouse';
import { readLog, readTail } from '../../sheets/audit-sheet';
import { checkAuthorization } from '../../sheets/authorization';
import { type LoadOutcome, startLoad, waitForJobs } from '../../sheets/warehouse/bigquery';
import { auditRows, findAuditRow } from '../../sheets/warehouse/audit-rows';
import { MIRRORED_SHEETS, batchFields } from '../../sheets/warehouse/tables';
import type { AppContext } from '../context';
import { UserError } from '../user-error';
import { bigQueryWords, explainBigQueryError, warehouseMessages } from './messages';
import {
  WAREHOUSE_CURSOR_PROPERTY,
  WAREHOUSE_RUN_PROPERTY,
  lastWarehouseRun,
  warehouseConfig,
  warehouseCursor,
} from './state';

export const MAX_AUDIT_ROWS_PER_BATCH = 100_000;
/** Retries of a part whose earlier job under the same id failed. */
const MAX_ATTEMPTS = 3;

/** Load jobs still running when the run's time ran out: not an error, the next run checks them. */
const RUNNING = 'running';

interface TableLoad {
  table: WarehouseTable;
  fields: readonly WarehouseColumn[];
  lines: string[];
}

/** The step; null when the warehouse is off. Never throws: its report says what went wrong. */
export function mirrorWarehouse(ctx: AppContext, timeLeftMs: () => number): WarehouseRunReport | null {
  const doc = ctx.doc;
  const config = warehouseConfig(doc);
  if (!config) return null;
  let cursor = warehouseCursor(doc);
  let stillRunning = 0;
  const report: WarehouseRunReport = {
    at: ctx.now.toISOString(),
    ok: true,
    message: '',
    loadJobs: 0,
    bytes: 0,
    rows: {},
    auditSeq: cursor?.seq ?? null,
  };
  try {
    if (checkAuthorization('warehouse').missing.length) throw new UserError(warehouseMessages.notGranted());
    for (;;) {
      const next = loadBatch(ctx, config, cursor, report);
      if (next === RUNNING) {
        report.message = warehouseMessages.stillRunning(stillRunning);
        break;
      }
      if (!next) break;
      cursor = next;
      report.auditSeq = cursor.seq;
      // Moved only now: every job of the batch is DONE without error (written with the report
      // below when this is the run's last batch, else at once).
      doc.setProperty(WAREHOUSE_CURSOR_PROPERTY, JSON.stringify(cursor));
      if (readTail(doc).hash === cursor.hash || timeLeftMs() <= 0) break;
      doc.commit();
    }
    const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
    if (!report.message) report.message = warehouseMessages.loaded(total, report.loadJobs);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    report.ok = false;
    report.message = err instanceof UserError ? message : explainBigQueryError(config, message, '');
  }
  // The report is written when there is something to say: an hour with nothing new after a good
  // run writes nothing (the last load's report stands).
  const last = lastWarehouseRun(doc);
  if (report.loadJobs || !report.ok || !last || !last.ok)
    doc.setProperty(WAREHOUSE_RUN_PROPERTY, JSON.stringify(report));
  // One property write: the cursor (when a batch was loaded) and the report.
  doc.commit();
  return report;

  function loadBatch(
    c: AppContext,
    cfg: WarehouseConfig,
    from: WarehouseCursor | null,
    out: WarehouseRunReport,
  ): WarehouseCursor | typeof RUNNING | null {
    const tail = readTail(c.doc);
    if (from && from.hash === tail.hash) return null;
    let rows: unknown[][];
    let firstRow: number;
    let prevHash: string;
    if (from) {
      let at = from.row;
      let block = auditRows(c.doc, at, tail.row);
      if (String(block[0]?.[9] ?? '') !== from.hash) {
        const found = findAuditRow(c.doc, from.hash, tail.row);
        if (found === null)
          throw new UserError(
            `Warehouse: the Audit Log no longer holds the row the warehouse stopped at (hash ${from.hash.slice(0, 12)}…): save Settings > Warehouse with a new dataset to load everything again.`,
          );
        at = found;
        block = auditRows(c.doc, at, tail.row);
      }
      rows = block.slice(1);
      firstRow = at + 1;
      prevHash = from.hash;
    } else {
      rows = readLog(c.doc).rows;
      firstRow = 2;
      prevHash = logAnchor(rows);
    }
    const take = rows.slice(0, MAX_AUDIT_ROWS_PER_BATCH);
    const firstSeq = (from?.seq ?? 0) + 1;
    const lastHash = take.length ? String(take[take.length - 1][9]) : (from?.hash ?? tail.hash);
    const batch: Batch = {
      id: batchId(firstSeq + take.length - 1, lastHash),
      seq: firstSeq + take.length - 1,
    };
    const loads = tableLoads(c, take, !from, batch);
    loads.push({
      table: 'audit_log',
      fields: AUDIT_COLUMNS,
      lines: auditRecords(take, prevHash, firstSeq, batch).map((r) => JSON.stringify(r)),
    });
    if (runLoads(cfg, loads, batch, out) === RUNNING) return RUNNING;
    return { row: firstRow + take.length - 1, hash: lastHash, seq: batch.seq };
  }

  function runLoads(
    cfg: WarehouseConfig,
    loads: TableLoad[],
    batch: Batch,
    out: WarehouseRunReport,
  ): typeof RUNNING | 'done' {
    const started: { load: TableLoad; outcome: LoadOutcome; lines: number }[] = [];
    for (const load of loads) {
      if (!load.lines.length) continue;
      splitLines(load.lines).forEach((part, i) => {
        let outcome: LoadOutcome | null = null;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          outcome = startLoad(
            cfg.projectId,
            cfg.dataset,
            batchesTable(load.table),
            loadJobId(load.table, batch.id, i, attempt),
            load.fields,
            part,
          );
          // A job of an earlier run under this id failed: that id is spent; try the next one.
          if (!(outcome.existed && outcome.done && outcome.error)) break;
        }
        out.loadJobs++;
        out.bytes += part.reduce((n, line) => n + line.length + 1, 0);
        started.push({ load, outcome: outcome!, lines: part.length });
      });
    }
    const outcomes = waitForJobs(
      cfg.projectId,
      started.map((s) => s.outcome),
      () => timeLeftMs(),
    );
    const failed = outcomes.findIndex((o) => o.done && o.error);
    if (failed >= 0)
      throw new UserError(
        warehouseMessages.loadFailed(
          batchesTable(started[failed].load.table),
          outcomes[failed].jobId,
          bigQueryWords(outcomes[failed].error!),
        ),
      );
    stillRunning = outcomes.filter((o) => !o.done).length;
    if (stillRunning) return RUNNING;
    started.forEach((s) => {
      out.rows[s.load.table] = (out.rows[s.load.table] ?? 0) + s.lines;
    });
    return 'done';
  }

  function tableLoads(
    c: AppContext,
    audit: readonly unknown[][],
    everything: boolean,
    batch: Batch,
  ): TableLoad[] {
    const layout = c.doc.layout().sheets;
    const changed = new Map<string, Set<string>>();
    for (const row of audit) {
      const id = String(row[4] ?? '');
      if (!id) continue;
      const sheetName = String(row[3] ?? '');
      let ids = changed.get(sheetName);
      if (!ids) changed.set(sheetName, (ids = new Set()));
      ids.add(id);
    }
    const days = c.doc.days();
    const dayOf = (v: unknown) => days.cellToDay(v);
    const loads: TableLoad[] = [];
    for (const sheet of MIRRORED_SHEETS) {
      const name = layout[sheet.key]?.name ?? sheet.sheetName;
      const ids = everything ? null : changed.get(name);
      if (!everything && !ids?.size) continue;
      const lines: string[] = [];
      const seen = new Set<string>();
      for (const r of c.table(sheet.key).rows()) {
        const id = String(r.record[sheet.idKey] ?? '');
        if (!id || (ids && !ids.has(id))) continue;
        seen.add(id);
        lines.push(JSON.stringify(entityRecord(sheet.columns, r.record, batch, dayOf)));
      }
      if (ids)
        for (const id of ids)
          if (!seen.has(id)) lines.push(JSON.stringify(deletedRecord(sheet.idColumn, id, batch)));
      loads.push({ table: sheet.table, fields: batchFields(sheet), lines });
    }
    return loads;
  }
}
