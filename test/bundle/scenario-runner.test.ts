import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { runScenario, ScenarioError } from '../../emulator/scenario';

const root = path.resolve(__dirname, '..', '..');
const scenarioFile = path.join(root, 'test/scenarios/menu-and-edit.json');
const cli = ['--import', 'tsx', path.join(root, 'scripts/scenario.ts')];

describe('the scenario runner', () => {
  it('prints ONE JSON object on stdout with steps, sheets, mail, fetches, triggers, files, calls and cells', () => {
    const stdout = execFileSync(process.execPath, [...cli, scenarioFile], { cwd: root, encoding: 'utf8' });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out).sort()).toEqual(
      [
        'bigquery',
        'calls',
        'cells',
        'charts',
        'fetches',
        'files',
        'mail',
        'sheets',
        'steps',
        'triggers',
      ].sort(),
    );
    expect(out.steps).toHaveLength(5);
    expect(out.sheets.Partners[1]).toEqual(['Acme', 'b@acme.test']);
    // Set-up never ran: the add-on created no file.
    expect(out.files).toEqual([]);
  });

  it('lists the charts of the workbook: the Dashboard’s five, each with the range it reads', () => {
    const file = path.join(root, 'test/scenarios/dashboard.json');
    const out = runScenario(JSON.parse(readFileSync(file, 'utf8'))) as {
      steps: Array<{ ok: boolean; error?: string }>;
      charts: Array<{ sheet: string; type: string; title: string; ranges: string[] }>;
    };
    expect(out.steps.filter((s) => !s.ok)).toEqual([]);
    expect(out.charts).toHaveLength(5);
    expect(out.charts[0]).toEqual({
      sheet: 'Dashboard',
      type: 'COLUMN',
      title: 'Leads by status',
      ranges: ['_Metrics!A1:B7'],
    });
    expect(out.charts.map((c) => c.type)).toEqual(['COLUMN', 'COLUMN', 'BAR', 'PIE', 'COLUMN']);
  });

  it('lists the BigQuery tables and views with their rows: {"dataset.table": rowCount}', () => {
    const file = path.join(root, 'test/scenarios/warehouse.json');
    const out = runScenario(JSON.parse(readFileSync(file, 'utf8'))) as {
      steps: Array<{ ok: boolean; error?: string }>;
      sheets: Record<string, unknown[][]>;
      bigquery: Record<string, number>;
    };
    expect(out.steps.filter((s) => !s.ok)).toEqual([]);
    const auditRows = out.sheets['Audit Log'].slice(1).filter((r) => r[0] !== '').length;
    expect(out.bigquery).toEqual({
      'tracker.audit_log': auditRows,
      'tracker.audit_log_batches': auditRows,
      'tracker.commissions': 0,
      'tracker.commissions_batches': 0,
      'tracker.leads': 0,
      'tracker.leads_batches': 0,
      'tracker.partners': 1,
      'tracker.partners_batches': 1,
      'tracker.payouts': 0,
      'tracker.payouts_batches': 0,
    });
  });

  it('lists every file the add-on created: the audit archive, its owner, sharing and cells', () => {
    const file = path.join(root, 'test/scenarios/audit-archive.json');
    const out = runScenario(JSON.parse(readFileSync(file, 'utf8'))) as {
      steps: Array<{ ok: boolean }>;
      sheets: Record<string, unknown[][]>;
      files: Array<{
        id: string;
        name: string;
        owner: string;
        viewers: string[];
        editors: string[];
        sheets: Record<string, unknown[][]>;
      }>;
    };
    expect(out.steps.every((s) => s.ok)).toBe(true);
    // 10 audit rows past a limit of 6: the 7 oldest moved to one archive in steps of 6 rows, a
    // pointer per step names it.
    // The archive, the program's registration form and the partner's own view file (made by the same
    // hourly run), shared with them.
    expect(out.files).toHaveLength(3);
    const [archive, form, view] = out.files;
    expect(form).toMatchObject({ name: 'Partner Program - register a lead', sheets: null, viewers: [] });
    expect(view).toMatchObject({
      name: 'Partner Program - Acme Resellers',
      owner: 'owner@acme.test',
      viewers: ['pay@acme-resellers.test'],
      editors: [],
    });
    expect(Object.keys(view.sheets)).toEqual(['Summary', 'My leads', 'My commissions', 'My payouts']);
    expect(archive).toMatchObject({
      name: 'Partner Program Audit Log 2026-03-02 to 2026-03-02',
      owner: 'owner@acme.test',
      viewers: [],
      editors: [],
    });
    expect(Object.keys(archive.sheets)).toEqual(['Audit Log']);
    const archived = archive.sheets['Audit Log'];
    expect(archived[0]).toEqual(out.sheets['Audit Log'][0]);
    expect(archived.slice(1).map((r) => r[5])).toEqual([
      'Partner ID',
      'Partner Name',
      'Contact Email',
      'Type',
      'Status',
      'Joined On',
      'Value',
    ]);
    const pointers = out.sheets['Audit Log'].filter((r) => r[5] === '(archived rows)');
    expect(pointers.map((p) => [p[4], p[6], p[8]])).toEqual([
      [archive.id, '6 rows', `https://docs.google.com/spreadsheets/d/${archive.id}/edit`],
      [archive.id, '1 rows', `https://docs.google.com/spreadsheets/d/${archive.id}/edit`],
    ]);
  });

  it('reports a person refused and an unknown function as failed steps, not as a crash', () => {
    const out = runScenario(JSON.parse(readFileSync(scenarioFile, 'utf8'))) as {
      steps: Array<{ ok: boolean; error?: string }>;
    };
    expect(out.steps[2]).toMatchObject({ ok: false, error: expect.stringMatching(/permission/i) });
    expect(out.steps[3]).toMatchObject({ ok: false, error: 'Script function not found: noSuchFunction' });
  });

  it('answers UrlFetchApp from "http" responders (exact or prefix*, first match) and lists each request in fetches', () => {
    const file = path.join(root, 'test/scenarios/webhook-delivery.json');
    const out = runScenario(JSON.parse(readFileSync(file, 'utf8'))) as {
      steps: Array<{ ok: boolean; result?: unknown }>;
      fetches: Array<{
        method: string;
        url: string;
        headers: Record<string, string>;
        body: string;
        status: number;
      }>;
    };
    expect(out.steps.every((s) => s.ok)).toBe(true);
    expect(out.fetches.map((f) => [f.method, f.url, f.status])).toEqual([
      ['POST', 'https://hooks.acme-crm.test/events', 200],
      ['POST', 'https://hooks.acme-crm.test/gone', 410],
    ]);
    expect(JSON.parse(out.fetches[0].body)).toMatchObject({
      type: 'lead.registered',
      data: { company: 'Initech' },
    });
    expect(out.fetches[0].headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const view = out.steps[5].result as { endpoints: Array<{ url: string; disabled: string | null }> };
    expect(view.endpoints.map((e) => [e.url, e.disabled === null])).toEqual([
      ['https://hooks.acme-crm.test/events', true],
      ['https://hooks.acme-crm.test/gone', false],
    ]);
  });

  it('moves the clock with advance', () => {
    const out = runScenario({ now: '2026-03-02T09:00:00Z', steps: [{ advance: 'P31D' }] }) as {
      steps: Array<{ result: { now: string } }>;
    };
    expect(out.steps[0].result.now).toBe('2026-04-02T09:00:00.000Z');
  });

  it.each([
    [{ steps: [{ frobnicate: 1 }] }, /steps\.0/],
    [{ steps: [{ advance: 'one month' }] }, /steps\.0\.advance.*ISO 8601/],
    [{ now: 'yesterday', steps: [] }, /now.*ISO 8601/],
    [{ spreadsheet: { owner: 'not-an-email' }, steps: [] }, /spreadsheet\.owner/],
  ])('refuses a malformed scenario saying where: %j', (scenario, message) => {
    expect(() => runScenario(scenario)).toThrow(ScenarioError);
    expect(() => runScenario(scenario)).toThrow(message);
  });

  it('exits 2 with a message on stderr for a malformed scenario file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scenario-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ steps: [{ call: 42 }] }));
    const run = spawnSync(process.execPath, [...cli, file], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/malformed at steps\.0/);
  });
});

describe('the submitForm step', () => {
  it("answers a partner's form as a person without a login; the hourly run registers the lead", () => {
    const file = path.join(root, 'test/scenarios/partner-form.json');
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as { steps: unknown[] };
    // The runner is deterministic: the link the first run printed is the one a second run makes.
    const first = runScenario(scenario) as { steps: Array<{ ok: boolean; result: { formUrl: string } }> };
    const url = first.steps[4].result.formUrl;
    expect(url).toMatch(/viewform\?usp=pp_url&entry\.\d+=/);
    const out = runScenario({
      ...scenario,
      steps: [
        ...scenario.steps,
        { submitForm: { url, answers: { Company: 'Scenario Co', Domain: 'scenario-co.test' } } },
        { submitForm: { url, answers: { Domain: 'no-company.test' } } },
        // the day's first hourly run ends before the Dashboard's own run; the form is taken in by
        // the hourly jobs after it (the next hour)
        { advance: 'PT2H' },
      ],
    }) as {
      steps: Array<{ ok: boolean; error?: string }>;
      sheets: Record<string, unknown[][]>;
      mail: Array<{ to: string; subject: string }>;
      files: Array<{ name: string }>;
    };
    expect(out.steps.map((s) => s.ok)).toEqual([true, true, true, true, true, true, false, true]);
    expect(out.steps[6].error).toMatch(/Company: This is a required question/);
    expect(out.sheets.Leads.slice(1).map((r) => [r[1], r[3]])).toEqual([['P-0001', 'Scenario Co']]);
    expect(out.mail.map((m) => m.subject)).toContain('Lead registration received: Scenario Co (L-000001)');
    expect(out.files.map((f) => f.name)).toEqual([
      'Partner Program - register a lead',
      'Partner Program - Beta Partners',
    ]);
  });
});
