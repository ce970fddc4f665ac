/**
 * Modeled Apps Script time of an operation from what the emulator counted: service calls and cells
 * moved, weighted by published measurements (the project's apps-script-facts, "Cost of a service call").
 * JavaScript time is measured separately (CPU) and is not part of this model.
 */
import type { CallStats } from '../emulator/runtime';

export interface CostFigure {
  ms: number;
  what: string;
  derivation: string;
  source: string;
}

export const COST = {
  call: {
    ms: 3,
    what: 'per counted service call (round trip)',
    derivation: '1,000 getRange(i,1).getValue() calls took about 3 s: 3 s / 1,000',
    source: 'reported by users (apps-script-facts, "Cost of a service call")',
  },
  cellWritten: {
    ms: 0.15,
    what: 'per cell written (buffered write applied)',
    derivation: 'one 4,000-cell setValues with flush() took 610 ms: 610 ms / 4,000 ≈ 0.15 ms',
    source:
      'reported, Stack Overflow "What is faster: ScriptDb or SpreadsheetApp?" (a 4,000-cell setValues under 50 ms, 610 ms with flush)',
  },
  cellRead: {
    ms: 0.1,
    what: 'per cell read',
    derivation:
      'one setBackgrounds call over 100x100 cells took about 1 s: 1 s / 10,000; the only published per-cell figure of a batched call, used for reads as an upper bound',
    source: 'Google, Apps Script "Best practices" guide, "Use batch operations" [doc]',
  },
} as const satisfies Record<string, CostFigure>;

export interface Modeled {
  callsMs: number;
  cellsMs: number;
  flushMs: number;
  totalMs: number;
}

export function modeledTime(stats: CallStats): Modeled {
  const callsMs = stats.total * COST.call.ms;
  const cellsMs = stats.cells.read * COST.cellRead.ms + stats.cells.written * COST.cellWritten.ms;
  // Writes are modeled as applied (the per-cell write figure was measured with flush()), so an
  // explicit flush adds only its call: its cost is the cells it applies, already counted.
  const flushMs = 0;
  return { callsMs, cellsMs, flushMs, totalMs: callsMs + cellsMs + flushMs };
}
