/**
 * Continuing set-up: adopts the next chunks of rows set-up left (its checkpoint, see adopt.ts) within
 * a time budget. Called by the progress dialog in a loop (`continueSetup`), by Set up tracker when
 * run again while rows are pending, and by the hourly trigger (the first of the daily jobs) when the
 * dialog was closed.
 */
import type { SetupProgress } from '../../shared/api';
import { sessionActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import { freshDocumentProperty } from '../../sheets/setup/chunk';
import { ensureTriggers, triggerMemory } from '../../sheets/triggers';
import { UNKNOWN_USER } from '../../domain/audit/entry';
import { assertOwner } from '../../sheets/team';
import type { Actor } from '../../sheets/writer';
import { AppContext } from '../context';
import type { DailyJob, JobContinuation, JobStep } from '../triggers/daily-job';
import { adoptRows } from './adopt';
import {
  ADOPTION_LIMITS_PROPERTY,
  ADOPTION_PROPERTY,
  adoptionLimits,
  count,
  parseAdoption,
} from './adoption-state';

export type { SetupProgress };

/**
 * The progress dialog's call: the next chunks, as the person at the keyboard (the owner, who ran
 * Set up tracker: the last chunk installs the triggers, which run as their creator).
 */
export function continueSetup(
  doc: TrackerDocument = new TrackerDocument(undefined, { writes: true }),
): SetupProgress {
  const actor = sessionActor();
  assertOwner(doc, actor.email === UNKNOWN_USER ? '' : actor.email);
  new AppContext(doc, actor, 'setup').authorize();
  return continueAdoption(doc, actor);
}

/**
 * Adopts chunks from the checkpoint within the budget (the caller holds the document lock). `text`:
 * the checkpoint as read after the lock (default: the document's properties, read after it).
 */
export function continueAdoption(
  doc: TrackerDocument,
  actor: Actor,
  timeLeftMs?: () => number,
  text: string | null = doc.property(ADOPTION_PROPERTY),
): SetupProgress {
  const startedAt = Date.now();
  const limits = adoptionLimits(doc.property(ADOPTION_LIMITS_PROPERTY));
  const state = parseAdoption(text);
  if (!state)
    return {
      finished: true,
      done: 0,
      total: 0,
      idsGiven: 0,
      invalidRows: [],
      idsGivenInAll: 0,
      invalidInAll: 0,
      triggersInstalled: [],
      message: 'Set-up is done: no rows are waiting to be adopted.',
    };
  const run = adoptRows(doc, state, {
    actor,
    limits,
    timeLeftMs: timeLeftMs ?? (() => limits.budgetMs - (Date.now() - startedAt)),
  });
  const triggers =
    run.finished && state.triggers
      ? ensureTriggers(doc.ss, ['edit', 'change'], triggerMemory(doc))
      : { installed: [], problems: [] };
  doc.commit();
  const progress: SetupProgress = {
    finished: run.finished,
    done: state.done,
    total: state.total,
    idsGiven: run.idsGiven,
    invalidRows: run.invalidRows,
    idsGivenInAll: state.idsGiven,
    invalidInAll: state.invalidCount,
    triggersInstalled: triggers.installed,
    triggerProblems: triggers.problems,
    message: '',
  };
  progress.message = progressMessage(progress);
  return progress;
}

export function progressMessage(p: SetupProgress): string {
  if (!p.finished)
    return `Adopting your existing rows: ${count(p.done)} of ${count(p.total)} so far. Keep this dialog open, or it continues within the hour.`;
  const parts = [`adopted ${count(p.total)} existing row(s)`];
  if (p.idsGivenInAll) parts.push(`gave ids to ${count(p.idsGivenInAll)} row(s)`);
  if (p.invalidInAll) parts.push(`${count(p.invalidInAll)} row(s) need attention (highlighted)`);
  if (p.triggersInstalled.length) parts.push(`installed triggers ${p.triggersInstalled.join(', ')}`);
  const problems = p.triggerProblems?.length ? ` ${p.triggerProblems.join(' ')}` : '';
  return `Set-up done: ${parts.join('; ')}.${problems}`;
}

/**
 * The hourly trigger's part: continues a pending adoption within the run's time (first of the daily
 * jobs). The checkpoint is read again after the lock: a dialog may have moved it meanwhile.
 */
export const SETUP_ADOPTION_JOB: DailyJob = {
  name: 'set-up adoption',
  run(ctx: AppContext, step: JobStep): JobContinuation | { adopted: number } {
    // Nothing pending as this run read the properties: no lock, no call (the usual case).
    if (!parseAdoption(ctx.doc.property(ADOPTION_PROPERTY))) return { adopted: 0 };
    const text = freshDocumentProperty(ADOPTION_PROPERTY);
    if (!parseAdoption(text)) return { adopted: 0 };
    const progress = continueAdoption(ctx.doc, ctx.actor, () => step.timeLeftMs(), text);
    return progress.finished
      ? { adopted: progress.total }
      : { continueFrom: `${progress.done}/${progress.total}` };
  },
};
