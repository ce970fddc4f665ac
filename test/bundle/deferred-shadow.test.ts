/**
 * A person's one-cell edit of a column no reaction acts on (Notes) keeps its row's new shadow cell
 * in the document properties, written with its pending entry, instead of writing `_Shadow`: 6 calls
 * (issue 19 item 4). What must hold for that (src/sheets/shadow-deferred.ts): every later reader
 * sees the cell (the next paste's old values, a sidebar action on the row, a row insert, a sort),
 * every write of the row supersedes it, the hourly run writes it to `_Shadow`, and an edit that
 * finds every slot taken writes `_Shadow` itself.
 */
import type { Emulator } from '../../emulator/harness';
import type { AuditVerification } from '../../src/shared/api';
import { documentProperties, runHourly, settleDay } from '../support/emulator';
import { addPartner, leadCell, OWNER, register, rowsOf, tracker } from './leads-fixture';

const SLOT = /^tracker\.shadowCell\.\d+$/;

/** The slots holding a cell: their parsed contents (sheet key, row, notes of the shadow row). */
function slots(emu: Emulator): Array<{ k: string; r: number; notes: unknown }> {
  const props = documentProperties(emu).getProperties();
  return Object.keys(props)
    .filter((key) => SLOT.test(key) && props[key])
    .map((key) => {
      const cell = JSON.parse(props[key]) as { k: string; r: number; t: string };
      return { k: cell.k, r: cell.r, notes: (JSON.parse(cell.t) as Record<string, unknown>).notes };
    })
    .sort((a, b) => a.r - b.r);
}

/** The Notes `_Shadow` holds for a lead (the raw sheet, read outside any execution). */
function shadowNotes(emu: Emulator, leadId: string): unknown {
  for (const row of emu.sheets()._Shadow as unknown[][])
    for (const cell of row) {
      if (typeof cell !== 'string' || !cell.startsWith('{')) continue;
      const fields = JSON.parse(cell) as Record<string, unknown>;
      if (fields.leadId === leadId) return fields.notes ?? '';
    }
  return undefined;
}

/** The trigger's service calls for one edit by the owner. */
function editCalls(emu: Emulator, sheet: string, a1: string, value: unknown): string[] {
  const calls: string[] = [];
  const stop = emu.rt.onCall((method) => calls.push(method));
  const outcome = emu.edit(OWNER, sheet, a1, [[value]]);
  stop();
  expect(outcome.fired.every((f) => f.ok)).toBe(true);
  return calls;
}

function verified(emu: Emulator): void {
  expect(emu.call<AuditVerification>(OWNER, 'verifyAuditLog').ok).toBe(true);
}

/** The audit entries of a field, oldest first: [record, old, new]. */
function entries(emu: Emulator, field: string): string[][] {
  return (emu.sheets()['Audit Log'] as unknown[][])
    .filter((row) => row[5] === field)
    .map((row) => [String(row[4]), String(row[7]), String(row[8])]);
}

function program(leads = 6): { emu: Emulator; ids: string[] } {
  const emu = tracker();
  const partnerId = addPartner(emu, { partnerName: 'Alpha Partners' });
  const ids = Array.from(
    { length: leads },
    (_, i) => register(emu, { partnerId, company: `Company ${i}`, domain: `company${i}.test` }).id,
  );
  return { emu, ids };
}

describe("a person's one-cell Notes edit: its shadow cell rides its pending entry", () => {
  it('makes 6 calls, leaves _Shadow as it was and keeps the cell in a slot', () => {
    const { emu, ids } = program();
    const calls = editCalls(emu, 'Leads', leadCell(emu, ids[1], 'Notes'), 'called them');
    expect(calls).toEqual([
      'Lock.waitLock',
      'Properties.getProperties',
      'Range.getValues', // the log's rows past the last commit's append (its journal check)
      'Range.getValues', // the edited row
      'Properties.setProperties', // the pending entry and the row's shadow cell
      'Range.setValues', // the audit append
    ]);
    expect(shadowNotes(emu, ids[1])).toBe('');
    expect(slots(emu)).toEqual([{ k: 'leads', r: 3, notes: 'called them' }]);
    expect(entries(emu, 'Notes')).toEqual([[ids[1], '', 'called them']]);
    verified(emu);
  });

  it("the next paste over the cell logs the edit's value as the old one", () => {
    const { emu, ids } = program();
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[1], 'Notes'), [['called them']]);
    // a second edit of another row: its own slot, the first one's still read
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[4], 'Notes'), [['no answer']]);
    expect(slots(emu).map((s) => s.r)).toEqual([3, 6]);
    const from = leadCell(emu, ids[1], 'Notes');
    const to = leadCell(emu, ids[2], 'Notes');
    emu.edit(OWNER, 'Leads', `${from}:${to}`, [['sent the deck'], ['met them']]);
    expect(entries(emu, 'Notes')).toEqual([
      [ids[1], '', 'called them'],
      [ids[4], '', 'no answer'],
      [ids[1], 'called them', 'sent the deck'],
      [ids[2], '', 'met them'],
    ]);
    // the paste wrote rows 3 and 4 of _Shadow: row 3's slot went with that commit, row 6's waits
    expect(shadowNotes(emu, ids[1])).toBe('sent the deck');
    expect(slots(emu)).toEqual([{ k: 'leads', r: 6, notes: 'no answer' }]);
    verified(emu);
  });

  it('a sidebar action on the row keeps the edit (read through the slot) and frees the slot', () => {
    const { emu, ids } = program();
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[2], 'Notes'), [['called them']]);
    emu.call(OWNER, 'reviewLead', ids[2], 'approve');
    const row = rowsOf(emu, 'Leads').find((r) => r['Lead ID'] === ids[2])!;
    expect([row.Status, row.Notes]).toEqual(['Approved', 'called them']);
    expect(shadowNotes(emu, ids[2])).toBe('called them');
    expect(slots(emu)).toEqual([]);
    // and the next edit of the cell logs the right old value
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[2], 'Notes'), [['signed']]);
    expect(entries(emu, 'Notes').pop()).toEqual([ids[2], 'called them', 'signed']);
    verified(emu);
  });

  it('rows inserted or deleted above: the cell moves with its row', () => {
    const { emu, ids } = program();
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[3], 'Notes'), [['called them']]);
    expect(emu.insertRows(OWNER, 'Leads', 2, 1).fired.every((f) => f.ok)).toBe(true);
    // the change trigger rewrote the column (rows moved), the edit in it, and dropped the slot
    expect(slots(emu)).toEqual([]);
    expect(shadowNotes(emu, ids[3])).toBe('called them');
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[4], 'Notes'), [['waiting']]);
    expect(slots(emu)).toEqual([{ k: 'leads', r: 7, notes: 'waiting' }]);
    expect(emu.deleteRows(OWNER, 'Leads', 2, 2).fired.every((f) => f.ok)).toBe(true);
    expect(slots(emu)).toEqual([]);
    expect(shadowNotes(emu, ids[4])).toBe('waiting');
    // a paste over both cells finds the right old values (the shadow's, now at their new rows)
    const from = leadCell(emu, ids[3], 'Notes');
    const to = leadCell(emu, ids[4], 'Notes');
    emu.edit(OWNER, 'Leads', `${from}:${to}`, [['again'], ['still waiting']]);
    expect(entries(emu, 'Notes').slice(-2)).toEqual([
      [ids[3], 'called them', 'again'],
      [ids[4], 'waiting', 'still waiting'],
    ]);
    verified(emu);
  });

  it('an hourly run writes the waiting cells to _Shadow, one write per block of rows, and frees the slots', () => {
    const { emu, ids } = program();
    for (const [i, note] of [
      [1, 'one'],
      [2, 'two'],
      [5, 'five'],
    ] as const)
      emu.edit(OWNER, 'Leads', leadCell(emu, ids[i], 'Notes'), [[note]]);
    expect(slots(emu).map((s) => s.r)).toEqual([3, 4, 7]);
    // in whichever of the day's executions its calls fit (call-budget.ts)
    const folds = settleDay(emu).hourly.filter((j) => j.name === 'shadow cells');
    expect(folds.map((j) => j.result)).toEqual([{ blocks: 2 }]);
    expect(slots(emu)).toEqual([]);
    expect([shadowNotes(emu, ids[1]), shadowNotes(emu, ids[2]), shadowNotes(emu, ids[5])]).toEqual([
      'one',
      'two',
      'five',
    ]);
    // nothing waits: the next hour's job has nothing to do
    emu.rt.advance(3_600_000);
    const next = runHourly(emu);
    expect(
      (next.result as { hourly?: Array<{ name: string }> }).hourly?.some((j) => j.name === 'shadow cells'),
    ).toBeFalsy();
    verified(emu);
  });

  it('with every slot taken, the edit writes _Shadow itself (journaled, the same calls as before)', () => {
    const { emu, ids } = program(14);
    for (let i = 0; i < 12; i++) emu.edit(OWNER, 'Leads', leadCell(emu, ids[i], 'Notes'), [[`note ${i}`]]);
    expect(slots(emu)).toHaveLength(12);
    const calls = editCalls(emu, 'Leads', leadCell(emu, ids[12], 'Notes'), 'note 12');
    expect(calls.filter((m) => m === 'Range.setValues')).toHaveLength(2); // its shadow cell, the append
    expect(calls).toHaveLength(7);
    expect(shadowNotes(emu, ids[12])).toBe('note 12');
    expect(slots(emu)).toHaveLength(12);
    // an edit of a row that waits takes its own slot again
    const again = editCalls(emu, 'Leads', leadCell(emu, ids[3], 'Notes'), 'note 3 again');
    expect(again).toHaveLength(6);
    expect(slots(emu).find((s) => s.r === 5)?.notes).toBe('note 3 again');
    expect(entries(emu, 'Notes').slice(-2)).toEqual([
      [ids[12], '', 'note 12'],
      [ids[3], 'note 3', 'note 3 again'],
    ]);
    verified(emu);
    // an hourly run writes 8 blocks of rows: 12 adjacent rows are one
    settleDay(emu);
    expect(slots(emu)).toEqual([]);
    expect(shadowNotes(emu, ids[3])).toBe('note 3 again');
  });

  it('rows far apart: the hourly run writes 8 blocks an hour, the rest the next hour', () => {
    const { emu, ids } = program(24);
    for (let i = 0; i < 12; i++)
      emu.edit(OWNER, 'Leads', leadCell(emu, ids[i * 2], 'Notes'), [[`note ${i}`]]);
    expect(slots(emu)).toHaveLength(12);
    // the day's runs, then the next hours: 8 blocks an execution, where its calls fit
    const hourly = settleDay(emu).hourly;
    emu.rt.advance(3_600_000);
    hourly.push(...((runHourly(emu).result as { hourly?: typeof hourly }).hourly ?? []));
    const folds = hourly.filter((j) => j.name === 'shadow cells').map((j) => j.result);
    expect(folds).toEqual([{ blocks: 8 }, { blocks: 4 }]);
    expect(slots(emu)).toHaveLength(0);
    expect(ids.filter((_, i) => i % 2 === 0).map((id) => shadowNotes(emu, id))).toEqual(
      Array.from({ length: 12 }, (_, i) => `note ${i}`),
    );
    verified(emu);
  });

  it('a Partners Notes edit too; a Status edit (what money is computed from) stores its entry first, as before', () => {
    const { emu, ids } = program(2);
    const [headers, ...rows] = emu.sheets().Partners as unknown[][];
    const notes = `${String.fromCharCode(65 + (headers as string[]).indexOf('Notes'))}${
      rows.findIndex((r) => r[0] === 'P-0001') + 2
    }`;
    expect(editCalls(emu, 'Partners', notes, 'key account')).toHaveLength(6);
    expect(slots(emu)).toEqual([{ k: 'partners', r: 2, notes: 'key account' }]);
    const status = editCalls(emu, 'Leads', leadCell(emu, ids[0], 'Status'), 'Approved');
    // its pending entry is its first write, before the row is read
    expect(status.slice(0, 4)).toEqual([
      'Lock.waitLock',
      'Properties.getProperties',
      'Range.getValues',
      'Properties.setProperties',
    ]);
    verified(emu);
  });

  it('a trigger killed after its entry and before its append: the next execution records the edit once', () => {
    const { emu, ids } = program();
    emu.rt.failCall('Range.setValues', 'Service Spreadsheets timed out (injected kill)', { fatal: true });
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[1], 'Notes'), [['called them']]);
    emu.rt.clearFaults();
    expect(entries(emu, 'Notes')).toEqual([]);
    expect(slots(emu)).toEqual([{ k: 'leads', r: 3, notes: 'called them' }]);
    verified(emu); // the next execution: it records the edit from its entry
    expect(entries(emu, 'Notes')).toEqual([[ids[1], '', 'called them']]);
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[1], 'Notes'), [['again']]);
    expect(entries(emu, 'Notes')).toEqual([
      [ids[1], '', 'called them'],
      [ids[1], 'called them', 'again'],
    ]);
    verified(emu);
  });
});
