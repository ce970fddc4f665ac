/**
 * The warehouse's bench rows (issue 22): on the bench's workbook, the owner turns the warehouse on,
 * the first hourly run mirrors the whole program (load jobs, bytes), a later hourly run loads what a
 * few operations changed (the incremental load); then a history of 1,000,000 audit rows, generated
 * synthetically (a workbook cannot hold them: 10 columns x 1M rows is Sheets' whole 10M-cell limit),
 * chained as the tracker chains them, is cut into load jobs as the mirror cuts them and loaded into
 * DuckDB, and the chain check (one SQL query) runs over it.
 *
 * Modeled time: the spreadsheet calls as bench/cost-model.ts models them, plus BigQuery's share,
 * whose figures are ASSUMPTIONS (Google publishes no latency for these calls): each BigQuery API
 * call a round trip of 250 ms, media uploaded at 10 MB/s, and each batch waiting 3 s for its load
 * jobs (they run in parallel in BigQuery; a load job usually finishes in seconds).
 */
import type { Emulator } from '../emulator/harness';
import { toDuckSql } from '../emulator/bigquery/sql-compat';
import { BigQueryWorld } from '../emulator/bigquery/world';
import { chainEntries } from '../src/domain/audit/chain';
import type { AuditEntry } from '../src/domain/audit/entry';
import { auditRecords } from '../src/domain/warehouse/audit-records';
import { LOAD_COST, MAX_LOAD_BYTES, splitLines, batchId } from '../src/domain/warehouse/load-plan';
import { auditView, chainCheck } from '../src/domain/warehouse/sql';
import { measure, type Measurement } from './measure';
import { registerAsSidebar } from './sidebar-registration';

const OWNER = 'owner@acme.test';
/** Ten registrations between two hourly runs (names no generated lead has). */
const NEW_COMPANIES = [
  'Zyxel',
  'Quorvia',
  'Brightwater',
  'Kestrelnet',
  'Olmstead',
  'Pyrelight',
  'Veldmark',
  'Juniperix',
  'Harrowgate',
  'Wexlowe',
];
const PROJECT = 'bench-data';
const DATASET = 'tracker';

/** The mirror's own estimate (src/domain/warehouse/load-plan.ts): one source for the figures. */
export const BIGQUERY_ASSUMPTIONS = {
  callMs: LOAD_COST.bigQueryCallMs,
  uploadBytesPerS: LOAD_COST.uploadBytesPerS,
  batchWaitMs: LOAD_COST.batchWaitMs,
};
/** Hourly runs the bench allows the first load before it reports it unfinished. */
const MAX_FIRST_LOAD_RUNS = 40;

export interface WarehouseRow {
  size: string;
  what: string;
  loadJobs: number;
  bytes: number;
  rows: number;
  calls: number | null;
  modeledS: number;
  cpuMs: number;
  note?: string;
}

function bigQueryCalls(m: Measurement): number {
  return Object.entries(m.counted)
    .filter(([method]) => method.startsWith('BigQuery.'))
    .reduce((n, [, c]) => n + c, 0);
}

function modeledS(m: Measurement | null, bqCalls: number, bytes: number, batches: number): number {
  const sheetsMs = m ? m.modeled.totalMs : 0;
  const a = BIGQUERY_ASSUMPTIONS;
  return (
    (sheetsMs + bqCalls * a.callMs + (bytes / a.uploadBytesPerS) * 1000 + batches * a.batchWaitMs) / 1000
  );
}

function hourlyRun(emu: Emulator): unknown {
  return emu.invoke('onHourlyTrigger', [{}], {
    kind: 'timeTrigger',
    activeUser: OWNER,
    effectiveUser: OWNER,
    authMode: 'FULL',
  });
}

/** One measured step: its load jobs, bytes and rows from the emulated BigQuery's counters. */
function step(emu: Emulator, size: string, what: string, fn: () => unknown, trace?: Tracer): WarehouseRow {
  const before = { ...emu.bigquery.stats };
  const stopTrace = trace?.(emu, `${size} warehouse ${what}`);
  const m = measure(emu, fn);
  stopTrace?.();
  const s = emu.bigquery.stats;
  const loadJobs = s.loadJobs - before.loadJobs;
  const bytes = s.loadBytes - before.loadBytes;
  const report = (m.result as { warehouse?: { message?: string; ok?: boolean } } | undefined)?.warehouse;
  return {
    size,
    what,
    loadJobs,
    bytes,
    rows: s.loadRows - before.loadRows,
    calls: m.stats.total,
    modeledS: modeledS(m, bigQueryCalls(m), bytes, loadJobs ? 1 : 0),
    cpuMs: Math.round(m.scriptCpuMs),
    note: m.ok ? report?.message : `error: ${m.error}`,
  };
}

/** `--trace`: prints each counted call of a step (bench/run.ts). */
type Tracer = (emu: Emulator, label: string) => () => void;

/** Unmeasured hourly runs until one is idle (the day's jobs done) and loads nothing. */
function settle(emu: Emulator): void {
  for (let run = 0; run < 20; run++) {
    const report = hourlyRun(emu) as { action?: string; warehouse?: { loadJobs?: number } } | undefined;
    if (report?.action === 'idle' && !report.warehouse?.loadJobs) return;
  }
}

/** True when the warehouse's cursor says the first load is complete. */
function firstLoadDone(emu: Emulator): boolean {
  const text = (
    emu.services.globals.PropertiesService.getDocumentProperties() as {
      getProperty(k: string): string | null;
    }
  ).getProperty('tracker.warehouseCursor');
  if (!text) return false;
  return !(JSON.parse(text) as { initial?: unknown }).initial;
}

/** Turn on, the first hourly mirror, and an incremental hourly load after a few registrations. */
export function warehouseSteps(
  emu: Emulator,
  size: string,
  partnerId: string,
  trace?: Tracer,
): WarehouseRow[] {
  emu.bigquery.addProject(PROJECT, { [OWNER]: 'OWNER' });
  const rows: WarehouseRow[] = [];
  rows.push(
    step(
      emu,
      size,
      'turn on (saveWarehouse: dataset, 5 tables, 5 views)',
      () => emu.call(OWNER, 'saveWarehouse', { projectId: PROJECT, dataset: DATASET }),
      trace,
    ),
  );
  // The first load spans hourly runs (each within the run's time budget): one row per run.
  let runs = 0;
  do {
    runs++;
    rows.push(step(emu, size, `first load, hourly run ${runs}`, () => hourlyRun(emu), trace));
  } while (!firstLoadDone(emu) && runs < MAX_FIRST_LOAD_RUNS);
  const first = rows.slice(1);
  rows.push({
    size,
    what: `first load in all: ${runs} hourly runs${firstLoadDone(emu) ? '' : ' (NOT finished)'}`,
    loadJobs: first.reduce((n, r) => n + r.loadJobs, 0),
    bytes: first.reduce((n, r) => n + r.bytes, 0),
    rows: first.reduce((n, r) => n + r.rows, 0),
    calls: first.reduce((n, r) => n + (r.calls ?? 0), 0),
    modeledS: Math.max(...first.map((r) => r.modeledS)),
    cpuMs: first.reduce((n, r) => n + r.cpuMs, 0),
    note: 'modeled s = the longest run',
  });
  // The day's jobs finished and the warehouse caught up with the audit rows they wrote: the runs
  // measured below are the warehouse's (an hourly run does the day's jobs too, measured elsewhere).
  settle(emu);
  for (const company of NEW_COMPANIES)
    registerAsSidebar(emu, OWNER, { partnerId, company, domain: `${company.toLowerCase()}.test` });
  rows.push(
    step(emu, size, 'incremental hourly run (10 leads registered since)', () => hourlyRun(emu), trace),
  );
  settle(emu);
  rows.push(step(emu, size, 'hourly run with nothing new', () => hourlyRun(emu), trace));
  return rows;
}

/**
 * 1,000,000 synthetic audit rows chained as the tracker chains them, in batches of 100,000 (the
 * mirror's MAX_AUDIT_ROWS_PER_BATCH), each cut into 8 MB load jobs and loaded into DuckDB through
 * the emulated BigQuery's engine; then the chain check over all of them.
 */
export function auditHistory(total = 1_000_000): WarehouseRow[] {
  const world = new BigQueryWorld();
  const engine = world.engine;
  const BATCH = 100_000;
  let prev = '';
  let jobs = 0;
  let bytes = 0;
  const started = process.cpuUsage();
  const fields = [
    { name: 'seq', type: 'BIGINT' },
    { name: 'changed_at', type: 'TIMESTAMPTZ' },
    { name: 'changed_by', type: 'VARCHAR' },
    { name: 'source', type: 'VARCHAR' },
    { name: 'sheet', type: 'VARCHAR' },
    { name: 'record_id', type: 'VARCHAR' },
    { name: 'field', type: 'VARCHAR' },
    { name: 'cell', type: 'VARCHAR' },
    { name: 'old_value', type: 'VARCHAR' },
    { name: 'new_value', type: 'VARCHAR' },
    { name: 'prev_hash', type: 'VARCHAR' },
    { name: 'canonical', type: 'VARCHAR' },
    { name: 'hash', type: 'VARCHAR' },
    { name: '_batch_id', type: 'VARCHAR' },
    { name: '_batch_seq', type: 'BIGINT' },
  ];
  engine.run('CREATE SCHEMA history');
  engine.run(
    `CREATE TABLE history.audit_log_batches (${fields.map((f) => `"${f.name}" ${f.type}`).join(', ')})`,
  );
  for (let start = 0; start < total; start += BATCH) {
    const n = Math.min(BATCH, total - start);
    const entries: AuditEntry[] = [];
    for (let i = 0; i < n; i++) {
      const k = start + i;
      entries.push({
        timestamp: new Date(Date.UTC(2024, 0, 1) + k * 60_000).toISOString(),
        user: `rep${k % 7}@acme.test`,
        source: k % 3 ? 'sidebar' : 'edit',
        sheet: 'Leads',
        recordId: `L-${String((k % 100_000) + 1).padStart(6, '0')}`,
        field: k % 2 ? 'Status' : 'Notes',
        cell: `K${(k % 100_000) + 2}`,
        oldValue: k % 2 ? 'Approved' : '',
        newValue: k % 2 ? 'Won' : `note ${k}`,
      });
    }
    const { rows, lastHash } = chainEntries(prev, entries);
    const batch = { id: batchId(start + n, lastHash), seq: start + n };
    const lines = auditRecords(rows, prev, start + 1, batch).map((r) => JSON.stringify(r));
    prev = lastHash;
    for (const part of splitLines(lines, MAX_LOAD_BYTES)) {
      const text = part.join('\n');
      bytes += Buffer.byteLength(text, 'utf8');
      jobs++;
      engine.load('history', 'audit_log_batches', fields, text);
    }
  }
  const loadCpu = process.cpuUsage(started);
  engine.run(toDuckSql(auditView(PROJECT, 'history'), PROJECT).sql);
  const t0 = performance.now();
  const check = engine.run(toDuckSql(chainCheck(PROJECT, 'history'), PROJECT).sql).rows[0];
  const checkMs = performance.now() - t0;
  const batches = Math.ceil(total / BATCH);
  const out: WarehouseRow[] = [
    {
      size: `${total.toLocaleString('en-US')} audit rows`,
      what: `history loaded: ${batches} batches of at most 100,000 rows (one per hourly run), 8 MB load jobs`,
      loadJobs: jobs,
      bytes,
      rows: total,
      calls: null,
      // per batch: one Jobs.insert and one Jobs.get per job, its upload, its wait
      modeledS: modeledS(null, jobs * 2, bytes, batches) / batches,
      cpuMs: Math.round((loadCpu.user + loadCpu.system) / 1000),
      note: `modeled s is per hourly run (one batch); cpu = generating, hashing and loading all of them into DuckDB`,
    },
    {
      size: `${total.toLocaleString('en-US')} audit rows`,
      what: 'chain check over the whole history (one SQL query, verifyWarehouseChain)',
      loadJobs: 0,
      bytes: 0,
      rows: Number(check[0]),
      calls: null,
      modeledS: modeledS(null, 1, 0, 0),
      cpuMs: Math.round(checkMs),
      note: `bad hashes ${String(check[1])}, broken links ${String(check[2])}, missing rows ${String(check[3])}; cpu = DuckDB's wall time for the query`,
    },
  ];
  world.close();
  return out;
}

export function warehouseTable(rows: readonly WarehouseRow[]): string {
  const mb = (b: number) => (b / (1024 * 1024)).toFixed(2);
  const a = BIGQUERY_ASSUMPTIONS;
  return [
    '## Warehouse (BigQuery mirror, issue 22)',
    '',
    'The warehouse turned on over the bench workbook, its first load (every row of Partners, Leads,',
    'Commissions, Payouts and the Audit Log, over as many hourly runs as the run budget needs: one row',
    'per run), an incremental hourly run, a quiet one; then',
    "1,000,000 synthetic audit rows chained as the tracker chains them, loaded in the mirror's batches",
    'and load jobs, and the chain check over them. BigQuery runs on DuckDB in the emulator.',
    `Modeled s = the spreadsheet calls (cost model below) + BigQuery's share, from ASSUMED figures (Google`,
    `publishes none): ${a.callMs} ms per BigQuery call, uploads at ${a.uploadBytesPerS / 1024 / 1024} MB/s, ${a.batchWaitMs / 1000} s waiting for a batch's jobs.`,
    'Quotas: 1,500 load jobs per table per day and 100,000 per project (failed ones count); the hourly',
    'mirror makes at most one job per changed table per 8 MB: 120 a day at most in the steady state.',
    '',
    '| size | step | load jobs | MB uploaded | rows | calls | modeled s | CPU ms | note |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.size} | ${r.what} | ${r.loadJobs} | ${mb(r.bytes)} | ${r.rows.toLocaleString('en-US')} | ${r.calls ?? '-'} | ${r.modeledS.toFixed(1)} | ${r.cpuMs} | ${r.note ?? ''} |`,
    ),
    '',
  ].join('\n');
}
