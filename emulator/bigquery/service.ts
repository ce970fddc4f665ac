/**
 * The BigQuery advanced service (`BigQuery`, the BigQuery API v2 as Apps Script exposes it once the
 * manifest enables it), over a `BigQueryWorld` whose tables live in DuckDB. Only what the tracker
 * uses is emulated, as Google documents it (https://cloud.google.com/bigquery/docs/reference/rest/v2):
 *
 * - `Datasets.get(projectId, datasetId)`, `Datasets.insert(resource, projectId)` (datasets/get, /insert);
 * - `Tables.insert(resource, projectId, datasetId)`: an empty table with its schema (tables/insert);
 * - `Jobs.insert(job, projectId, blob)`: a LOAD job of NEWLINE_DELIMITED_JSON media into
 *   destinationTable (createDisposition CREATE_IF_NEEDED with schema.fields, writeDisposition
 *   WRITE_APPEND / WRITE_TRUNCATE / WRITE_EMPTY). A load job is atomic: every row or none. The insert
 *   answers with the job RUNNING (jobs/insert: "Starts a new asynchronous job"); `Jobs.get` then
 *   says DONE, with `status.errorResult` when it failed (bad data, a schema that does not match the
 *   table, a quota). A jobId already used in the project is refused: 409 "Already Exists: Job ..."
 *   (https://cloud.google.com/bigquery/docs/running-jobs#generate-jobid). A query job through insert
 *   is not emulated (it throws).
 * - `Jobs.query(request, projectId)` (GoogleSQL only: `useLegacySql: false` is required, since the
 *   API's default is legacy SQL) and `Jobs.getQueryResults(projectId, jobId, {pageToken, maxResults})`:
 *   every statement runs on DuckDB through the compatibility layer (sql-compat.ts); rows come back
 *   as the REST API sends them, `{f: [{v: "text"}]}` with every value a string (TIMESTAMP as epoch
 *   seconds, as the API does), paged by `maxResults`.
 *
 * Errors read as Apps Script reports a failed advanced-service call: a GoogleJsonResponseException
 * "API call to bigquery.<collection>.<method> failed with error: <BigQuery's message>".
 */
import type { Runtime } from '../runtime';
import { scopeRule } from '../scopes';
import { requireAuth } from '../services/common';
import { EngineError } from './engine';
import { CompatError, bigQueryType, duckType, toDuckSql } from './sql-compat';
import {
  LOAD_JOBS_PER_PROJECT_PER_DAY,
  LOAD_JOBS_PER_TABLE_PER_DAY,
  type BigQueryWorld,
  type DatasetState,
  type JobRecord,
  type ProjectState,
} from './world';

type Job = GoogleAppsScript.BigQuery.Schema.Job;
type Field = GoogleAppsScript.BigQuery.Schema.TableFieldSchema;
type QueryResponse = GoogleAppsScript.BigQuery.Schema.QueryResponse;
type Dataset = GoogleAppsScript.BigQuery.Schema.Dataset;
type TableRow = GoogleAppsScript.BigQuery.Schema.TableRow;

const LOCATION = 'US';
/** Rows per page when the request sets no maxResults (the API pages at 10 MB; rows are small here). */
const DEFAULT_PAGE_ROWS = 50_000;

function apiError(method: string, message: string): Error {
  const error = new Error(`API call to bigquery.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

function requireFull(rt: Runtime, method: string): void {
  const scopes = scopeRule(method)?.scopes ?? [];
  requireAuth(rt, method, scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`);
}

/** Values as the REST API sends them: strings (or null). */
function restValue(value: unknown, duck: string): string | null {
  if (value === null || value === undefined) return null;
  if (/^DECIMAL/.test(duck)) {
    const text = String(value);
    return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  }
  if (/^TIMESTAMP/.test(duck)) {
    const ms = Date.parse(String(value).replace(' ', 'T').replace(/\+00$/, 'Z'));
    const seconds = ms / 1000;
    const exponent = seconds === 0 ? 0 : Math.floor(Math.log10(Math.abs(seconds)));
    return `${Number((seconds / 10 ** exponent).toPrecision(16))}E${exponent}`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

class Context {
  constructor(
    readonly rt: Runtime,
    readonly world: BigQueryWorld,
  ) {}

  user(): string {
    return this.rt.current().effectiveUser;
  }

  project(method: string, id: unknown): ProjectState {
    const project = this.world.projects.get(String(id ?? ''));
    if (!project) throw apiError(method, `Not found: Project ${String(id ?? '')}`);
    return project;
  }

  /** The caller may create jobs in the project. */
  jobUser(method: string, project: ProjectState): void {
    if (!this.world.roleIn(project, this.user()))
      throw apiError(
        method,
        `Access Denied: Project ${project.id}: User does not have bigquery.jobs.create permission in project ${project.id}.`,
      );
  }

  dataset(method: string, project: ProjectState, id: string, need: 'READER' | 'WRITER'): DatasetState {
    const dataset = project.datasets.get(id);
    if (!dataset) throw apiError(method, `Not found: Dataset ${project.id}:${id}`);
    const role = this.world.roleIn(project, this.user(), dataset);
    if (!role || (need === 'WRITER' && role === 'READER'))
      throw apiError(
        method,
        `Access Denied: Dataset ${project.id}:${id}: Permission bigquery.${need === 'WRITER' ? 'tables.updateData' : 'tables.getData'} denied on dataset ${project.id}:${id} (or it may not exist).`,
      );
    return dataset;
  }
}

export class EmuBigQueryDatasets implements Pick<
  GoogleAppsScript.BigQuery.Collection.DatasetsCollection,
  'get' | 'insert'
> {
  readonly #c: Context;
  constructor(c: Context) {
    this.#c = c;
  }

  get(projectId: string, datasetId: string): Dataset {
    const c = this.#c;
    return c.rt.call('BigQuery.Datasets.get', () => {
      requireFull(c.rt, 'BigQuery.Datasets.get');
      const project = c.project('datasets.get', projectId);
      const dataset = c.dataset('datasets.get', project, String(datasetId), 'READER');
      return datasetResource(project, dataset);
    });
  }

  insert(resource: Dataset, projectId: string): Dataset {
    const c = this.#c;
    return c.rt.call('BigQuery.Datasets.insert', () => {
      requireFull(c.rt, 'BigQuery.Datasets.insert');
      const project = c.project('datasets.insert', projectId);
      const id = String(resource?.datasetReference?.datasetId ?? '');
      if (!/^[A-Za-z0-9_]{1,1024}$/.test(id))
        throw apiError(
          'datasets.insert',
          `Invalid dataset ID "${id}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`,
        );
      const role = c.world.roleIn(project, c.user());
      if (role !== 'OWNER' && role !== 'WRITER')
        throw apiError(
          'datasets.insert',
          `Access Denied: Project ${project.id}: User does not have bigquery.datasets.create permission in project ${project.id}.`,
        );
      if (project.datasets.has(id))
        throw apiError('datasets.insert', `Already Exists: Dataset ${project.id}:${id}`);
      const dataset = c.world.createDataset(
        project,
        id,
        String(resource.location ?? LOCATION),
        c.rt.nowMillis(),
      );
      return datasetResource(project, dataset);
    });
  }
}

export class EmuBigQueryTables implements Pick<
  GoogleAppsScript.BigQuery.Collection.TablesCollection,
  'insert'
> {
  readonly #c: Context;
  constructor(c: Context) {
    this.#c = c;
  }

  /** tables.insert: an empty table with its schema (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables/insert). */
  insert(
    resource: GoogleAppsScript.BigQuery.Schema.Table,
    projectId: string,
    datasetId: string,
  ): GoogleAppsScript.BigQuery.Schema.Table {
    const c = this.#c;
    return c.rt.call('BigQuery.Tables.insert', () => {
      requireFull(c.rt, 'BigQuery.Tables.insert');
      const project = c.project('tables.insert', projectId);
      const dataset = c.dataset('tables.insert', project, String(datasetId), 'WRITER');
      const tableId = String(resource?.tableReference?.tableId ?? '');
      if (!/^[A-Za-z0-9_]{1,1024}$/.test(tableId))
        throw apiError('tables.insert', `Invalid table ID "${tableId}".`);
      if (resource.view) throw new Error('Emulator: views are made with CREATE VIEW through Jobs.query');
      const name = `${project.id}:${dataset.id}.${tableId}`;
      if (c.world.tableExists(dataset.id, tableId))
        throw apiError('tables.insert', `Already Exists: Table ${name}`);
      const fields = resource.schema?.fields ?? [];
      let columns: { name: string; type: string }[];
      try {
        columns = fields.map((f) => ({ name: String(f.name), type: duckType(String(f.type ?? 'STRING')) }));
      } catch (err) {
        throw apiError('tables.insert', err instanceof Error ? err.message : String(err));
      }
      const q = (x: string) => `"${x.replace(/"/g, '""')}"`;
      c.world.engine.run(
        `CREATE TABLE ${q(dataset.id)}.${q(tableId)} (${columns.map((col) => `${q(col.name)} ${col.type}`).join(', ')})`,
      );
      return {
        kind: 'bigquery#table',
        id: name,
        tableReference: { projectId: project.id, datasetId: dataset.id, tableId },
        schema: { fields },
        type: 'TABLE',
        creationTime: String(c.rt.nowMillis()),
      };
    });
  }
}

function datasetResource(project: ProjectState, dataset: DatasetState): Dataset {
  return {
    kind: 'bigquery#dataset',
    id: `${project.id}:${dataset.id}`,
    datasetReference: { projectId: project.id, datasetId: dataset.id },
    location: dataset.location,
    creationTime: String(dataset.creationTime),
  };
}

export class EmuBigQueryJobs implements Pick<
  GoogleAppsScript.BigQuery.Collection.JobsCollection,
  'insert' | 'get' | 'query' | 'getQueryResults'
> {
  readonly #c: Context;
  constructor(c: Context) {
    this.#c = c;
  }

  insert(resource: Job, projectId: string, mediaData?: unknown): Job {
    const c = this.#c;
    return c.rt.call('BigQuery.Jobs.insert', () => {
      requireFull(c.rt, 'BigQuery.Jobs.insert');
      const project = c.project('jobs.insert', projectId);
      c.jobUser('jobs.insert', project);
      const load = resource?.configuration?.load;
      if (!load) throw new Error('Emulator: only load jobs are emulated through BigQuery.Jobs.insert');
      const jobId = String(resource.jobReference?.jobId ?? c.world.nextJobId());
      if (!/^[A-Za-z0-9_-]{1,1024}$/.test(jobId))
        throw apiError(
          'jobs.insert',
          `Invalid job ID "${jobId}". Job IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long.`,
        );
      const key = `${project.id}:${jobId}`;
      if (c.world.jobs.has(key))
        throw apiError('jobs.insert', `Already Exists: Job ${project.id}:${LOCATION}.${jobId}`);
      const dest = load.destinationTable;
      const datasetId = String(dest?.datasetId ?? '');
      const tableId = String(dest?.tableId ?? '');
      if ((dest?.projectId ?? project.id) !== project.id)
        throw new Error('Emulator: a load into another project is not emulated');
      const dataset = c.dataset('jobs.insert', project, datasetId, 'WRITER');
      if (!/^[A-Za-z0-9_]{1,1024}$/.test(tableId))
        throw apiError('jobs.insert', `Invalid table ID "${tableId}".`);
      const format = String(load.sourceFormat ?? 'CSV');
      if (format !== 'NEWLINE_DELIMITED_JSON')
        throw new Error(`Emulator: load sourceFormat ${format} is not emulated (use NEWLINE_DELIMITED_JSON)`);
      const text = blobText(mediaData);
      const now = c.rt.nowMillis();
      const job: Job = {
        kind: 'bigquery#job',
        id: `${project.id}:${LOCATION}.${jobId}`,
        jobReference: { projectId: project.id, jobId, location: LOCATION },
        configuration: { jobType: 'LOAD', load },
        user_email: c.user(),
        status: { state: 'DONE' },
        statistics: { creationTime: String(now), startTime: String(now), endTime: String(now) },
      };
      const failure = runLoad(c.world, project, dataset, tableId, load, text, now);
      const bytes = Buffer.byteLength(text, 'utf8');
      c.world.stats.loadJobs++;
      c.world.stats.loadBytes += bytes;
      if (failure) {
        c.world.stats.failedLoadJobs++;
        job.status = { state: 'DONE', errorResult: failure, errors: [failure] };
        job.statistics!.load = { inputFileBytes: String(bytes), outputRows: '0' };
      } else {
        const rows = text.split('\n').filter((l) => l.trim()).length;
        c.world.stats.loadRows += rows;
        job.statistics!.load = { inputFileBytes: String(bytes), outputRows: String(rows), inputFiles: '1' };
      }
      c.world.jobs.set(key, { job });
      // The insert's answer: the job has started; its outcome is read with Jobs.get.
      return { ...clone(job), status: { state: 'RUNNING' } };
    });
  }

  get(projectId: string, jobId: string, _optionalArgs?: object): Job {
    const c = this.#c;
    return c.rt.call('BigQuery.Jobs.get', () => {
      requireFull(c.rt, 'BigQuery.Jobs.get');
      const project = c.project('jobs.get', projectId);
      const record = c.world.jobs.get(`${project.id}:${String(jobId)}`);
      if (!record || (record.job.user_email !== c.user() && c.world.roleIn(project, c.user()) !== 'OWNER'))
        throw apiError('jobs.get', `Not found: Job ${project.id}:${String(jobId)}`);
      return clone(record.job);
    });
  }

  query(request: GoogleAppsScript.BigQuery.Schema.QueryRequest, projectId: string): QueryResponse {
    const c = this.#c;
    return c.rt.call('BigQuery.Jobs.query', () => {
      requireFull(c.rt, 'BigQuery.Jobs.query');
      const project = c.project('jobs.query', projectId);
      c.jobUser('jobs.query', project);
      if (request?.useLegacySql !== false)
        throw new Error(
          'Emulator: only GoogleSQL is emulated: set useLegacySql: false (the API defaults to legacy SQL)',
        );
      let translation;
      try {
        translation = toDuckSql(String(request.query ?? ''), project.id);
      } catch (err) {
        if (err instanceof CompatError) throw apiError('jobs.query', err.message);
        throw err;
      }
      const writes = !['SELECT', 'WITH'].includes(translation.verb);
      for (const ds of translation.datasets)
        c.dataset('jobs.query', project, ds, writes ? 'WRITER' : 'READER');
      let result;
      try {
        result = c.world.engine.run(translation.sql);
      } catch (err) {
        if (err instanceof EngineError) throw apiError('jobs.query', err.message.split('\n')[0]);
        throw err;
      }
      c.world.stats.queryJobs++;
      const jobId = c.world.nextJobId();
      const now = c.rt.nowMillis();
      const job: Job = {
        kind: 'bigquery#job',
        id: `${project.id}:${LOCATION}.${jobId}`,
        jobReference: { projectId: project.id, jobId, location: LOCATION },
        configuration: { jobType: 'QUERY', query: { query: String(request.query), useLegacySql: false } },
        user_email: c.user(),
        status: { state: 'DONE' },
        statistics: { creationTime: String(now), startTime: String(now), endTime: String(now) },
      };
      const response: QueryResponse = {
        kind: 'bigquery#queryResponse',
        jobReference: job.jobReference,
        jobComplete: true,
      };
      if (writes) {
        const affected = result.columns[0] === 'Count' ? String(result.rows[0]?.[0] ?? '0') : undefined;
        if (affected !== undefined && translation.verb !== 'CREATE') response.numDmlAffectedRows = affected;
        c.world.jobs.set(`${project.id}:${jobId}`, { job });
        return response;
      }
      const fields: Field[] = result.columns.map((name, i) => ({
        name,
        type: bigQueryType(result.types[i]),
        mode: 'NULLABLE',
      }));
      const rows = result.rows.map((row) => row.map((v, i) => restValue(v, result.types[i])));
      const record: JobRecord = { job, result: { fields, rows } };
      c.world.jobs.set(`${project.id}:${jobId}`, record);
      return { ...response, ...page(record, 0, request.maxResults) };
    });
  }

  getQueryResults(
    projectId: string,
    jobId: string,
    optionalArgs?: object,
  ): GoogleAppsScript.BigQuery.Schema.GetQueryResultsResponse {
    const c = this.#c;
    return c.rt.call('BigQuery.Jobs.getQueryResults', () => {
      requireFull(c.rt, 'BigQuery.Jobs.getQueryResults');
      const project = c.project('jobs.getQueryResults', projectId);
      const record = c.world.jobs.get(`${project.id}:${String(jobId)}`);
      if (!record?.result)
        throw apiError('jobs.getQueryResults', `Not found: Job ${project.id}:${String(jobId)}`);
      const args = (optionalArgs ?? {}) as { pageToken?: string; maxResults?: number; startIndex?: string };
      const start = Number(args.pageToken ?? args.startIndex ?? 0);
      return {
        kind: 'bigquery#getQueryResultsResponse',
        jobReference: record.job.jobReference,
        jobComplete: true,
        ...page(record, start, args.maxResults),
      };
    });
  }
}

function page(record: JobRecord, start: number, maxResults: number | undefined) {
  const all = record.result!.rows;
  const size = maxResults && maxResults > 0 ? maxResults : DEFAULT_PAGE_ROWS;
  const slice = all.slice(start, start + size);
  const next = start + slice.length;
  return {
    schema: { fields: record.result!.fields },
    totalRows: String(all.length),
    // The REST API sends each cell as {v: string | null}; the typings declare v an object.
    ...(slice.length
      ? { rows: slice.map((r) => ({ f: r.map((v) => ({ v })) })) as unknown as TableRow[] }
      : {}),
    ...(next < all.length ? { pageToken: String(next) } : {}),
  };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function blobText(media: unknown): string {
  const blob = media as { getDataAsString?: () => string } | undefined;
  if (!blob || typeof blob.getDataAsString !== 'function')
    throw new Error('Emulator: a load job needs its data as a Blob (Utilities.newBlob)');
  return blob.getDataAsString();
}

type ErrorProto = GoogleAppsScript.BigQuery.Schema.ErrorProto;

/** Runs a load into DuckDB; the error BigQuery would report, or null. */
function runLoad(
  world: BigQueryWorld,
  project: ProjectState,
  dataset: DatasetState,
  tableId: string,
  load: GoogleAppsScript.BigQuery.Schema.JobConfigurationLoad,
  text: string,
  now: number,
): ErrorProto | null {
  const day = new Date(now).toISOString().slice(0, 10);
  const tableKey = `${project.id}.${dataset.id}.${tableId}@${day}`;
  const projectKey = `${project.id}@${day}`;
  const tableCount = (world.loadCounts.get(tableKey) ?? 0) + 1;
  const projectCount = (world.loadCounts.get(projectKey) ?? 0) + 1;
  world.loadCounts.set(tableKey, tableCount);
  world.loadCounts.set(projectKey, projectCount);
  const name = `${project.id}:${dataset.id}.${tableId}`;
  if (tableCount > LOAD_JOBS_PER_TABLE_PER_DAY)
    return {
      reason: 'quotaExceeded',
      message: `Quota exceeded: Your table exceeded quota for imports or query appends per table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas`,
    };
  if (projectCount > LOAD_JOBS_PER_PROJECT_PER_DAY)
    return {
      reason: 'quotaExceeded',
      message: 'Quota exceeded: Your project exceeded quota for load jobs per project per day.',
    };
  const fields = load.schema?.fields ?? [];
  const exists = world.tableExists(dataset.id, tableId);
  let columns: { name: string; type: string }[];
  try {
    columns = fields.map((f) => ({ name: String(f.name), type: duckType(String(f.type ?? 'STRING')) }));
  } catch (err) {
    return { reason: 'invalid', message: err instanceof Error ? err.message : String(err) };
  }
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  if (!exists) {
    if (load.createDisposition === 'CREATE_NEVER')
      return { reason: 'notFound', message: `Not found: Table ${name}` };
    if (!columns.length) return { reason: 'invalid', message: `No schema specified on job or table.` };
    world.engine.run(
      `CREATE TABLE ${q(dataset.id)}.${q(tableId)} (${columns.map((c) => `${q(c.name)} ${c.type}`).join(', ')})`,
    );
  } else {
    const actual = world.columns(dataset.id, tableId);
    if (columns.length) {
      const same =
        actual.length === columns.length &&
        actual.every(
          (a, i) =>
            a.name === columns[i].name &&
            a.type.replace('TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ') === columns[i].type,
        );
      if (!same) {
        const diff = columns.find(
          (c, i) =>
            actual[i]?.name !== c.name ||
            actual[i]?.type.replace('TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ') !== c.type,
        );
        return {
          reason: 'invalid',
          message: `Provided Schema does not match Table ${name}.${diff ? ` Field ${diff.name} has changed or is missing.` : ' Cannot add fields.'}`,
        };
      }
    } else {
      columns = actual.map((a) => ({
        name: a.name,
        type: a.type.replace('TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ'),
      }));
    }
    const disposition = load.writeDisposition ?? 'WRITE_APPEND';
    if (disposition === 'WRITE_TRUNCATE') throw new Error('Emulator: WRITE_TRUNCATE is not emulated');
    if (
      disposition === 'WRITE_EMPTY' &&
      Number(world.engine.run(`SELECT count(*) FROM ${q(dataset.id)}.${q(tableId)}`).rows[0][0]) > 0
    )
      return { reason: 'duplicate', message: `Already Exists: Table ${name}` };
  }
  if (!text.trim()) return null;
  try {
    world.engine.load(dataset.id, tableId, columns, text);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { reason: 'invalid', message: `Error while reading data, error message: ${message}` };
  }
  return null;
}

/** `BigQuery` in the script's globals. */
export class EmuBigQuery implements Pick<GoogleAppsScript.BigQuery, 'Jobs' | 'Datasets' | 'Tables'> {
  readonly Jobs: GoogleAppsScript.BigQuery.Collection.JobsCollection;
  readonly Datasets: GoogleAppsScript.BigQuery.Collection.DatasetsCollection;
  readonly Tables: GoogleAppsScript.BigQuery.Collection.TablesCollection;
  constructor(rt: Runtime, world: BigQueryWorld) {
    const c = new Context(rt, world);
    this.Jobs = new EmuBigQueryJobs(c) as unknown as GoogleAppsScript.BigQuery.Collection.JobsCollection;
    this.Datasets = new EmuBigQueryDatasets(
      c,
    ) as unknown as GoogleAppsScript.BigQuery.Collection.DatasetsCollection;
    this.Tables = new EmuBigQueryTables(
      c,
    ) as unknown as GoogleAppsScript.BigQuery.Collection.TablesCollection;
  }
}
