/**
 * How a batch becomes load jobs: newline-delimited JSON cut into parts of at most
 * `MAX_LOAD_BYTES`, each one load job with an id made from the batch (so a load repeated after a
 * failure reuses its id and BigQuery refuses it as already done: "Already Exists: Job").
 *
 * Quotas it lives in (https://cloud.google.com/bigquery/quotas#load_jobs): 1,500 load jobs per
 * table per day and 100,000 per project per day, failed ones included. An hourly run makes one job
 * per changed table per 8 MB part: 24 runs x 5 tables = 120 jobs a day in the steady state, and the
 * first load of a 100k-lead program a handful more (bench/RESULTS.md, "Warehouse").
 */
import { utf8Bytes } from '../audit/utf8';

/** Bytes of one load job's media (our bound, far under BigQuery's; it keeps one request small). */
export const MAX_LOAD_BYTES = 8 * 1024 * 1024;

/** Lines grouped into parts of at most `maxBytes` (a line longer than that is a part of its own). */
export function splitLines(lines: readonly string[], maxBytes = MAX_LOAD_BYTES): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const bytes = utf8Bytes(line).length + 1;
    if (current.length && size + bytes > maxBytes) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += bytes;
  }
  if (current.length) parts.push(current);
  return parts;
}

/** The load job id of one part of a batch (letters, digits, "_" and "-", as BigQuery requires). */
export function loadJobId(table: string, batchId: string, part: number, attempt = 0): string {
  return `pt_${table}_${batchId}_p${part}${attempt ? `_r${attempt}` : ''}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A batch's id: the audit sequence it reaches and the start of that row's hash. */
export function batchId(seq: number, hash: string): string {
  return `s${seq}_${hash.slice(0, 12) || 'empty'}`;
}

/**
 * What a load costs, to decide before starting a block whether it fits in the run's time. The
 * BigQuery figures are ASSUMPTIONS (Google publishes no latency for these calls): a round trip of
 * 250 ms per call, media uploaded at 10 MB/s, 3 s waiting for a batch's jobs; the sheet figures are
 * the benchmark's cost model (bench/cost-model.ts: 3 ms a call, 0.1 ms a cell read).
 */
export const LOAD_COST = {
  bigQueryCallMs: 250,
  uploadBytesPerS: 10 * 1024 * 1024,
  batchWaitMs: 3000,
  sheetCallMs: 3,
  cellReadMs: 0.1,
};

/** Modeled ms of one batch: its load jobs (insert + one status check each), upload and wait. */
export function loadMs(jobs: number, bytes: number): number {
  if (!jobs) return 0;
  const c = LOAD_COST;
  return jobs * 2 * c.bigQueryCallMs + (bytes / c.uploadBytesPerS) * 1000 + c.batchWaitMs;
}

/** Modeled ms of reading `cells` cells in `calls` sheet calls. */
export function readMs(cells: number, calls = 1): number {
  return calls * LOAD_COST.sheetCallMs + cells * LOAD_COST.cellReadMs;
}

/** How many jobs `bytes` of lines make (8 MB parts). */
export function jobsFor(bytes: number): number {
  return Math.ceil(bytes / MAX_LOAD_BYTES);
}
