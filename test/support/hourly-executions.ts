/**
 * The hourly trigger fired a minute apart until the day's jobs are done, each execution's counted
 * calls and the ranges it read and wrote recorded; one of them may die at a chosen call (a fault
 * test: the next execution must finish what it started).
 */
import type { Emulator } from '../../emulator/harness';
import { runHourly } from './emulator';
import { rangesRead, rangesWritten, type RangeRead } from './ranges-read';

export interface HourlyExecution {
  methods: string[];
  writes: RangeRead[];
  reads: RangeRead[];
}

/** Execution `execution` (0-based) dies at its call `k` (every later call of it fails too). */
export interface HourlyFault {
  execution: number;
  k: number;
}

export function hourlyExecutions(emu: Emulator, fault?: HourlyFault, most = 60): HourlyExecution[] {
  const executions: HourlyExecution[] = [];
  for (let n = 0; n < most; n++) {
    const methods: string[] = [];
    const stop = emu.rt.onCall((method) => methods.push(method));
    if (fault?.execution === n)
      emu.rt.failCall('*', 'Service Spreadsheets failed', { skip: fault.k, fatal: true });
    let done = false;
    let reads: RangeRead[] = [];
    const writes = rangesWritten(() => {
      reads = rangesRead(() => {
        try {
          done = (runHourly(emu).result as { finished?: boolean }).finished === true;
        } catch {
          // the execution died at the fault
        }
      });
    });
    emu.rt.clearFaults();
    stop();
    executions.push({ methods, writes, reads });
    if (done) break;
    emu.rt.advance(60_000);
  }
  return executions;
}

/**
 * The calls of an execution (its `methods`) from its commit's journal write on: `first` is the first
 * call after that property write; `ks` the journal write itself and every call after it.
 */
export function callsFromJournal(methods: readonly string[]): { first: number; ks: number[] } {
  const first = methods.indexOf('Properties.setProperties') + 2;
  return {
    first,
    ks: Array.from({ length: Math.max(0, methods.length - first + 2) }, (_, i) => first - 1 + i),
  };
}
