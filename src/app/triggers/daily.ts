/**
 * The scheduled jobs (lead expiry, the commission reconcile, audit rotation, ...), run by ONE hourly
 * time-driven trigger: an editor add-on may have one time-driven trigger per user per document, at
 * most hourly, so a second one-shot trigger to continue an unfinished run would be refused.
 *
 * Each hourly run (`runScheduledJobs`):
 * - continues the saved checkpoint if there is one (the day's jobs did not finish last time);
 * - otherwise starts the day's jobs once per day (UTC day), and does nothing on the other runs.
 * Each execution keeps a tally of its own service calls (call-budget.ts: its fixed part plus what
 * each job declares, `DailyJob.calls`): a day's job or an hourly job it cannot hold within 15 waits
 * for the next hourly run. Each execution also does at most one heavy step, so that each stays within
 * the daily run's budget (at most 15 service calls of its own, 2 s of script CPU): a job that wrote ends the day's work for
 * this execution, at most one job marked `heavy` (it reads Leads or Commissions) runs per execution,
 * a job marked `ownRun` runs alone, and the partner views (after a job that wrote or ran alone) and
 * the registration form (after a job that wrote) wait for the next hour; the next hourly run continues with the next job. Every execution takes the time zone as stored (the
 * workbook check asks it once a day), a continued one the trigger's account an earlier one of the day
 * asked (no call for either). A day's
 * jobs are thus spread over a few of the day's hourly runs (which fire anyway).
 * Before each job (and inside a resumable job, between its parts) it checks the time the execution
 * has used; past the budget (4.5 of the 6 minutes) it saves a checkpoint (the day, the next job, the
 * job's cursor) in the document properties and stops; the next hourly run continues from there. The
 * checkpoint is saved once per run (at the end, or when the budget stops it): a run cut short by the
 * platform repeats the day's jobs from the last checkpoint, which is safe because jobs are idempotent
 * (expiry and the reconcile apply only differences; delivery sends what is still queued).
 *
 * A feature adds its job to DAILY_JOBS. A job that can outgrow one execution takes the `step`
 * argument: it starts at `step.cursor` (null the first time), stops when `step.timeLeftMs()` runs low,
 * and returns `{ continueFrom: cursor }` to be called again in the next run; anything else it returns
 * means done. Each job gets its own context (source "trigger") over the tables the run shares; its
 * failure is reported and does not stop the jobs after it.
 */
import { triggerActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import type { SheetKey } from '../../sheets/schema';
import { Table } from '../../sheets/table';
import { forgetColumns } from '../../sheets/shadow-sheet';
import { TRIGGER_HANDLERS } from '../../sheets/triggers';
import { AUDIT_TAIL_PROPERTY } from '../../sheets/audit-sheet';
import { checkAuthorization } from '../../sheets/authorization';
import type { Actor } from '../../sheets/writer';
import { AUDIT_LOG_ROOM_JOB } from '../audit/log-room';
import { rotateAuditLog } from '../audit/rotate';
import { COMMISSIONS_DAILY_JOB } from '../commissions/daily-ledger';
import { AppContext } from '../context';
import { runLeadExpiry } from '../leads/expiry';
import { runNotificationDelivery } from '../notifications/daily';
import { SETUP_ADOPTION_JOB } from '../setup/continue-setup';
import { SLACK_DIGEST_JOB } from '../slack/digest';
import { runHubSpotSync } from '../hubspot/sync';
import { retryOutbox } from '../webhooks/deliver';
import { JOURNAL_PROPERTY } from '../../sheets/journal';
import { leadExpiryCalls } from '../leads/lead-index-upkeep';
import { CallBudget, FIRST_RUN_CALLS, FIXED_CALLS, jobCalls, keepBudget } from './call-budget';
import type { DailyJob, JobContinuation, JobStep } from './daily-job';
import { WORKBOOK_CHECK_JOB, checkWorkbook, workbookCheckDue } from './workbook-check';
import { HOURLY_JOBS } from './hourly';
import { STATEMENTS_JOB } from '../partners/statements';
import { DASHBOARD_DAILY_JOB } from '../dashboard/jobs';
import { runTiering, tieringOn } from '../partners/tiering';
import { runWarehouseStep } from '../warehouse/hourly';
import type { WarehouseRunReport } from '../../shared/warehouse';

/*
 * `calls`: each job's own service calls when it has work, as the bench traces show them at 1k to
 * 100k leads (call-budget.ts): a job starts only in an execution that can hold them.
 */
export const DAILY_JOBS: DailyJob[] = [
  // First: the rows set-up left to adopt (when its progress dialog was closed); nothing otherwise.
  SETUP_ADOPTION_JOB,
  { name: 'audit rotation', run: rotateAuditLog },
  // Empty rows below the log's last entry for the day's appends, when it has too few (log-room.ts).
  AUDIT_LOG_ROOM_JOB,
  // The index's reads and its fold, when due (lead-index-upkeep.ts). Expired rows: their visible
  // read-back (up to 2 blocks), the log's tail, the journal's spill, the rows' and their shadow's
  // writes (up to 2 each) and the audit append; that commit ends the execution's day's work.
  { name: 'lead expiry', run: runLeadExpiry, heavy: true, calls: leadExpiryCalls, writeCalls: 7 },
  // Its reads (4 to 6) and its commit (5 to 8).
  { ...COMMISSIONS_DAILY_JOB, calls: 11 },
  SLACK_DIGEST_JOB,
  // The partners' monthly statements (on the 1st; owed ones within the day's mail quota).
  STATEMENTS_JOB,
  // Off: nothing (the setting is in the properties read). On: the memo, the Leads shadow column, the
  // guard, Partners and a read-back (5) and its commit (up to 7), as the 100k trace shows.
  { name: 'tiering', run: runTiering, heavy: true, calls: (doc) => (tieringOn(doc) ? 12 : 0) },
  // The Settings sheet and the time zone, once a day (what no trigger reports): late, in an
  // execution with room for its two calls.
  WORKBOOK_CHECK_JOB,
  // The queued leads' rows and the partners, the mail quota. What it sent is stored by the run's
  // final property write, which follows at once.
  { name: 'notifications', run: runNotificationDelivery, calls: 5 },
  // Last, in the next hourly run of its own: the Dashboard shows what the jobs above changed.
  { ...DASHBOARD_DAILY_JOB, calls: 11 },
];

/** The hourly trigger's handler (src/index.ts exports it under this name; installed by sheets/triggers.ts). */
export const SCHEDULED_HANDLER = TRIGGER_HANDLERS.hourly;

/** Document property holding the checkpoint and the last finished day. */
export const SCHEDULE_PROPERTY = 'tracker.schedule';

/** Work stops being started after this much of the 6-minute execution limit. */
export const RUN_BUDGET_MS = 270_000;

export interface JobReport {
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface DailyRunReport {
  jobs: JobReport[];
}

export interface ScheduleState {
  /** The last UTC day whose jobs all finished. */
  lastDay: string | null;
  /** The jobs that day finished, in order (each once). */
  lastDone?: string[];
  /** The unfinished day's checkpoint. */
  pending: {
    day: string;
    /** Index in DAILY_JOBS of the next job to run (or to continue). */
    next: number;
    cursor: string | null;
    /** Runs spent on this day so far. */
    runs: number;
    /** Jobs finished this day, in order (a job is listed once). */
    done: string[];
  } | null;
}

export interface ScheduledRunReport extends DailyRunReport {
  /** paused: the owner has not granted a scope the jobs need; nothing was run (see below). */
  action: 'idle' | 'started' | 'continued' | 'paused';
  /** The scopes missing when paused. */
  missingScopes?: string[];
  day: string | null;
  /** True when the day's jobs are all done after this run. */
  finished: boolean;
  /** Where the run stopped (the job it will continue), when it did not finish. */
  stoppedAt?: { job: string; cursor: string | null };
  /** The hourly jobs (triggers/hourly.ts) that had work this run. */
  hourly?: JobReport[];
  /** The hourly jobs that waited for the next hour: this execution's calls could not hold them. */
  deferred?: string[];
  /** This execution's own calls as its budget counted them (call-budget.ts). */
  calls?: number;
  /** The warehouse step (every hour, when the warehouse is on). */
  warehouse?: WarehouseRunReport;
}

function isContinuation(value: unknown): value is JobContinuation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { continueFrom?: unknown }).continueFrom === 'string'
  );
}

export function parseScheduleState(text: string | null): ScheduleState {
  if (!text) return { lastDay: null, pending: null };
  try {
    const parsed = JSON.parse(text) as Partial<ScheduleState>;
    return {
      lastDay: parsed.lastDay ?? null,
      lastDone: parsed.lastDone,
      pending: parsed.pending ?? null,
    };
  } catch {
    return { lastDay: null, pending: null };
  }
}

/**
 * The trigger's account as an execution asked it (kept with its property write), and the id of the
 * trigger it ran for: a trigger runs as the account that created it, for as long as it exists, so a
 * later execution of the SAME trigger (its event's triggerUid) takes the account from there instead
 * of asking (the daily run's call budget); so do the day's later executions started another way.
 */
export const TRIGGER_ACTOR_PROPERTY = 'tracker.triggerActor';
export const TRIGGER_ACTOR_UID_PROPERTY = 'tracker.triggerActorUid';

/**
 * The trigger's account, asked once per run (one Session call) and only when a job reads it: the
 * actor's fields are read when a job writes (its audit entries), so a quiet day asks nothing.
 */
function onceActor(doc?: TrackerDocument, lastSeen = false, triggerUid?: string): () => Actor {
  let actor: Actor | null = null;
  const ask = (): Actor => {
    const known = lastSeen ? doc?.property(TRIGGER_ACTOR_PROPERTY) : null;
    if (known) return { email: known };
    const asked = triggerActor();
    if (doc && !asked.note) {
      if (doc.property(TRIGGER_ACTOR_PROPERTY) !== asked.email)
        doc.setProperty(TRIGGER_ACTOR_PROPERTY, asked.email);
      if (triggerUid && doc.property(TRIGGER_ACTOR_UID_PROPERTY) !== triggerUid)
        doc.setProperty(TRIGGER_ACTOR_UID_PROPERTY, triggerUid);
    }
    return asked;
  };
  const resolve = () => (actor ??= ask());
  const lazy: Actor = {
    get email() {
      return resolve().email;
    },
    get note() {
      return resolve().note;
    },
  };
  return () => lazy;
}

/**
 * The tables the jobs of one run share: each sheet is read once per run, whichever jobs need it (a
 * job's commit leaves its tables as written). A failed job may leave changes in memory it did not
 * write: the next job then starts from fresh reads.
 */
interface RunTables {
  tables: Map<SheetKey, Table>;
}

function runJob(
  doc: TrackerDocument,
  actor: () => Actor,
  job: DailyJob,
  step: JobStep,
  shared: RunTables,
): JobReport & { continueFrom?: string } {
  try {
    const result = job.run(new AppContext(doc, actor(), 'trigger', new Date(), shared.tables), step);
    if (isContinuation(result)) return { name: job.name, ok: true, continueFrom: result.continueFrom };
    return { name: job.name, ok: true, result };
  } catch (err) {
    shared.tables = new Map();
    forgetColumns(doc);
    return {
      name: job.name,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

/**
 * One hourly run: continues the checkpoint, or starts today's jobs once, within `budgetMs` of this
 * execution's time (each run makes progress: the first job or part is always run).
 */
/**
 * What runs every hour after the day's jobs (or when none is due), on the run's own document (no
 * second lock or property read): a task costs nothing when it has nothing to do. Its failure is its
 * own (it keeps its state for the next hour) and never fails the run. Not run when the run paused
 * for a missing scope.
 */
export const HOURLY_TASKS: ReadonlyArray<(doc: TrackerDocument) => void> = [
  // First: the deals it closes are announced by their commit, and delivered with the rest below.
  (doc) => runHubSpotSync(doc),
  (doc) => retryOutbox(doc),
];

export function runScheduledJobs(
  jobs: readonly DailyJob[] = DAILY_JOBS,
  budgetMs: number = RUN_BUDGET_MS,
  triggerUid?: string,
): ScheduledRunReport {
  // The lock first: the properties (schedule, audit tail, layout) are then read once, and current.
  const doc = new TrackerDocument(undefined, { writes: true });
  const report = runTheDay(doc, jobs, budgetMs, triggerUid);
  if (report.action !== 'paused')
    for (const task of HOURLY_TASKS) {
      try {
        task(doc);
      } catch {
        // the task keeps its own state for the next hour
      }
    }
  return report;
}

function runTheDay(
  doc: TrackerDocument,
  jobs: readonly DailyJob[],
  budgetMs: number,
  triggerUid?: string,
): ScheduledRunReport {
  const startedAt = Date.now();
  const timeLeftMs = () => budgetMs - (Date.now() - startedAt);
  // The jobs' property writes that follow no cell write go out with the checkpoint (save), at the end.
  doc.deferIdleFlushes();
  doc.preferFewCalls();
  const state = parseScheduleState(doc.property(SCHEDULE_PROPERTY));
  const journalLeft = Boolean(doc.property(JOURNAL_PROPERTY));
  const today = new Date(startedAt).toISOString().slice(0, 10);
  // A run that continues a day's jobs takes the trigger's account an earlier run of that day asked
  // (document properties): no call (the daily run's call budget per execution; the day's first run
  // asks it again unless this trigger's is stored). Continuing: today's jobs, or a job an earlier
  // day's run stopped mid-way (its cursor kept: the day is finished before a new one starts).
  const continuing = Boolean(state.pending && (state.pending.day === today || state.pending.cursor !== null));
  // The time zone as stored: asked once a day by the workbook check (workbook-check.ts), no call here.
  doc.days(true);
  // Every hour, before the day's jobs: the BigQuery mirror, when it is on (app/warehouse/mirror.ts).
  const warehouse = runWarehouseStep(doc, timeLeftMs);
  let pending = state.pending;
  // A day whose unfinished jobs were not started (no job stopped mid-way) is dropped when a new day
  // has come: today's run does them all again, on today's data (a day's jobs are spread over a few
  // hourly runs, one heavy step each; a new day must not wait for yesterday's rest).
  if (pending && pending.day !== today && pending.cursor === null) {
    state.lastDay = pending.day;
    state.lastDone = pending.done;
    pending = null;
  }
  const action = pending ? 'continued' : 'started';
  if (!pending) {
    if (state.lastDay === today) {
      const idle: ScheduledRunReport = { action: 'idle', day: null, finished: true, jobs: [], ...warehouse };
      doc.clearJournalWithNextWrite(true);
      const shared: RunTables = { tables: new Map() };
      // The Settings sheet and the time zone, once half a day passed since the last look: here, where
      // no budget binds (and as a day's job: workbook-check.ts).
      if (workbookCheckDue(doc, startedAt)) checkWorkbook(doc, startedAt, shared.tables);
      runHourlyJobs(doc, onceActor(), shared, timeLeftMs, idle, 'none', null);
      doc.clearJournalWithNextWrite(false);
      doc.commit();
      return idle;
    }
    pending = { day: today, next: 0, cursor: null, runs: 0, done: [] };
  }
  // Work is due: a trigger runs without prompting and would fail at the first call that needs a
  // scope the owner has not granted, every hour. It stops quietly instead (nothing written, the
  // checkpoint left as it was); the menu and Help > Run self-test tell the owner what is missing.
  // A run continuing a day's jobs does not ask again: the day's checkpoint exists only because an
  // earlier run found every scope granted (a scope taken away since fails that job, reported).
  const { missing } = continuing ? { missing: [] as string[] } : checkAuthorization('trigger');
  if (missing.length)
    return {
      action: 'paused',
      day: pending.day,
      finished: false,
      jobs: [],
      missingScopes: missing,
      ...warehouse,
    };
  pending.runs++;
  // Every path from here ends with the checkpoint's property write (save): it empties the journal of
  // a commit that had no audit append (no delete of its own).
  doc.clearJournalWithNextWrite(true);
  // This execution's own calls (call-budget.ts): the fixed part, the journal check its properties
  // read made (the log rows the last commit's append ends at), and on the day's first execution the
  // authorization and the account; each job adds what it declares.
  // The trigger's account is known when an earlier execution of this same trigger asked it.
  const accountKnown =
    continuing ||
    (Boolean(triggerUid) &&
      doc.property(TRIGGER_ACTOR_UID_PROPERTY) === triggerUid &&
      Boolean(doc.property(TRIGGER_ACTOR_PROPERTY)));
  const firstRunCalls = continuing ? 0 : FIRST_RUN_CALLS - (accountKnown ? 1 : 0);
  const budget = new CallBudget(FIXED_CALLS + (journalLeft ? 1 : 0) + firstRunCalls);
  keepBudget(doc, budget);
  const report: ScheduledRunReport = {
    action,
    day: pending.day,
    finished: false,
    jobs: [],
    ...warehouse,
  };
  // The checkpoint (written when it changed, with whatever else the jobs queued).
  const save = () => {
    report.calls = budget.used();
    const text = JSON.stringify(state);
    if (doc.property(SCHEDULE_PROPERTY) !== text) doc.setProperty(SCHEDULE_PROPERTY, text);
    doc.clearJournalWithNextWrite(false);
    doc.commit();
  };
  state.pending = pending;
  // The checkpoint as it will be after the job's next commit (`change`), queued to ride that commit's
  // property write (JobStep.lastCommit, continueCommit).
  const rideCheckpoint = (change: (after: ScheduleState) => void) => {
    const after = JSON.parse(JSON.stringify(state)) as ScheduleState;
    change(after);
    doc.setProperty(SCHEDULE_PROPERTY, JSON.stringify(after));
  };
  const actor = onceActor(doc, accountKnown, triggerUid);
  const shared: RunTables = { tables: new Map() };
  let progressed = false;
  const tailAtStart = auditTail(doc);
  let heavyRan = false;
  let aloneRan = false;
  let ended = false;
  // The hourly jobs marked to wait (afterWrites): all of them after a day's job that wrote, those
  // that re-read the big tables after one that ran alone.
  const hold = (wrote: boolean): Hold => (wrote ? 'all' : aloneRan ? 'readers' : 'none');
  while (pending.next < jobs.length) {
    const job = jobs[pending.next];
    // One writing job per execution: a job that wrote (its commit moved the audit tail) ends the
    // day's work for this hour, and the next hourly run continues with the next job. Each execution
    // then stays within the daily run's call and CPU budget (one commit's reads and writes).
    // At most one heavy job per execution (light jobs may come before and after it).
    const wrote = auditTail(doc) !== tailAtStart;
    const heavy = job.heavy === true;
    // A job whose calls the execution cannot hold waits for the next hourly run (a job continued in
    // this execution counted its calls already: its next part waits too).
    const calls = jobCalls(job, doc);
    if (
      progressed &&
      (timeLeftMs() <= 0 || job.ownRun || wrote || ended || (heavy && heavyRan) || !budget.fits(calls))
    ) {
      report.stoppedAt = { job: job.name, cursor: pending.cursor };
      // stopped for a job that runs alone, after a write or for calls (not for time): this hour's
      // own jobs run, as many as the execution's calls allow
      if (timeLeftMs() > 0) runHourlyJobs(doc, actor, shared, timeLeftMs, report, hold(wrote), budget);
      save();
      return report;
    }
    progressed = true;
    heavyRan ||= heavy;
    aloneRan ||= job.ownRun === true;
    budget.spend(calls);
    const tailBefore = auditTail(doc);
    const outcome = runJob(
      doc,
      actor,
      job,
      {
        cursor: pending.cursor,
        timeLeftMs,
        lastCommit: () => rideCheckpoint((after) => finishJob(after, after.pending!, job.name, jobs.length)),
        continueCommit: (cursor) =>
          rideCheckpoint((after) => {
            after.pending!.cursor = cursor;
          }),
      },
      shared,
    );
    if (job.writeCalls && auditTail(doc) !== tailBefore) budget.spend(job.writeCalls);
    // A job that made rows (the Audit Log's room) ends the day's work here, as one that wrote does.
    ended ||= (outcome.result as { endsRun?: boolean } | undefined)?.endsRun === true;
    if (outcome.continueFrom !== undefined) {
      pending.cursor = outcome.continueFrom;
      report.jobs.push({
        name: job.name,
        ok: true,
        result: { continueFrom: outcome.continueFrom },
      });
      if (timeLeftMs() <= 0) {
        report.stoppedAt = { job: job.name, cursor: pending.cursor };
        save();
        return report;
      }
      continue;
    }
    const { continueFrom: _unused, ...done } = outcome;
    report.jobs.push(done);
    finishJob(state, pending, job.name, jobs.length);
  }
  state.lastDay = pending.day;
  state.lastDone = pending.done;
  state.pending = null;
  runHourlyJobs(doc, actor, shared, timeLeftMs, report, hold(auditTail(doc) !== tailAtStart), budget);
  save();
  report.finished = true;
  return report;
}

type PendingDay = NonNullable<ScheduleState['pending']>;

/** The day's checkpoint once the job `name` is done (the day's last: the day finished). */
function finishJob(state: ScheduleState, pending: PendingDay, name: string, total: number): void {
  pending.done.push(name);
  pending.next++;
  pending.cursor = null;
  if (pending.next < total) return;
  state.lastDay = pending.day;
  state.lastDone = pending.done;
  state.pending = null;
}

/** Which hourly jobs wait for the next hour (runHourlyJobs, DailyJob.afterWrites). */
type Hold = 'none' | 'readers' | 'all';

/**
 * The hourly jobs, each with its own context over the run's tables; a job that had nothing to do
 * (it returns `{ idle: true }`) is not reported. In an execution of the day's jobs (`budget`), a
 * job whose calls it cannot hold waits for the next hourly run; an execution with no day's job runs
 * them all.
 */
function runHourlyJobs(
  doc: TrackerDocument,
  actor: () => Actor,
  shared: RunTables,
  timeLeftMs: () => number,
  report: ScheduledRunReport,
  hold: Hold,
  budget: CallBudget | null,
): void {
  for (const job of HOURLY_JOBS) {
    // After a day's job wrote (or ran alone: see `hold`), the jobs marked to wait (the partner views,
    // which re-read the big tables; the registration form, which may commit registrations) do so for
    // the next hourly run (which sees the moved audit tail): one execution, one heavy step.
    if (job.afterWrites && (hold === 'all' || (hold === 'readers' && job.afterWrites === 'next run')))
      continue;
    const calls = budget ? jobCalls(job, doc) : 0;
    if (budget && !budget.fits(calls)) {
      (report.deferred ??= []).push(job.name);
      continue;
    }
    budget?.spend(calls);
    const { continueFrom: _unused, ...outcome } = runJob(
      doc,
      actor,
      job,
      { cursor: null, timeLeftMs },
      shared,
    );
    if ((outcome.result as { idle?: boolean } | undefined)?.idle === true) continue;
    (report.hourly ??= []).push(outcome);
  }
}

/** The audit tail as this execution knows it (moved by every commit that wrote). */
function auditTail(doc: TrackerDocument): string {
  return doc.property(AUDIT_TAIL_PROPERTY) ?? '';
}

/** All jobs at once, ignoring the schedule and the budget (a menu item, tests, the playground). */
export function runDailyJobs(jobs: readonly DailyJob[] = DAILY_JOBS): DailyRunReport {
  const doc = new TrackerDocument(undefined, { writes: true });
  const report: DailyRunReport = { jobs: [] };
  const actor = onceActor();
  const shared: RunTables = { tables: new Map() };
  for (const job of jobs) {
    let cursor: string | null = null;
    for (;;) {
      const outcome = runJob(
        doc,
        actor,
        job,
        {
          cursor,
          timeLeftMs: () => Number.POSITIVE_INFINITY,
        },
        shared,
      );
      if (outcome.continueFrom === undefined) {
        const { continueFrom: _unused, ...done } = outcome;
        report.jobs.push(done);
        break;
      }
      cursor = outcome.continueFrom;
    }
  }
  return report;
}
