/**
 * closeLead on a workbook of a few thousand leads writes what changes: the lead's cells, its
 * commission line, their shadow cells and audit entries — not the tables around them.
 */
import { loadSheets } from '../../emulator/spreadsheet';
import { OWNER, linesOf, partnerOn, rowOf, tracker } from './commissions-fixture';

const COUNT = 3000;

it('closeLead won on 3,000 leads (1,000 won deals, two passing their hold) writes only the changed cells', () => {
  const emu = tracker();
  const partner = partnerOn(emu, { name: 'Gold 12%', type: 'percent', rate: 12 });
  const header = emu.sheets().Leads[0] as string[];
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const won = i % 3 === 0;
    const record: Record<string, unknown> = {
      'Lead ID': `L-${String(i + 1).padStart(6, '0')}`,
      'Partner ID': partner,
      Company: `Company ${i + 1}`,
      Currency: 'USD',
      Status: won ? 'Won' : 'Approved',
      'Registered On': new Date(Date.UTC(2026, 1, 1)),
      'Expires On': new Date(Date.UTC(2026, 4, 1)),
      // two deals far apart end their hold on 2026-03-07, the others on 2026-03-22
      ...(won && {
        'Closed On': new Date(Date.UTC(2026, 1, i === 3 || i === 1500 ? 5 : 20)),
        'Deal Value': 1000 + i,
      }),
    };
    return header.map((h) => record[h] ?? '');
  });
  emu.rt.uncounted(() => loadSheets(emu.spreadsheet, { Leads: [header, ...rows] }));
  // set-up again, as an owner would after pasting their leads in: the layout and shadow take them in
  expect(emu.call<{ ok: boolean }>(OWNER, 'setupTracker').ok).toBe(true);
  expect(emu.call<{ created: number }>(OWNER, 'runCommissions').created).toBe(COUNT / 3);
  emu.rt.setNow('2026-03-10T09:00:00Z');

  const closing = `L-${String(COUNT - 1).padStart(6, '0')}`;
  const outcome = emu.measure(() => emu.call(OWNER, 'closeLead', closing, 'won', { dealValue: 5000 }));
  expect(outcome.ok).toBe(true);
  expect(rowOf(emu, 'Leads', closing)).toMatchObject({ Status: 'Won', 'Deal Value': 5000 });
  expect(linesOf(emu, closing)).toEqual([expect.objectContaining({ amount: 600, status: 'Pending' })]);
  expect(linesOf(emu, 'L-000004')).toEqual([expect.objectContaining({ status: 'Eligible' })]);
  expect(linesOf(emu, 'L-001501')).toEqual([expect.objectContaining({ status: 'Eligible' })]);
  // 4 Leads cells, a 16-cell line, 2 Status cells, their shadow cells and ~20 ten-cell audit rows;
  // rewriting the rows between the changes would be thousands
  expect(outcome.stats.cells.written).toBeLessThan(300);
  process.stdout.write(
    `closeLead on ${COUNT} leads: ${outcome.calls} calls, ${outcome.stats.cells.written} cells written\n`,
  );
});
