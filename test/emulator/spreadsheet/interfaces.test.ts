/**
 * Compile-time check (run by `tsc`): no emulated class has a public member its real Apps Script
 * class lacks. A stray public method makes `Extra<...>` non-never and the assignment fails to compile.
 */
import type * as S from '../../../emulator/spreadsheet';

type Extra<Emu, Real> = Exclude<keyof Emu, keyof Real>;
type Assert<T extends never> = T;

export type Checks = [
  Assert<Extra<S.EmuSpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>,
  Assert<Extra<S.EmuSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>,
  Assert<Extra<S.EmuSheet, GoogleAppsScript.Spreadsheet.Sheet>>,
  Assert<Extra<S.EmuRange, GoogleAppsScript.Spreadsheet.Range>>,
  Assert<Extra<S.EmuNamedRange, GoogleAppsScript.Spreadsheet.NamedRange>>,
  Assert<Extra<S.EmuProtection, GoogleAppsScript.Spreadsheet.Protection>>,
  Assert<Extra<S.EmuDataValidation, GoogleAppsScript.Spreadsheet.DataValidation>>,
  Assert<Extra<S.EmuDataValidationBuilder, GoogleAppsScript.Spreadsheet.DataValidationBuilder>>,
  Assert<Extra<S.EmuConditionalFormatRule, GoogleAppsScript.Spreadsheet.ConditionalFormatRule>>,
  Assert<Extra<S.EmuConditionalFormatRuleBuilder, GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder>>,
  Assert<Extra<S.EmuBooleanCondition, GoogleAppsScript.Spreadsheet.BooleanCondition>>,
  Assert<Extra<S.EmuDeveloperMetadata, GoogleAppsScript.Spreadsheet.DeveloperMetadata>>,
  Assert<Extra<S.EmuDeveloperMetadataFinder, GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder>>,
  Assert<Extra<S.EmuDeveloperMetadataLocation, GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation>>,
  Assert<Extra<S.EmuBanding, GoogleAppsScript.Spreadsheet.Banding>>,
  Assert<Extra<S.EmuEmbeddedChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>>,
  Assert<Extra<S.EmuEmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>>,
  Assert<Extra<S.EmuChartOptions, GoogleAppsScript.Charts.ChartOptions>>,
  Assert<Extra<S.EmuContainerInfo, GoogleAppsScript.Spreadsheet.ContainerInfo>>,
];

import { readFileSync } from 'node:fs';
import * as Emu from '../../../emulator/spreadsheet';
import * as DataSource from '../../../emulator/spreadsheet/data-source';

/**
 * Member names of an interface of the Spreadsheet service, read from @types/google-apps-script, and
 * from the repo's declarations of what Google documents and those types lack
 * (src/sheets/connected-sheets-extras.d.ts: Spreadsheet.insertDataSourceSheet).
 */
function realMembers(name: string): Set<string> {
  const file = require.resolve('@types/google-apps-script/google-apps-script.spreadsheet.d.ts');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`interface ${name} {`);
  if (start < 0) throw new Error(`no interface ${name}`);
  const end = text.indexOf('\n        }', start);
  const body = text.slice(start, end);
  const extras = readFileSync(require.resolve('../../../src/sheets/connected-sheets-extras.d.ts'), 'utf8');
  const extra = extras.indexOf(`interface ${name} {`);
  const more = extra < 0 ? '' : extras.slice(extra, extras.indexOf('\n  }', extra));
  return new Set([...`${body}\n${more}`.matchAll(/^\s+(\w+)[(:?]/gm)].map((m) => m[1]));
}

const classes: Array<[string, { prototype: object }]> = [
  ['SpreadsheetApp', Emu.EmuSpreadsheetApp],
  ['Spreadsheet', Emu.EmuSpreadsheet],
  ['Sheet', Emu.EmuSheet],
  ['Range', Emu.EmuRange],
  ['NamedRange', Emu.EmuNamedRange],
  ['Protection', Emu.EmuProtection],
  ['DataValidation', Emu.EmuDataValidation],
  ['DataValidationBuilder', Emu.EmuDataValidationBuilder],
  ['ConditionalFormatRule', Emu.EmuConditionalFormatRule],
  ['ConditionalFormatRuleBuilder', Emu.EmuConditionalFormatRuleBuilder],
  ['BooleanCondition', Emu.EmuBooleanCondition],
  ['DeveloperMetadata', Emu.EmuDeveloperMetadata],
  ['DeveloperMetadataFinder', Emu.EmuDeveloperMetadataFinder],
  ['DeveloperMetadataLocation', Emu.EmuDeveloperMetadataLocation],
  ['Banding', Emu.EmuBanding],
  ['EmbeddedChartBuilder', Emu.EmuEmbeddedChartBuilder],
  ['EmbeddedChart', Emu.EmuEmbeddedChart],
  ['ContainerInfo', Emu.EmuContainerInfo],
  ['DataSourceSpecBuilder', DataSource.EmuDataSourceSpecBuilder],
  ['BigQueryDataSourceSpecBuilder', DataSource.EmuBigQueryDataSourceSpecBuilder],
  ['DataSourceSpec', DataSource.EmuDataSourceSpec],
  ['DataSource', DataSource.EmuDataSource],
  ['DataSourceSheet', DataSource.EmuDataSourceSheet],
  ['DataSourcePivotTable', DataSource.EmuDataSourcePivotTable],
];

test.each(classes)('every prototype method of the emulated %s is a member of the real one', (name, cls) => {
  const real = realMembers(name);
  const own = Object.getOwnPropertyNames(cls.prototype).filter((n) => n !== 'constructor');
  expect(own.length).toBeGreaterThan(0);
  expect(own.filter((n) => !real.has(n))).toEqual([]);
});
