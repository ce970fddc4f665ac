/**
 * The daily reconcile's service calls do not grow with the number of deals: the same run (ten lines,
 * spread over the sheet, passing their hold) measured over 200 and 5,000 won deals. (When every line
 * changes at once, the Audit Log receives one entry per change and may need rows added: a growth
 * step of the log, in chunks of 1,000 rows, not a per-deal call.)
 */
import { loadSheets } from '../../emulator/spreadsheet';
import { HANDLE_FACTORIES } from '../../emulator/handle-accessors';
import type { Emulator } from '../../emulator/harness';
import { OWNER, partnerOn, tracker } from './commissions-fixture';

function withDeals(count: number): Emulator {
  const emu = tracker();
  const partners = [
    partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 }),
    partnerOn(emu, { name: 'Flat', type: 'flat', amount: 100, currency: 'USD' }),
  ];
  const header = emu.sheets().Leads[0] as string[];
  const rows = Array.from({ length: count }, (_, i) => {
    const record: Record<string, unknown> = {
      'Lead ID': `L-${String(i + 1).padStart(6, '0')}`,
      'Partner ID': partners[i % 2],
      Company: `Company ${i + 1}`,
      Currency: 'USD',
      Status: 'Won',
      // ten deals spread over the sheet end their hold on 2026-03-07, the others on 2026-03-22
      'Closed On': new Date(Date.UTC(2026, 1, i % (count / 10) === 0 ? 5 : 20)),
      'Deal Value': 1000 + i,
    };
    return header.map((h) => record[h] ?? '');
  });
  emu.rt.uncounted(() => loadSheets(emu.spreadsheet, { Leads: [header, ...rows] }));
  expect(emu.call<{ created: number }>(OWNER, 'runCommissions').created).toBe(count);
  emu.rt.setNow('2026-03-10T09:00:00Z');
  return emu;
}

describe('runCommissions service calls at 200 and 5,000 deals', () => {
  it('do not grow with the deals: ten lines passing their hold, then a run with nothing to do', () => {
    const small = withDeals(200);
    const large = withDeals(5000);
    const smallRun = small.measure(() => small.call(OWNER, 'runCommissions'));
    const largeRun = large.measure(() => large.call(OWNER, 'runCommissions'));
    expect(smallRun.result).toMatchObject({ eligible: 10, created: 0 });
    expect(largeRun.result).toMatchObject({ eligible: 10, created: 0 });
    // The shadow columns of Partners, Leads and Commissions are read in one getValues per group of
    // columns, grouped by the sheets' sizes (one rectangle for small sheets, up to one read per
    // column for large ones): at most two reads more, never one per row.
    const SHADOW_READ = ['Range.getValues', 'Range.getSheet', 'Sheet.getSheetId'];
    const reads = (byMethod: Record<string, number>) => byMethod['Range.getValues'] ?? 0;
    expect(reads(largeRun.stats.byMethod) - reads(smallRun.stats.byMethod)).toBeGreaterThanOrEqual(0);
    expect(reads(largeRun.stats.byMethod) - reads(smallRun.stats.byMethod)).toBeLessThanOrEqual(2);
    expect(largeRun.calls - smallRun.calls).toBe(
      reads(largeRun.stats.byMethod) - reads(smallRun.stats.byMethod),
    );
    // every other counted method the same number of times (handle accessors such as Sheet.getName
    // and the handle factories Sheet.getRange / Spreadsheet.getRange are listed in byMethod but cost
    // no round trip, so they are left out: which handle a read went through is not its cost)
    const counted = (byMethod: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(byMethod).filter(
          ([m]) => m !== 'Sheet.getName' && !HANDLE_FACTORIES.has(m) && !SHADOW_READ.includes(m),
        ),
      );
    expect(counted(largeRun.stats.byMethod)).toEqual(counted(smallRun.stats.byMethod));
    // no notes read: which Lead ID cells carry a flag note is recorded by the runs
    expect(largeRun.stats.byMethod['Range.getNotes'] ?? 0).toBe(0);
    const smallIdle = small.measure(() => small.call(OWNER, 'runCommissions'));
    const largeIdle = large.measure(() => large.call(OWNER, 'runCommissions'));
    expect(largeIdle.calls - smallIdle.calls).toBeLessThanOrEqual(2);
    process.stdout.write(
      `runCommissions service calls: 200 deals ${smallRun.calls} (idle ${smallIdle.calls}), ` +
        `5,000 deals ${largeRun.calls} (idle ${largeIdle.calls})\n`,
    );
  });
});
