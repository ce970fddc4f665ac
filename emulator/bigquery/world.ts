/**
 * The state behind the emulated BigQuery: Cloud projects and who may do what in them, datasets,
 * jobs, the documented load-job quotas, and the DuckDB database that holds the tables. One world per
 * Emulator (it outlives executions, as BigQuery outlives a script run); tests and the scenario runner
 * set it up (`addProject`) and read it (`rowCounts`, `sql`) without counting as the script's calls.
 *
 * Access, as BigQuery's IAM roles reduce for the calls the tracker makes
 * (https://cloud.google.com/bigquery/docs/access-control):
 * - a project member may create jobs in it (roles/bigquery.jobUser); `OWNER` and `WRITER` may also
 *   create datasets (roles/bigquery.admin, roles/bigquery.user);
 * - on a dataset, `WRITER` (roles/bigquery.dataEditor) may create tables, load and change rows;
 *   `READER` (roles/bigquery.dataViewer) may read. A dataset's own access list, when set
 *   (`grantDataset`), replaces the project role for that dataset.
 *
 * Load-job quotas (https://cloud.google.com/bigquery/quotas#load_jobs): 1,500 load jobs per table
 * per day and 100,000 per project per day, failed ones included; past them a load job ends with
 * `quotaExceeded`.
 */
import { DuckEngine } from './engine';

export type BigQueryRole = 'OWNER' | 'WRITER' | 'READER';

export const LOAD_JOBS_PER_TABLE_PER_DAY = 1_500;
export const LOAD_JOBS_PER_PROJECT_PER_DAY = 100_000;

export interface DatasetState {
  id: string;
  location: string;
  /** Replaces the project roles for this dataset when set. */
  access: Map<string, BigQueryRole> | null;
  creationTime: number;
}

export interface ProjectState {
  id: string;
  members: Map<string, BigQueryRole>;
  datasets: Map<string, DatasetState>;
}

export interface JobRecord {
  job: GoogleAppsScript.BigQuery.Schema.Job;
  /** A query job's result (for getQueryResults). */
  result?: { fields: GoogleAppsScript.BigQuery.Schema.TableFieldSchema[]; rows: (string | null)[][] };
}

export interface BigQueryStats {
  loadJobs: number;
  failedLoadJobs: number;
  /** Bytes of the media uploaded with load jobs. */
  loadBytes: number;
  loadRows: number;
  queryJobs: number;
}

export class BigQueryWorld {
  readonly projects = new Map<string, ProjectState>();
  readonly jobs = new Map<string, JobRecord>();
  /** Load jobs per `project.dataset.table@day` and per `project@day`. */
  readonly loadCounts = new Map<string, number>();
  readonly stats: BigQueryStats = { loadJobs: 0, failedLoadJobs: 0, loadBytes: 0, loadRows: 0, queryJobs: 0 };
  #engine: DuckEngine | null = null;
  #nextJob = 1;

  get engine(): DuckEngine {
    this.#engine ??= new DuckEngine();
    return this.#engine;
  }

  /** A Cloud project with BigQuery enabled, and its members' roles. */
  addProject(id: string, members: Record<string, BigQueryRole>): this {
    this.projects.set(id, { id, members: new Map(Object.entries(members)), datasets: new Map() });
    return this;
  }

  /** A dataset's own access list (replacing the project roles for it). */
  grantDataset(project: string, dataset: string, access: Record<string, BigQueryRole>): this {
    const found = this.projects.get(project)?.datasets.get(dataset);
    if (!found) throw new Error(`Emulator: no dataset ${project}:${dataset}`);
    found.access = new Map(Object.entries(access));
    return this;
  }

  /** Creates a dataset (as its DuckDB schema). */
  createDataset(project: ProjectState, id: string, location = 'US', now = Date.now()): DatasetState {
    this.engine.run(`CREATE SCHEMA "${id.replace(/"/g, '""')}"`);
    const dataset: DatasetState = { id, location, access: null, creationTime: now };
    project.datasets.set(id, dataset);
    return dataset;
  }

  roleIn(project: ProjectState, user: string, dataset?: DatasetState): BigQueryRole | null {
    if (dataset?.access) return dataset.access.get(user) ?? null;
    return project.members.get(user) ?? null;
  }

  nextJobId(): string {
    return `job_${String(this.#nextJob++).padStart(6, '0')}`;
  }

  /** Every table and view with its row count: `{"dataset.table": n}` (the scenario output's `bigquery`). */
  rowCounts(): Record<string, number> {
    if (!this.#engine) return {};
    const tables = this.engine.run(
      "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('main', 'information_schema', 'pg_catalog') ORDER BY 1, 2",
    ).rows;
    const out: Record<string, number> = {};
    for (const [schema, table] of tables as [string, string][]) {
      const n = this.engine.run(`SELECT count(*) FROM "${schema}"."${table}"`).rows[0][0];
      out[`${schema}.${table}`] = Number(n);
    }
    return out;
  }

  /** DuckDB SQL straight on the engine (tests; not a BigQuery call). */
  sql(statement: string): unknown[][] {
    return this.engine.run(statement).rows;
  }

  /** Whether a base table or view exists. */
  tableExists(dataset: string, table: string): boolean {
    const rows = this.engine.run(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = '${dataset.replace(/'/g, "''")}' AND table_name = '${table.replace(/'/g, "''")}'`,
    ).rows;
    return rows.length > 0;
  }

  /** The columns of a table: name and DuckDB type, in order. */
  columns(dataset: string, table: string): { name: string; type: string }[] {
    return (
      this.engine.run(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '${dataset.replace(/'/g, "''")}' AND table_name = '${table.replace(/'/g, "''")}' ORDER BY ordinal_position`,
      ).rows as [string, string][]
    ).map(([name, type]) => ({ name, type }));
  }

  close(): void {
    this.#engine?.close();
    this.#engine = null;
  }
}
