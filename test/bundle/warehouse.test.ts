/**
 * The opt-in BigQuery warehouse through the bundle: Settings > Warehouse (saveWarehouse), the
 * hourly run's load jobs into the emulated BigQuery (tables in DuckDB), idempotency and the cursor.
 * Google's pages: https://developers.google.com/apps-script/advanced/bigquery,
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert (load jobs),
 * https://cloud.google.com/bigquery/docs/running-jobs#generate-jobid (a job id used twice is refused).
 */
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
import { TEAMMATE } from '../support/emulator';

const CURSOR = 'tracker.warehouseCursor';

describe('the warehouse', () => {
  it('is off until the owner turns it on: the hourly run loads nothing and calls no BigQuery method', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    expect(hourly(emu)).toBeUndefined();
    expect(emu.bigquery.stats.loadJobs).toBe(0);
    expect([...emu.rt.scriptCalls().keys()].filter((m) => m.startsWith('BigQuery.'))).toEqual([]);
  });

  it('turned on, creates the dataset, its batch tables and views; the next hourly run loads every row with load jobs', () => {
    const emu = warehouseTracker();
    const deals = smallProgram(emu, [1000, 250.5]);
    const on = turnOn(emu);
    expect(on.ok).toBe(true);
    expect(on.result).toEqual({ config: { projectId: PROJECT, dataset: DATASET }, lastRun: null });
    expect(emu.bigquery.projects.get(PROJECT)!.datasets.has(DATASET)).toBe(true);
    const report = hourly(emu)!;
    // one load job per table with rows (Payouts has none yet)
    expect(report).toMatchObject({ ok: true, loadJobs: 4 });
    const sheets = emu.sheets();
    const count = (name: string) => (sheets[name] as unknown[][]).slice(1).filter((r) => r[0] !== '').length;
    expect(emu.bigquery.rowCounts()).toMatchObject({
      'tracker.leads': count('Leads'),
      'tracker.partners': count('Partners'),
      'tracker.commissions': count('Commissions'),
      'tracker.audit_log': count('Audit Log'),
    });
    // Money stays exact (NUMERIC), dates are days.
    expect(
      warehouseRows(emu, 'leads', 'lead_id, status, CAST(deal_value AS VARCHAR), CAST(closed_on AS VARCHAR)'),
    ).toEqual([
      [deals[0], 'Won', '1000.000000000', '2026-03-02'],
      [deals[1], 'Won', '250.500000000', '2026-03-02'],
    ]);
    expect(warehouseRows(emu, 'commissions', 'CAST(SUM(amount) AS VARCHAR)')).toEqual([['125.050000000']]);
  });

  it('loads only what changed since its cursor, and nothing when nothing changed (no BigQuery call)', () => {
    const emu = warehouseTracker();
    const [deal] = smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    const jobs = emu.bigquery.stats.loadJobs;
    const quiet = emu.measure(() => hourly(emu));
    expect(quiet.result).toMatchObject({ ok: true, loadJobs: 0, message: 'Warehouse: nothing new to load.' });
    expect(Object.keys(quiet.stats.byMethod).filter((m) => m.startsWith('BigQuery.'))).toEqual([]);
    expect(emu.bigquery.stats.loadJobs).toBe(jobs);
    emu.call(OWNER, 'savePartner', {
      partnerName: 'Beta Resellers',
      contactEmail: 'b@beta.test',
      type: 'Referral',
      plan: 'Standard',
    });
    const next = hourly(emu)!;
    // the new partner's row and its audit rows: two load jobs
    expect(next).toMatchObject({ ok: true, loadJobs: 2, rows: { partners: 1 } });
    expect(warehouseRows(emu, 'partners', 'partner_name')).toEqual(partnerNames(emu));
    expect(warehouseRows(emu, 'leads', 'lead_id')).toEqual([[deal]]);
  });

  it('a run that dies after its load jobs, before its cursor is saved: the next run loads the same batch and BigQuery refuses its job ids, one copy', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    emu.call(OWNER, 'savePartner', {
      partnerName: 'Gamma',
      contactEmail: 'g@gamma.test',
      type: 'Referral',
      plan: 'Standard',
    });
    const cursor = () =>
      emu.rt.uncounted(() =>
        emu.services.globals.PropertiesService.getDocumentProperties().getProperty(CURSOR),
      );
    const before = cursor();
    // the property write that would move the cursor: the execution dies there (a time-out)
    emu.rt.failCall('Properties.setProperties', 'Exceeded maximum execution time', { fatal: true });
    expect(() => hourly(emu)).toThrow('Exceeded maximum execution time');
    expect(cursor()).toBe(before);
    const loaded = emu.bigquery.stats.loadRows;
    const retry = hourly(emu)!;
    expect(retry).toMatchObject({ ok: true, rows: { partners: 1 } });
    // the two jobs were refused as already done: no row loaded again
    expect(emu.bigquery.stats.loadRows).toBe(loaded);
    expect(cursor()).not.toBe(before);
    expect(warehouseRows(emu, 'partners_batches', 'count(*)')).toEqual([['2']]);
    expect(warehouseRows(emu, 'partners', 'partner_name')).toEqual(partnerNames(emu));
  });

  it('is the owner’s to turn on; bad settings name the field and save nothing', () => {
    const emu = warehouseTracker();
    expect(
      emu.measure(() => emu.call(TEAMMATE, 'saveWarehouse', { projectId: PROJECT, dataset: DATASET })).error,
    ).toBe('Only the tracker’s owner turns the warehouse on or off.');
    expect(
      emu.measure(() => emu.call(OWNER, 'saveWarehouse', { projectId: 'Acme Data', dataset: 'my-set' }))
        .error,
    ).toBe(
      [
        'Project ID: "Acme Data" is not a project id (6 to 30 lowercase letters, digits and hyphens, starting with a letter).',
        'Dataset: "my-set" may hold only letters, digits and underscores.',
      ].join('\n'),
    );
    expect(emu.call(OWNER, 'getWarehouse')).toEqual({ config: null, lastRun: null });
  });

  it('turned off, the hourly run stops loading; turned on again with the same dataset it goes on from its cursor', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    emu.call(OWNER, 'saveWarehouse', null);
    smallProgram(emu, [500]);
    expect(hourly(emu)).toBeUndefined();
    const jobs = emu.bigquery.stats.loadJobs;
    turnOn(emu);
    expect(hourly(emu)).toMatchObject({ ok: true });
    expect(emu.bigquery.stats.loadJobs).toBeGreaterThan(jobs);
    expect(emu.bigquery.stats.loadJobs - jobs).toBeLessThanOrEqual(5);
    expect(warehouseRows(emu, 'leads', 'count(*)')).toEqual([['2']]);
  });
});
