/**
 * Record ids are the tracker's, whoever types over them: a hand edit of a sheet's id column (Lead
 * ID, Partner ID on Partners, Plan ID, Commission ID, Payout ID), the owner's included, is put back
 * with a note saying why. An id typed by hand would break the links to it (commissions, the audit
 * trail) and move the id sequence (L-999999 makes every later lead a 7-digit id). Runs in the
 * installable edit trigger, as the owner, with the other edit reactions.
 */
import { auditText } from '../../domain/audit/entry';
import { setColumnNotes } from '../../sheets/cell-notes';
import { sheetDef } from '../../sheets/schema';
import type { AppContext } from '../context';
import type { EditEvent, EditReaction } from './edit-reaction';
import { guardMessages } from './team-edits';

/** The id column of the edited sheet, when the edit touched it. */
export function editedIdColumn(edit: EditEvent): string | null {
  const id = sheetDef(edit.sheet).id?.column;
  return id && edit.columns.includes(id) ? id : null;
}

function putBackIds(ctx: AppContext, edit: EditEvent): void {
  const key = editedIdColumn(edit);
  if (!key || !edit.rows.length) return;
  const header = sheetDef(edit.sheet).columns.find((c) => c.key === key)?.header ?? key;
  const table = ctx.table(edit.sheet);
  const notes = edit.rows.map(({ row, before, after }) => {
    const old = before[key] ?? '';
    if (auditText(after[key]) === old) return '';
    table.update(row, { [key]: old });
    return guardMessages.putBack(header, old);
  });
  setColumnNotes(table, key, edit.rows[0].row, notes);
}

export const ID_COLUMNS_REACTION: EditReaction = {
  name: 'record ids',
  sheets: ['partners', 'leads', 'plans', 'commissions', 'payouts'],
  react: putBackIds,
};
