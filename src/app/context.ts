/**
 * The per-execution context every use case works in: the document (properties read once, lock taken
 * once, layout cached), who acts and as what source, the time, and the tables it opened (each read
 * once). `commit()` writes every opened table's changes through the audited writer.
 */
import { UNKNOWN_USER, type AuditEntry, type AuditSource } from '../domain/audit/entry';
import { TrackerDocument } from '../sheets/document';
import { markLedgerDirty } from './commissions/ledger-state';
import type { SheetKey } from '../sheets/schema';
import { cacheSettings, cachedSettings, settingsFrom, type TrackerSettings } from '../sheets/settings-reader';
import { Table } from '../sheets/table';
import { openFromShadow, openSparseFromShadow } from '../sheets/shadow-tables';
import { assertOnTeam } from '../sheets/team';
import { commit, type Actor, type CommitResult, type WriteContext } from '../sheets/writer';

/**
 * Sources of executions run by the person at the keyboard (sidebar calls, menu items, imports,
 * set-up): they may write only when that person is the owner or on Settings > Team. Edit and
 * trigger executions are installable triggers, which run as the owner who installed them.
 */
/** Tables the commission ledger is computed from besides the deals (see commissions/ledger-state.ts). */
const LEDGER_INPUTS: readonly SheetKey[] = ['partners', 'plans', 'settings'];

const PERSON_SOURCES: ReadonlySet<AuditSource> = new Set<AuditSource>(['sidebar', 'import', 'setup']);

interface Access {
  required: boolean;
  checked: boolean;
}

export class AppContext implements WriteContext {
  private readonly tables: Map<SheetKey, Table>;
  private readonly access: Access;

  constructor(
    readonly doc: TrackerDocument,
    readonly actor: Actor,
    readonly source: AuditSource,
    readonly now: Date = new Date(),
    tables?: Map<SheetKey, Table>,
    access?: Access,
  ) {
    this.tables = tables ?? new Map();
    this.access = access ?? { required: PERSON_SOURCES.has(source), checked: false };
  }

  /** The table `key`, opened once per context (read on first use, one getValues). */
  table(key: SheetKey): Table {
    let table = this.tables.get(key);
    if (!table) {
      table = new Table(this.doc, key);
      this.tables.set(key, table);
    }
    return table;
  }

  /**
   * Opens the table `key` with values the caller already read (header row first) instead of reading
   * the sheet; a table already open keeps what it read. `fromShadow`: the values were rebuilt from
   * the shadow (the writer then reads back the unchanged cells of what it writes).
   */
  tableFrom(key: SheetKey, values: () => unknown[][], fromShadow = false): Table {
    let table = this.tables.get(key);
    if (!table) {
      const opened = new Table(this.doc, key);
      table = fromShadow ? opened.loadFromShadow(values()) : opened.load(values());
      this.tables.set(key, table);
    }
    return table;
  }

  /**
   * What this use case reads, whole: each table from its shadow where the shadow can serve it (one
   * cell a row; `guarded`: the sheets whose last row is checked for rows another tool appended, all
   * by default; `oneRead`: every column in one rectangle), else from its sheet on first use. The
   * boundary chooses (sheets/shadow-tables.ts); the use case only says what it needs.
   */
  read(keys: readonly SheetKey[], options: { guarded?: readonly SheetKey[]; oneRead?: boolean } = {}): void {
    openFromShadow(this, keys, options.guarded ?? keys, { oneRead: options.oneRead });
  }

  /**
   * A few rows of a big table, chosen by their raw shadow text (`pick`), in this context, which must
   * be the job's own (`detached`): null when the shadow cannot serve (read the sheet instead).
   */
  readSome(key: SheetKey, pick: (cells: readonly string[]) => (index: number) => boolean): Table | null {
    return openSparseFromShadow(this, key, pick);
  }

  /** Closes the table `key` in this context: the next use reads it again (from its sheet). */
  forget(key: SheetKey): void {
    this.tables.delete(key);
  }

  /** True when the table `key` is open in this context (read, or opened with known values). */
  isOpen(key: SheetKey): boolean {
    return this.tables.has(key);
  }

  /**
   * The same execution with tables of its own: a job that opens a table with only some rows read
   * (openSparseFromShadow) does it here, so no other use case takes that table for the whole sheet.
   */
  detached(): AppContext {
    return new AppContext(this.doc, this.actor, this.source, this.now, new Map(), this.access);
  }

  /** The same execution recorded under another source or actor (e.g. a reaction to a person's edit). */
  as(source: AuditSource, actor: Actor = this.actor): AppContext {
    return new AppContext(this.doc, actor, source, this.now, this.tables, this.access);
  }

  /**
   * THE team check of every write: a person's execution may write only when they are the owner or
   * on Settings > Team (once per execution; the Settings table is the one the use case reads).
   * Called by `commit`, so no write use case can skip it.
   */
  authorize(): void {
    if (!this.access.required || this.access.checked) return;
    assertOnTeam(this.doc, this.actor.email === UNKNOWN_USER ? '' : this.actor.email, () =>
      this.doc.layout().sheets.settings ? this.settings().lists.team : [],
    );
    this.access.checked = true;
  }

  /**
   * The settings: from the Settings table when this execution opened it (what it read, with its
   * changes), else as stored in the document properties (no call), else read from the sheet.
   */
  settings(): TrackerSettings {
    const stored = this.isOpen('settings') ? null : cachedSettings(this.doc);
    if (stored) return stored;
    const settings = settingsFrom(this.table('settings'));
    cacheSettings(this.doc, settings);
    return settings;
  }

  /**
   * Writes every opened table's changes, their shadow and audit (after `first` entries, before `extra`
   * ones), and whatever else the execution staged, as one journaled step.
   */
  commit(extra: readonly AuditEntry[] = [], first: readonly AuditEntry[] = []): CommitResult {
    this.authorize();
    // An execution that read Settings stores them (flushed with the commit's property write).
    if (this.isOpen('settings')) cacheSettings(this.doc, settingsFrom(this.table('settings')));
    // A change of what the ledger is computed from besides the deals: the next daily job reconciles all.
    if (LEDGER_INPUTS.some((key) => this.tables.get(key)?.changes().length)) markLedgerDirty(this.doc);
    return commit(this, [...this.tables.values()], extra, first);
  }
}
