/**
 * The door to BigQuery (the advanced service `BigQuery`, enabled in appsscript.json): datasets, load
 * jobs from a blob of newline-delimited JSON, and queries. Errors come back as Apps Script throws
 * them ("API call to bigquery.jobs.insert failed with error: ...").
 * https://developers.google.com/apps-script/advanced/bigquery
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs
 */
import type { WarehouseColumn } from '../../domain/warehouse/records';

function service(): GoogleAppsScript.BigQuery {
  if (typeof BigQuery === 'undefined' || !BigQuery)
    throw new Error('The BigQuery service is not enabled in this script (appsscript.json).');
  return BigQuery;
}

/** The dataset, created when it is not there; true when it was created. */
export function ensureDataset(projectId: string, datasetId: string): boolean {
  const bq = service();
  try {
    bq.Datasets!.get(projectId, datasetId);
    return false;
  } catch (err) {
    if (!/Not found: Dataset/.test(String((err as Error)?.message ?? err))) throw err;
  }
  bq.Datasets!.insert({ datasetReference: { projectId, datasetId } }, projectId);
  return true;
}

/** Creates a table with its schema; false when it exists already (BigQuery: "Already Exists: Table"). */
export function createTable(
  projectId: string,
  datasetId: string,
  tableId: string,
  fields: readonly WarehouseColumn[],
): boolean {
  try {
    service().Tables!.insert(
      {
        tableReference: { projectId, datasetId, tableId },
        schema: { fields: fields.map((f) => ({ name: f.name, type: f.type, mode: 'NULLABLE' })) },
      },
      projectId,
      datasetId,
    );
    return true;
  } catch (err) {
    if (/Already Exists: Table/.test(String((err as Error)?.message ?? err))) return false;
    throw err;
  }
}

export interface LoadOutcome {
  jobId: string;
  /** BigQuery's error for a failed job (null: DONE without error, or not done yet). */
  error: string | null;
  done: boolean;
  /** The job id existed already (a repeated load). */
  existed: boolean;
}

/** Starts a load job appending `lines` to the table (created with `fields` when missing). */
export function startLoad(
  projectId: string,
  datasetId: string,
  tableId: string,
  jobId: string,
  fields: readonly WarehouseColumn[],
  lines: readonly string[],
): LoadOutcome {
  const bq = service();
  const job: GoogleAppsScript.BigQuery.Schema.Job = {
    jobReference: { projectId, jobId },
    configuration: {
      load: {
        destinationTable: { projectId, datasetId, tableId },
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        createDisposition: 'CREATE_IF_NEEDED',
        writeDisposition: 'WRITE_APPEND',
        schema: { fields: fields.map((f) => ({ name: f.name, type: f.type, mode: 'NULLABLE' })) },
      },
    },
  };
  const blob = Utilities.newBlob(lines.join('\n'), 'application/octet-stream');
  try {
    const started = bq.Jobs!.insert(job, projectId, blob);
    return outcomeOf(jobId, started, false);
  } catch (err) {
    if (!/Already Exists: Job/.test(String((err as Error)?.message ?? err))) throw err;
    return { ...jobStatus(projectId, jobId), existed: true };
  }
}

function outcomeOf(jobId: string, job: GoogleAppsScript.BigQuery.Schema.Job, existed: boolean): LoadOutcome {
  const done = job.status?.state === 'DONE';
  const error = job.status?.errorResult?.message ?? null;
  return { jobId, done, error: error ? String(error) : null, existed };
}

/**
 * Waits for the jobs to finish (Jobs.get each, sleeping between rounds, doubling from 250 ms) while
 * `timeLeftMs` allows; the outcomes, those still running with `done: false`.
 */
export function waitForJobs(
  projectId: string,
  started: readonly LoadOutcome[],
  timeLeftMs: () => number,
): LoadOutcome[] {
  const outcomes = [...started];
  let waited = 250;
  for (;;) {
    const open = outcomes.map((o, i) => (o.done ? -1 : i)).filter((i) => i >= 0);
    if (!open.length) return outcomes;
    for (const i of open)
      outcomes[i] = { ...jobStatus(projectId, outcomes[i].jobId), existed: outcomes[i].existed };
    if (outcomes.every((o) => o.done) || timeLeftMs() <= waited) return outcomes;
    Utilities.sleep(waited);
    waited = Math.min(waited * 2, 8000);
  }
}

/** One Jobs.get. */
export function jobStatus(projectId: string, jobId: string): LoadOutcome {
  return outcomeOf(jobId, service().Jobs!.get(projectId, jobId), false);
}

/** Runs one GoogleSQL statement; its rows as text (every page). */
export function runQuery(projectId: string, sql: string): { fields: string[]; rows: (string | null)[][] } {
  const bq = service();
  const first = bq.Jobs!.query({ query: sql, useLegacySql: false }, projectId);
  let response:
    | GoogleAppsScript.BigQuery.Schema.QueryResponse
    | GoogleAppsScript.BigQuery.Schema.GetQueryResultsResponse = first;
  const jobId = String(first.jobReference?.jobId ?? '');
  let waited = 250;
  while (!response.jobComplete) {
    Utilities.sleep(waited);
    waited = Math.min(waited * 2, 4000);
    response = bq.Jobs!.getQueryResults(projectId, jobId);
  }
  const fields = (response.schema?.fields ?? []).map((f) => String(f.name));
  const rows: (string | null)[][] = [];
  const take = (r: typeof response) =>
    (r.rows ?? []).forEach((row) =>
      rows.push((row.f ?? []).map((c) => (c.v === null || c.v === undefined ? null : String(c.v)))),
    );
  take(response);
  while (response.pageToken) {
    response = bq.Jobs!.getQueryResults(projectId, jobId, { pageToken: response.pageToken });
    take(response);
  }
  return { fields, rows };
}
