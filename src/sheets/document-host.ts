/**
 * What the journal's writes and the rows they add need of the document (TrackerDocument implements
 * it): the structural type keeps journal.ts, capacity.ts and setup/extend.ts from importing
 * document.ts, which applies the journal.
 */
import type { Layout } from './layout';
import type { SheetKey } from './schema';
import type { WriteOp } from './write-op';

export interface DocumentHost {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  range(
    id: number,
    name: string,
    row: number,
    col: number,
    rows?: number,
    cols?: number,
  ): GoogleAppsScript.Spreadsheet.Range;
  sheetById(id: number): GoogleAppsScript.Spreadsheet.Sheet | null;
  sheet(key: SheetKey): GoogleAppsScript.Spreadsheet.Sheet | null;
  keyOfSheet(id: number): SheetKey | null;
  layout(): Layout;
  /** True while a journal left by a failed execution is being applied again. */
  replaying(): boolean;
  stage(op: WriteOp): void;
  markLayoutChanged(): void;
  correctMaxRows(id: number, maxRows: number): void;
}
