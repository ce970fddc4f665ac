/** Which BigQuery world a runtime's Connected Sheets reach (the Emulator's own). */
import type { Runtime } from '../runtime';
import type { BigQueryWorld } from './world';

const worlds = new WeakMap<Runtime, BigQueryWorld>();
const enabled = new WeakSet<object>();

export function registerBigQuery(rt: Runtime, world: BigQueryWorld): void {
  worlds.set(rt, world);
}

export function bigQueryOf(rt: Runtime): BigQueryWorld | null {
  return worlds.get(rt) ?? null;
}

/** SpreadsheetApp.enableBigQueryExecution() was called in the running execution. */
export function enableExecution(rt: Runtime): void {
  enabled.add(rt.current());
}

export function executionEnabled(rt: Runtime): boolean {
  return enabled.has(rt.current());
}
