/**
 * The second layer behind the protections of what the ledger is computed from (set-up gives them
 * the owner and the Team as editors): an edit that Sheets let through anyway (a copy of the file
 * drops protections; an older set-up left Plans warning-only) made by someone who is neither the
 * owner nor on Settings > Team is put back, with a note saying why, BEFORE any other reaction runs,
 * so the edit never creates, changes or voids a commission line nor changes who gets paid. Guarded:
 * Leads Status, Deal Value, Closed On, Currency, Partner ID; Partners Plan, Status, Contact Email
 * (the `money` columns); the whole Plans sheet; Settings' money rows (Hold Days, Minimum Payout,
 * Payout Approval, Reporting Currency), the exchange rates and the Team list (the owner's alone).
 * An editor whose e-mail Apps Script withholds (consumer accounts, other domains) is judged by the
 * protection: an edit of a cell whose tracker protection is intact was let through by Sheets for
 * one of its editors (the owner or the Team) and stands; with no protection there, it is put back.
 */
import { UNKNOWN_USER, auditText } from '../../domain/audit/entry';
import { setColumnNotes } from '../../sheets/cell-notes';
import { normalizeHeader, sheetDef, type ColumnDef } from '../../sheets/schema';
import { SETTING_DEFS } from '../../sheets/sheet-defs/settings';
import type { CellValue } from '../../sheets/table';
import { ownerEmail, sameEmail } from '../../sheets/team';
import { intactProtections } from '../../sheets/intact-protections';
import { PROTECTION_PREFIX } from '../../sheets/setup/protect';
import { settingProtection } from '../../sheets/setup/money-protections';
import type { AppContext } from '../context';
import type { EditEvent, EditReaction, EditedRow } from './edit-reaction';

export const moneyGuardMessages = {
  putBack: (header: string, value: string, who: string) =>
    `Only the owner and the Team (Settings > Team) change what commissions are computed from; ${who} is not on it: ${header} put back to ${value === '' ? '(empty)' : value}.`,
  ownerOnly: (value: string, who: string) =>
    `Only the owner edits Settings > Team; ${who} is not the owner: put back to ${value === '' ? '(empty)' : value}.`,
} as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MONEY_SETTINGS = new Set(SETTING_DEFS.filter((d) => d.money).map((d) => normalizeHeader(d.label)));

/** The cell value the shadow's text stands for: a date again, a number again (not in plain-text columns). */
function cellOf(column: ColumnDef, text: string): CellValue {
  if (ISO_INSTANT.test(text) && (column.format === 'date' || column.format === 'text')) return new Date(text);
  if (column.format !== 'plainText' && text !== '' && String(Number(text)) === text) return Number(text);
  return text;
}

/** Which of the row's edited columns are guarded. */
function guardedKeys(edit: EditEvent, row: EditedRow): string[] {
  const def = sheetDef(edit.sheet);
  if (edit.sheet === 'plans') return edit.columns;
  if (edit.sheet !== 'settings')
    return edit.columns.filter((k) => def.columns.some((c) => c.key === k && c.money));
  const label = (v: unknown) => normalizeHeader(auditText(v));
  return edit.columns.filter((key) => {
    if (key === 'team') return true;
    if (key === 'value')
      return MONEY_SETTINGS.has(label(row.after.setting)) || MONEY_SETTINGS.has(label(row.before.setting));
    if (key === 'setting') return MONEY_SETTINGS.has(label(row.before.setting));
    return def.columns.some((c) => c.key === key && c.money);
  });
}

/** The description of the protection that covers this edited cell (set-up's names). */
function protectionOf(edit: EditEvent, row: EditedRow, column: ColumnDef): string {
  const def = sheetDef(edit.sheet);
  if (def.protection === 'sheet') return `${PROTECTION_PREFIX}${def.name}`;
  if (edit.sheet === 'settings' && column.key === 'value') {
    const label = SETTING_DEFS.find(
      (d) => normalizeHeader(d.label) === normalizeHeader(auditText(row.before.setting)),
    );
    return label ? settingProtection(label.label) : '';
  }
  return `${PROTECTION_PREFIX}${def.name} > ${column.header}`;
}

/** The Team as it was before this edit (an edit of the Team list itself does not let its author in). */
function teamBefore(ctx: AppContext, edit: EditEvent): string[] {
  const team = ctx.settings().lists.team;
  if (edit.sheet !== 'settings' || !edit.columns.includes('team')) return team;
  const added = edit.rows.map((r) => auditText(r.after.team).trim()).filter((e) => e !== '');
  const removed = edit.rows.map((r) => String(r.before.team ?? '').trim()).filter((e) => e !== '');
  return [...team.filter((e) => !added.some((a) => sameEmail(a, e))), ...removed];
}

function guard(ctx: AppContext, edit: EditEvent): void {
  if (!edit.rows.length) return;
  const email = ctx.actor.email === UNKNOWN_USER ? '' : ctx.actor.email;
  const owner = ownerEmail(ctx.doc);
  const isOwner = email !== '' && sameEmail(email, owner);
  if (isOwner) return;
  const onTeam = email !== '' && teamBefore(ctx, edit).some((m) => sameEmail(m, email));
  // e-mail withheld: Sheets vouches for the editor where the cell's protection is intact
  const intact = email === '' ? intactProtections(ctx.doc, edit.sheet) : new Set<string>();
  const who = email || 'an editor whose e-mail Apps Script did not give';
  const def = sheetDef(edit.sheet);
  const table = ctx.table(edit.sheet);
  const notes = new Map<string, string[]>();
  const putBack = new Set<string>();
  edit.rows.forEach((row, i) => {
    for (const key of guardedKeys(edit, row)) {
      const ownersOnly = edit.sheet === 'settings' && key === 'team';
      if (onTeam && !ownersOnly) continue;
      const column = def.columns.find((c) => c.key === key);
      if (!column) continue;
      if (email === '' && intact.has(protectionOf(edit, row, column))) continue;
      const old = String(row.before[key] ?? '');
      const list = notes.get(key) ?? edit.rows.map(() => '');
      notes.set(key, list);
      if (auditText(row.after[key]) === old) continue;
      const value = cellOf(column, old);
      table.update(row.row, { [key]: value });
      // what later reactions see: the row as it is again
      row.after[key] = value;
      putBack.add(key);
      list[i] = ownersOnly
        ? moneyGuardMessages.ownerOnly(old, who)
        : moneyGuardMessages.putBack(column.header, old, who);
    }
  });
  for (const [key, list] of notes)
    if (list.some((n) => n !== '')) setColumnNotes(table, key, edit.rows[0].row, list);
  // a column put back in every edited row is no longer edited for the reactions after this one
  const stillEdited = (key: string) =>
    edit.rows.some((r) => auditText(r.after[key]) !== String(r.before[key] ?? ''));
  edit.columns = edit.columns.filter((key) => !putBack.has(key) || stillEdited(key));
}

export const MONEY_GUARD_REACTION: EditReaction = {
  name: 'what the ledger is computed from',
  sheets: ['leads', 'partners', 'plans', 'settings'],
  react: guard,
};
