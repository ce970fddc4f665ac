/**
 * Embedded charts as Google documents them. Pages pinned:
 * - Sheet.newChart, insertChart, getCharts, updateChart, removeChart:
 *   https://developers.google.com/apps-script/reference/spreadsheet/sheet
 * - EmbeddedChartBuilder (changes are not saved until updateChart):
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * - EmbeddedChart (getChartId is null for a chart not inserted; modify):
 *   https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 * - ChartOptions.get: https://developers.google.com/apps-script/reference/charts/chart-options
 * - ContainerInfo: https://developers.google.com/apps-script/reference/spreadsheet/container-info
 * - Charts.ChartType: https://developers.google.com/apps-script/reference/charts/chart-type
 */
import { ChartErrors, ChartsEnum, chartModels, chartRangeA1 } from '../../../emulator/spreadsheet';
import { createSpreadsheetFile } from '../../../emulator/spreadsheet';
import { setup, OWNER } from './helpers';

type Model = Parameters<typeof chartModels>[0];
const modelOf = (sheet: unknown) => (sheet as { model: Model }).model;

describe('embedded charts', () => {
  test('a built chart is not on the sheet until insertChart; getCharts lists it with its ranges, options and place', () => {
    const { ss, sheet, rt } = setup();
    sheet.getRange('A1:B3').setValues([
      ['Status', 'Leads'],
      ['Won', 2],
      ['Lost', 1],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(ChartsEnum.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(2, 5, 10, 20)
      .setOption('title', 'Leads by status')
      .build();
    expect(chart.getChartId()).toBeNull();
    expect(sheet.getCharts()).toEqual([]);
    const before = rt.snapshot().total;
    sheet.insertChart(chart);
    expect(rt.snapshot().total - before).toBe(1);
    const [listed] = sheet.getCharts();
    expect(listed.getChartId()).toEqual(expect.any(Number));
    expect(listed.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
    expect(listed.getOptions().get('title')).toBe('Leads by status');
    const info = listed.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([
      2, 5, 10, 20,
    ]);
    expect(listed.modify().getChartType()).toBe('COLUMN');
    expect(chartModels(modelOf(ss.getSheets()[0])).map((c) => c.ranges.map(chartRangeA1))).toEqual([
      [`${sheet.getName()}!A1:B3`],
    ]);
  });

  test('changes through modify() are saved only by updateChart', () => {
    const { sheet } = setup();
    sheet.insertChart(
      sheet.newChart().setChartType(ChartsEnum.ChartType.PIE).addRange(sheet.getRange('A1:B3')).build(),
    );
    const changed = sheet
      .getCharts()[0]
      .modify()
      .clearRanges()
      .addRange(sheet.getRange('C1:D4'))
      .setOption('pieHole', 0.4)
      .build();
    expect(sheet.getCharts()[0].getRanges()[0].getA1Notation()).toBe('A1:B3');
    sheet.updateChart(changed);
    const [after] = sheet.getCharts();
    expect(after.getRanges()[0].getA1Notation()).toBe('C1:D4');
    expect(after.getOptions().get('pieHole')).toBe(0.4);
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('removeChart deletes it; a chart that is not on the sheet cannot be updated or removed', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    sheet.insertChart(
      sheet.newChart().setChartType(ChartsEnum.ChartType.BAR).addRange(sheet.getRange('A1:B2')).build(),
    );
    const [chart] = sheet.getCharts();
    expect(() => other.removeChart(chart)).toThrow(ChartErrors.notOnSheet);
    const draft = sheet
      .newChart()
      .setChartType(ChartsEnum.ChartType.BAR)
      .addRange(sheet.getRange('A1:B2'))
      .build();
    expect(() => sheet.updateChart(draft)).toThrow(ChartErrors.notOnSheet);
    sheet.removeChart(chart);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.removeChart(chart)).toThrow(ChartErrors.notOnSheet);
  });

  test('refused: no type, no range, an unknown type, a range of another spreadsheet, an anchor outside the grid', () => {
    const { rt, sheet } = setup();
    expect(() => sheet.newChart().addRange(sheet.getRange('A1')).build()).toThrow(ChartErrors.noType);
    expect(() => sheet.newChart().setChartType(ChartsEnum.ChartType.LINE).build()).toThrow(
      ChartErrors.noRanges,
    );
    expect(() => sheet.newChart().setChartType('DONUT')).toThrow('Invalid argument: type (DONUT)');
    const elsewhere = createSpreadsheetFile(rt, {
      name: 'Other',
      owner: OWNER,
      timeZone: 'UTC',
      locale: 'en_US',
    });
    expect(() => sheet.newChart().addRange(elsewhere.getSheets()[0].getRange('A1:B2'))).toThrow(
      ChartErrors.otherSpreadsheet,
    );
    const far = sheet
      .newChart()
      .setChartType(ChartsEnum.ChartType.LINE)
      .addRange(sheet.getRange('A1:B2'))
      .setPosition(5000, 1, 0, 0)
      .build();
    expect(() => sheet.insertChart(far)).toThrow(ChartErrors.anchor);
  });

  test('builders and chart handles make no service call; getCharts and the changes do', () => {
    const { rt, sheet } = setup();
    const start = rt.snapshot().total;
    const chart = sheet
      .newChart()
      .setChartType(ChartsEnum.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B2'))
      .build();
    chart.getOptions();
    expect(rt.snapshot().total - start).toBe(0);
    sheet.insertChart(chart);
    sheet.getCharts();
    expect(rt.snapshot().total - start).toBe(2);
  });

  test('Charts.ChartType lists the documented types', () => {
    expect(Object.keys(ChartsEnum.ChartType)).toEqual(
      expect.arrayContaining(['COLUMN', 'BAR', 'PIE', 'LINE', 'AREA', 'TABLE']),
    );
  });
});
