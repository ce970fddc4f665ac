/**
 * Edit reactions that stand in for what the protections no longer stop, since the Team may edit
 * every protected range (their executions write there): a hand edit of a script-filled column
 * (Lead ID, Partner Name on Leads, Conflict, Expires On, Partner ID) by anyone but the owner is put
 * back with a note saying why; an edit of Settings > Team (only the owner may make one) gives the
 * protections the new Team as editors. Both run in the installable edit trigger, as the owner.
 */
import { auditText } from '../../domain/audit/entry';
import { setColumnNotes } from '../../sheets/cell-notes';
import { sheetDef, type ColumnDef } from '../../sheets/schema';
import { settingsFrom } from '../../sheets/settings-reader';
import type { CellValue } from '../../sheets/table';
import { ownerEmail, sameEmail, syncTeamProtections } from '../../sheets/team';
import type { AppContext } from '../context';
import type { EditEvent, EditReaction } from './edit-reaction';

export const guardMessages = {
  putBack: (header: string, value: string) =>
    `${header} is filled by the tracker and cannot be edited by hand: put back to ${value === '' ? '(empty)' : value}.`,
} as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The cell value the shadow's text stands for (a date column's ISO instant is a Date again). */
function cellOf(column: ColumnDef, text: string): CellValue {
  if (column.format === 'date' && ISO_INSTANT.test(text)) return new Date(text);
  return text;
}

function putBackScriptColumns(ctx: AppContext, edit: EditEvent): void {
  const def = sheetDef(edit.sheet);
  // The id column is put back for everyone, the owner included (id-edits.ts).
  const columns = def.columns.filter(
    (c) => c.protected && edit.columns.includes(c.key) && c.key !== def.id?.column,
  );
  if (!columns.length || !edit.rows.length) return;
  if (sameEmail(ctx.actor.email, ownerEmail(ctx.doc))) return;
  const table = ctx.table(edit.sheet);
  for (const column of columns) {
    const notes = edit.rows.map(({ row, before, after }) => {
      const old = before[column.key] ?? '';
      if (auditText(after[column.key]) === old) return '';
      table.update(row, { [column.key]: cellOf(column, old) });
      return guardMessages.putBack(column.header, old);
    });
    setColumnNotes(table, column.key, edit.rows[0].row, notes);
  }
}

function syncTeam(ctx: AppContext, edit: EditEvent): void {
  if (!edit.columns.includes('team')) return;
  const team = settingsFrom(ctx.table('settings')).lists.team;
  syncTeamProtections(ctx.doc.ss, ownerEmail(ctx.doc), team);
}

export const SCRIPT_COLUMNS_REACTION: EditReaction = {
  name: 'script-filled columns',
  sheets: ['partners', 'leads'],
  react: putBackScriptColumns,
};

/**
 * Any edit of Settings: the sheet is read after the edit, and the commit stores what it read as the
 * settings other executions use (AppContext.settings).
 */
export const SETTINGS_CACHE_REACTION: EditReaction = {
  name: 'stored settings',
  sheets: ['settings'],
  react: (ctx) => void ctx.table('settings').rows(),
};

export const TEAM_REACTION: EditReaction = {
  name: 'team protections',
  sheets: ['settings'],
  react: syncTeam,
};
