/** The charts of a spreadsheet as plain data (scenario output, playground): not service calls. */
import { chartModels, chartRangeA1 } from './charts';
import { sheetModelOf, type EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';

export interface ChartDescription {
  sheet: string;
  type: string;
  title: string;
  ranges: string[];
  anchor: { row: number; col: number };
  options: Record<string, unknown>;
}

export function describeCharts(ss: EmuSpreadsheet): ChartDescription[] {
  return (ss.getSheets() as EmuSheet[]).flatMap((sheet) => {
    const model = sheetModelOf(sheet);
    return chartModels(model).map((c) => ({
      sheet: model.name,
      type: c.type,
      title: String(c.options.get('title') ?? ''),
      ranges: c.ranges.map(chartRangeA1),
      anchor: { row: c.position.row, col: c.position.col },
      options: Object.fromEntries(c.options),
    }));
  });
}
