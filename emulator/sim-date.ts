/**
 * The Date the bundle sees: a real Date (so the emulator's services and the tests recognise it),
 * whose "now" is the runtime's simulated clock. `new Date()` and `Date.now()` in the add-on's code
 * read the clock that the scenario's `advance` step and the tests move.
 */
import type { Runtime } from './runtime';

export function makeSimulatedDate(rt: Runtime): DateConstructor {
  class SimulatedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(rt.nowMillis());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return rt.nowMillis();
    }
  }
  Object.defineProperty(SimulatedDate, 'name', { value: 'Date' });
  // Called as a function, Date() returns the current time as a string.
  return new Proxy(SimulatedDate, {
    apply: () => new Date(rt.nowMillis()).toString(),
  }) as unknown as DateConstructor;
}
