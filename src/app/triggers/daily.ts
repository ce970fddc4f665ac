/**
 * The daily time-driven trigger runs these jobs in order. A feature adds its job to DAILY_JOBS
 * (leads: expiry; commissions: the reconcile). Each job gets its own context (source "trigger"); its
 * failure is reported and does not stop the jobs after it.
 */
import { triggerActor } from '../../sheets/actor';
import { TrackerDocument } from '../../sheets/document';
import { rotateAuditLog } from '../audit/rotate';
import { AppContext } from '../context';

export interface DailyJob {
  name: string;
  run(ctx: AppContext): unknown;
}

export const DAILY_JOBS: DailyJob[] = [{ name: 'audit rotation', run: rotateAuditLog }];

export interface DailyRunReport {
  jobs: Array<{ name: string; ok: boolean; result?: unknown; error?: string }>;
}

export function runDailyJobs(jobs: readonly DailyJob[] = DAILY_JOBS): DailyRunReport {
  const doc = new TrackerDocument();
  const actor = triggerActor();
  const report: DailyRunReport = { jobs: [] };
  for (const job of jobs) {
    try {
      const result = job.run(new AppContext(doc, actor, 'trigger'));
      report.jobs.push({ name: job.name, ok: true, result });
    } catch (err) {
      report.jobs.push({
        name: job.name,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return report;
}
