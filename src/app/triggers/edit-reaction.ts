/**
 * What a reaction to a person's edit is (triggers/edit-reactions.ts runs the list of them; a
 * feature's reaction implements this without importing the list).
 */
import type { ShadowRow } from '../../domain/audit/shadow';
import type { SheetKey } from '../../sheets/schema';
import type { RecordValues } from '../../sheets/table';
import type { AppContext } from '../context';

export interface EditedRow {
  /** 1-based sheet row. */
  row: number;
  /** The row before the edit, as audit text by column key. */
  before: ShadowRow;
  /** The row after the edit, by column key. */
  after: RecordValues;
}

export interface EditEvent {
  sheet: SheetKey;
  rows: EditedRow[];
  /** Keys of the columns the person edited. */
  columns: string[];
}

export interface EditReaction {
  name: string;
  sheets: readonly SheetKey[];
  react(ctx: AppContext, edit: EditEvent): void;
}
