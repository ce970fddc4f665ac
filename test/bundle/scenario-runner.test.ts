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
    expect(out.files).toHaveLength(1);
    const [archive] = out.files;
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
