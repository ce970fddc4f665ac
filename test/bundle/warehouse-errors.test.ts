/**
 * The warehouse's bad input and failures: a missing project, no permission, a failed load job, the
 * BigQuery permission not granted. Each: a clear message under the field to fix, in Settings
 * (getWarehouse's lastRun) and in the hourly run's report; the cursor not moved; nothing lost or
 * loaded twice once the cause is fixed. BigQuery's error words:
 * https://cloud.google.com/bigquery/docs/error-messages, the roles
 * https://cloud.google.com/bigquery/docs/access-control, scopes asked at run time
 * https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)
 */
import type { Emulator } from '../../emulator/harness';
import {
  DATASET,
  OWNER,
  PROJECT,
  hourly,
  partnerNames,
  smallProgram,
  turnOn,
  warehouseRows,
  warehouseTracker,
} from './warehouse-fixture';

const CURSOR = 'tracker.warehouseCursor';
const BIGQUERY = 'https://www.googleapis.com/auth/bigquery';

function property(emu: Emulator, key: string): string | null {
  return emu.rt.uncounted(() =>
    emu.services.globals.PropertiesService.getDocumentProperties().getProperty(key),
  );
}

/** The warehouse's views hold exactly the sheets' records, once each. */
function expectMirror(emu: Emulator): void {
  const ids = (sheet: string) => {
    const [, ...rows] = emu.sheets()[sheet] as unknown[][];
    return rows
      .map((r) => [String(r[0])])
      .filter((r) => r[0] !== '')
      .sort();
  };
  expect(warehouseRows(emu, 'leads', 'lead_id')).toEqual(ids('Leads'));
  expect(warehouseRows(emu, 'commissions', 'commission_id')).toEqual(ids('Commissions'));
  expect(warehouseRows(emu, 'partners', 'partner_name')).toEqual(partnerNames(emu));
  const audit = (emu.sheets()['Audit Log'] as unknown[][]).slice(1).filter((r) => r[0] !== '');
  expect(warehouseRows(emu, 'audit_log', 'count(*), count(DISTINCT hash)')).toEqual([
    [String(audit.length), String(audit.length)],
  ]);
  expect(emu.call<{ ok: boolean }>(OWNER, 'verifyWarehouseChain')).toMatchObject({
    ok: true,
    badHashes: 0,
    brokenLinks: 0,
    missingRows: 0,
  });
}

describe('the warehouse refuses bad settings with what to fix, and saves nothing', () => {
  it('a project that does not exist', () => {
    const emu = warehouseTracker();
    expect(turnOn(emu, { projectId: 'no-such-project', dataset: DATASET }).error).toBe(
      'Project ID: no Google Cloud project "no-such-project" with BigQuery that you can use: check the id and that the BigQuery API is enabled in it. (BigQuery: Not found: Project no-such-project)',
    );
    expect(emu.call(OWNER, 'getWarehouse')).toEqual({ config: null, lastRun: null });
  });

  it('a project the owner may not use', () => {
    const emu = warehouseTracker();
    emu.bigquery.addProject('their-data', { 'admin@their.test': 'OWNER' });
    expect(turnOn(emu, { projectId: 'their-data', dataset: DATASET }).error).toMatch(
      /^Project ID: you may not run BigQuery jobs or create datasets in "their-data": ask its administrator for the BigQuery User role\. \(BigQuery: Access Denied: Project their-data/,
    );
    expect(emu.call(OWNER, 'getWarehouse')).toEqual({ config: null, lastRun: null });
  });

  it('a dataset the owner may read but not write', () => {
    const emu = warehouseTracker();
    emu.bigquery.addProject('shared-data', { 'admin@acme.test': 'OWNER', [OWNER]: 'READER' });
    emu.bigquery.createDataset(emu.bigquery.projects.get('shared-data')!, 'finance');
    expect(turnOn(emu, { projectId: 'shared-data', dataset: 'finance' }).error).toMatch(
      /^Dataset: you may not write to "shared-data:finance": ask for the BigQuery Data Editor role on it, or choose another dataset\./,
    );
    expect(emu.call(OWNER, 'getWarehouse')).toEqual({ config: null, lastRun: null });
  });
});

describe('the hourly run when BigQuery refuses: the report says why, the cursor stays, nothing is lost or doubled', () => {
  it('permission taken away from the dataset, then given back', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    const cursor = property(emu, CURSOR);
    emu.bigquery.grantDataset(PROJECT, DATASET, { [OWNER]: 'READER' });
    smallProgram(emu, [2500]);
    const refused = hourly(emu)!;
    expect(refused).toMatchObject({ ok: false, loadJobs: 0 });
    expect(refused.message).toMatch(
      /^Dataset: you may not write to "acme-data:tracker": ask for the BigQuery Data Editor role on it/,
    );
    expect(emu.call<{ lastRun: unknown }>(OWNER, 'getWarehouse').lastRun).toEqual(refused);
    expect(property(emu, CURSOR)).toBe(cursor);
    emu.bigquery.grantDataset(PROJECT, DATASET, { [OWNER]: 'WRITER' });
    expect(hourly(emu)).toMatchObject({ ok: true });
    expectMirror(emu);
  });

  it('a load job that fails (the table changed under it): the other tables of the batch load, the failed one again next time under a new job id', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    const cursor = property(emu, CURSOR);
    // someone replaces the leads batches table with one of another shape
    emu.bigquery.sql('DROP VIEW "tracker"."leads"');
    emu.bigquery.sql('DROP TABLE "tracker"."leads_batches"');
    emu.bigquery.sql('CREATE TABLE "tracker"."leads_batches" (lead_id VARCHAR, note VARCHAR)');
    smallProgram(emu, [2500]);
    const failed = hourly(emu)!;
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(
      /^Warehouse: the load job pt_leads_s\d+_[0-9a-f]+_p0 into leads_batches failed: Provided Schema does not match Table acme-data:tracker\.leads_batches\. .*Nothing was skipped: the next hourly run loads the same rows again\.$/,
    );
    expect(property(emu, CURSOR)).toBe(cursor);
    // the owner saves Settings > Warehouse again: the table is put back (empty), the views made again
    emu.bigquery.sql('DROP TABLE "tracker"."leads_batches"');
    expect(turnOn(emu).ok).toBe(true);
    // the same dataset: the cursor is kept, so the leads loaded before the failure are not in the
    // new table; the run loads what changed since the cursor
    const jobsBefore = new Set(emu.bigquery.jobs.keys());
    expect(hourly(emu)).toMatchObject({ ok: true });
    // the same batch: its other jobs refused as already done, the failed one's id spent, so "_r1"
    const retried = [...emu.bigquery.jobs.keys()].filter((k) => !jobsBefore.has(k) && k.includes(':pt_'));
    expect(retried).toEqual([expect.stringMatching(/^acme-data:pt_leads_s\d+_[0-9a-f]+_p0_r1$/)]);
    const loaded = warehouseRows(emu, 'leads', 'lead_id').map((r) => r[0]);
    const [, ...leads] = emu.sheets().Leads as unknown[][];
    expect(loaded).toEqual(
      leads
        .filter((r) => r[0] !== '')
        .slice(1)
        .map((r) => r[0]),
    );
    // commissions and the audit rows: loaded once though the batch was tried twice
    const audit = (emu.sheets()['Audit Log'] as unknown[][]).slice(1).filter((r) => r[0] !== '');
    expect(warehouseRows(emu, 'audit_log', 'count(*), count(DISTINCT hash)')).toEqual([
      [String(audit.length), String(audit.length)],
    ]);
    expect(emu.call<{ ok: boolean }>(OWNER, 'verifyWarehouseChain')).toMatchObject({ ok: true });
  });
});

describe('the bigquery scope: asked only when the owner turns the warehouse on', () => {
  function grantAllBut(emu: Emulator, scope: string): void {
    const manifest = emu.manifest!.oauthScopes!;
    emu.services.state.triggers.grantOnly(
      OWNER,
      manifest.filter((s) => s !== scope),
    );
  }

  it('without it the menu, set-up and the hourly run ask nothing; Settings > Warehouse asks for it alone', () => {
    const emu = warehouseTracker();
    grantAllBut(emu, BIGQUERY);
    smallProgram(emu, [1000]);
    const run = hourly(emu);
    expect(run).toBeUndefined();
    expect(emu.services.state.ui.consentPrompts).toEqual([]);
    turnOn(emu);
    expect(emu.services.state.ui.consentPrompts).toEqual([{ user: OWNER, scopes: [BIGQUERY] }]);
    expect(emu.call(OWNER, 'getWarehouse')).toEqual({ config: null, lastRun: null });
  });

  it('taken back after the warehouse was on: the hourly run says so and does its other jobs', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    const cursor = property(emu, CURSOR);
    grantAllBut(emu, BIGQUERY);
    smallProgram(emu, [300]);
    const run = emu.measure(() =>
      emu.invoke('onHourlyTrigger', [{}], {
        kind: 'timeTrigger',
        activeUser: OWNER,
        effectiveUser: OWNER,
        authMode: 'FULL',
      }),
    );
    expect(run.result).toMatchObject({
      warehouse: {
        ok: false,
        message:
          'Warehouse: paused: the owner has not granted the BigQuery permission. Turn it on again in Settings > Warehouse (Google asks for the permission).',
      },
    });
    expect((run.result as { action: string }).action).not.toBe('paused');
    expect(property(emu, CURSOR)).toBe(cursor);
  });
});
