/**
 * A tracker with a BigQuery project its owner may use, and helpers to read the warehouse back
 * (through DuckDB, the engine behind the emulated BigQuery).
 */
import type { Emulator } from '../../emulator/harness';
import { runHourly } from '../support/emulator';
import { OWNER, partnerOn, tracker, wonDeal } from './commissions-fixture';

export { OWNER };
export const PROJECT = 'acme-data';
export const DATASET = 'tracker';
export const PLAN = { name: 'Standard', type: 'percent' as const, rate: 10, holdDays: 0 };

export function warehouseTracker(now?: string): Emulator {
  const emu = tracker(now);
  emu.bigquery.addProject(PROJECT, { [OWNER]: 'OWNER' });
  return emu;
}

export function turnOn(emu: Emulator, config = { projectId: PROJECT, dataset: DATASET }) {
  return emu.measure(() => emu.call(OWNER, 'saveWarehouse', config));
}

/** One hourly run; its warehouse report. */
export function hourly(emu: Emulator) {
  const run = runHourly(emu);
  return (run.result as { warehouse?: Record<string, unknown> }).warehouse;
}

/** Rows of a warehouse table or view, as DuckDB returns them (ordered by the first column). */
export function warehouseRows(emu: Emulator, table: string, columns = '*'): unknown[][] {
  return emu.bigquery.sql(`SELECT ${columns} FROM "${DATASET}"."${table}" ORDER BY 1`);
}

/** A small program: a partner on a 10% plan (made the first time) with `deals` won deals. */
export function smallProgram(emu: Emulator, deals: number[]): string[] {
  const planned = emu.call<{ name: string }[]>(OWNER, 'listPlans').some((p) => p.name === PLAN.name);
  const partner = partnerOn(emu, planned ? PLAN.name : PLAN);
  return deals.map((value) => wonDeal(emu, partner, value));
}

/** Names of the partners the Partners sheet holds, sorted. */
export function partnerNames(emu: Emulator): string[][] {
  const [headers, ...rows] = emu.sheets().Partners as unknown[][];
  const col = headers.indexOf('Partner Name');
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => [String(r[col])])
    .sort();
}
