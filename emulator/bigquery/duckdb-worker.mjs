/**
 * The DuckDB side of the emulated BigQuery (a worker thread; emulator/bigquery/engine.ts calls it
 * synchronously through synckit, since Apps Script's BigQuery calls are synchronous and
 * @duckdb/node-api is asynchronous). One in-memory database per emulated BigQuery world.
 *
 * Operations (plain objects in, plain objects out; an error is returned as `{ ok: false, error }`):
 * - `{ kind: 'run', db, sql }`: one statement; its column names, DuckDB types and rows (JSON values:
 *   numbers of 64 bits and decimals as strings);
 * - `{ kind: 'load', db, schema, table, columns, ndjson }`: newline-delimited JSON appended to
 *   schema.table by DuckDB's own JSON reader (read_json with the given column types), one statement:
 *   all rows or none, as a BigQuery load job;
 * - `{ kind: 'close', db }`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runAsWorker } from 'synckit';

const connections = new Map();
let scratch = null;

async function connection(db) {
  let found = connections.get(db);
  if (!found) {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run("SET TimeZone = 'UTC'");
    found = { instance, conn };
    connections.set(db, found);
  }
  return found.conn;
}

function quote(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

function literal(text) {
  return `'${String(text).replace(/'/g, "''")}'`;
}

async function run(op) {
  if (op.kind === 'close') {
    const found = connections.get(op.db);
    if (found) {
      found.conn.closeSync?.();
      connections.delete(op.db);
    }
    return { ok: true };
  }
  const conn = await connection(op.db);
  if (op.kind === 'run') {
    const reader = await conn.runAndReadAll(op.sql);
    return {
      ok: true,
      columns: reader.columnNames(),
      types: reader.columnTypes().map(String),
      rows: reader.getRowsJson(),
    };
  }
  if (op.kind === 'load') {
    scratch ??= mkdtempSync(path.join(tmpdir(), 'emu-bigquery-'));
    const file = path.join(scratch, `load-${process.pid}-${Date.now()}-${Math.random()}.ndjson`);
    writeFileSync(file, op.ndjson);
    try {
      const columns = op.columns.map((c) => `${quote(c.name)}: ${literal(c.type)}`).join(', ');
      const reader = await conn.runAndReadAll(
        `INSERT INTO ${quote(op.schema)}.${quote(op.table)} BY NAME SELECT * FROM read_json(${literal(file)}, format = 'newline_delimited', columns = {${columns}})`,
      );
      return { ok: true, rows: reader.getRowsJson() };
    } finally {
      rmSync(file, { force: true });
    }
  }
  throw new Error(`unknown operation ${op.kind}`);
}

runAsWorker(async (op) => {
  try {
    return await run(op);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
});
