/**
 * The scenario runner: plays a JSON scenario against the built bundle in a fresh emulated workbook
 * and returns one JSON-able object. A failing step is data; a malformed scenario is a
 * ScenarioError naming what is wrong and where.
 */
import * as v from 'valibot';
import { Emulator, hostError, type StepOutcome } from './harness';
import { MIME_SHEETS, Runtime, type DriveFileRecord } from './runtime';
import { describeCharts, dumpSheets, type EmuSpreadsheet } from './spreadsheet';
import { parseDuration } from './duration';

const Email = v.pipe(v.string(), v.email());
const Grid = v.array(v.array(v.unknown()));
const As = { as: v.optional(Email) };

const Step = v.union([
  v.strictObject({ ...As, call: v.string(), args: v.optional(v.array(v.unknown())) }),
  v.strictObject({
    ...As,
    edit: v.strictObject({ sheet: v.string(), range: v.string(), values: Grid }),
  }),
  v.strictObject({ ...As, menu: v.string() }),
  v.strictObject({ ...As, open: v.picklist(['NONE', 'LIMITED']) }),
  v.strictObject({
    ...As,
    insertRows: v.strictObject({
      sheet: v.string(),
      before: v.pipe(v.number(), v.integer(), v.minValue(1)),
      count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
  }),
  v.strictObject({
    ...As,
    deleteRows: v.strictObject({
      sheet: v.string(),
      row: v.pipe(v.number(), v.integer(), v.minValue(1)),
      count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
  }),
  v.strictObject({ ...As, select: v.strictObject({ sheet: v.string(), range: v.string() }) }),
  v.strictObject({
    submitForm: v.strictObject({ url: v.string(), answers: v.record(v.string(), v.string()) }),
  }),
  v.strictObject({
    advance: v.pipe(
      v.string(),
      v.check((s) => {
        try {
          parseDuration(s);
          return true;
        } catch {
          return false;
        }
      }, 'is not an ISO 8601 duration such as P31D or PT1H'),
    ),
  }),
]);

const Scenario = v.strictObject({
  spreadsheet: v.optional(
    v.strictObject({
      owner: v.optional(Email),
      name: v.optional(v.string()),
      timeZone: v.optional(v.string()),
      locale: v.optional(v.string()),
      editors: v.optional(v.array(Email)),
      viewers: v.optional(v.array(Email)),
      sheets: v.optional(v.record(v.string(), Grid)),
      mailQuota: v.optional(v.number()),
    }),
  ),
  /** BigQuery's Cloud projects and who may use them: {"acme-data": {"owner@acme.test": "OWNER"}}. */
  bigquery: v.optional(
    v.strictObject({
      projects: v.record(v.string(), v.record(Email, v.picklist(['OWNER', 'WRITER', 'READER']))),
    }),
  ),
  now: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => !Number.isNaN(Date.parse(s)), 'is not an ISO 8601 date-time'),
    ),
  ),
  /**
   * Answers to UrlFetchApp: the first responder whose url matches (exact, or a prefix when it ends
   * with *) answers with its status (default 200), headers and body (a string as it is, else JSON).
   */
  http: v.optional(
    v.array(
      v.strictObject({
        url: v.pipe(v.string(), v.minLength(1)),
        status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599))),
        headers: v.optional(v.record(v.string(), v.string())),
        body: v.optional(v.unknown()),
      }),
    ),
  ),
  steps: v.array(Step),
});

export type ScenarioInput = v.InferOutput<typeof Scenario>;

export class ScenarioError extends Error {}

export function parseScenario(input: unknown): ScenarioInput {
  const parsed = v.safeParse(Scenario, input);
  if (parsed.success) return parsed.output;
  const first = parsed.issues[0];
  const where = v.getDotPath(first) ?? '(top level)';
  throw new ScenarioError(`scenario is malformed at ${where}: ${first.message}`);
}

function stepOutcome(outcome: StepOutcome): Record<string, unknown> {
  return outcome.ok
    ? { ok: true, result: outcome.result ?? null, calls: outcome.calls }
    : { ok: false, error: outcome.error, calls: outcome.calls };
}

export function runScenario(input: unknown, options: { distDir?: string } = {}): Record<string, unknown> {
  const scenario = parseScenario(input);
  const sp = scenario.spreadsheet ?? {};
  const owner = sp.owner ?? 'owner@example.test';
  const emu = new Emulator({
    owner,
    name: sp.name,
    timeZone: sp.timeZone,
    locale: sp.locale,
    editors: sp.editors,
    viewers: sp.viewers,
    sheets: sp.sheets,
    mailQuota: sp.mailQuota,
    now: scenario.now,
    distDir: options.distDir,
  }).load();
  for (const responder of [...(scenario.http ?? [])].reverse()) {
    const prefix = responder.url.endsWith('*');
    const url = prefix ? responder.url.slice(0, -1) : responder.url;
    const body = responder.body === undefined ? '' : responder.body;
    emu.services.state.fetchRouter.register(
      prefix ? url : new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      () => ({
        status: responder.status ?? 200,
        headers: responder.headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }
  for (const [project, members] of Object.entries(scenario.bigquery?.projects ?? {}))
    emu.bigquery.addProject(project, members);
  const start = emu.stats();
  const steps = scenario.steps.map((step) => {
    const as = 'as' in step && step.as ? step.as : owner;
    const outcome = emu.measure(() => {
      if ('call' in step) return emu.call(as, step.call, ...(step.args ?? []));
      if ('edit' in step) return editResult(emu.edit(as, step.edit.sheet, step.edit.range, step.edit.values));
      if ('menu' in step) return emu.menu(as, step.menu) ?? null;
      if ('open' in step) return emu.open(as, step.open) ?? null;
      if ('insertRows' in step)
        return editResult(
          emu.insertRows(as, step.insertRows.sheet, step.insertRows.before, step.insertRows.count),
        );
      if ('deleteRows' in step)
        return editResult(
          emu.deleteRows(as, step.deleteRows.sheet, step.deleteRows.row, step.deleteRows.count),
        );
      if ('select' in step) return emu.select(as, step.select.sheet, step.select.range) ?? null;
      if ('submitForm' in step) return emu.submitForm(step.submitForm.url, step.submitForm.answers);
      return { fired: emu.advance(step.advance), now: emu.rt.now().toISOString() };
    });
    return stepOutcome(outcome);
  });
  const total = Runtime.diff(start, emu.stats());
  const state = emu.services.state;
  return {
    steps,
    sheets: emu.sheets(),
    charts: emu.rt
      .uncounted(() => describeCharts(emu.spreadsheet))
      .map(({ sheet, type, title, ranges }) => ({ sheet, type, title, ranges })),
    mail: state.outbox,
    fetches: state.fetches,
    triggers: state.triggers.describe(),
    files: emu.rt.uncounted(() => emu.rt.createdFiles().map(describeFile)),
    // every BigQuery table and view with its rows: {"dataset.table": rowCount}
    bigquery: emu.bigquery.rowCounts(),
    calls: { total: total.total, byMethod: total.byMethod },
    cells: total.cells,
  };
}

/** A file the add-on created (the audit archive, exports): who has it and, for a spreadsheet, its cells. */
function describeFile(file: DriveFileRecord): Record<string, unknown> {
  return {
    id: file.id,
    name: file.name,
    owner: file.owner,
    viewers: [...file.viewers].sort(),
    editors: [...file.editors].sort(),
    sheets: file.mimeType === MIME_SHEETS ? dumpSheets(file.content as EmuSpreadsheet) : null,
  };
}

/** A refused person's action is the step's failure, with the reason Sheets would show. */
function editResult(outcome: { ok: boolean; reason?: string; fired: unknown[] }): unknown {
  if (!outcome.ok) throw new Error(outcome.reason ?? 'refused');
  return { fired: outcome.fired };
}

export { hostError };
