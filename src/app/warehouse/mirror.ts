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
 *
 * Time: the step works within the execution's time (`timeLeftMs`, less `RESERVE_MS` kept for the
 * day's jobs after it). Each batch's cost is estimated before it starts (domain/warehouse/load-plan.ts,
 * `LOAD_COST`: reads, upload, load jobs), and only a batch that fits is started; what does not fit
 * waits for the next hourly run at the cursor. The first load (no cursor) reads each sheet block by
 * block (see WarehouseCursor.initial), so a 100,000-lead program loads over a few hourly runs.
 * Changed records are read through the sheet's shadow where it has one (the rows named, not the
 * whole sheet); an hour with nothing new reads only the audit tail (a document property).
 */
import { logAnchor } from '../../domain/audit/archive';
import { shadowField } from '../../domain/audit/shadow-field';
import { AUDIT_COLUMNS, auditRecords } from '../../domain/warehouse/audit-records';
import { type InitialLoad, type WarehouseCursor, idsDigest } from '../../domain/warehouse/cursor';
import { splitLines, batchId, jobsFor, loadJobId, loadMs, readMs } from '../../domain/warehouse/load-plan';
import {
  type Batch,
  type WarehouseColumn,
  deletedRecord,
  entityRecord,
} from '../../domain/warehouse/records';
import { batchesTable } from '../../domain/warehouse/sql';
import type { WarehouseConfig, WarehouseRunReport, WarehouseTable } from '../../shared/warehouse';
import { auditKey } from '../../sheets/audit-key';
import { readTail } from '../../sheets/audit-sheet';
import { checkAuthorization } from '../../sheets/authorization';
import { type LoadOutcome, startLoad, waitForJobs } from '../../sheets/warehouse/bigquery';
import { auditRows, findAuditRow } from '../../sheets/warehouse/audit-rows';
import { sheetBlock } from '../../sheets/warehouse/sheet-block';
import { MIRRORED_SHEETS, type MirroredSheet, batchFields } from '../../sheets/warehouse/tables';
import type { Table } from '../../sheets/table';
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
/** Of the execution's time left when the step starts, this much is kept for the day's jobs after it. */
export const RESERVE_MS = 60_000;
/** A first guess of one JSON line's bytes per sheet column (the next block uses what it measured). */
const BYTES_PER_CELL_GUESS = 40;

/** Load jobs still running when the run's time ran out: not an error, the next run checks them. */
const RUNNING = 'running';

interface TableLoad {
  table: WarehouseTable;
  fields: readonly WarehouseColumn[];
  lines: string[];
}

const linesBytes = (lines: readonly string[]) => lines.reduce((n, line) => n + line.length + 1, 0);

/** The step; null when the warehouse is off. Never throws: its report says what went wrong. */
export function mirrorWarehouse(ctx: AppContext, timeLeftMs: () => number): WarehouseRunReport | null {
  const doc = ctx.doc;
  const config = warehouseConfig(doc);
  if (!config) return null;
  let cursor = warehouseCursor(doc);
  let stillRunning = 0;
  // The time this step may use: what the clock says, and what the estimates say it has spent (the
  // two agree on Apps Script; the lower one decides).
  const budgetMs = timeLeftMs() - RESERVE_MS;
  let usedMs = 0;
  const leftMs = () => Math.min(timeLeftMs() - RESERVE_MS, budgetMs - usedMs);
  // What a load job took by the clock so far (BigQuery slower than the estimate: the next batch is
  // estimated at that pace).
  let msPerJob = 0;
  const loadsMs = (loads: readonly TableLoad[]) =>
    loads.reduce((ms, l) => {
      const bytes = linesBytes(l.lines);
      const jobs = l.lines.length ? jobsFor(bytes) : 0;
      return ms + Math.max(loadMs(jobs, bytes), jobs * msPerJob);
    }, 0);
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
    const tail = readTail(doc);
    if (!cursor || cursor.initial || cursor.hash !== tail.hash) {
      if (checkAuthorization('warehouse').missing.length) throw new UserError(warehouseMessages.notGranted());
      cursor ??= { row: 1, hash: '', seq: 0, initial: { sheet: 0, next: 2, tailRow: tail.row } };
      for (;;) {
        const next = nextBatch(ctx, config, cursor, report);
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
        if ((!cursor.initial && readTail(doc).hash === cursor.hash) || leftMs() <= 0) break;
        doc.commit();
      }
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

  /** The next batch that fits: the cursor after it, null when there is nothing (or no time) left. */
  function nextBatch(
    c: AppContext,
    cfg: WarehouseConfig,
    from: WarehouseCursor,
    out: WarehouseRunReport,
  ): WarehouseCursor | typeof RUNNING | null {
    const initial = from.initial;
    if (initial && initial.sheet < MIRRORED_SHEETS.length) return sheetBatch(c, cfg, from, out);
    const tail = readTail(c.doc);
    const last = initial ? initial.tailRow : tail.row;
    if (from.row >= last) {
      if (!initial) return null;
      // The first load is complete: from here on, the hourly load after the cursor.
      return { row: from.row, hash: from.hash, seq: from.seq };
    }
    return auditBatch(c, cfg, from, last, out);
  }

  /** One block of a sheet's rows (the first load). */
  function sheetBatch(
    c: AppContext,
    cfg: WarehouseConfig,
    from: WarehouseCursor,
    out: WarehouseRunReport,
  ): WarehouseCursor | typeof RUNNING | null {
    let initial = from.initial!;
    const sheet = MIRRORED_SHEETS[initial.sheet];
    const width = sheet.columns.length + 2;
    const bytesPerRow = width * BYTES_PER_CELL_GUESS;
    const perRowMs = readMs(width, 0) + bytesPerRow / 10_485.76;
    const fixedMs = readMs(initial.next - 2, 3) + loadMs(1, 0);
    const guess = Math.floor((leftMs() - fixedMs) / perRowMs);
    const count = Math.floor(
      (leftMs() - fixedMs - loadMs(jobsFor(guess * bytesPerRow), 0) + loadMs(1, 0)) / perRowMs,
    );
    if (count < 1) return null;
    let block = sheetBlock(c.doc, sheet.key, sheet.idKey, initial.next, count);
    usedMs += readMs(block.loadedIds.length, 3) + readMs(block.width * (block.values.length - 1));
    if (initial.next > 2 && idsDigest(block.loadedIds) !== initial.loaded) {
      // Rows moved since the last block (a sort, rows inserted or deleted): a record may have crossed
      // `next` upwards. This sheet loads again from row 2, under new batch ids.
      initial = { ...initial, next: 2, loaded: idsDigest([]), pass: (initial.pass ?? 0) + 1 };
      block = sheetBlock(c.doc, sheet.key, sheet.idKey, 2, count);
      usedMs += readMs(block.width * (block.values.length - 1), 2);
    }
    const read = block.values.length - 1;
    // This sheet is loaded (or empty): the next one at once, no cursor write for it.
    if (read <= 0) return nextBatch(c, cfg, { ...from, initial: nextSheet(initial) }, out);
    const table = c.detached().tableFrom(sheet.key, () => block.values);
    const seq = Math.max(initial.tailRow - 1, 0);
    const days = c.doc.days();
    const dayOf = (v: unknown) => days.cellToDay(v);
    let rows = table.rows();
    let lastRow = initial.next + read - 1;
    const pass = initial.pass ? `p${initial.pass}_` : '';
    const build = () => {
      const batch: Batch = {
        id: `s${seq}_i${initial.sheet}_${pass}${initial.next}_${lastRow}`,
        seq,
      };
      const lines = rows.map((r) => JSON.stringify(entityRecord(sheet.columns, r.record, batch, dayOf)));
      return { batch, loads: [{ table: sheet.table, fields: batchFields(sheet), lines }] };
    };
    let plan = build();
    // Read more than fits (the guess was low on bytes): load the first rows only.
    while (loadsMs(plan.loads) > leftMs() && rows.length > 1) {
      rows = rows.slice(0, Math.ceil(rows.length / 2));
      lastRow = initial.next + rows[rows.length - 1].row - 2;
      plan = build();
    }
    if (loadsMs(plan.loads) > leftMs()) return null;
    if (runLoads(cfg, plan.loads, plan.batch, out) === RUNNING) return RUNNING;
    // The sheet's last row is loaded: the next sheet at once (no empty read next time).
    if (lastRow >= block.lastRow) return { ...from, initial: nextSheet(initial) };
    const ids = [...block.loadedIds, ...rows.map((r) => r.record[sheet.idKey])];
    return { ...from, initial: { ...initial, next: lastRow + 1, loaded: idsDigest(ids) } };
  }

  function nextSheet(initial: InitialLoad): InitialLoad {
    return { sheet: initial.sheet + 1, next: 2, tailRow: initial.tailRow };
  }

  /** Audit rows after the cursor, up to `last` (and the records they name, outside the first load). */
  function auditBatch(
    c: AppContext,
    cfg: WarehouseConfig,
    from: WarehouseCursor,
    last: number,
    out: WarehouseRunReport,
  ): WarehouseCursor | typeof RUNNING | null {
    // per row: its ten cells, its JSON line (~600 bytes), the record it names (~1 KB, by the shadow)
    const perRowMs = readMs(10, 0) + 1600 / 10_485.76;
    const fixedMs = readMs(0, 2) + loadMs(MIRRORED_SHEETS.length + 1, 0) + readMs(100_000, 2);
    const fits = Math.floor((leftMs() - fixedMs) / perRowMs);
    const n = Math.min(fits, MAX_AUDIT_ROWS_PER_BATCH, last - from.row);
    if (n < 1) return null;
    let at = from.row;
    let rows: unknown[][];
    let prevHash = from.hash;
    if (at < 2) {
      rows = auditRows(c.doc, 2, 1 + n);
      prevHash = logAnchor(rows);
    } else {
      let block = auditRows(c.doc, at, at + n);
      if (String(block[0]?.[9] ?? '') !== from.hash) {
        const found = findAuditRow(c.doc, from.hash, last);
        if (found === null)
          throw new UserError(
            `Warehouse: the Audit Log no longer holds the row the warehouse stopped at (hash ${from.hash.slice(0, 12)}…): save Settings > Warehouse with a new dataset to load everything again.`,
          );
        at = found;
        block = auditRows(c.doc, at, Math.min(at + n, readTail(c.doc).row));
      }
      rows = block.slice(1);
    }
    usedMs += readMs(rows.length * 10);
    const firstRow = Math.max(at, 1) + 1;
    const firstSeq = from.seq + 1;
    const opened = new Map<string, Table>();
    let take = rows;
    const build = () => {
      const lastHash = take.length ? String(take[take.length - 1][9]) : from.hash;
      const batch: Batch = {
        id: batchId(firstSeq + take.length - 1, lastHash),
        seq: firstSeq + take.length - 1,
      };
      const loads = from.initial ? [] : tableLoads(c, take, batch, opened);
      loads.push({
        table: 'audit_log',
        fields: AUDIT_COLUMNS,
        lines: auditRecords(take, prevHash, firstSeq, batch, auditKey(c.doc)).map((r) => JSON.stringify(r)),
      });
      return { batch, lastHash, loads };
    };
    let plan = build();
    while (loadsMs(plan.loads) > leftMs() && take.length > 1) {
      take = take.slice(0, Math.ceil(take.length / 2));
      plan = build();
    }
    if (!take.length || loadsMs(plan.loads) > leftMs()) return null;
    if (runLoads(cfg, plan.loads, plan.batch, out) === RUNNING) return RUNNING;
    return {
      row: firstRow + take.length - 1,
      hash: plan.lastHash,
      seq: plan.batch.seq,
      ...(from.initial ? { initial: from.initial } : {}),
    };
  }

  function runLoads(
    cfg: WarehouseConfig,
    loads: TableLoad[],
    batch: Batch,
    out: WarehouseRunReport,
  ): typeof RUNNING | 'done' {
    usedMs += loadsMs(loads);
    const clockAtStart = timeLeftMs();
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
        out.bytes += linesBytes(part);
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
    if (started.length) msPerJob = Math.max(msPerJob, (clockAtStart - timeLeftMs()) / started.length);
    stillRunning = outcomes.filter((o) => !o.done).length;
    if (stillRunning) return RUNNING;
    started.forEach((s) => {
      out.rows[s.load.table] = (out.rows[s.load.table] ?? 0) + s.lines;
    });
    return 'done';
  }

  /** The records the audit rows name, read by the sheet's shadow where it serves (else the sheet). */
  function tableLoads(
    c: AppContext,
    audit: readonly unknown[][],
    batch: Batch,
    opened: Map<string, Table>,
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
      const ids = changed.get(name);
      if (!ids?.size) continue;
      const table = openedTable(c, sheet, ids, opened);
      const lines: string[] = [];
      const seen = new Set<string>();
      for (const r of table.rows()) {
        const id = String(r.record[sheet.idKey] ?? '');
        if (!id || !ids.has(id)) continue;
        seen.add(id);
        lines.push(JSON.stringify(entityRecord(sheet.columns, r.record, batch, dayOf)));
      }
      for (const id of ids)
        if (!seen.has(id)) lines.push(JSON.stringify(deletedRecord(sheet.idColumn, id, batch)));
      loads.push({ table: sheet.table, fields: batchFields(sheet), lines });
    }
    return loads;
  }

  /** The rows of `ids` (by the shadow), or the whole sheet; once per batch. */
  function openedTable(
    c: AppContext,
    sheet: MirroredSheet,
    ids: Set<string>,
    opened: Map<string, Table>,
  ): Table {
    let table = opened.get(sheet.key);
    if (!table) {
      const own = c.detached();
      const some = own.readSome(sheet.key, (cells) => (i) => ids.has(shadowField(cells[i], sheet.idKey)));
      if (some) usedMs += readMs(some.rows().length * 2);
      table = some ?? own.table(sheet.key);
      if (!some) usedMs += readMs(sheet.columns.length * table.rows().length);
      opened.set(sheet.key, table);
    }
    return table;
  }
}
