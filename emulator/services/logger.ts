/** Logger and console: both record into the test bed's log. */
import { format } from 'node:util';
import type { Runtime } from '../runtime';

export interface LogEntry {
  at: string;
  level: 'log' | 'info' | 'warn' | 'error';
  source: 'Logger' | 'console';
  message: string;
}

export class EmuLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  constructor(
    private readonly rt: Runtime,
    private readonly logs: LogEntry[],
  ) {}

  log(data: unknown, ...values: unknown[]): this {
    return this.rt.call('Logger.log', () => {
      const message = typeof data === 'string' ? format(data, ...values) : format('%s', data);
      this.logs.push({ at: this.rt.now().toISOString(), level: 'log', source: 'Logger', message });
      return this;
    });
  }
  /** The Logger lines of the log so far, one per line, as Logger.getLog returns them. */
  getLog(): string {
    return this.rt.call('Logger.getLog', () =>
      this.logs
        .filter((entry) => entry.source === 'Logger')
        .map((entry) => `${entry.at} INFO: ${entry.message}\n`)
        .join(''),
    );
  }
  clear(): void {
    this.rt.call('Logger.clear', () => {
      for (let i = this.logs.length - 1; i >= 0; i--)
        if (this.logs[i].source === 'Logger') this.logs.splice(i, 1);
    });
  }
}

export class EmuConsole implements Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'> {
  private readonly timers = new Map<string, number>();
  constructor(
    private readonly rt: Runtime,
    private readonly logs: LogEntry[],
  ) {}

  private write(level: LogEntry['level'], args: unknown[]): void {
    this.rt.call(
      `console.${level}`,
      () => {
        this.logs.push({
          at: this.rt.now().toISOString(),
          level,
          source: 'console',
          message: format(...args),
        });
      },
      { local: true },
    );
  }
  log(...args: unknown[]): void {
    this.write('log', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  time(label: string): void {
    this.rt.call('console.time', () => void this.timers.set(label, this.rt.nowMillis()), { local: true });
  }
  /** Logs "<label>: <n>ms" measured on the simulated clock. */
  timeEnd(label: string): void {
    const started = this.timers.get(label);
    if (started === undefined) return;
    this.timers.delete(label);
    this.write('log', [`${label}: ${this.rt.nowMillis() - started}ms`]);
  }
}
