/**
 * The service calls one execution of the hourly run may make of its own (issue 19: at most 15; the
 * e-mails and the partner-file requests it delivers are counted apart). Apps Script counts nothing
 * for us, so the run keeps a tally: its fixed part (the lock, the properties read, the journal check,
 * the checkpoint write; on the day's first execution the authorization check and the trigger's
 * account) plus what each job it ran declares (`DailyJob.calls`). A job
 * whose calls would pass the budget waits for the next hourly run (there are 24 a day).
 */
import type { TrackerDocument } from '../../sheets/document';
import type { DailyJob } from './daily-job';

export const EXECUTION_CALLS = 15;

/** Every execution: the lock, the one properties read, the checkpoint's property write. */
export const FIXED_CALLS = 3;
/**
 * The day's first execution besides: the authorization check and the trigger's account (not when
 * this trigger's is stored). The Settings sheet and the time zone are a day's job of their own
 * (workbook-check.ts).
 */
export const FIRST_RUN_CALLS = 2;

/** What `job` will cost this execution (0 when it declares it has nothing to do). */
export function jobCalls(job: DailyJob, doc: TrackerDocument): number {
  const calls = job.calls;
  if (calls === undefined) return 0;
  try {
    return typeof calls === 'number' ? calls : calls(doc);
  } catch {
    return 0; // the job reports its own failure when it runs
  }
}

export class CallBudget {
  private spent: number;

  constructor(
    fixed: number,
    readonly limit: number = EXECUTION_CALLS,
  ) {
    this.spent = fixed;
  }

  /** Whether `calls` more stay within the budget. */
  fits(calls: number): boolean {
    return this.spent + calls <= this.limit;
  }

  spend(calls: number): void {
    this.spent += calls;
  }

  /** The calls counted so far (the fixed part included). */
  used(): number {
    return this.spent;
  }
}

/** Each execution's budget, by its document: jobs that share a read with a later job ask it (views-due.ts). */
const budgets = new WeakMap<object, CallBudget>();

export function keepBudget(doc: TrackerDocument, budget: CallBudget): void {
  budgets.set(doc, budget);
}

/** Whether the execution of `doc` can still hold `calls` more (true outside the hourly run: no budget). */
export function budgetHolds(doc: TrackerDocument, calls: number): boolean {
  return budgets.get(doc)?.fits(calls) ?? true;
}

/** Whether `doc` is the hourly run's and its budget can still hold `calls` more (false elsewhere). */
export function scheduledRunHolds(doc: TrackerDocument, calls: number): boolean {
  return budgets.get(doc)?.fits(calls) ?? false;
}
