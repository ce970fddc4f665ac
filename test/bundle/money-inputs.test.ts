/**
 * Only the owner and the Team change what the ledger is computed from, through the bundle:
 * - set-up protects (not warning-only) Leads Status / Deal Value / Closed On / Currency / Partner ID,
 *   Partners Plan / Status / Contact Email, the whole Plans sheet, and in Settings Hold Days,
 *   Minimum Payout, Payout Approval, Reporting Currency and the exchange rates, each listing the
 *   owner and the Team, and following every Team change;
 * - an editor of the file off the Team is refused by Sheets (the emulator's person edit checks
 *   protections as Sheets does);
 * - where a protection is gone (a copy of the file drops them), the edit trigger puts such an edit
 *   back with a note, and it never creates, changes or voids a commission line;
 * - a Team member's edit of Status and Deal Value keeps working.
 * Google: Protection.setWarningOnly, addEditors, removeEditors
 * (developers.google.com/apps-script/reference/spreadsheet/protection); "protected ranges and
 * sheets" (support.google.com/docs/answer/1218656): people without permission cannot edit.
 */
import type { Emulator } from '../../emulator/harness';
import type { Commission } from '../../src/shared/api';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';
import { cellOf, partnerOn, rowOf, wonDeal } from './commissions-fixture';
import { addToSettingsList } from './leads-fixture';

const COLLEAGUE = 'colleague@acme.test';
const P = 'Partnership Tracker: ';

function tracker(): Emulator {
  const emu = newEmulator({ editors: [TEAMMATE, COLLEAGUE] });
  const setup = emu.call<{ ok: boolean; message: string }>(OWNER, 'setupTracker');
  if (!setup.ok) throw new Error(setup.message);
  addToSettingsList(emu, 'Team', TEAMMATE);
  return emu;
}

function protections(emu: Emulator): Record<string, { editors: string[]; warningOnly: boolean }> {
  return emu.rt.uncounted(() => {
    const out: Record<string, { editors: string[]; warningOnly: boolean }> = {};
    for (const type of ['SHEET', 'RANGE'] as const) {
      for (const p of emu.spreadsheet.getProtections(type)) {
        if (!p.getDescription().startsWith(P)) continue;
        const warningOnly = p.isWarningOnly();
        out[p.getDescription()] = {
          warningOnly,
          editors: warningOnly
            ? []
            : p
                .getEditors()
                .map((u) => u.getEmail())
                .sort(),
        };
      }
    }
    return out;
  });
}

function removeProtection(emu: Emulator, description: string): void {
  emu.rt.uncounted(() => {
    for (const type of ['SHEET', 'RANGE'] as const)
      for (const p of emu.spreadsheet.getProtections(type))
        if (p.getDescription() === description) p.remove();
  });
}

function settingCell(emu: Emulator, label: string): string {
  const row = emu.sheets().Settings.findIndex((r) => r[0] === label);
  return `B${row + 1}`;
}

function note(emu: Emulator, sheet: string, a1: string): string {
  return emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(sheet)!.getRange(a1).getNote());
}

const GUARDED = [
  'Leads > Partner ID',
  'Leads > Currency',
  'Leads > Status',
  'Leads > Closed On',
  'Leads > Deal Value',
  'Partners > Contact Email',
  'Partners > Plan',
  'Partners > Status',
  'Plans',
  'Settings > Rate Date',
  'Settings > Rate Currency',
  'Settings > Rate',
  'Settings > Hold Days',
  'Settings > Minimum Payout',
  'Settings > Payout Approval',
  'Settings > Reporting Currency',
].map((d) => P + d);

describe('the protections of what the ledger is computed from', () => {
  const emu = tracker();

  it('are full protections (not warning-only) listing the owner and the Team', () => {
    const all = protections(emu);
    for (const description of GUARDED) {
      expect([description, all[description]]).toEqual([
        description,
        { warningOnly: false, editors: [OWNER, TEAMMATE].sort() },
      ]);
    }
    expect(all[`${P}Settings > Team`]).toEqual({ warningOnly: false, editors: [OWNER] });
  });

  it('refuse an editor of the file who is not on the Team', () => {
    const a = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10 }, 'Alpha');
    const lead = wonDeal(emu, a, 1000);
    const refused = (sheet: string, a1: string, value: unknown) =>
      emu.edit(COLLEAGUE, sheet, a1, [[value]]).ok;
    expect(refused('Leads', cellOf(emu, 'Leads', lead, 'Deal Value'), 500000)).toBe(false);
    expect(refused('Leads', cellOf(emu, 'Leads', lead, 'Status'), 'Lost')).toBe(false);
    expect(refused('Leads', cellOf(emu, 'Leads', lead, 'Closed On'), '2026-01-01')).toBe(false);
    expect(refused('Partners', cellOf(emu, 'Partners', a, 'Contact Email'), 'thief@x.test')).toBe(false);
    expect(refused('Partners', cellOf(emu, 'Partners', a, 'Plan'), '')).toBe(false);
    expect(refused('Plans', 'E2', 90)).toBe(false);
    expect(refused('Settings', settingCell(emu, 'Hold Days'), 0)).toBe(false);
    expect(refused('Settings', settingCell(emu, 'Minimum Payout'), 0)).toBe(false);
    // what is not money stays open to every editor
    expect(refused('Leads', cellOf(emu, 'Leads', lead, 'Notes'), 'called them')).toBe(true);
  });

  it("a Team member's edit of Status and Deal Value keeps working (the ledger follows)", () => {
    const a = partnerOn(emu, { name: 'Five', type: 'percent', rate: 5, holdDays: 0 }, 'Beta');
    const lead = wonDeal(emu, a, 1000);
    expect(emu.edit(TEAMMATE, 'Leads', cellOf(emu, 'Leads', lead, 'Deal Value'), [[2000]]).ok).toBe(true);
    const mine = emu.call<Commission[]>(OWNER, 'listCommissions', {}).filter((l) => l.leadId === lead);
    expect(mine.filter((l) => l.status !== 'Void').map((l) => l.amount)).toEqual([100]);
  });

  it('follow a Team change: a member removed is no longer an editor', () => {
    const [headers, ...rows] = emu.sheets().Settings;
    const col = headers.indexOf('Team');
    const row = rows.findIndex((r) => r[col] === TEAMMATE) + 2;
    expect(emu.edit(OWNER, 'Settings', `${String.fromCharCode(65 + col)}${row}`, [['']]).ok).toBe(true);
    const all = protections(emu);
    for (const description of GUARDED)
      expect([description, all[description].editors]).toEqual([description, [OWNER]]);
    expect(emu.edit(TEAMMATE, 'Plans', 'E2', [[50]]).ok).toBe(false);
  });
});

describe('where Sheets let an off-Team edit through (its protection gone), the edit trigger puts it back', () => {
  it('Status Won and a Deal Value typed by a colleague create no commission line and are put back with a note', () => {
    const emu = tracker();
    const a = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 }, 'Alpha');
    const { id: lead } = emu.call<{ id: string }>(OWNER, 'registerLead', {
      partnerId: a,
      company: 'Target Co',
      domain: 'target.test',
    });
    emu.call(OWNER, 'reviewLead', lead, 'approve');
    for (const d of ['Leads > Status', 'Leads > Deal Value', 'Leads > Closed On'])
      removeProtection(emu, P + d);
    const status = cellOf(emu, 'Leads', lead, 'Status');
    const value = cellOf(emu, 'Leads', lead, 'Deal Value');
    const colleague = (a1: string, v: unknown) => {
      const outcome = emu.edit(COLLEAGUE, 'Leads', a1, [[v]]);
      expect(outcome.ok).toBe(true);
      expect(outcome.fired.every((f) => f.ok)).toBe(true);
    };
    colleague(value, 500000);
    colleague(status, 'Won');
    expect(rowOf(emu, 'Leads', lead)).toMatchObject({ Status: 'Approved', 'Deal Value': '' });
    expect(note(emu, 'Leads', status)).toBe(
      `Only the owner and the Team (Settings > Team) change what commissions are computed from; ${COLLEAGUE} is not on it: Status put back to Approved.`,
    );
    expect(note(emu, 'Leads', value)).toMatch(/Deal Value put back to \(empty\)/);
    emu.call(OWNER, 'runCommissions');
    expect(emu.call<Commission[]>(OWNER, 'listCommissions', {})).toEqual([]);
  });

  it("a colleague's Plans rate, Hold Days and a partner's Contact Email are put back; the ledger is unchanged", () => {
    const emu = tracker();
    const a = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 }, 'Alpha');
    wonDeal(emu, a, 1000);
    const before = emu.call<Commission[]>(OWNER, 'listCommissions', {});
    expect(before.map((l) => l.amount)).toEqual([100]);
    for (const d of ['Plans', 'Settings > Hold Days', 'Partners > Contact Email'])
      removeProtection(emu, P + d);
    const rate = cellOf(emu, 'Plans', 'PL-001', 'Rate');
    expect(emu.edit(COLLEAGUE, 'Plans', rate, [[90]]).ok).toBe(true);
    expect(emu.edit(COLLEAGUE, 'Settings', settingCell(emu, 'Hold Days'), [[0]]).ok).toBe(true);
    const email = cellOf(emu, 'Partners', a, 'Contact Email');
    expect(emu.edit(COLLEAGUE, 'Partners', email, [['thief@elsewhere.test']]).ok).toBe(true);
    expect(rowOf(emu, 'Plans', 'PL-001').Rate).toBe(10);
    expect(rowOf(emu, 'Settings', 'Hold Days').Value).toBe(30);
    expect(rowOf(emu, 'Partners', a)['Contact Email']).toBe('alpha@partner.test');
    expect(note(emu, 'Plans', rate)).toMatch(/Rate put back to 10\.$/);
    emu.call(OWNER, 'runCommissions');
    expect(emu.call<Commission[]>(OWNER, 'listCommissions', {})).toEqual(before);
  });

  it('an owner-only Team list: a colleague adding themselves is put back and gains nothing', () => {
    const emu = tracker();
    removeProtection(emu, `${P}Settings > Team`);
    const [headers, ...rows] = emu.sheets().Settings;
    const col = headers.indexOf('Team');
    const free = rows.findIndex((r) => r[col] === '' || r[col] === undefined) + 2;
    const a1 = `${String.fromCharCode(65 + col)}${free}`;
    expect(emu.edit(COLLEAGUE, 'Settings', a1, [[COLLEAGUE]]).ok).toBe(true);
    expect(emu.sheets().Settings[free - 1][col]).toBe('');
    expect(protections(emu)[`${P}Leads > Deal Value`].editors).toEqual([OWNER, TEAMMATE].sort());
  });

  it('an editor whose e-mail Apps Script withholds: kept where the protection vouches for them, put back where none does', () => {
    // another domain: the edit trigger's e.user is '' for them (as for consumer accounts)
    const OUTSIDE = 'finance@other-co.test';
    const emu = newEmulator({ editors: [OUTSIDE, COLLEAGUE] });
    emu.call(OWNER, 'setupTracker');
    addToSettingsList(emu, 'Team', OUTSIDE);
    const a = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 }, 'Alpha');
    const lead = wonDeal(emu, a, 1000);
    const value = cellOf(emu, 'Leads', lead, 'Deal Value');
    // the protection lists the Team: Sheets let the Team member through, and the edit stands
    expect(emu.edit(OUTSIDE, 'Leads', value, [[2000]]).ok).toBe(true);
    expect(rowOf(emu, 'Leads', lead)['Deal Value']).toBe(2000);
    // no protection any more: nothing vouches for an unnamed editor, the edit is put back
    removeProtection(emu, `${P}Leads > Deal Value`);
    expect(emu.edit(OUTSIDE, 'Leads', value, [[3000]]).ok).toBe(true);
    expect(rowOf(emu, 'Leads', lead)['Deal Value']).toBe(2000);
    expect(note(emu, 'Leads', value)).toMatch(/an editor whose e-mail Apps Script did not give is not on it/);
  });
});
