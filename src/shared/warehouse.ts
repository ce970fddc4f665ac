/**
 * The warehouse (Settings > Warehouse): a BigQuery dataset the hourly run mirrors the tracker into.
 * What the sidebar and the server share: the settings, the last run's report, and the checks of
 * what a person types. Pure: no Apps Script.
 */

export interface WarehouseConfig {
  /** The Google Cloud project that holds the dataset (and runs the load jobs). */
  projectId: string;
  /** The BigQuery dataset (created when missing). */
  dataset: string;
}

/** What the last hourly warehouse step did (also in the hourly run's report). */
export interface WarehouseRunReport {
  /** ISO instant of the run. */
  at: string;
  ok: boolean;
  /** One line a person can act on (the error, or what was loaded). */
  message: string;
  loadJobs: number;
  /** Bytes uploaded with the load jobs. */
  bytes: number;
  /** Rows loaded per warehouse table. */
  rows: Record<string, number>;
  /** Audit rows the warehouse holds up to (its cursor), null before the first load. */
  auditSeq: number | null;
}

export interface WarehouseState {
  config: WarehouseConfig | null;
  lastRun: WarehouseRunReport | null;
}

/** The five tables (views over their loaded batches) the warehouse holds. */
export const WAREHOUSE_TABLES = ['partners', 'leads', 'commissions', 'payouts', 'audit_log'] as const;
export type WarehouseTable = (typeof WAREHOUSE_TABLES)[number];

export const warehouseLabels = { projectId: 'Project ID', dataset: 'Dataset' } as const;

/**
 * The settings as typed, checked: Google Cloud project ids are 6 to 30 lowercase letters, digits
 * and hyphens, starting with a letter and not ending with a hyphen
 * (https://cloud.google.com/resource-manager/docs/creating-managing-projects); dataset names are
 * letters, digits and underscores, at most 1,024
 * (https://cloud.google.com/bigquery/docs/datasets#dataset-naming). One problem per line, each
 * starting with the field's label.
 */
export function checkWarehouseConfig(input: unknown): { config: WarehouseConfig } | { problems: string[] } {
  const value = (input ?? {}) as Partial<Record<keyof WarehouseConfig, unknown>>;
  const projectId = typeof value.projectId === 'string' ? value.projectId.trim() : '';
  const dataset = typeof value.dataset === 'string' ? value.dataset.trim() : '';
  const problems: string[] = [];
  if (!projectId)
    problems.push(`${warehouseLabels.projectId}: enter the Google Cloud project that holds the dataset.`);
  else if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(projectId))
    problems.push(
      `${warehouseLabels.projectId}: "${projectId}" is not a project id (6 to 30 lowercase letters, digits and hyphens, starting with a letter).`,
    );
  if (!dataset) problems.push(`${warehouseLabels.dataset}: enter a dataset name.`);
  else if (!/^[A-Za-z0-9_]{1,1024}$/.test(dataset))
    problems.push(`${warehouseLabels.dataset}: "${dataset}" may hold only letters, digits and underscores.`);
  return problems.length ? { problems } : { config: { projectId, dataset } };
}

/** Figures computed by the warehouse (SQL over its views): money in integer minor units. */
export interface WarehouseFigures {
  leads: { status: string; currency: string; leads: number; dealValueMinor: number }[];
  commissions: { status: string; currency: string; lines: number; amountMinor: number }[];
}
