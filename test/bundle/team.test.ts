/**
 * Settings > Team through the bundle: the protections' editors are the owner and the Team, the Team
 * may write through the sidebar, other editors of the file are refused before anything is written,
 * and what the protections no longer stop (a team member's hand edits) is put back or recorded.
 */
import type { Emulator } from '../../emulator/harness';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';
import { addPartner, addToSettingsList, leadCell, register, rowsOf } from './leads-fixture';

/** An editor of the file who is not on the tracker's team (e.g. a partner given access for notes). */
const COLLEAGUE = 'colleague@acme.test';

function tracker(): Emulator {
  const emu = newEmulator({ editors: [TEAMMATE, COLLEAGUE] });
  const setup = emu.call<{ ok: boolean; message: string }>(OWNER, 'setupTracker');
  if (!setup.ok) throw new Error(setup.message);
  return emu;
}

/** Each tracker protection (not warning-only) and its editors, sorted. */
function protections(emu: Emulator): Record<string, string[]> {
  return emu.rt.uncounted(() => {
    const out: Record<string, string[]> = {};
    for (const type of ['SHEET', 'RANGE'] as const) {
      for (const p of emu.spreadsheet.getProtections(type)) {
        if (!p.getDescription().startsWith('Partnership Tracker: ') || p.isWarningOnly()) continue;
        out[p.getDescription()] = p
          .getEditors()
          .map((u) => u.getEmail())
          .sort();
      }
    }
    return out;
  });
}

function teamList(emu: Emulator): unknown[] {
  const [headers, ...rows] = emu.sheets().Settings;
  const col = headers.indexOf('Team');
  return rows.map((r) => r[col]).filter((v) => v !== '' && v !== undefined);
}

function setTeam(emu: Emulator, members: string[]): void {
  const [headers] = emu.sheets().Settings;
  const letter = String.fromCharCode(65 + headers.indexOf('Team'));
  const values = [...members, ...Array.from({ length: 5 }, () => '')].slice(0, Math.max(5, members.length));
  emu.rt.uncounted(() =>
    emu.spreadsheet
      .getSheetByName('Settings')!
      .getRange(`${letter}2:${letter}${values.length + 1}`)
      .setValues(values.map((v) => [v])),
  );
}

describe('set-up and the Team', () => {
  const emu = tracker();

  it('seeds Settings > Team with the owner and names it', () => {
    expect(emu.sheets().Settings[0]).toContain('Team');
    expect(teamList(emu)).toEqual([OWNER]);
    expect(emu.rt.uncounted(() => emu.spreadsheet.getRangeByName('TrackerTeam'))).not.toBeNull();
  });

  it('gives every protection the owner (and the Team) as its only editors; Team itself the owner alone', () => {
    const all = protections(emu);
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining([
        'Partnership Tracker: Leads > Lead ID',
        'Partnership Tracker: Leads > Partner Name',
        'Partnership Tracker: Leads > Expires On',
        'Partnership Tracker: Leads > Conflict',
        'Partnership Tracker: Partners > Partner ID',
        'Partnership Tracker: Commissions',
        'Partnership Tracker: Payouts',
        'Partnership Tracker: Audit Log',
        'Partnership Tracker: _Shadow',
        'Partnership Tracker: Settings > Team',
      ]),
    );
    for (const editors of Object.values(all)) expect(editors).toEqual([OWNER]);
  });

  it("the owner's edit of Team gives the protections the new team (edit trigger)", () => {
    addToSettingsList(emu, 'Team', TEAMMATE);
    const all = protections(emu);
    expect(all['Partnership Tracker: Leads > Lead ID']).toEqual([OWNER, TEAMMATE].sort());
    expect(all['Partnership Tracker: Audit Log']).toEqual([OWNER, TEAMMATE].sort());
    expect(all['Partnership Tracker: _Shadow']).toEqual([OWNER, TEAMMATE].sort());
    expect(all['Partnership Tracker: Settings > Team']).toEqual([OWNER]);
  });

  it('re-running set-up syncs the editors with the Team list (and reports it)', () => {
    setTeam(emu, [OWNER, COLLEAGUE]);
    const report = emu.call<{ repaired: string[] }>(OWNER, 'setupTracker');
    expect(report.repaired).toContain(
      'protection editors of Partnership Tracker: Leads > Lead ID (owner and Team)',
    );
    const all = protections(emu);
    expect(all['Partnership Tracker: Leads > Lead ID']).toEqual([COLLEAGUE, OWNER].sort());
    expect(all['Partnership Tracker: Settings > Team']).toEqual([OWNER]);
    const again = emu.call<{ repaired: string[] }>(OWNER, 'setupTracker');
    expect(again.repaired).toEqual([]);
  });

  it('only the owner may edit Team: a team member cannot add someone', () => {
    const [headers] = emu.sheets().Settings;
    const letter = String.fromCharCode(65 + headers.indexOf('Team'));
    expect(emu.edit(COLLEAGUE, 'Settings', `${letter}9`, [[TEAMMATE]]).ok).toBe(false);
  });
});

describe('writing through the sidebar', () => {
  const emu = tracker();
  const partnerId = addPartner(emu, { partnerName: 'Beta Partners' });
  addToSettingsList(emu, 'Team', TEAMMATE);

  it('a teammate on the Team registers a lead (row, audit entry and shadow written as them)', () => {
    const result = register(emu, { partnerId, company: 'Teammate Logistics' }, TEAMMATE);
    expect(result.id).toBe('L-000001');
    expect(rowsOf(emu, 'Leads').map((r) => r['Lead ID'])).toEqual(['L-000001']);
    const audit = rowsOf(emu, 'Audit Log').filter((r) => r['Record ID'] === 'L-000001');
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((r) => r.User === TEAMMATE)).toBe(true);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });

  it('an editor not on the Team is refused with a clear message, and nothing is written', () => {
    const before = emu.sheets();
    const properties = emu.rt.uncounted(() =>
      JSON.stringify(emu.services.globals.PropertiesService.getDocumentProperties().getProperties()),
    );
    const outcomes = [
      emu.measure(() => register(emu, { partnerId, company: 'Colleague Corp' }, COLLEAGUE)),
      emu.measure(() =>
        emu.call(COLLEAGUE, 'savePartner', {
          partnerName: 'Gamma',
          contactEmail: 'g@g.test',
          type: 'Referral',
        }),
      ),
      emu.measure(() => emu.call(COLLEAGUE, 'reviewLead', 'L-000001', 'approve', 'ok')),
      emu.measure(() => emu.call(COLLEAGUE, 'runCommissions')),
    ];
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toBe(
        "colleague@acme.test is not on the tracker's team: ask the owner to add you in Settings > Team.",
      );
    }
    expect(emu.sheets()).toEqual(before);
    expect(
      emu.rt.uncounted(() =>
        JSON.stringify(emu.services.globals.PropertiesService.getDocumentProperties().getProperties()),
      ),
    ).toBe(properties);
  });

  it('an editor not on the Team still reads (lists leads)', () => {
    expect(emu.call<Array<{ id: string }>>(COLLEAGUE, 'listLeads', {}).map((l) => l.id)).toEqual([
      'L-000001',
    ]);
  });
});

describe('what the protections no longer stop for the Team', () => {
  const emu = tracker();
  const partnerId = addPartner(emu, { partnerName: 'Beta Partners' });
  addToSettingsList(emu, 'Team', TEAMMATE);
  const id = register(emu, { partnerId, company: 'Acme Inc' }).id;

  it("a team member's edit of Lead ID is put back, with a note saying why", () => {
    const a1 = leadCell(emu, id, 'Lead ID');
    const outcome = emu.edit(TEAMMATE, 'Leads', a1, [['L-999999']]);
    expect(outcome.ok).toBe(true);
    expect(outcome.fired.every((f) => f.ok)).toBe(true);
    expect(rowsOf(emu, 'Leads')[0]['Lead ID']).toBe(id);
    const note = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Leads')!.getRange(a1).getNote());
    expect(note).toBe(`Lead ID is filled by the tracker and cannot be edited by hand: put back to ${id}.`);
    const audit = rowsOf(emu, 'Audit Log').slice(-2);
    expect(audit.map((r) => [r.Source, r.Field, r['Old Value'], r['New Value']])).toEqual([
      ['edit', 'Lead ID', id, 'L-999999'],
      ['trigger', 'Lead ID', 'L-999999', id],
    ]);
  });

  it('an editor not on the Team is still refused by the protection', () => {
    const editors = newEmulator({ editors: [TEAMMATE, COLLEAGUE] });
    editors.call(OWNER, 'setupTracker');
    expect(editors.edit(COLLEAGUE, 'Leads', 'A2', [['L-1']]).ok).toBe(false);
    expect(editors.edit(COLLEAGUE, 'Audit Log', 'A2', [['forged']]).ok).toBe(false);
  });

  it("a team member's edit of the Audit Log is recorded, and verification reports the break", () => {
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
    const outcome = emu.edit(TEAMMATE, 'Audit Log', 'I2', [['forged']]);
    expect(outcome.ok).toBe(true);
    const last = rowsOf(emu, 'Audit Log').slice(-1)[0];
    expect([last.User, last.Source, last.Sheet, last.Field, last.Cell, last['New Value']]).toEqual([
      TEAMMATE,
      'edit',
      'Audit Log',
      'New Value (edited by hand)',
      'I2',
      'forged',
    ]);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: false, firstBadRow: 2 });
  });
});

/**
 * Set up tracker changes the protections' editors: Google's Protection.getEditors() and
 * canDomainEdit() throw for a user who cannot edit the protected range
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection), and Settings > Team
 * is protected for the owner alone. So set-up is the owner's: a team member is told to ask them.
 */
describe("Set up tracker is the owner's", () => {
  const emu = tracker();
  addToSettingsList(emu, 'Team', TEAMMATE);

  it("a team member cannot read the Team protection's editors (Google throws; so does the emulator)", () => {
    const error = emu.rt.execute(
      { kind: 'call', activeUser: TEAMMATE, effectiveUser: TEAMMATE, authMode: 'FULL' },
      () => {
        const team = emu.spreadsheet
          .getProtections('RANGE')
          .find((p) => p.getDescription() === 'Partnership Tracker: Settings > Team')!;
        try {
          team.getEditors();
          return '';
        } catch (err) {
          return String(err);
        }
      },
    );
    expect(error).toBe('Exception: You do not have permission to perform that action.');
  });

  it('a team member running it is told plainly to ask the owner, and nothing is changed', () => {
    // something for set-up to repair: a protection gone
    emu.rt.uncounted(() =>
      emu.spreadsheet
        .getProtections('RANGE')
        .find((p) => p.getDescription() === 'Partnership Tracker: Leads > Conflict')!
        .remove(),
    );
    const before = emu.sheets();
    const editors = protections(emu);
    const report = emu.call<{ ok: boolean; message: string }>(TEAMMATE, 'setupTracker');
    expect(report.ok).toBe(false);
    expect(report.message).toBe(
      `Set up tracker is for the spreadsheet's owner (${OWNER}): ask them to run it. It changes protections that only the owner can edit, and the tracker's triggers run as the person who installs them. (${TEAMMATE} can keep working with the tracker as a team member.)`,
    );
    expect(emu.sheets()).toEqual(before);
    expect(protections(emu)).toEqual(editors);
    const progress = emu.measure(() => emu.call(TEAMMATE, 'continueSetup'));
    expect(progress.ok).toBe(false);
    expect(progress.error).toMatch(/^Set up tracker is for the spreadsheet's owner/);
  });

  it('the owner running it repairs what was missing', () => {
    const report = emu.call<{ ok: boolean; repaired: string[] }>(OWNER, 'setupTracker');
    expect(report.ok).toBe(true);
    expect(report.repaired).toContain('protection Partnership Tracker: Leads > Conflict');
    expect(protections(emu)['Partnership Tracker: Leads > Conflict']).toEqual([OWNER, TEAMMATE].sort());
  });
});
