/**
 * What a scheduled job is (triggers/daily.ts runs the list of them; a feature's job implements this
 * without importing the runner).
 */
import type { TrackerDocument } from '../../sheets/document';
import type { AppContext } from '../context';

export interface JobStep {
  /** Where the job stopped last time (null: start). */
  cursor: string | null;
  /** Milliseconds left before the run must checkpoint and stop. */
  timeLeftMs(): number;
  /**
   * Called by a job just before a commit after which it returns no continuation (its last write):
   * the run's checkpoint, as it will be once the job is done, is queued to ride that commit's
   * property write (its journal's), so the run has nothing left to write after it (one call fewer).
   * Should the execution die after that write, the next one finishes the commit from its journal:
   * the job is done, as the checkpoint says. Unset outside the hourly run.
   */
  lastCommit?(): void;
  /**
   * The same for a commit after which the job returns `{ continueFrom: cursor }` (its last write of
   * this execution): the checkpoint with that cursor rides the commit's property write. Unset
   * outside the hourly run.
   */
  continueCommit?(cursor: string): void;
}

/** What a resumable job returns when it stopped before the end. */
export interface JobContinuation {
  continueFrom: string;
}

export interface DailyJob {
  name: string;
  run(ctx: AppContext, step: JobStep): unknown;
  /**
   * Runs in an execution of its own: a run that already did other jobs stops before it (checkpoint
   * saved) and the next hourly run starts with it (the Dashboard refresh: the day's jobs and it each
   * stay within one execution's call budget).
   */
  ownRun?: boolean;
  /**
   * Reads a big table (Leads, Commissions) when it has work: at most one such job per execution,
   * so each hourly execution stays within the daily run's call, CPU and heap budget (a job that
   * wrote also ends the execution's day's work).
   */
  heavy?: boolean;
  /**
   * An hourly job (triggers/hourly.ts) that re-reads the big tables: 'next run' skips it in an
   * execution where a day's job wrote or ran alone (the next hourly run does it, seeing the moved
   * audit tail); 'next run after a write' only where a day's job wrote (the registration form).
   */
  afterWrites?: 'next run' | 'next run after a write';
  /**
   * The service calls of its own it makes when it has work (its reads and its commit, as the bench
   * traces show them), or what the document tells without a call (0 when it has nothing to do). The
   * hourly run starts it only in an execution whose calls so far plus these stay within its call
   * budget (call-budget.ts); otherwise the next hourly run does it. Unset: none worth counting.
   */
  calls?: number | ((doc: TrackerDocument) => number);
  /**
   * The calls its commit adds when it writes audited rows (the audit tail moved), beyond `calls`
   * (which counts a day when it writes none): spent once it ran, so the hourly jobs after it see them.
   */
  writeCalls?: number;
}
