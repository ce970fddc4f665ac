/**
 * Connected Sheets over the emulated BigQuery, as Google documents them
 * (https://developers.google.com/apps-script/guides/sheets/connected-sheets):
 * - SpreadsheetApp.enableBigQueryExecution() must be called in the execution before anything runs
 *   a BigQuery query for a data source (it "adds the required bigquery.readonly OAuth scope");
 * - SpreadsheetApp.newDataSourceSpec().asBigQuery().setProjectId(p).setRawQuery(sql).build();
 * - Spreadsheet.insertDataSourceSheet(spec): a new sheet showing the query's columns and a preview
 *   of its rows (at most 500: Connected Sheets previews 500 rows of a data-source sheet);
 * - Range.createDataSourcePivotTable(dataSource) with addRowGroup(column) and
 *   addPivotValue(column, PivotTableSummarizeFunction): the pivot is computed by BigQuery (here a
 *   GROUP BY on DuckDB) and shown from the anchor cell.
 * Data execution here is synchronous: a query BigQuery refuses (no project role, no read access to
 * the dataset) throws with BigQuery's words, where Sheets would show the data source in error.
 * The query runs as the person running the script, in the spec's project.
 */
import { bigQueryOf, executionEnabled } from '../bigquery/registry';
import { CompatError, toDuckSql } from '../bigquery/sql-compat';
import type { Runtime } from '../runtime';
import { exception } from './errors';
import type { Mirror } from './mirror';
import type { EmuSheet } from './sheet';

/** Rows a data-source sheet previews. */
export const DATA_SOURCE_PREVIEW_ROWS = 500;

const SUMMARIZE: Record<string, string> = {
  SUM: 'SUM',
  COUNTA: 'COUNT',
  COUNT: 'COUNT',
  COUNTUNIQUE: 'COUNT_DISTINCT',
  AVERAGE: 'AVG',
  MAX: 'MAX',
  MIN: 'MIN',
};

interface SpecState {
  projectId: string;
  rawQuery: string;
}

export class EmuDataSourceSpecBuilder implements Mirror<
  GoogleAppsScript.Spreadsheet.DataSourceSpecBuilder,
  'asBigQuery' | 'build'
> {
  constructor(private readonly rt: Runtime) {}
  asBigQuery(): EmuBigQueryDataSourceSpecBuilder {
    return this.rt.call(
      'DataSourceSpecBuilder.asBigQuery',
      () => new EmuBigQueryDataSourceSpecBuilder(this.rt),
      {
        local: true,
      },
    );
  }
  build(): EmuDataSourceSpec {
    return this.rt.call('DataSourceSpecBuilder.build', () => {
      throw exception('The data source spec has no type: call asBigQuery() first.');
    });
  }
}

export class EmuBigQueryDataSourceSpecBuilder implements Mirror<
  GoogleAppsScript.Spreadsheet.BigQueryDataSourceSpecBuilder,
  'setProjectId' | 'setRawQuery' | 'getProjectId' | 'getRawQuery' | 'build'
> {
  readonly #state: SpecState = { projectId: '', rawQuery: '' };
  constructor(private readonly rt: Runtime) {}
  setProjectId(projectId: string): this {
    return this.rt.call(
      'BigQueryDataSourceSpecBuilder.setProjectId',
      () => {
        this.#state.projectId = String(projectId);
        return this;
      },
      { local: true },
    );
  }
  setRawQuery(rawQuery: string): this {
    return this.rt.call(
      'BigQueryDataSourceSpecBuilder.setRawQuery',
      () => {
        this.#state.rawQuery = String(rawQuery);
        return this;
      },
      { local: true },
    );
  }
  getProjectId(): string {
    return this.rt.call('BigQueryDataSourceSpecBuilder.getProjectId', () => this.#state.projectId, {
      local: true,
    });
  }
  getRawQuery(): string {
    return this.rt.call('BigQueryDataSourceSpecBuilder.getRawQuery', () => this.#state.rawQuery, {
      local: true,
    });
  }
  build(): EmuDataSourceSpec {
    return this.rt.call(
      'BigQueryDataSourceSpecBuilder.build',
      () => {
        if (!this.#state.projectId) throw exception('The BigQuery data source spec needs a project id.');
        if (!this.#state.rawQuery) throw exception('The BigQuery data source spec needs a query.');
        return new EmuDataSourceSpec(this.rt, { ...this.#state });
      },
      { local: true },
    );
  }
}

export class EmuDataSourceSpec implements Mirror<GoogleAppsScript.Spreadsheet.DataSourceSpec, 'getType'> {
  readonly #state: SpecState;
  constructor(
    private readonly rt: Runtime,
    state: SpecState,
  ) {
    this.#state = state;
  }
  getType(): string {
    return this.rt.call('DataSourceSpec.getType', () => 'BIGQUERY', { local: true });
  }
  /** The spec's project and query (emulator side). */
  static stateOf(spec: unknown): SpecState {
    if (!(spec instanceof EmuDataSourceSpec)) throw exception('Invalid argument: spec');
    return spec.#state;
  }
}

export class EmuDataSource implements Mirror<GoogleAppsScript.Spreadsheet.DataSource, 'getSpec'> {
  constructor(
    private readonly rt: Runtime,
    readonly spec: EmuDataSourceSpec,
  ) {}
  getSpec(): EmuDataSourceSpec {
    return this.rt.call('DataSource.getSpec', () => this.spec, { local: true });
  }
}

/** Runs a data source's query (or a query over it) on the emulated BigQuery, as the running user. */
export function runDataSourceQuery(
  rt: Runtime,
  spec: EmuDataSourceSpec,
  wrap: (inner: string) => string = (q) => q,
): { columns: string[]; rows: unknown[][] } {
  if (!executionEnabled(rt))
    throw exception(
      'BigQuery data source execution is not enabled in this script: call SpreadsheetApp.enableBigQueryExecution() first.',
    );
  const world = bigQueryOf(rt);
  const { projectId, rawQuery } = EmuDataSourceSpec.stateOf(spec);
  const project = world?.projects.get(projectId);
  if (!world || !project) throw exception(`BigQuery: Not found: Project ${projectId}`);
  const user = rt.current().effectiveUser;
  if (!world.roleIn(project, user))
    throw exception(
      `BigQuery: Access Denied: Project ${projectId}: User does not have bigquery.jobs.create permission in project ${projectId}.`,
    );
  let translated;
  try {
    translated = toDuckSql(wrap(rawQuery), projectId);
  } catch (err) {
    if (err instanceof CompatError) throw exception(`BigQuery: ${err.message}`);
    throw err;
  }
  for (const ds of translated.datasets) {
    const dataset = project.datasets.get(ds);
    if (!dataset || !world.roleIn(project, user, dataset))
      throw exception(
        `BigQuery: Access Denied: Dataset ${projectId}:${ds}: Permission bigquery.tables.getData denied.`,
      );
  }
  try {
    const result = world.engine.run(translated.sql);
    return { columns: result.columns, rows: result.rows };
  } catch (err) {
    throw exception(`BigQuery: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

/** A cell value as Sheets shows a BigQuery value: numbers as numbers, the rest as text. */
function cell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return /^-?\d+(\.\d+)?$/.test(text) && text.length < 16 ? Number(text) : text;
}

export class EmuDataSourceSheet implements Mirror<
  GoogleAppsScript.Spreadsheet.DataSourceSheet,
  'asSheet' | 'getDataSource' | 'refreshData'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly sheet: EmuSheet,
    private readonly source: EmuDataSource,
  ) {}
  asSheet(): EmuSheet {
    return this.rt.call('DataSourceSheet.asSheet', () => this.sheet, { local: true });
  }
  getDataSource(): EmuDataSource {
    return this.rt.call('DataSourceSheet.getDataSource', () => this.source, { local: true });
  }
  refreshData(): this {
    return this.rt.call('DataSourceSheet.refreshData', () => {
      this.#render();
      return this;
    });
  }
  /** Runs the query and shows it (emulator side: insertDataSourceSheet calls it). */
  static render(sheet: EmuDataSourceSheet): void {
    sheet.#render();
  }
  /** Writes the query's columns and the first 500 rows into the sheet. */
  #render(): void {
    const { columns, rows } = runDataSourceQuery(this.rt, this.source.spec);
    const preview = rows.slice(0, DATA_SOURCE_PREVIEW_ROWS).map((r) => r.map(cell));
    this.rt.uncounted(() => {
      this.sheet.clear();
      const values = [columns, ...preview];
      if (this.sheet.getMaxRows() < values.length)
        this.sheet.insertRowsAfter(this.sheet.getMaxRows(), values.length - this.sheet.getMaxRows());
      if (this.sheet.getMaxColumns() < columns.length)
        this.sheet.insertColumnsAfter(
          this.sheet.getMaxColumns(),
          columns.length - this.sheet.getMaxColumns(),
        );
      this.sheet.getRange(1, 1, values.length, columns.length).setValues(values);
    });
  }
}

export class EmuDataSourcePivotTable implements Mirror<
  GoogleAppsScript.Spreadsheet.DataSourcePivotTable,
  'addRowGroup' | 'addPivotValue' | 'getDataSource' | 'refreshData'
> {
  readonly #groups: string[] = [];
  readonly #values: { column: string; fn: string }[] = [];
  constructor(
    private readonly rt: Runtime,
    private readonly anchor: { sheet: EmuSheet; row: number; col: number },
    private readonly source: EmuDataSource,
  ) {}
  addRowGroup(columnName: string): null {
    return this.rt.call('DataSourcePivotTable.addRowGroup', () => {
      this.#groups.push(String(columnName));
      this.#render();
      return null;
    });
  }
  addPivotValue(columnName: string, summarizeFunction: string): null {
    return this.rt.call('DataSourcePivotTable.addPivotValue', () => {
      const fn = SUMMARIZE[String(summarizeFunction)];
      if (!fn) throw exception(`Invalid argument: summarizeFunction ${String(summarizeFunction)}`);
      this.#values.push({ column: String(columnName), fn: String(summarizeFunction) });
      this.#render();
      return null;
    });
  }
  getDataSource(): EmuDataSource {
    return this.rt.call('DataSourcePivotTable.getDataSource', () => this.source, { local: true });
  }
  refreshData(): this {
    return this.rt.call('DataSourcePivotTable.refreshData', () => {
      this.#render();
      return this;
    });
  }
  /** The pivot as BigQuery computes it: one GROUP BY over the data source's query. */
  #render(): void {
    if (!this.#groups.length && !this.#values.length) return;
    const ident = (name: string) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw exception(`Invalid argument: columnName ${name}`);
      return name;
    };
    const groups = this.#groups.map(ident);
    const values = this.#values.map(
      (v) =>
        `${v.fn === 'COUNTUNIQUE' ? `COUNT(DISTINCT ${ident(v.column)})` : `${SUMMARIZE[v.fn]}(${ident(v.column)})`}`,
    );
    const select = [...groups, ...values].join(', ');
    const tail = groups.length ? ` GROUP BY ${groups.join(', ')} ORDER BY ${groups.join(', ')}` : '';
    const { rows } = runDataSourceQuery(
      this.rt,
      this.source.spec,
      (inner) => `SELECT ${select} FROM (${inner})${tail}`,
    );
    const header = [...this.#groups, ...this.#values.map((v) => `${v.fn} of ${v.column}`)];
    const body = rows.map((r) => r.map(cell));
    const { sheet, row, col } = this.anchor;
    this.rt.uncounted(() => {
      const values = [header, ...body];
      sheet.getRange(row, col, values.length, header.length).setValues(values);
    });
  }
}
