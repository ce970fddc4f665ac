/**
 * The emulator's runtime: the simulated clock, the execution stack (who is running, in which auth
 * mode, since when), the accounting of service calls and cells, the fault hook, the interleaving
 * hook, and the registry of Drive files. Every emulated service method goes through `runtime.call`.
 *
 * Rules every service class follows:
 * - A public method of an emulated class is a method the real Apps Script class has; its body is
 *   `return this.rt.call('Range.getValues', () => ..., { read: cells })`.
 * - Only the outermost call is counted: an emulated method that uses another internally does not
 *   count twice (`depth`).
 * - Handle accessors that need no round trip to the document (Range.getRow, Sheet.getName, ...)
 *   pass `{ local: true }`, and the handle factories in handle-accessors.ts (Sheet.getRange,
 *   PropertiesService.getDocumentProperties, ...) are local too: listed in byMethod, not in `total`.
 * - Work the emulator does for the test bed (applying a person's edit, building a fixture, reading
 *   a sheet for a scenario's output) runs inside `runtime.uncounted(fn)`.
 * - Every method has an entry in scopes.ts (the OAuth scopes Google's reference lists for it). The
 *   outermost call of an execution whose scopes the manifest does not grant (`grantScopes`) throws
 *   Apps Script's "Specified permissions are not sufficient to call ..." before it runs.
 */

import { HANDLE_FACTORIES } from './handle-accessors';
import { allows, insufficientPermissions, scopeRule, type ScopeRule } from './scopes';

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

export type ExecutionKind =
  | 'test' // the test bed itself (fixtures, assertions)
  | 'call' // google.script.run from a sidebar, or a scenario `call`
  | 'menu' // an add-on menu item
  | 'simpleTrigger' // onOpen / onEdit / onInstall as simple triggers
  | 'installableTrigger' // installable edit / change / open triggers
  | 'timeTrigger'; // time-driven triggers

export interface ExecutionOptions {
  kind: ExecutionKind;
  /** Session.getActiveUser(): '' where Apps Script withholds it. */
  activeUser: string;
  /** Session.getEffectiveUser(): whose authority the code runs with. */
  effectiveUser: string;
  authMode: AuthModeName;
  /** Enforce the execution time limit on the simulated clock (30 s simple triggers, 6 min others). */
  enforceTimeLimit?: boolean;
  /** For installable triggers: the trigger's unique id. */
  triggerUid?: string;
}

export interface Execution extends ExecutionOptions {
  id: number;
  startedAtMs: number;
  limitMs: number;
  /** Service calls counted in this execution (outermost, non-local). */
  calls: number;
  /** Whether this execution has written to any document yet. */
  wrote: boolean;
  /** Work to run when the execution ends however it ends (LockService releases its locks here). */
  readonly onEnd: Array<() => void>;
  /**
   * Set by `onLockContention` when this execution asked for a lock another live execution holds
   * while the harness interleaves them: the harness then runs it again after the holder ends
   * (the closest a synchronous emulator comes to "waits for the lock").
   */
  deferred?: boolean;
  /**
   * Set when a fatal fault fired in this execution: like a time-out or a killed process, every call
   * it makes after that fails with the same error (the execution cannot go on to repair anything).
   */
  killed?: string;
}

export interface CallOptions {
  /** Cells this call reads from a document. */
  read?: number;
  /** Cells this call writes to a document. */
  written?: number;
  /** A handle accessor with no round trip: counted in byMethod only. */
  local?: boolean;
}

export interface CallStats {
  total: number;
  local: number;
  byMethod: Record<string, number>;
  cells: { read: number; written: number };
}

/** The error messages Apps Script itself uses, kept in one place. */
export const AppsScriptErrors = {
  timeLimit: 'Exceeded maximum execution time',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  spreadsheetTimeout: 'Service Spreadsheets timed out while accessing document with id',
  noPermission: (what: string) => `You do not have permission to call ${what}`,
} as const;

/**
 * Thrown by an emulated service to end the running execution the way Apps Script does when it
 * stops a script to show the person something instead (ScriptApp.requireScopes' consent prompt):
 * the harness ends the execution there, without an error.
 */
export class ExecutionEnded extends Error {
  constructor(readonly reason: string) {
    super(`The execution ended: ${reason}`);
    this.name = 'ExecutionEnded';
  }
}

interface Fault {
  method: string;
  message: string;
  /** Fire on the nth matching call from now (1 = the next one). */
  skip: number;
  times: number;
  /** The execution ends there: every later call of that execution throws too. */
  fatal: boolean;
}

type CallListener = (method: string, execution: Execution) => void;

/** A file as Drive knows it; `content` is the emulated object (a Spreadsheet for sheets files). */
export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  owner: string;
  editors: Set<string>;
  viewers: Set<string>;
  createdMs: number;
  trashed: boolean;
  content: unknown;
  /** Deep-copies content for File.makeCopy / Spreadsheet.copy; the copy gets `newId`. */
  copyContent?: (newId: string, newName: string) => unknown;
  /** Drive API: private key-value pairs an app set on the file (files.create / update). */
  appProperties?: Record<string, string>;
  /** Drive API: readers and commenters may not copy, print or download it. */
  copyRequiresWriterPermission?: boolean;
}

export const MIME_SHEETS = 'application/vnd.google-apps.spreadsheet';
export const MIME_FORMS = 'application/vnd.google-apps.form';

export class Runtime {
  private nowMs: number;
  private readonly stack: Execution[] = [];
  private nextExecutionId = 1;
  private depth = 0;
  private uncountedDepth = 0;
  private stats: CallStats = { total: 0, local: 0, byMethod: {}, cells: { read: 0, written: 0 } };
  private faults: Fault[] = [];
  private listeners: CallListener[] = [];
  /** Wall time spent in the emulated services and in emulator-internal work (not the script's). */
  private emulatorMs = 0;
  private timing = false;
  private idCounter = 0;
  /** Modeled cost of a call on the simulated clock, used only when a test asks for time limits. */
  costModel: ((method: string, cells: number) => number) | null = null;
  readonly files = new Map<string, DriveFileRecord>();
  /** The manifest's oauthScopes; null when it lists none (Apps Script then grants what the code uses). */
  private granted: ReadonlySet<string> | null = null;
  /** Files the script created, in order, and for whom (drive.file reaches them for that user). */
  private readonly created: Array<{ id: string; user: string }> = [];
  /**
   * Spreadsheets a user may create a day (Apps Script quotas: 250 consumer, 3,200 Workspace,
   * https://developers.google.com/apps-script/guides/services/quotas); counted per user and UTC day.
   */
  spreadsheetCreateQuota = 250;
  private readonly createdToday = new Map<string, number>();
  /** Outermost calls the script made in its executions (not the test bed's), by method. */
  private readonly scriptMethods = new Map<string, number>();

  constructor(
    readonly owner: string,
    startIso = '2026-01-01T00:00:00Z',
  ) {
    this.nowMs = Date.parse(startIso);
    if (Number.isNaN(this.nowMs)) throw new Error(`Runtime: bad start time ${startIso}`);
  }

  // ---- clock ----------------------------------------------------------------------------------
  now(): Date {
    return new Date(this.nowMs);
  }
  nowMillis(): number {
    return this.nowMs;
  }
  /** Moves the simulated clock forward (the scenario `advance` step, Utilities.sleep). */
  advance(ms: number): void {
    if (ms < 0) throw new Error('Runtime.advance: the clock does not go back');
    this.nowMs += ms;
  }
  setNow(iso: string): void {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`Runtime.setNow: bad time ${iso}`);
    this.nowMs = ms;
  }

  // ---- executions -----------------------------------------------------------------------------
  /** Runs fn as one execution; what it held (locks) is released when it ends, however it ends. */
  execute<T>(options: ExecutionOptions, fn: (execution: Execution) => T): T {
    const limitMs = options.kind === 'simpleTrigger' ? 30_000 : 360_000;
    const execution: Execution = {
      ...options,
      id: this.nextExecutionId++,
      startedAtMs: this.nowMs,
      limitMs,
      calls: 0,
      wrote: false,
      onEnd: [],
    };
    this.stack.push(execution);
    const savedDepth = this.depth;
    this.depth = 0;
    try {
      return fn(execution);
    } finally {
      for (const release of execution.onEnd.splice(0)) release();
      this.depth = savedDepth;
      this.stack.pop();
    }
  }

  /** The running execution; outside any, the test bed acting as the owner with full authority. */
  current(): Execution {
    const top = this.stack[this.stack.length - 1];
    if (top) return top;
    return {
      kind: 'test',
      activeUser: this.owner,
      effectiveUser: this.owner,
      authMode: 'FULL',
      id: 0,
      startedAtMs: this.nowMs,
      limitMs: Number.POSITIVE_INFINITY,
      calls: 0,
      wrote: false,
      onEnd: [],
    };
  }

  /** The executions currently on the stack, outermost first (interleaving nests them). */
  executions(): readonly Execution[] {
    return this.stack;
  }

  // ---- calls ----------------------------------------------------------------------------------
  /** Every emulated service method runs through here. */
  call<T>(method: string, fn: () => T, options: CallOptions = {}): T {
    const rule = scopeRule(method);
    if (!rule)
      throw new Error(`Emulator: ${method} has no entry in emulator/scopes.ts (add its OAuth scopes)`);
    if (this.depth > 0 || this.uncountedDepth > 0) {
      this.depth++;
      try {
        return fn();
      } finally {
        this.depth--;
      }
    }
    const execution = this.current();
    if (execution.id !== 0) {
      // Recorded before the check: a refused call is one the script made.
      this.scriptMethods.set(method, (this.scriptMethods.get(method) ?? 0) + 1);
      this.checkScopes(method, rule);
    }
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
    if (options.local || HANDLE_FACTORIES.has(method)) {
      this.stats.local++;
    } else {
      this.stats.total++;
      if (execution.id !== 0) execution.calls++;
      const cells = (options.read ?? 0) + (options.written ?? 0);
      this.stats.cells.read += options.read ?? 0;
      this.stats.cells.written += options.written ?? 0;
      if (options.written && execution.id !== 0) execution.wrote = true;
      if (this.costModel) this.nowMs += this.costModel(method, cells);
      if (execution.killed !== undefined) throw new Error(execution.killed);
      this.checkTimeLimit(execution);
      this.fireFault(method, execution);
      for (const listener of [...this.listeners]) listener(method, execution);
    }
    this.depth++;
    try {
      return this.timed(fn);
    } finally {
      this.depth--;
    }
  }

  // ---- scopes ---------------------------------------------------------------------------------
  /** The manifest's oauthScopes (the harness passes them when it loads the bundle); null: none listed. */
  grantScopes(scopes: readonly string[] | null): void {
    this.granted = scopes === null ? null : new Set(scopes);
  }
  grantedScopes(): ReadonlySet<string> | null {
    return this.granted;
  }
  /** Whether the manifest grants this scope (every scope when it lists none). */
  hasScope(scope: string): boolean {
    return this.granted === null || this.granted.has(scope);
  }
  private checkScopes(method: string, rule: ScopeRule): void {
    if (!allows(rule, this.granted)) {
      const error = new Error(insufficientPermissions(method, rule));
      error.name = 'Exception';
      throw error;
    }
  }
  /** The Apps Script methods the script called in its executions so far (refused ones too), with how often. */
  scriptCalls(): ReadonlyMap<string, number> {
    return this.scriptMethods;
  }

  // ---- files the script created -----------------------------------------------------------------
  /** Records a file the script created as `user`: drive.file then reaches it for that user. */
  scriptCreatedFile(id: string, user: string): void {
    this.created.push({ id, user });
  }
  /** Counts one spreadsheet created by `user` today; throws Apps Script's quota error past the quota. */
  countSpreadsheetCreated(user: string): void {
    const key = `${user} ${this.now().toISOString().slice(0, 10)}`;
    const used = this.createdToday.get(key) ?? 0;
    if (used >= this.spreadsheetCreateQuota) {
      const error = new Error('Service invoked too many times for one day: spreadsheets create.');
      error.name = 'Exception';
      throw error;
    }
    this.createdToday.set(key, used + 1);
  }
  /** The files the script created, oldest first. */
  createdFiles(): DriveFileRecord[] {
    return this.created.map((c) => this.files.get(c.id)).filter((f): f is DriveFileRecord => !!f);
  }
  /** Whether drive.file reaches this file for this user: the script created it as them. */
  appCanReach(id: string, user: string): boolean {
    return this.created.some((c) => c.id === id && c.user === user);
  }

  /** Runs emulator work with its wall time kept apart from the script's (see `emulatorTimeMs`). */
  private timed<T>(fn: () => T): T {
    if (this.timing) return fn();
    this.timing = true;
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.emulatorMs += performance.now() - start;
      this.timing = false;
    }
  }

  /**
   * Milliseconds spent so far inside emulated service calls and emulator-internal (uncounted) work:
   * on Apps Script that work happens in Google's services, not in the script's JavaScript, so the
   * benchmark subtracts it from the process CPU time to get the script's own.
   */
  emulatorTimeMs(): number {
    return this.emulatorMs;
  }

  /** Cells counted after the fact, for calls whose size is known only once they ran. */
  countCells(read: number, written: number): void {
    if (this.uncountedDepth > 0 || this.depth > 1) return;
    this.stats.cells.read += read;
    this.stats.cells.written += written;
    if (written > 0) this.current().wrote = true;
  }

  /** Emulator-internal work (fixtures, a person's edit being applied, output): not counted. */
  uncounted<T>(fn: () => T): T {
    this.uncountedDepth++;
    try {
      return this.timed(fn);
    } finally {
      this.uncountedDepth--;
    }
  }

  isCounting(): boolean {
    return this.uncountedDepth === 0 && this.depth === 0;
  }

  snapshot(): CallStats {
    return {
      total: this.stats.total,
      local: this.stats.local,
      byMethod: { ...this.stats.byMethod },
      cells: { ...this.stats.cells },
    };
  }

  /** The calls made between two snapshots. */
  static diff(before: CallStats, after: CallStats): CallStats {
    const byMethod: Record<string, number> = {};
    for (const [method, n] of Object.entries(after.byMethod)) {
      const d = n - (before.byMethod[method] ?? 0);
      if (d > 0) byMethod[method] = d;
    }
    return {
      total: after.total - before.total,
      local: after.local - before.local,
      byMethod,
      cells: {
        read: after.cells.read - before.cells.read,
        written: after.cells.written - before.cells.written,
      },
    };
  }

  private checkTimeLimit(execution: Execution): void {
    if (execution.enforceTimeLimit && this.nowMs - execution.startedAtMs > execution.limitMs) {
      throw new Error(AppsScriptErrors.timeLimit);
    }
  }

  // ---- faults ---------------------------------------------------------------------------------
  /**
   * Makes a chosen call throw an Apps Script error: `failCall('Range.setValues', msg)` fails the
   * next Range.setValues; `skip` lets n-1 matching calls pass first; `times` fails that many.
   * `method` may be '*' for any call. `fatal`: the execution dies there (a time-out, a killed
   * process): every later call of that same execution fails too, so nothing can be repaired in it.
   */
  failCall(
    method: string,
    message: string,
    options: { skip?: number; times?: number; fatal?: boolean } = {},
  ): void {
    this.faults.push({
      method,
      message,
      skip: options.skip ?? 1,
      times: options.times ?? 1,
      fatal: options.fatal ?? false,
    });
  }
  clearFaults(): void {
    this.faults = [];
  }
  private fireFault(method: string, execution: Execution): void {
    for (const fault of this.faults) {
      if (fault.method !== method && fault.method !== '*') continue;
      if (fault.times <= 0) continue;
      fault.skip--;
      if (fault.skip > 0) continue;
      fault.times--;
      fault.skip = 1;
      this.faults = this.faults.filter((f) => f.times > 0);
      if (fault.fatal && execution.id !== 0) execution.killed = fault.message;
      throw new Error(fault.message);
    }
  }

  // ---- interleaving ---------------------------------------------------------------------------
  /**
   * Called before each counted call runs: the concurrency harness uses it to start a second
   * execution at a chosen call of the first. Returns a function that removes the listener.
   */
  onCall(listener: CallListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  // ---- locks --------------------------------------------------------------------------------
  /**
   * LockService calls this when `waiter` asks for a lock that another live execution holds, before
   * it returns false (tryLock) or throws the lock timeout (waitLock). The default models the wait
   * running out: the clock moves by the timeout. The interleaving harness replaces it.
   */
  onLockContention: (waiter: Execution, timeoutMs: number) => void = (_waiter, timeoutMs) => {
    this.advance(timeoutMs);
  };

  // ---- ids ------------------------------------------------------------------------------------
  /** Deterministic ids for files, triggers, protections (stable across runs of one scenario). */
  newId(prefix: string): string {
    this.idCounter++;
    return `${prefix}${this.idCounter.toString(36).padStart(6, '0')}`;
  }
}
