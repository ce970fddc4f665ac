/**
 * Audit rotation with the warehouse on: the rows past Settings > Audit Row Limit leave the log for
 * the warehouse (which holds them already), not for an archive spreadsheet; the log verifies from its
 * pointer, and the whole history verifies in the warehouse with one SQL query (README, "Warehouse").
 */
import { setSetting } from './leads-fixture';
import { OWNER, hourly, smallProgram, turnOn, warehouseRows, warehouseTracker } from './warehouse-fixture';
import type { Emulator } from '../../emulator/harness';

function auditRows(emu: Emulator): unknown[][] {
  return (emu.sheets()['Audit Log'] as unknown[][]).slice(1).filter((r) => r[0] !== '');
}

describe('audit rotation into the warehouse', () => {
  it('moves the oldest rows out of the log without an archive file; the chain verifies in the log and in the warehouse', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000, 2000, 3000]);
    setSetting(emu, 'Audit Row Limit', 40);
    turnOn(emu);
    const everyRow = new Set<string>();
    const remember = () => auditRows(emu).forEach((r) => everyRow.add(String(r[9])));
    remember();
    let rotated = 0;
    for (let day = 0; day < 4; day++) {
      smallProgram(emu, [100 + day]);
      remember();
      // a day of hourly runs: the warehouse step every hour, the rotation once a day
      for (let hour = 0; hour < 24; hour++) {
        emu.rt.advance(3_600_000);
        const run = emu.measure(() =>
          emu.invoke('onHourlyTrigger', [{}], {
            kind: 'timeTrigger',
            activeUser: OWNER,
            effectiveUser: OWNER,
            authMode: 'FULL',
          }),
        );
        expect(run.ok).toBe(true);
        const report = run.result as {
          jobs: { name: string; result?: { archived: number } }[];
          warehouse?: { ok: boolean };
        };
        expect(report.warehouse?.ok ?? true).toBe(true);
        for (const job of report.jobs)
          if (job.name === 'audit rotation') rotated += job.result?.archived ?? 0;
        remember();
      }
    }
    expect(rotated).toBeGreaterThan(0);
    expect(emu.rt.createdFiles()).toEqual([]);
    expect(auditRows(emu).length).toBeLessThan(everyRow.size);
    expect(auditRows(emu).some((r) => String(r[4]).startsWith('bigquery:acme-data.tracker.audit_log'))).toBe(
      true,
    );
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
    hourly(emu);
    // every row the log ever held is in the warehouse, once, and the chain is whole
    expect(warehouseRows(emu, 'audit_log', 'count(*), count(DISTINCT hash)')).toEqual([
      [String(everyRow.size), String(everyRow.size)],
    ]);
    expect(emu.call(OWNER, 'verifyWarehouseChain')).toMatchObject({
      ok: true,
      rowsChecked: everyRow.size,
      badHashes: 0,
      brokenLinks: 0,
      missingRows: 0,
    });
  });

  it('the chain check finds a row changed in the warehouse', () => {
    const emu = warehouseTracker();
    smallProgram(emu, [1000]);
    turnOn(emu);
    hourly(emu);
    emu.bigquery.sql(
      `UPDATE "tracker"."audit_log_batches" SET canonical = replace(canonical, '1000', '9000') WHERE canonical LIKE '%1000%'`,
    );
    const verdict = emu.call<{ ok: boolean; badHashes: number }>(OWNER, 'verifyWarehouseChain');
    expect(verdict.ok).toBe(false);
    expect(verdict.badHashes).toBeGreaterThan(0);
  });
});
