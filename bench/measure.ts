/**
 * Measures one operation run through the emulator: the service calls and cells the emulator counted,
 * JavaScript CPU time (the main thread's, and the process's), peak V8 heap (sampled at every counted call and at the end,
 * after a gc), and the modeled Apps Script time.
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import type { Emulator } from '../emulator/harness';
import type { CallStats } from '../emulator/runtime';
import { Runtime } from '../emulator/runtime';
import { modeledTime, type Modeled } from './cost-model';

export interface Measurement {
  ok: boolean;
  error?: string;
  result?: unknown;
  stats: CallStats;
  /** Counted (non-local) calls by method. */
  counted: Record<string, number>;
  /** Process CPU time around the operation (the emulated services' work included). */
  cpuMs: number;
  /**
   * The script's own JavaScript time: the main thread's CPU (mainThreadCpuMs; the process's where it
   * cannot be read) minus the wall time spent inside emulated service calls and emulator-internal
   * work (`Runtime.emulatorTimeMs`), which on Apps Script runs in Google's services. Approximate
   * (wall against CPU time, 10 ms ticks, GC pauses land where they happen).
   */
  scriptCpuMs: number;
  /** Peak heap used during the operation, MB (the emulated workbook included). */
  heapPeakMb: number;
  /** Peak heap above the heap before the operation, MB (what the operation allocated). */
  heapDeltaMb: number;
  modeled: Modeled;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * The main thread's CPU time in ms (user + system, from /proc: 10 ms ticks), or null where there is
 * no /proc (then the process's is used). The script runs on the main thread; V8's background threads
 * (concurrent marking and sweeping, compilation) are left out: in the emulator they mostly mark the
 * emulated workbook, which shares the script's heap here and never does on Apps Script.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // (fields from the state on: utime is the 12th, stime the 13th)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function heapUsed(): number {
  return v8.getHeapStatistics().used_heap_size;
}

export function measure(emu: Emulator, fn: () => unknown): Measurement {
  gc?.();
  const heapBefore = heapUsed();
  let peak = heapBefore;
  let calls = 0;
  const counted: Record<string, number> = {};
  const remove = emu.rt.onCall((method) => {
    counted[method] = (counted[method] ?? 0) + 1;
    // Sampling every call is cheap next to the emulated call itself; every 16th keeps it small.
    if ((calls++ & 15) === 0) peak = Math.max(peak, heapUsed());
  });
  const before = emu.rt.snapshot();
  const emulatorBefore = emu.rt.emulatorTimeMs();
  const cpu = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  let ok = true;
  let error: string | undefined;
  let result: unknown;
  try {
    result = fn();
  } catch (err) {
    ok = false;
    error = err instanceof Error ? err.message : String(err);
  }
  const used = process.cpuUsage(cpu);
  const mainAfter = mainThreadCpuMs();
  const emulatorMs = emu.rt.emulatorTimeMs() - emulatorBefore;
  peak = Math.max(peak, heapUsed());
  remove();
  const stats = Runtime.diff(before, emu.rt.snapshot());
  return {
    ok,
    error,
    result,
    stats,
    counted,
    cpuMs: (used.user + used.system) / 1000,
    scriptCpuMs: Math.max(
      0,
      (mainBefore !== null && mainAfter !== null
        ? mainAfter - mainBefore
        : (used.user + used.system) / 1000) - emulatorMs,
    ),
    heapPeakMb: peak / 2 ** 20,
    heapDeltaMb: (peak - heapBefore) / 2 ** 20,
    modeled: modeledTime(stats),
  };
}

/** The n methods with the most calls, as "Range.getValues x3". */
export function topMethods(counted: Record<string, number>, n = 3): string {
  return Object.entries(counted)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([m, c]) => `${m} x${c}`)
    .join(', ');
}
