/**
 * The document an execution works on, with what it costs counted: the spreadsheet handle, the
 * document properties (read ONCE per execution: the layout cache and the audit tail live there),
 * the document lock (taken once), and the layout (from the cache, else discovered from the workbook).
 */
import { refusedWrite } from './cell-fit';
import {
  LAYOUT_PROPERTY,
  columnMetadata,
  identifySheets,
  mapColumns,
  parseLayout,
  sheetTags,
  type Layout,
  type SheetTag,
} from './layout';
import { authorizationError, thrownMessage } from '../shared/scopes';
import { columnLetter } from './capacity';
import { Days } from './days';
import type { DocumentHost } from './document-host';
import {
  JOURNAL_PROPERTY,
  applyOp,
  journalFor,
  journalDone,
  journalOutcome,
  isJournalKey,
  byteLength,
  readJournal,
  type JournalDone,
  type JournalSpot,
  type WriteOp,
} from './journal';
import { JOURNAL_COLUMN, SHADOW_SHEET_NAME, TRACKED_SHEETS, sheetDef, type SheetKey } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LOCK_WAIT_MS = 30_000;
/** What the document properties may hold in all (500 KB) less room for what later writes add. */
export const STORE_BUDGET_BYTES = 400 * 1024;
/** The spreadsheet's time zone as last asked (see `days`). */
export const TIME_ZONE_PROPERTY = 'tracker.timeZone';

/** Work an execution may leave unfinished, found by its document property (see registerRecovery). */
interface Recovery {
  name: string;
  /** True when the document properties hold work for it. */
  owed: (props: Record<string, string>) => boolean;
  run: (doc: TrackerDocument) => void;
  /**
   * True when what the property holds needs nothing more (checked before the lock, from what the
   * execution read already): an edit whose audit append landed (`landOnAppend`), left for the next
   * property write to clear.
   */
  settled?: (doc: TrackerDocument) => boolean;
}

const RECOVERIES: Recovery[] = [];

/**
 * Registers what finishes the work an execution recorded in document properties before dying (`owed`
 * says when there is some): the next execution of any kind runs it (after applying any journal)
 * before it reads anything. `run` must clear what it finished with its own commits.
 */
export function registerRecovery(
  name: string,
  owed: (props: Record<string, string>) => boolean,
  run: (doc: TrackerDocument) => void,
  settled?: (doc: TrackerDocument) => boolean,
): void {
  if (!RECOVERIES.some((r) => r.name === name)) RECOVERIES.push({ name, owed, run, settled });
}

function holds(props: Record<string, string> | null, recovery: Recovery): boolean {
  return !!props && recovery.owed(props);
}

/**
 * What runs after a commit that queued outbox messages (`owesDelivery`): their delivery, once the
 * change and its messages are stored. Its failures are its own (a message not delivered is retried
 * by a later execution); it never undoes or fails the commit.
 */
let afterCommit: ((doc: TrackerDocument) => void) | null = null;

export function registerAfterCommit(run: (doc: TrackerDocument) => void): void {
  afterCommit = run;
}

export class TrackerDocument implements DocumentHost {
  private props: Record<string, string> | null = null;
  private pending: Record<string, string> = {};
  private layoutValue: Layout | null = null;
  private locked = false;
  private readonly sheetCache = new Map<number, Sheet | null>();
  private store: GoogleAppsScript.Properties.Properties | null = null;

  private daysValue: Days | null = null;

  /**
   * `writes`: the execution may change the document, so the document lock is taken before anything
   * is read (the properties first): what it reads is what no other execution is changing, and a use
   * case never takes the lock itself.
   */
  constructor(
    readonly ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
    private readonly options: { writes?: boolean; readsWholeLog?: boolean } = {},
  ) {}

  /**
   * ISO days <-> date cells in the spreadsheet's time zone (asked once per execution). Every execution
   * that asks keeps what it got in a document property (written with its property write);
   * `lastSeen` takes that instead of asking (no call), for a call that must stay small: a time zone
   * changed since is seen by the next execution that asks (the hourly run asks once a day: askTimeZone).
   */
  days(lastSeen = false): Days {
    if (this.daysValue) return this.daysValue;
    const known = lastSeen ? this.property(TIME_ZONE_PROPERTY) : null;
    if (known) return (this.daysValue = new Days(known));
    const days = Days.of(this.ss);
    try {
      if (this.property(TIME_ZONE_PROPERTY) !== days.timeZone)
        this.setProperty(TIME_ZONE_PROPERTY, days.timeZone);
    } catch (err) {
      // No document properties in this execution (a simple trigger without authorization). Any
      // other failure (the lock not had in time, a journal that could not be applied) is the
      // execution's: going on would act without the lock or on an unfinished journal.
      if (!authorizationError(thrownMessage(err))) throw err;
    }
    return (this.daysValue = days);
  }

  /**
   * The time zone asked again (one call) and stored as `days` stores it: the hourly run asks it once
   * a day (app/triggers/workbook-check.ts), its other executions take the stored one.
   */
  askTimeZone(): Days {
    this.daysValue = null;
    return this.days();
  }

  /**
   * All document properties, read with one call the first time. The last commit's journal found
   * there is checked (one read of the Audit Log rows its append ends at, kept for this execution's
   * own append: `knownTailCells`) and, unfinished, applied first (under the document lock), so
   * nothing this execution reads is half-written.
   */
  properties(): Record<string, string> {
    // An execution whose lock or recovery failed stops at every later read, even when a caller
    // caught the first failure: it must not act without the lock or on an unfinished journal.
    if (this.stopped) throw this.stopped;
    try {
      if (!this.props && this.options.writes && !this.locked) this.lock();
      if (!this.props) {
        this.props = this.propertyStore().getProperties();
        if (!this.recovering) {
          const journal = this.props[JOURNAL_PROPERTY];
          // A reader of the whole log checks the journal with that read (settleJournalWith).
          if (journal && this.options.readsWholeLog && !this.locked && journalDone(journal))
            this.uncheckedJournal = journal;
          else if (journal && this.journalUnfinished(journal)) this.recover();
          const pending = RECOVERIES.filter(
            (r) => holds(this.props, r) && !(!this.options.writes && r.settled?.(this)),
          );
          if (pending.length) this.finishPending(pending);
        }
        // (read again after a recovery changed them)
        if (!this.props) this.props = this.propertyStore().getProperties();
      }
    } catch (err) {
      // (Not when no property may be read here at all: an execution without authorization.)
      if (!authorizationError(thrownMessage(err))) {
        this.props = null;
        this.stopped = err instanceof Error ? err : new Error(thrownMessage(err));
      }
      throw err;
    }
    return this.props;
  }

  /** The failure that stopped this execution's reads (see properties). */
  private stopped: Error | null = null;

  /**
   * Runs what an earlier execution left unfinished besides its journal (a trigger that died before
   * its commit: `registerRecovery`), each on a document of its own under this execution's lock, then
   * reads the properties again (what the recovery changed).
   */
  private finishPending(pending: readonly Recovery[]): void {
    this.recovering = true;
    try {
      this.lock();
      for (const recovery of pending) {
        if (!this.props) this.props = this.propertyStore().getProperties();
        if (!holds(this.props, recovery)) continue;
        const doc = new TrackerDocument(this.ss);
        doc.locked = true;
        doc.recovering = true;
        doc.props = { ...this.props! };
        doc.tailCells = this.tailCells;
        doc.seenTail = this.seenTail;
        doc.checked = this.checked;
        recovery.run(doc);
        if (doc.deferred && !doc.wroteProperties) {
          // No property written: what it queued waits for this execution's next property write.
          // (What a carried commit wrote is stored: this execution's reads see it.)
          if (this.props) Object.assign(this.props, doc.carried);
          Object.assign(this.pending, doc.pending);
          if (doc.landed) {
            this.tailCells = null;
            this.seenTail = null;
          }
          continue;
        }
        doc.flushProperties({ final: true });
        this.props = null;
        this.layoutValue = null;
        this.sheetCache.clear();
        this.tailCells = null;
        this.seenTail = null;
      }
    } finally {
      this.recovering = false;
    }
  }

  // ---- staged writes and the journal (see journal.ts) ----------------------------------------

  private staged: WriteOp[] = [];
  private recovering = false;
  /** The audit append staged last (made last, so its row proves the commit landed: JournalDone). */
  private auditAppend: { op: WriteOp; done: JournalDone } | null = null;
  /** This execution wrote a journal and has not made all its writes yet. */
  private journalOpen = false;
  /** Rows done.r..done.r+2 of the Audit Log as read under the lock by the journal check (see below). */
  private tailCells: { row: number; cells: unknown[][] } | null = null;
  /** The same rows as read by the journal check with or without the lock (`seenLogRows`). */
  private seenTail: { row: number; cells: unknown[][] } | null = null;

  /**
   * Queues the audit append of this commit (rows `op`, the tail before it and after it): made after
   * every other write of the commit, so the next execution knows from the log's last row that the
   * commit landed and the journal need not be deleted (one call less per commit).
   */
  stageAuditAppend(
    op: WriteOp,
    before: { row: number; hash: string },
    after: { row: number; hash: string },
  ): void {
    if (op.k !== 'values') throw new Error('An audit append is a values write.');
    this.staged.push(op);
    this.auditAppend = {
      op,
      done: {
        s: op.s,
        n: op.n,
        r: after.row,
        hash: after.hash,
        w: op.v[0].length,
        p: before.row,
        ph: before.hash,
      },
    };
  }

  /** The journal a reader of the whole log has yet to check (`readsWholeLog`). */
  private uncheckedJournal: string | null = null;

  /**
   * For an execution that reads the whole Audit Log (`readsWholeLog`: verification, a row's history):
   * the journal check made with the rows it read (`rows`, the first at sheet row `firstRow`) instead
   * of a read of its own. True when the journal proves unfinished: it is then applied (under the
   * lock), and the caller reads the log again.
   */
  settleJournalWith(rows: readonly unknown[][], firstRow: number): boolean {
    const text = this.uncheckedJournal;
    this.uncheckedJournal = null;
    const done = text ? journalDone(text) : null;
    if (!done) return false;
    const at = (row: number): unknown[] =>
      row < firstRow ? ['(header)'] : ((rows[row - firstRow] as unknown[]) ?? []);
    if (journalOutcome(done, [at(done.r - 1), at(done.r), at(done.r + 1)]) !== 'missing') return false;
    this.recover();
    return true;
  }

  /**
   * Rows `row` and `row + 1` of the Audit Log when this execution already read them under the lock
   * (the journal check reads them: the next append's tail check needs no read of its own).
   */
  knownTailCells(row: number): unknown[][] | null {
    if (!this.locked || !this.tailCells) return null;
    const at = row - this.tailCells.row;
    const cells = this.tailCells.cells;
    return at >= 0 && at + 1 < cells.length ? [cells[at], cells[at + 1]] : null;
  }

  /**
   * Rows `row`..`row + count - 1` of the Audit Log when the journal check read them (under the lock
   * or not: for a look that decides whether there is anything to do), else null.
   */
  seenLogRows(row: number, count: number): unknown[][] | null {
    const seen = this.locked ? (this.tailCells ?? this.seenTail) : this.seenTail;
    if (!seen) return null;
    const at = row - seen.row;
    return at >= 0 && at + count <= seen.cells.length ? seen.cells.slice(at, at + count) : null;
  }

  /** The journal found at the start was checked (or applied) under this execution's lock. */
  private checked = false;

  /** Whether the stored journal is known to be finished (checked under the lock, or this execution's own). */
  journalChecked(): boolean {
    return this.locked && this.checked && !this.journalOpen;
  }

  /**
   * Whether the journal `text` still has writes to make: a journal with a landing mark is checked
   * by reading the log rows around its last append row (one call); one without is unfinished while
   * it is there (it is deleted once made).
   */
  private journalUnfinished(text: string): boolean {
    const done = journalDone(text);
    if (!done) return true;
    let cells: unknown[][];
    // (The row below the append may not exist yet: a log grown to just its last row.)
    const maxRows = this.layout().sheets.auditLog?.maxRows ?? Infinity;
    if (maxRows < done.r) return true; // the log is shorter than the append: it did not land
    try {
      // Two rows past it: the tail check of this execution's append, and of the one after an edit
      // that landed on its append alone (landOnAppend) when the journal marks the row before.
      const rows = Math.min(4, maxRows - done.r + 2);
      cells = this.range(done.s, done.n, done.r - 1, 1, rows, done.w).getValues();
    } catch {
      return true; // the log is shorter than the append: it did not land
    }
    const outcome = journalOutcome(done, cells);
    if (this.locked && outcome !== 'missing') this.checked = true;
    if (cells.length >= 3) {
      const seen = { row: done.r, cells: cells.slice(1) };
      if (this.locked) this.tailCells = seen;
      this.seenTail = outcome === 'landed' ? seen : null;
    }
    return outcome === 'missing';
  }

  /** Queues a write; `applyStaged` makes all queued writes in one journaled step. */
  stage(op: WriteOp): void {
    this.staged.push(op);
  }

  /** True when a write staged and not yet made touches the sheet with this id. */
  stagesOn(sheetId: number): boolean {
    return this.staged.some((op) => 's' in op && op.s === sheetId);
  }

  /** True once this execution holds the document lock (no other execution changes what it reads). */
  holdsLock(): boolean {
    return this.locked;
  }

  /** True while a journal left by a failed execution is being applied again. */
  replaying(): boolean {
    return this.replayingOps;
  }

  private replayingOps = false;

  /**
   * Makes every staged write and property write as one atomic step: the journal (with the queued
   * properties) in one property write, the writes in order, then the journal deleted. Without staged
   * writes it is a plain property flush.
   */
  applyStaged(): void {
    if (!this.staged.length) {
      this.flushProperties({ afterCellWrites: true });
      return;
    }
    // (Before anything is written or journaled: a write Google refuses must not become a journal.)
    this.refused ??= refusedWrite(this.staged);
    if (this.refused) throw this.refused;
    let ops = this.staged;
    this.staged = [];
    const audit = this.auditAppend;
    this.auditAppend = null;
    this.auditAppendOp = audit?.op ?? null;
    // A journal this execution wrote and could not finish (a write failed after it): it is the next
    // execution's to apply. A second one would replace it, losing what it still had to write.
    if (this.journalOpen)
      throw new Error('An earlier write of this execution did not finish: the next run completes it first.');
    // The audit append last: its row landing proves every write before it did.
    // (Not when the commit also deletes log rows, a rotation: its append row is then no proof.)
    const done =
      audit && ops.includes(audit.op) && !ops.some((op) => op.k === 'deleteRows' && op.s === audit.done.s)
        ? audit.done
        : undefined;
    if (done && audit) ops = [...ops.filter((op) => op !== audit.op), audit.op];
    const lone = this.lone;
    this.lone = null;
    if (lone && done && this.landsOnAppend(ops, lone, done)) {
      // (landOnAppend) The shadow cell, then the append: no journal, no property write.
      this.pending = {};
      this.tailCells = null;
      this.seenTail = null;
      for (const op of ops) applyOp(this, op);
      this.landed = { row: done.r, hash: done.hash };
      return;
    }
    const carry = this.carry;
    this.carry = null;
    if (carry && done && this.carriesOnAppend(ops, carry, done)) {
      // (carryOnAppend) The queued properties (the pending entry, its shadow cell), then the append.
      const write: Record<string, string> = {};
      for (const [key, value] of Object.entries(this.pending))
        if (key !== carry.tailKey && this.properties()[key] !== value) write[key] = value;
      if (carry.tail !== undefined && this.properties()[carry.tailKey] !== carry.tail)
        write[carry.tailKey] = carry.tail;
      this.pending = {};
      this.tailCells = null;
      this.seenTail = null;
      if (Object.keys(write).length) {
        this.propertyStore().setProperties(write);
        this.propertiesStored = true;
        this.props = { ...this.properties(), ...write };
        Object.assign(this.carried, write);
      }
      for (const op of ops) applyOp(this, op);
      this.landed = { row: done.r, hash: done.hash };
      return;
    }
    // Not carried: what only a carried commit writes is put back (the journal below covers the commit).
    if (carry) Object.assign(this.pending, carry.revert);
    const known = { ...this.properties(), ...this.pending };
    // The room left besides the stored journal's own marker and pieces: this write replaces them.
    const used = byteLength(
      JSON.stringify(Object.fromEntries(Object.entries(known).filter(([key]) => !isJournalKey(key)))),
    );
    const journal = journalFor(
      ops,
      Object.keys(known),
      STORE_BUDGET_BYTES - used,
      () => this.journalSpot(),
      done,
    );
    const kept = Boolean(done);
    if (journal.cells) {
      const { at, values } = journal.cells;
      this.range(at.s, at.n, at.r, at.c, values.length, 1).setValues(values);
    }
    Object.assign(this.pending, journal.properties);
    this.wroteProperties = true;
    this.stepping = true;
    this.journalOpen = true;
    this.tailCells = null;
    this.seenTail = null;
    try {
      this.flushProperties({ final: true });
    } finally {
      this.stepping = false;
    }
    for (const op of ops) applyOp(this, op);
    // A journal whose audit append landed is history (the next commit's property write replaces it).
    // One without a landing mark is removed: at once, or emptied by the execution's next property
    // write when one is sure to come (`clearJournalWithNextWrite`); its cells in the shadow sheet,
    // if any, are inert once no marker points to them (the next journal writes over them).
    if (!kept && this.journalClearLater) this.pending[JOURNAL_PROPERTY] = '';
    else if (!kept) {
      if (journal.cleanup) applyOp(this, journal.cleanup);
      this.propertyStore().deleteProperty(JOURNAL_PROPERTY);
      if (this.props) delete this.props[JOURNAL_PROPERTY];
    }
    this.journalOpen = false;
    this.deliverOwed();
  }

  /** The audit append of the commit being made. */
  private auditAppendOp: WriteOp | null = null;

  /** A commit refused before anything was written (cell-fit.ts): this execution writes nothing more. */
  private refused: Error | null = null;
  /** Set by `landOnAppend`: the queued properties that may wait. */
  private lone: readonly string[] | null = null;
  /** Set by `deferToNextWrite`: what this document queued may wait for a later property write. */
  private deferred = false;
  /** This document wrote document properties. */
  private wroteProperties = false;
  /** The audit row (and hash) of the commit made by `landOnAppend`'s way, once made. */
  landed: { row: number; hash: string } | null = null;

  /**
   * For a person's one-cell edit whose pending entry is stored (app/audit/pending-edits.ts): when the
   * commit that follows is the edit's shadow cell and its audit append and nothing else, and what it
   * queued is only properties named in `keys` (the new audit tail, the pending entry's removal), it
   * is made WITHOUT its journal and property write: the shadow cell, then the append. The pending
   * entry is the journal: until the append lands, the next execution records the edit again from the
   * row as it is (the same two writes, the same outcome); once it landed (the row after the stored
   * tail chains from it, with the edit's time: audit-sheet.ts `entryPastTail`), the next property
   * write moves the tail past it and clears the entry (`deferToNextWrite`).
   */
  landOnAppend(keys: readonly string[]): void {
    this.lone = keys;
  }

  private landsOnAppend(ops: readonly WriteOp[], keys: readonly string[], done: JournalDone): boolean {
    const [cell, append] = ops;
    // The stored journal's landing mark on the row before the append: the next execution's journal
    // check reads the append's row with it (finding it landed costs no call of its own).
    const marked = journalDone(this.property(JOURNAL_PROPERTY) ?? '');
    return (
      ops.length === 2 &&
      marked?.r === done.p &&
      marked.s === done.s &&
      append === this.auditAppendOp &&
      cell.k === 'values' &&
      cell.s === this.layout().shadow?.id &&
      cell.v.length === 1 &&
      !this.owed &&
      !this.layoutDirty &&
      !this.journalOpen &&
      Object.keys(this.pending).every((key) => keys.includes(key))
    );
  }

  /** Set by `carryOnAppend`. */
  private carry: {
    tailKey: string;
    tail: string | undefined;
    now: (key: string) => boolean;
    revert: Record<string, string>;
  } | null = null;
  private propertiesStored = false;

  /** True once a property write of this execution's commits was made (an entry, a journal stored). */
  storedProperties(): boolean {
    return this.propertiesStored;
  }

  /** The properties a carried commit wrote (see finishPending). */
  readonly carried: Record<string, string> = {};

  /**
   * For a person's one-cell edit whose row's shadow cell rides its pending entry
   * (sheets/shadow-deferred.ts): when the commit that follows is its audit append and nothing else,
   * and what it queued is only properties `now` accepts (the pending entry, the deferred cell, what
   * a recovery queued) besides the audit tail (`tailKey`), it is made WITHOUT its journal: one
   * property write of what it queued (the tail as it was queued before the commit, `tail`: the
   * append's own tail waits for the next execution, as with landOnAppend), then the append. The
   * pending entry is the journal: until the append lands, the next execution records the edit again
   * from the row as it is. Otherwise the commit is journaled, `revert` queued first (the pending
   * entry taken back: the journal covers the commit).
   */
  carryOnAppend(carry: NonNullable<TrackerDocument['carry']>): void {
    this.carry = carry;
  }

  private carriesOnAppend(
    ops: readonly WriteOp[],
    carry: NonNullable<TrackerDocument['carry']>,
    done: JournalDone,
  ): boolean {
    const marked = journalDone(this.property(JOURNAL_PROPERTY) ?? '');
    return (
      ops.length === 1 &&
      ops[0] === this.auditAppendOp &&
      marked?.r === done.p &&
      marked.s === done.s &&
      !this.owed &&
      !this.layoutDirty &&
      !this.journalOpen &&
      Object.keys(this.pending).every((key) => key === carry.tailKey || carry.now(key))
    );
  }

  /** What this document queued may wait for the next property write of the execution (see finishPending). */
  deferToNextWrite(): void {
    this.deferred = true;
  }

  /**
   * The journal's landing mark moved to an append that landed after it (an edit's: `landOnAppend`),
   * queued: the next execution's journal check reads the rows past it, its own tail check included.
   * Only once this execution checked the journal there (or there is none): it is history then.
   */
  markLanded(done: JournalDone): void {
    if (this.property(JOURNAL_PROPERTY) && !this.journalChecked()) return;
    this.setProperty(JOURNAL_PROPERTY, JSON.stringify({ ops: [], done }));
  }

  /** Where a journal too big for a property goes: the shadow sheet's journal column. */
  private journalSpot(): JournalSpot | null {
    const shadow = this.layout().shadow;
    if (!shadow) return null;
    return { s: shadow.id, n: shadow.name, r: 2, c: JOURNAL_COLUMN };
  }

  /**
   * Applies the journal an execution left behind, under the lock; then deletes it, unless it has a
   * landing mark (it stays, as it would have had it finished: the log now proves it landed).
   */
  private recover(): void {
    this.recovering = true;
    try {
      const locked = this.locked;
      this.lock();
      const text = this.property(JOURNAL_PROPERTY);
      if (!text) return;
      // Checked before the lock: the execution that held it may have finished it (or written another).
      if (!locked && !this.journalUnfinished(text)) return;
      const ops = readJournal(this, text, (key) => this.property(key));
      this.replayingOps = true;
      for (const op of ops ?? []) applyOp(this, op);
      this.tailCells = null;
      this.seenTail = null;
      this.checked = true;
      if (!journalDone(text)) {
        this.propertyStore().deleteProperty(JOURNAL_PROPERTY);
        delete this.props![JOURNAL_PROPERTY];
      }
    } finally {
      this.recovering = false;
      this.replayingOps = false;
    }
  }

  /** The keys of every document property, those queued by this execution included. */
  propertyKeys(): string[] {
    return Object.keys({ ...this.properties(), ...this.pending });
  }

  property(key: string): string | null {
    return this.pending[key] ?? this.properties()[key] ?? null;
  }

  /**
   * Writes one property at once (one call), with or without the lock, even after this execution
   * stopped: only for a key no other execution reads and writes back whole (a failed trigger's
   * trace: app/audit/pending-edits.ts).
   */
  writePropertyNow(key: string, value: string): void {
    this.propertyStore().setProperty(key, value);
  }

  /** The keys of the document properties as stored now (one call, with or without the lock). */
  propertyKeysNow(): string[] {
    return this.propertyStore().getKeys();
  }

  /** Deletes one property at once (one call): a key whose content a commit already emptied. */
  deletePropertyNow(key: string): void {
    this.propertyStore().deleteProperty(key);
    if (this.props) delete this.props[key];
    delete this.pending[key];
  }

  /** The value queued for `key` by this execution and not written yet (undefined: none queued). */
  queuedProperty(key: string): string | undefined {
    return this.pending[key];
  }

  /** Queues a property write; `flushProperties` writes all queued ones with one call. */
  setProperty(key: string, value: string): void {
    this.pending[key] = value;
  }

  private deferIdle = false;
  private fewCalls = false;
  private journalClearLater = false;

  /**
   * For the hourly run, whose checkpoint write ends every execution: a journal without a landing mark
   * (a commit with no audit append) is emptied by that write instead of a delete of its own (and its
   * cells in the shadow sheet are left, inert). Dying before it, the execution leaves the journal
   * whole: the next one applies it again (the same writes). Off again before that last write.
   */
  clearJournalWithNextWrite(on: boolean): void {
    this.journalClearLater = on;
  }

  /**
   * For the hourly run: its writes favour fewer calls over fewer cells (the audited writer joins a
   * table's changed rows into fewer, taller blocks: writer.ts). Its budget is calls per execution.
   */
  preferFewCalls(): void {
    this.fewCalls = true;
  }

  prefersFewCalls(): boolean {
    return this.fewCalls;
  }

  /**
   * For the hourly run: a property write that follows no cell write waits for the run's final flush
   * (one call instead of one per job). A flush after cells were written (the audit tail, the layout)
   * is never deferred: the next execution must find them.
   */
  deferIdleFlushes(): void {
    this.deferIdle = true;
  }

  /**
   * THE commit of what this execution staged and queued: the staged writes and the queued properties
   * as one journaled step (`applyStaged`), or the properties alone with one call; never deferred.
   */
  commit(): void {
    this.flushProperties({ afterCellWrites: true });
  }

  /**
   * Saves queued properties (a job's bookkeeping); in the hourly run, one that follows no cell write
   * waits for its final checkpoint (`deferIdleFlushes`). Staged writes are committed at once.
   */
  save(): void {
    this.flushProperties();
  }

  /**
   * Writes the queued properties with one call; with staged writes, makes them first as one journaled
   * step (`applyStaged`): every flush is a commit point.
   */
  flushProperties(options: { afterCellWrites?: boolean; final?: boolean } = {}): void {
    if (this.refused) throw this.refused;
    if (this.staged.length) {
      this.applyStaged();
      return;
    }
    if (this.deferIdle && !options.afterCellWrites && !options.final) return;
    this.flushQueued();
    this.deliverOwed();
  }

  private owed = false;
  private delivering = false;
  /** Inside applyStaged, between its property write and its last write: not yet the time to deliver. */
  private stepping = false;

  /** The commit being made queued outbox messages: deliver them once it is stored. */
  owesDelivery(): void {
    this.owed = true;
  }

  private deliverOwed(): void {
    if (!this.owed || this.stepping || this.delivering || this.recovering || !afterCommit) return;
    this.owed = false;
    this.delivering = true;
    try {
      afterCommit(this);
    } catch {
      // left in the outbox for a later execution
    } finally {
      this.delivering = false;
    }
  }

  private flushQueued(): void {
    if (this.layoutDirty && this.layoutValue)
      this.pending[LAYOUT_PROPERTY] = JSON.stringify(this.layoutValue);
    this.layoutDirty = false;
    if (!Object.keys(this.pending).length) return;
    this.wroteProperties = true;
    this.propertyStore().setProperties(this.pending);
    this.propertiesStored = true;
    this.props = { ...this.properties(), ...this.pending };
    this.pending = {};
  }

  private propertyStore(): GoogleAppsScript.Properties.Properties {
    if (!this.store) this.store = PropertiesService.getDocumentProperties();
    return this.store;
  }

  /**
   * A range of a sheet known by id and (cached) name: one call (Spreadsheet.getRange with the sheet's
   * name) instead of finding the sheet first; falls back to the id when the tab was renamed.
   */
  range(
    id: number,
    name: string,
    row: number,
    col: number,
    rows = 1,
    cols = 1,
  ): GoogleAppsScript.Spreadsheet.Range {
    const known = this.sheetCache.get(id);
    if (known) return known.getRange(row, col, rows, cols);
    const a1 = `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
    try {
      const range = this.ss.getRange(`'${name.replace(/'/g, "''")}'!${a1}`);
      if (range.getSheet().getSheetId() === id) return range;
    } catch {
      // renamed: find it by id below
    }
    const sheet = this.sheetById(id);
    if (!sheet) throw new Error(`A tracker sheet (${name}) is missing: run Set up tracker.`);
    return sheet.getRange(row, col, rows, cols);
  }

  /**
   * The document lock, taken once per execution (released when the execution ends). Properties read
   * before it may have been changed since by the execution that held it (the audit tail, the layout):
   * they are read again on next use. Take the lock first to save that second read.
   */
  lock(): void {
    if (this.locked) return;
    const lock = LockService.getDocumentLock();
    lock.waitLock(LOCK_WAIT_MS);
    this.locked = true;
    this.tailCells = null;
    this.seenTail = null;
    if (this.props) {
      this.props = null;
      // The layout as stored now, into the objects already handed out (tables keep their entry).
      const held = this.layoutValue;
      if (held && !this.layoutDirty) {
        const fresh = parseLayout(this.property(LAYOUT_PROPERTY));
        if (fresh) refreshLayoutInPlace(held, fresh);
      }
    }
  }

  private layoutDirty = false;

  /** The layout: cached, else discovered from the workbook (and cached at the next flush). */
  layout(): Layout {
    if (this.layoutValue) return this.layoutValue;
    const cached = parseLayout(this.property(LAYOUT_PROPERTY));
    if (cached) return (this.layoutValue = cached);
    return this.refreshLayout();
  }

  /** Re-reads the layout from the workbook (sheet metadata/names, column metadata, header rows). */
  refreshLayout(): Layout {
    this.layoutValue = discoverLayout(this.ss);
    this.layoutDirty = true;
    this.sheetCache.clear();
    return this.layoutValue;
  }

  /**
   * The layout set-up just built from what it read and wrote (no second look at the workbook), with
   * the handles it holds; cached at the next flush.
   */
  useLayout(layout: Layout, sheets: readonly Sheet[]): void {
    this.layoutValue = layout;
    this.layoutDirty = true;
    this.sheetCache.clear();
    for (const sheet of sheets) this.sheetCache.set(sheet.getSheetId(), sheet);
  }

  /**
   * The sheet `id` has only `maxRows` rows after all (a rows op near the cell limit added fewer than
   * planned): the layout cache is corrected with its own property write, at once.
   */
  correctMaxRows(id: number, maxRows: number): void {
    const layout = this.layout();
    for (const entry of Object.values(layout.sheets)) if (entry?.id === id) entry.maxRows = maxRows;
    if (layout.shadow?.id === id) layout.shadow.maxRows = maxRows;
    this.propertyStore().setProperties({ [LAYOUT_PROPERTY]: JSON.stringify(layout) });
    if (this.props) this.props[LAYOUT_PROPERTY] = JSON.stringify(layout);
  }

  markLayoutChanged(): void {
    this.layoutDirty = true;
  }

  /** The sheet with this id (cached handle), or null when it is gone. */
  sheetById(id: number): Sheet | null {
    if (!this.sheetCache.has(id)) this.sheetCache.set(id, this.ss.getSheetById(id));
    return this.sheetCache.get(id) ?? null;
  }

  /**
   * Every row of columns 1..`lastCol` of a sheet known by id and (cached) name: one getValues of an
   * open-ended range (A:J), so rows a person added since the layout was cached are read too.
   */
  columnValues(id: number, name: string, lastCol: number): unknown[][] {
    try {
      const range = this.ss.getRange(`'${name.replace(/'/g, "''")}'!A:${columnLetter(lastCol)}`);
      if (range.getSheet().getSheetId() === id) return range.getValues();
    } catch {
      // renamed: find it by id below
    }
    const sheet = this.sheetById(id);
    if (!sheet) throw new Error(`A tracker sheet (${name}) is missing: run Set up tracker.`);
    return sheet.getDataRange().getValues();
  }

  /** The tracker sheet `key`, or null when set-up has not created it. */
  sheet(key: SheetKey): Sheet | null {
    const entry = this.layout().sheets[key];
    if (!entry) return null;
    if (!this.sheetCache.has(entry.id)) {
      // The handle by the cached name (no call); by id when the tab was renamed.
      try {
        this.sheetCache.set(entry.id, this.range(entry.id, entry.name, 1, 1).getSheet());
      } catch {
        // gone: looked up again below
      }
    }
    const sheet = this.sheetById(entry.id);
    if (sheet) return sheet;
    const layout = this.refreshLayout().sheets[key];
    return layout ? this.sheetById(layout.id) : null;
  }

  /** Which tracker sheet a sheet id is (null: not one of ours). */
  keyOfSheet(id: number): SheetKey | null {
    const layout = this.layout();
    for (const [key, entry] of Object.entries(layout.sheets)) if (entry?.id === id) return key as SheetKey;
    return null;
  }
}

/** Copies `fresh` into `held`, keeping `held`'s sheet entries and shadow as the same objects. */
function refreshLayoutInPlace(held: Layout, fresh: Layout): void {
  const replace = <T extends object>(target: T, source: T): T => {
    for (const key of Object.keys(target))
      if (!(key in source)) delete (target as Record<string, unknown>)[key];
    return Object.assign(target, source);
  };
  for (const [key, entry] of Object.entries(fresh.sheets) as Array<[SheetKey, Layout['sheets'][SheetKey]]>) {
    const mine = held.sheets[key];
    held.sheets[key] = mine && entry ? replace(mine, entry) : entry;
  }
  held.shadow = held.shadow && fresh.shadow ? replace(held.shadow, fresh.shadow) : fresh.shadow;
}

/** Finds the tracker's sheets and columns in the workbook: a constant number of calls per sheet. */
export function discoverLayout(ss: Spreadsheet): Layout {
  const all = ss.getSheets();
  const tags = sheetTags(ss);
  const sheets = identifySheets(ss, tags, all);
  const metadata = columnMetadata(ss);
  const layout: Layout = { v: 1, sheets: {}, shadow: null };
  for (const [key, sheet] of sheets) {
    const width = sheet.getLastColumn();
    const headers = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
    const { cols, extras } = mapColumns(sheetDef(key), headers, metadata.get(sheet.getSheetId()));
    layout.sheets[key] = {
      id: sheet.getSheetId(),
      name: sheet.getName(),
      width: Math.max(width, ...Object.values(cols), 0),
      maxRows: sheet.getMaxRows(),
      cols,
      extras,
    };
  }
  const shadow = findShadowSheet(ss, tags, all);
  if (shadow) {
    const cols: Partial<Record<SheetKey, number>> = {};
    TRACKED_SHEETS.forEach((key, i) => (cols[key] = i + 1));
    layout.shadow = { id: shadow.getSheetId(), name: shadow.getName(), maxRows: shadow.getMaxRows(), cols };
  }
  return layout;
}

/** The hidden shadow sheet: by its tag, else by name. */
export function findShadowSheet(
  ss: Spreadsheet,
  tags: readonly SheetTag[] = sheetTags(ss),
  sheets: readonly Sheet[] = ss.getSheets(),
): Sheet | null {
  const tag = tags.find((t) => t.value === 'shadow' && sheets.some((s) => s.getSheetId() === t.sheetId));
  if (tag) return sheets.find((s) => s.getSheetId() === tag.sheetId) ?? null;
  return sheets.find((s) => s.getName() === SHADOW_SHEET_NAME) ?? null;
}
