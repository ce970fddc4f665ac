/**
 * The SQL engine behind the emulated BigQuery: DuckDB (@duckdb/node-api), a real columnar SQL
 * engine, in a worker thread called synchronously (synckit blocks on Atomics.wait until the worker
 * answers): Apps Script's BigQuery calls return their result, so the emulator's must too.
 * Each `DuckEngine` is one in-memory database (one emulated BigQuery world).
 */
import path from 'node:path';
import { createSyncFn } from 'synckit';

export interface RunResult {
  columns: string[];
  /** DuckDB's type names ('VARCHAR', 'DECIMAL(38,9)', 'TIMESTAMP WITH TIME ZONE', ...). */
  types: string[];
  /** JSON values: 64-bit integers and decimals as strings, null for NULL. */
  rows: unknown[][];
}

type Answer =
  { ok: true; columns?: string[]; types?: string[]; rows?: unknown[][] } | { ok: false; error: string };

type Operation =
  | { kind: 'run'; db: number; sql: string }
  | {
      kind: 'load';
      db: number;
      schema: string;
      table: string;
      columns: { name: string; type: string }[];
      ndjson: string;
    }
  | { kind: 'close'; db: number };

const WORKER = path.join(__dirname, 'duckdb-worker.mjs');
let call: ((op: Operation) => Answer) | null = null;
let nextDb = 1;

function worker(): (op: Operation) => Answer {
  call ??= createSyncFn<(op: Operation) => Promise<Answer>>(WORKER, { timeout: 600_000 });
  return call;
}

/** An error DuckDB raised (its own message). */
export class EngineError extends Error {
  override name = 'EngineError';
}

export class DuckEngine {
  readonly #db = nextDb++;

  /** Runs one DuckDB statement. */
  run(sql: string): RunResult {
    const answer = worker()({ kind: 'run', db: this.#db, sql });
    if (!answer.ok) throw new EngineError(answer.error);
    return { columns: answer.columns ?? [], types: answer.types ?? [], rows: answer.rows ?? [] };
  }

  /** Appends newline-delimited JSON to schema.table with DuckDB's reader: all rows or none. */
  load(schema: string, table: string, columns: { name: string; type: string }[], ndjson: string): void {
    const answer = worker()({ kind: 'load', db: this.#db, schema, table, columns, ndjson });
    if (!answer.ok) throw new EngineError(answer.error);
  }

  close(): void {
    worker()({ kind: 'close', db: this.#db });
  }
}
