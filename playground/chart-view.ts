/**
 * The embedded charts of a sheet as the playground page draws them: each chart's type, title and
 * place, and the data of its range read from the emulated workbook (first row: series names; first
 * column: labels), outside any execution (not counted).
 */
import { describeCharts } from '../emulator/spreadsheet';
import type { Session } from './session';
import type { ChartView } from './view-types';

export function chartViews(session: Session, sheet: string): ChartView[] {
  const emu = session.emu;
  return emu.rt.uncounted(() =>
    describeCharts(emu.spreadsheet)
      .filter((c) => c.sheet === sheet)
      .map((c) => {
        const values = c.ranges.length ? emu.spreadsheet.getRange(c.ranges[0]).getValues() : [[]];
        const [header = [], ...rows] = values;
        const filled = rows.filter((r) => String(r[0] ?? '') !== '');
        return {
          type: c.type,
          title: c.title,
          anchor: c.anchor,
          stacked: c.options.isStacked === true,
          labels: filled.map((r) => String(r[0])),
          series: header.slice(1).map((name, i) => ({
            name: String(name),
            values: filled.map((r) => (typeof r[i + 1] === 'number' ? (r[i + 1] as number) : 0)),
          })),
        };
      }),
  );
}
