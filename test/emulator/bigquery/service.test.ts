/**
 * The emulated BigQuery advanced service, as Google documents it, with its tables in DuckDB:
 * - jobs.insert (load job from a media upload, asynchronous: the insert says RUNNING, jobs.get DONE)
 *   https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert
 * - jobs.get https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/get
 * - jobs.query / jobs.getQueryResults (rows as {f: [{v}]}, every value a string; paged)
 *   https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/query
 *   https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/getQueryResults
 * - datasets.get / datasets.insert https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets
 * - a job id used twice is refused https://cloud.google.com/bigquery/docs/running-jobs#generate-jobid
 * - load-job quotas: 1,500 per table per day, failures included https://cloud.google.com/bigquery/quotas#load_jobs
 * - scopes: bigquery (or cloud-platform) for inserts https://developers.google.com/apps-script/advanced/bigquery
 */
import { Emulator } from '../../../emulator/harness';
import type { Manifest } from '../../../emulator/manifest';
import { Scope } from '../../../emulator/scopes';
import { LOAD_JOBS_PER_TABLE_PER_DAY } from '../../../emulator/bigquery/world';

const OWNER = 'owner@acme.test';
const OTHER = 'other@acme.test';
const BIGQUERY_V2 = { userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' };

const CODE = `
function load(project, dataset, table, jobId, lines, fields) {
  const job = { jobReference: { projectId: project, jobId: jobId }, configuration: { load: {
    destinationTable: { projectId: project, datasetId: dataset, tableId: table },
    sourceFormat: 'NEWLINE_DELIMITED_JSON', createDisposition: 'CREATE_IF_NEEDED', writeDisposition: 'WRITE_APPEND',
    schema: { fields: fields } } } };
  const blob = Utilities.newBlob(lines.map(function (l) { return JSON.stringify(l); }).join('\\n'), 'application/octet-stream');
  const started = BigQuery.Jobs.insert(job, project, blob);
  const done = BigQuery.Jobs.get(project, started.jobReference.jobId);
  return { started: started.status.state, done: done.status.state, error: done.status.errorResult || null,
    rows: done.statistics.load.outputRows };
}
function query(project, sql, maxResults) {
  const r = BigQuery.Jobs.query({ query: sql, useLegacySql: false, maxResults: maxResults }, project);
  const pages = [r.rows || []];
  let token = r.pageToken;
  while (token) {
    const next = BigQuery.Jobs.getQueryResults(project, r.jobReference.jobId, { pageToken: token, maxResults: maxResults });
    pages.push(next.rows || []);
    token = next.pageToken;
  }
  return { fields: r.schema ? r.schema.fields.map(function (f) { return f.name + ':' + f.type; }) : [],
    rows: [].concat.apply([], pages).map(function (row) { return row.f.map(function (c) { return c.v; }); }),
    pages: pages.length, total: r.totalRows, dml: r.numDmlAffectedRows };
}
function legacy(project) { return BigQuery.Jobs.query({ query: 'SELECT 1' }, project); }
function dataset(project, id) { return BigQuery.Datasets.get(project, id).id; }
function createDataset(project, id) { return BigQuery.Datasets.insert({ datasetReference: { projectId: project, datasetId: id } }, project).id; }
`;

const FIELDS = [
  { name: 'id', type: 'STRING' },
  { name: 'amount', type: 'NUMERIC' },
  { name: 'day', type: 'DATE' },
  { name: 'stamp', type: 'TIMESTAMP' },
];

function emulator(scopes: string[] = [Scope.bigquery]): Emulator {
  const manifest: Manifest = {
    oauthScopes: scopes,
    dependencies: { enabledAdvancedServices: [BIGQUERY_V2] },
  };
  const emu = new Emulator({ owner: OWNER, editors: [OTHER], now: '2026-03-02T09:00:00Z', manifest }).load(
    CODE,
  );
  emu.bigquery.addProject('acme-data', { [OWNER]: 'OWNER' });
  return emu;
}

function run(emu: Emulator, user: string, fn: string, ...args: unknown[]) {
  return emu.measure(() => emu.call(user, fn, ...args));
}

describe('the BigQuery advanced service on DuckDB', () => {
  it('creates a dataset, loads newline-delimited JSON with a load job and queries it back as the REST API answers', () => {
    const emu = emulator();
    expect(run(emu, OWNER, 'createDataset', 'acme-data', 'tracker').result).toBe('acme-data:tracker');
    const loaded = run(
      emu,
      OWNER,
      'load',
      'acme-data',
      'tracker',
      'leads',
      'job-1',
      [
        { id: 'L-1', amount: '12.34', day: '2026-03-01', stamp: '2026-03-02T09:00:00.000Z' },
        { id: 'L-2', amount: '0.10', day: null, stamp: null },
      ],
      FIELDS,
    );
    expect(loaded.result).toEqual({ started: 'RUNNING', done: 'DONE', error: null, rows: '2' });
    const q = run(
      emu,
      OWNER,
      'query',
      'acme-data',
      'SELECT id, amount, day, stamp FROM `acme-data.tracker.leads` ORDER BY id',
    );
    expect(q.error).toBeUndefined();
    expect(q.result).toMatchObject({
      fields: ['id:STRING', 'amount:NUMERIC', 'day:DATE', 'stamp:TIMESTAMP'],
      rows: [
        // TIMESTAMP comes back as epoch seconds in floating-point notation, as the REST API sends it
        ['L-1', '12.34', '2026-03-01', '1.772442E9'],
        ['L-2', '0.1', null, null],
      ],
      total: '2',
    });
    expect(emu.bigquery.rowCounts()).toEqual({ 'tracker.leads': 2 });
  });

  it('pages query results with maxResults and getQueryResults', () => {
    const emu = emulator();
    run(emu, OWNER, 'createDataset', 'acme-data', 'tracker');
    const lines = Array.from({ length: 25 }, (_, i) => ({
      id: `L-${i}`,
      amount: String(i),
      day: null,
      stamp: null,
    }));
    run(emu, OWNER, 'load', 'acme-data', 'tracker', 'leads', 'job-1', lines, FIELDS);
    const q = run(emu, OWNER, 'query', 'acme-data', 'SELECT SUM(amount) AS s FROM `acme-data.tracker.leads`');
    expect(q.result).toMatchObject({ rows: [['300']] });
    const paged = run(emu, OWNER, 'query', 'acme-data', 'SELECT id FROM `acme-data.tracker.leads`', 10);
    expect(paged.result).toMatchObject({ pages: 3, total: '25' });
    expect((paged.result as { rows: unknown[] }).rows).toHaveLength(25);
  });

  it('refuses a job id used before (409), so a load repeated under its id is not loaded twice', () => {
    const emu = emulator();
    run(emu, OWNER, 'createDataset', 'acme-data', 'tracker');
    const line = [{ id: 'L-1', amount: '1', day: null, stamp: null }];
    expect(run(emu, OWNER, 'load', 'acme-data', 'tracker', 'leads', 'batch-7', line, FIELDS).ok).toBe(true);
    expect(run(emu, OWNER, 'load', 'acme-data', 'tracker', 'leads', 'batch-7', line, FIELDS).error).toBe(
      'API call to bigquery.jobs.insert failed with error: Already Exists: Job acme-data:US.batch-7',
    );
    expect(emu.bigquery.rowCounts()).toEqual({ 'tracker.leads': 1 });
  });

  it('fails a load job whole on a bad value (no row loaded) and reports it in status.errorResult', () => {
    const emu = emulator();
    run(emu, OWNER, 'createDataset', 'acme-data', 'tracker');
    const loaded = run(
      emu,
      OWNER,
      'load',
      'acme-data',
      'tracker',
      'leads',
      'job-1',
      [
        { id: 'L-1', amount: '1', day: null, stamp: null },
        { id: 'L-2', amount: 'twelve', day: null, stamp: null },
      ],
      FIELDS,
    );
    expect(loaded.result).toMatchObject({ done: 'DONE', error: { reason: 'invalid' } });
    expect(String((loaded.result as { error: { message: string } }).error.message)).toMatch(
      /^Error while reading data/,
    );
    expect(emu.bigquery.rowCounts()).toEqual({ 'tracker.leads': 0 });
  });

  it('fails a load whose schema does not match the table', () => {
    const emu = emulator();
    run(emu, OWNER, 'createDataset', 'acme-data', 'tracker');
    run(emu, OWNER, 'load', 'acme-data', 'tracker', 'leads', 'job-1', [], FIELDS);
    const changed = FIELDS.map((f) => (f.name === 'amount' ? { ...f, type: 'STRING' } : f));
    const loaded = run(
      emu,
      OWNER,
      'load',
      'acme-data',
      'tracker',
      'leads',
      'job-2',
      [{ id: 'x', amount: 'y' }],
      changed,
    );
    expect(loaded.result).toMatchObject({
      error: {
        reason: 'invalid',
        message:
          'Provided Schema does not match Table acme-data:tracker.leads. Field amount has changed or is missing.',
      },
    });
  });

  it('ends the 1,501st load job of a table in a day with quotaExceeded (failed jobs count)', () => {
    const emu = emulator();
    run(emu, OWNER, 'createDataset', 'acme-data', 'tracker');
    emu.bigquery.loadCounts.set('acme-data.tracker.leads@2026-03-02', LOAD_JOBS_PER_TABLE_PER_DAY);
    const loaded = run(emu, OWNER, 'load', 'acme-data', 'tracker', 'leads', 'job-x', [{ id: 'a' }], FIELDS);
    expect(loaded.result).toMatchObject({ error: { reason: 'quotaExceeded' } });
  });

  it('names a missing project, a dataset that is not there, and a caller without permission as BigQuery does', () => {
    const emu = emulator();
    expect(run(emu, OWNER, 'dataset', 'nope', 'tracker').error).toBe(
      'API call to bigquery.datasets.get failed with error: Not found: Project nope',
    );
    expect(run(emu, OWNER, 'dataset', 'acme-data', 'tracker').error).toBe(
      'API call to bigquery.datasets.get failed with error: Not found: Dataset acme-data:tracker',
    );
    run(emu, OWNER, 'createDataset', 'acme-data', 'tracker');
    expect(run(emu, OTHER, 'load', 'acme-data', 'tracker', 'leads', 'j', [], FIELDS).error).toBe(
      'API call to bigquery.jobs.insert failed with error: Access Denied: Project acme-data: User does not have bigquery.jobs.create permission in project acme-data.',
    );
    emu.bigquery.projects.get('acme-data')!.members.set(OTHER, 'READER');
    expect(run(emu, OTHER, 'load', 'acme-data', 'tracker', 'leads', 'j', [], FIELDS).error).toMatch(
      /Access Denied: Dataset acme-data:tracker: Permission bigquery\.tables\.updateData denied/,
    );
  });

  it('runs GoogleSQL only (the API defaults to legacy SQL) and needs the bigquery scope', () => {
    const emu = emulator();
    expect(run(emu, OWNER, 'legacy', 'acme-data').error).toMatch(/useLegacySql: false/);
    const narrow = emulator([Scope.spreadsheetsCurrentOnly]);
    expect(run(narrow, OWNER, 'createDataset', 'acme-data', 'tracker').error).toBe(
      'Specified permissions are not sufficient to call BigQuery.Datasets.insert. Required permissions: (https://www.googleapis.com/auth/bigquery || https://www.googleapis.com/auth/cloud-platform)',
    );
  });
});
