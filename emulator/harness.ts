/**
 * The harness: the shipped bundle (dist/Code.js) running in a node:vm context whose globals are the
 * emulated services, and the executions that reach it the way Apps Script's do: a sidebar's
 * google.script.run call, a menu item, onOpen, a person's edit (simple and installable triggers),
 * a person's row insert/delete (the change trigger), and time-driven triggers fired by the clock.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ExecutionEnded, Runtime, type CallStats, type Execution, type ExecutionOptions } from './runtime';
import { makeSimulatedDate } from './sim-date';
import { serializeForScriptRun } from './script-run';
import { parseDuration } from './duration';
import { EmuUser } from './user';
import {
  createSpreadsheetApp,
  createSpreadsheetFile,
  dumpSheets,
  loadSheets,
  personDeleteRows,
  personEdit,
  personInsertRows,
  personSortRows,
  setSelection,
  type EmuSpreadsheet,
} from './spreadsheet';
import { createServices } from './services';
import { advancedServices, readManifest, type Manifest } from './manifest';
import { EmuSheetsApi } from './spreadsheet/sheets-api';
import { EmuDriveApi } from './services/drive-api';
import { EmuBigQuery } from './bigquery/service';
import { BigQueryWorld } from './bigquery/world';
import { registerBigQuery } from './bigquery/registry';
import { TriggerBus, type FiredTrigger } from './trigger-bus';

export interface EmulatorOptions {
  owner: string;
  /** Other people with edit access to the file (teammates). */
  editors?: string[];
  /** People with view access only. */
  viewers?: string[];
  name?: string;
  timeZone?: string;
  locale?: string;
  now?: string;
  /** Where dist/ lives: Code.js and the sidebar pages. */
  distDir?: string;
  /** The workbook's sheets before the first step, as a user's own workbook would hold them. */
  sheets?: Record<string, unknown[][]>;
  mailQuota?: number;
  /** Enforce the 30 s / 6 min execution limits on the simulated clock. */
  enforceTimeLimits?: boolean;
  /**
   * The manifest the bundle runs under (its oauthScopes are the only scopes granted; its enabled
   * advanced services are the only ones defined). Default: the repository's appsscript.json.
   */
  manifest?: Manifest;
  /**
   * The manifest's oauthScopes: what a person can grant, what getAuthorizationInfo(FULL) checks
   * (default: those of `<distDir>/appsscript.json`). A test gives a list to model a deployed
   * manifest that lacks a scope.
   */
  oauthScopes?: string[];
  /**
   * Run the bundle as an editor add-on (default): one trigger of each type per user per document.
   * false: as a script bound to the spreadsheet (a copy of the code made to try triggers).
   */
  addOn?: boolean;
}

export interface StepOutcome<T = unknown> {
  ok: boolean;
  result?: T;
  error?: string;
  calls: number;
  stats: CallStats;
}

export const DEFAULT_DIST = path.resolve(__dirname, '..', 'dist');

export class Emulator {
  readonly rt: Runtime;
  readonly spreadsheet: EmuSpreadsheet;
  readonly services: ReturnType<typeof createServices>;
  readonly spreadsheetApp: ReturnType<typeof createSpreadsheetApp>;
  readonly triggers: TriggerBus;
  readonly options: Required<Pick<EmulatorOptions, 'owner' | 'timeZone' | 'locale' | 'distDir'>> &
    EmulatorOptions;
  private context: vm.Context | null = null;
  /** The manifest read by the last load(). */
  manifest: Manifest | null = null;
  /** BigQuery (the advanced service's projects, datasets, jobs; the tables in DuckDB). */
  readonly bigquery = new BigQueryWorld();

  constructor(options: EmulatorOptions) {
    this.options = {
      ...options,
      timeZone: options.timeZone ?? 'UTC',
      locale: options.locale ?? 'en_US',
      distDir: options.distDir ?? DEFAULT_DIST,
    };
    this.rt = new Runtime(options.owner, options.now ?? '2026-01-01T09:00:00Z');
    this.spreadsheet = createSpreadsheetFile(this.rt, {
      name: options.name ?? 'Partner Program',
      owner: options.owner,
      timeZone: this.options.timeZone,
      locale: this.options.locale,
      editors: options.editors ?? [],
      viewers: options.viewers ?? [],
    });
    const oauthScopes =
      options.oauthScopes ?? options.manifest?.oauthScopes ?? manifestScopes(this.options.distDir);
    this.services = createServices(this.rt, {
      oauthScopes: () => oauthScopes,
      distDir: this.options.distDir,
      addOn: options.addOn ?? true,
      mailQuota: options.mailQuota,
      scriptTimeZone: this.options.timeZone,
      documentId: () => this.spreadsheet.getId(),
    });
    this.spreadsheetApp = createSpreadsheetApp(this.rt, {
      getUi: () => this.services.ui,
      active: this.spreadsheet,
    });
    this.triggers = new TriggerBus(this);
    registerBigQuery(this.rt, this.bigquery);
    if (options.sheets) this.rt.uncounted(() => loadSheets(this.spreadsheet, options.sheets!));
  }

  /**
   * Loads the bundle (dist/Code.js unless code is given) into a fresh vm context, under the
   * manifest: its oauthScopes are granted, its enabled advanced services defined.
   */
  load(code?: string): this {
    const source = code ?? readFileSync(path.join(this.options.distDir, 'Code.js'), 'utf8');
    const manifest = this.options.manifest ?? readManifest();
    this.manifest = manifest;
    this.rt.grantScopes(manifest.oauthScopes ?? null);
    const g = this.services.globals as Record<string, unknown>;
    const sandbox: Record<string, unknown> = {
      ...g,
      SpreadsheetApp: this.spreadsheetApp,
      Date: makeSimulatedDate(this.rt),
    };
    const defaults = () => ({ locale: this.options.locale, timeZone: this.options.timeZone });
    for (const service of advancedServices(manifest)) {
      sandbox[service.userSymbol] =
        service.serviceId === 'drive'
          ? new EmuDriveApi(this.services.state.drive, { defaults })
          : service.serviceId === 'bigquery'
            ? new EmuBigQuery(this.rt, this.bigquery)
            : new EmuSheetsApi(this.rt, { defaults });
    }
    this.context = vm.createContext(sandbox, { name: 'dist/Code.js' });
    new vm.Script(source, { filename: 'Code.js' }).runInContext(this.context);
    return this;
  }

  /** The bundle's top-level functions (what Apps Script would list). */
  topLevelFunctions(): string[] {
    const ctx = this.requireContext();
    return Object.keys(ctx).filter((k) => typeof ctx[k] === 'function' && !this.isGlobal(k));
  }

  has(name: string): boolean {
    const ctx = this.requireContext();
    return typeof ctx[name] === 'function' && !this.isGlobal(name) && name !== 'Date';
  }

  /** A service global rather than a function of the bundle. */
  private isGlobal(name: string): boolean {
    if (name in this.services.globals) return true;
    const advanced = this.manifest?.dependencies?.enabledAdvancedServices ?? [];
    return advanced.some((s) => s.userSymbol === name);
  }

  /** Runs a top-level function as one execution; errors come back as host Errors with the message. */
  invoke(name: string, args: unknown[], options: ExecutionOptions): unknown {
    const ctx = this.requireContext();
    const fn = ctx[name];
    if (typeof fn !== 'function' || this.isGlobal(name)) {
      throw new Error(`Script function not found: ${name}`);
    }
    return this.rt.execute({ enforceTimeLimit: this.options.enforceTimeLimits, ...options }, () => {
      try {
        return (fn as (...a: unknown[]) => unknown)(...args);
      } catch (err) {
        // A service ended the execution to show the person something (a consent prompt): no error.
        if (err instanceof ExecutionEnded) return undefined;
        throw hostError(err);
      }
    });
  }

  /** google.script.run from a sidebar used by `user`: arguments and result cross as plain data. */
  call<T = unknown>(user: string, name: string, ...args: unknown[]): T {
    this.consentOnFirstUse(user);
    const sent = args.map((a, i) => serializeForScriptRun(a, String(i)));
    const result = this.invoke(name, sent, this.userExecution('call', user));
    return serializeForScriptRun(result, 'result') as T;
  }

  /** Runs the add-on menu item with this caption, as `user` clicking it. */
  menu(user: string, caption: string): unknown {
    const item = this.menuItems().find((i) => i.caption === caption);
    if (!item) {
      const known = this.menuItems()
        .map((i) => i.caption)
        .join(', ');
      throw new Error(`No menu item "${caption}" (the menu has: ${known || 'nothing; run open() first'})`);
    }
    this.consentOnFirstUse(user);
    return this.invoke(item.functionName, [], this.userExecution('menu', user));
  }

  /**
   * A person's first menu click or sidebar call: Google shows the consent screen before the
   * function runs, and the emulator has them accept it whole. A person whose grant a test set
   * (`state.triggers.grantOnly`, or `authorizedUsers`) keeps it.
   */
  private consentOnFirstUse(user: string): void {
    const triggers = this.services.state.triggers;
    if (!triggers.hasConsented(user)) triggers.authorizedUsers.add(user);
  }

  /** The add-on menu as built by the last onOpen. */
  menuItems(): Array<{ caption: string; functionName: string }> {
    return this.services.state.ui.menuItems();
  }

  /** Opens the file as `user`: the simple onOpen (LIMITED, or NONE when the add-on is not enabled). */
  open(user: string, authMode: 'NONE' | 'LIMITED' = 'LIMITED'): void {
    const e = {
      authMode: this.authModeEnum(authMode),
      source: authMode === 'NONE' ? undefined : this.spreadsheet,
      user: new EmuUser(this.visibleEmail(user)),
    };
    if (this.has('onOpen')) {
      this.invoke('onOpen', [e], {
        kind: 'simpleTrigger',
        activeUser: this.visibleEmail(user),
        effectiveUser: user,
        authMode,
      });
    }
  }

  /** A person's edit of a cell or block; fires onEdit (simple) and the installable edit/change triggers. */
  edit(user: string, sheet: string, a1: string, values: unknown[][]): EditOutcome {
    const applied = this.rt.uncounted(() => personEdit(this.spreadsheet, { user, sheet, a1, values }));
    if (!applied.ok) return { ok: false, reason: applied.reason, fired: [] };
    const fired = this.triggers.afterEdit(user, applied);
    return { ok: true, fired };
  }

  insertRows(user: string, sheet: string, before: number, count: number): EditOutcome {
    const applied = this.rt.uncounted(() =>
      personInsertRows(this.spreadsheet, { user, sheet, before, count }),
    );
    if (!applied.ok) return { ok: false, reason: applied.reason, fired: [] };
    return { ok: true, fired: this.triggers.afterStructureChange(user, 'INSERT_ROW') };
  }

  deleteRows(user: string, sheet: string, row: number, count: number): EditOutcome {
    const applied = this.rt.uncounted(() => personDeleteRows(this.spreadsheet, { user, sheet, row, count }));
    if (!applied.ok) return { ok: false, reason: applied.reason, fired: [] };
    return { ok: true, fired: this.triggers.afterStructureChange(user, 'REMOVE_ROW') };
  }

  /**
   * A person sorts rows `first`.. by column `col` (Data > Sort range). The add-on hears of it as a
   * change of type OTHER (its installable change trigger); no edit event is fired here, so no record
   * is audited for it: the case where the add-on learns least.
   */
  sortRows(user: string, sheet: string, first: number, col: number, descending = false): EditOutcome {
    const applied = this.rt.uncounted(() =>
      personSortRows(this.spreadsheet, { user, sheet, first, col, descending }),
    );
    if (!applied.ok) return { ok: false, reason: applied.reason, fired: [] };
    return { ok: true, fired: this.triggers.afterStructureChange(user, 'OTHER') };
  }

  /** Moves the clock (ISO 8601 duration or ms), firing the time-driven triggers that fall due, in order. */
  /**
   * A person without a Google login answers a form at its responder address (pre-filled answers in
   * the address; `answers` by question title): the Forms API then lists the response.
   */
  submitForm(url: string, answers: Record<string, string>): { responseId: string } {
    return this.rt.uncounted(() => this.services.state.forms.submit(url, answers));
  }

  advance(duration: string | number): FiredTrigger[] {
    const ms = typeof duration === 'number' ? duration : parseDuration(duration);
    return this.triggers.advanceClock(this.rt.nowMillis() + ms);
  }

  /** Selects a range as `user` would (for "History of this row"). */
  select(user: string, sheet: string, a1: string): void {
    this.rt.uncounted(() => setSelection(this.spreadsheet, user, sheet, a1));
  }

  /** Every sheet's values, dates as ISO strings. */
  sheets(): Record<string, unknown[][]> {
    return this.rt.uncounted(() => dumpSheets(this.spreadsheet));
  }

  stats(): CallStats {
    return this.rt.snapshot();
  }

  /** Runs fn and returns what it did and the service calls the add-on made meanwhile. */
  measure<T>(fn: () => T): StepOutcome<T> {
    const before = this.rt.snapshot();
    try {
      const result = fn();
      const stats = Runtime.diff(before, this.rt.snapshot());
      return { ok: true, result, calls: stats.total, stats };
    } catch (err) {
      const stats = Runtime.diff(before, this.rt.snapshot());
      return { ok: false, error: hostError(err).message, calls: stats.total, stats };
    }
  }

  /**
   * Runs `second` at the moment `first` makes its nth call of `method` (default: its first call of
   * any method), as two executions racing. If `second` asks for a lock that `first` holds, it waits:
   * the emulator, being synchronous, runs it again once `first` has finished (it must not have
   * written before asking for the lock; if it had, its wait simply times out).
   */
  interleave<A, B>(
    first: () => A,
    second: () => B,
    at: { method?: string; nth?: number } = {},
  ): { first: StepOutcome<A>; second: StepOutcome<B>; secondWaited: boolean } {
    let seen = 0;
    let secondOutcome: StepOutcome<B> | null = null;
    let waited = false;
    const originalContention = this.rt.onLockContention;
    const remove = this.rt.onCall((method) => {
      if (this.rt.executions().length !== 1) return;
      if (at.method && method !== at.method) return;
      seen++;
      if (seen !== (at.nth ?? 1)) return;
      remove();
      this.rt.onLockContention = (waiter, timeoutMs) => {
        if (waiter.wrote) return originalContention(waiter, timeoutMs);
        waiter.deferred = true;
        waited = true;
      };
      try {
        secondOutcome = this.measure(second);
      } finally {
        this.rt.onLockContention = originalContention;
      }
    });
    let firstOutcome: StepOutcome<A>;
    try {
      firstOutcome = this.measure(first);
    } finally {
      remove();
    }
    if (secondOutcome === null || waited) secondOutcome = this.measure(second);
    return { first: firstOutcome, second: secondOutcome as StepOutcome<B>, secondWaited: waited };
  }

  // ---- helpers used by the trigger bus -------------------------------------------------------
  /** The email Apps Script reveals for `user`: '' across domains (consumer accounts, other domains). */
  visibleEmail(user: string): string {
    const domain = (email: string) => email.split('@')[1] ?? '';
    return domain(user) === domain(this.options.owner) ? user : '';
  }

  authModeEnum(mode: string): unknown {
    const scriptApp = this.services.globals.ScriptApp as unknown as { AuthMode: Record<string, unknown> };
    return scriptApp.AuthMode[mode];
  }

  userExecution(kind: 'call' | 'menu', user: string): ExecutionOptions {
    return { kind, activeUser: user, effectiveUser: user, authMode: 'FULL' };
  }

  private requireContext(): Record<string, unknown> {
    if (!this.context) throw new Error('Emulator: call load() before running the bundle');
    return this.context as Record<string, unknown>;
  }
}

/** The oauthScopes of the manifest built into `distDir` ([] when there is none). */
export function manifestScopes(distDir: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as {
      oauthScopes?: unknown;
    };
    return Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : [];
  } catch {
    return [];
  }
}

export interface EditOutcome {
  ok: boolean;
  reason?: string;
  fired: FiredTrigger[];
}

export type { Execution };

/** Errors thrown inside the vm are of its realm; hand the host an Error with the same message. */
export function hostError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (err && typeof err === 'object' && 'message' in err) {
    const e = new Error(String((err as { message: unknown }).message));
    if ('stack' in err) e.stack = String((err as { stack: unknown }).stack);
    return e;
  }
  return new Error(String(err));
}
