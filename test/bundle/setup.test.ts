/** Set up tracker (issue 4), through the shipped bundle in the emulator. */
import type { Emulator } from '../../emulator/harness';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';

interface SetupReport {
  ok: boolean;
  message: string;
  created: string[];
  adopted: string[];
  repaired: string[];
  idsGiven: number;
  invalidRows: Array<{ sheet: string; row: number; problems: string[] }>;
  triggersInstalled: string[];
}

const TRACKER_ORDER = [
  'Dashboard',
  'Partners',
  'Leads',
  'Commissions',
  'Payouts',
  'Plans',
  'Settings',
  'Audit Log',
];

function setup(emu: Emulator) {
  return emu.measure(() => emu.call<SetupReport>(OWNER, 'setupTracker'));
}

function triggers(emu: Emulator) {
  return emu.services.state.triggers
    .all()
    .map((t) => t.handler)
    .sort();
}

function sheetOf(emu: Emulator, name: string) {
  return emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(name)!);
}

describe('setupTracker on an empty workbook', () => {
  const emu = newEmulator();
  const outcome = setup(emu);

  it('creates the sheets in order with the documented headers', () => {
    expect(outcome.ok).toBe(true);
    const names = Object.keys(emu.sheets());
    expect(names.filter((n) => TRACKER_ORDER.includes(n))).toEqual(TRACKER_ORDER);
    const sheets = emu.sheets();
    expect(sheets.Partners[0]).toEqual([
      'Partner ID',
      'Partner Name',
      'Contact Name',
      'Contact Email',
      'Type',
      'Tier',
      'Region',
      'Product Focus',
      'Plan',
      'Status',
      'Joined On',
      'Notes',
      'Additional Contacts',
      'Statements',
      'Tier Locked',
      'Tier History',
    ]);
    expect(sheets.Commissions[0].slice(-1)).toEqual(['Key']);
    expect(sheets['Audit Log'][0]).toEqual([
      'Timestamp',
      'User',
      'Source',
      'Sheet',
      'Record ID',
      'Field',
      'Cell',
      'Old Value',
      'New Value',
      'Hash',
    ]);
    expect(sheets.Plans[0]).toContain('Threshold Bonus');
  });

  it('freezes and bolds header rows, adds header notes and row banding', () => {
    const leads = sheetOf(emu, 'Leads');
    emu.rt.uncounted(() => {
      expect(leads.getFrozenRows()).toBe(1);
      expect(leads.getRange('A1').getFontWeight()).toBe('bold');
      expect(leads.getRange('M1').getNote()).toMatch(/protection window/);
      expect(leads.getBandings().length).toBe(1);
      expect(leads.getConditionalFormatRules().length).toBeGreaterThanOrEqual(3);
    });
  });

  it('fills Settings with its defaults and lists', () => {
    const settings = emu.sheets().Settings;
    const value = (label: string) => settings.find((r) => r[0] === label)?.[1];
    expect(value('Protection Window Days')).toBe(90);
    expect(value('Maximum Extensions')).toBe(1);
    expect(value('Audit Row Limit')).toBe(100000);
    expect(settings.slice(1, 6).map((r) => r[3])).toEqual([
      'Referral',
      'Reseller',
      'Affiliate',
      'Technology',
      'Agency',
    ]);
  });

  it('installs the edit, change and one time-driven trigger', () => {
    expect(triggers(emu)).toEqual(['onHourlyTrigger', 'onTrackerChange', 'onTrackerEdit']);
    expect(outcome.result!.triggersInstalled).toHaveLength(3);
  });

  it('hides the shadow sheet', () => {
    expect(emu.rt.uncounted(() => sheetOf(emu, '_Shadow').isSheetHidden())).toBe(true);
  });

  it('is safe to run again: no data changed, no duplicate trigger, nothing to repair', () => {
    const before = emu.sheets();
    const again = setup(emu);
    expect(again.ok).toBe(true);
    expect(again.result!.created).toEqual([]);
    expect(again.result!.repaired).toEqual([]);
    expect(again.result!.triggersInstalled).toEqual([]);
    expect(again.result!.message).toMatch(/already set up/);
    expect(emu.sheets()).toEqual(before);
    expect(triggers(emu)).toEqual(['onHourlyTrigger', 'onTrackerChange', 'onTrackerEdit']);
  });

  it('repairs a deleted validation rule on the next run', () => {
    const leads = sheetOf(emu, 'Leads');
    emu.rt.uncounted(() => leads.getRange('K2:K100').clearDataValidations());
    expect(emu.edit(OWNER, 'Leads', 'K2', [['Bogus']]).ok).toBe(true);
    emu.rt.uncounted(() => leads.getRange('K2').setValue(''));
    setup(emu);
    expect(emu.edit(OWNER, 'Leads', 'K3', [['Bogus']]).ok).toBe(false);
  });
});

describe('what a person may edit after set-up', () => {
  const emu = newEmulator();
  setup(emu);

  it('refuses edits of id and script-filled columns and of the script-only sheets', () => {
    expect(emu.edit(TEAMMATE, 'Partners', 'A2', [['P-9999']]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Leads', 'C2', [['Someone']]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Leads', 'M2', [['2026-12-31']]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Leads', 'R2', [['x']]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Commissions', 'H2', [[100]]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Payouts', 'A2', [['PO-1']]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Audit Log', 'A2', [['forged']]).ok).toBe(false);
  });

  it('refuses values that break validation and accepts good ones', () => {
    expect(emu.edit(TEAMMATE, 'Partners', 'E2', [['Franchise']]).ok).toBe(false);
    expect(emu.edit(OWNER, 'Partners', 'J2', [['Sleeping']]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Leads', 'I2', [[-5]]).ok).toBe(false);
    expect(emu.edit(TEAMMATE, 'Partners', 'B2', [['Acme Partners']]).ok).toBe(true);
    expect(emu.edit(TEAMMATE, 'Partners', 'E2', [['Reseller']]).ok).toBe(true);
  });

  it('a Partner ID on Leads must exist in Partners', () => {
    expect(emu.edit(OWNER, 'Leads', 'B2', [['P-0404']]).ok).toBe(false);
  });
});

describe('adopting a hand-made Partners sheet', () => {
  const emu = newEmulator({
    sheets: {
      Partners: [
        ['Notes', 'partner  name', 'Owner', 'Contact Email', 'Type'],
        ['vip', 'Acme', 'me', 'ops@acme.test', 'Referral'],
        ['', 'Beta', 'you', 'ops@beta.test', 'Franchise'],
        ['', '', '', '', ''],
        ['late', 'Gamma', '', '', 'Agency'],
      ],
    },
  });
  const outcome = setup(emu);
  const partners = emu.sheets().Partners;

  it('keeps the user columns and values, and adds the missing columns after them', () => {
    expect(outcome.ok).toBe(true);
    expect(outcome.result!.adopted).toEqual(['Partners']);
    expect(partners[0].slice(0, 5)).toEqual(['Notes', 'partner  name', 'Owner', 'Contact Email', 'Type']);
    expect(partners[0].slice(5)).toEqual([
      'Partner ID',
      'Contact Name',
      'Tier',
      'Region',
      'Product Focus',
      'Plan',
      'Status',
      'Joined On',
      'Additional Contacts',
      'Statements',
      'Tier Locked',
      'Tier History',
    ]);
    expect(partners[1].slice(0, 5)).toEqual(['vip', 'Acme', 'me', 'ops@acme.test', 'Referral']);
  });

  it('gives ids to rows without one, recorded in the audit log as set-up', () => {
    expect(outcome.result!.idsGiven).toBe(3);
    expect([partners[1][5], partners[2][5], partners[4][5]]).toEqual(['P-0001', 'P-0002', 'P-0003']);
    expect(partners[3][5]).toBe('');
    const log = emu.sheets()['Audit Log'].slice(1);
    expect(log.map((r) => [r[2], r[4], r[5], r[7], r[8]])).toEqual([
      ['setup', 'P-0001', 'Partner ID', '', 'P-0001'],
      ['setup', 'P-0002', 'Partner ID', '', 'P-0002'],
      ['setup', 'P-0003', 'Partner ID', '', 'P-0003'],
    ]);
  });

  it('lists and highlights rows that break validation, deleting nothing', () => {
    expect(outcome.result!.invalidRows).toEqual([
      { sheet: 'Partners', row: 3, problems: ['Type "Franchise" is not in Settings > types'] },
    ]);
    expect(emu.rt.uncounted(() => sheetOf(emu, 'Partners').getRange('E3').getBackground())).toBe('#f4cccc');
  });

  it("a person's edit of the adopted sheet is audited with the field's header and the row's id", () => {
    expect(emu.edit(TEAMMATE, 'Partners', 'B2', [['Acme Inc']]).ok).toBe(true);
    const last = emu.sheets()['Audit Log'].slice(-1)[0];
    expect([last[4], last[5], last[6], last[7], last[8]]).toEqual([
      'P-0001',
      'Partner Name',
      'B2',
      'Acme',
      'Acme Inc',
    ]);
  });
});

describe('a sheet with a tracker name that cannot be adopted', () => {
  const emu = newEmulator({
    sheets: {
      Partners: [
        ['Name', 'Email'],
        ['Acme', 'ops@acme.test'],
      ],
      Leads: [['Company'], ['Initech']],
    },
  });
  const before = emu.sheets();
  const outcome = setup(emu);

  it('stops with a message naming the sheet and its missing columns', () => {
    expect(outcome.ok).toBe(true);
    expect(outcome.result!.ok).toBe(false);
    expect(outcome.result!.message).toMatch(/"Partners" has no column .*"Partner Name"/);
  });

  it('changes nothing at all', () => {
    expect(emu.sheets()).toEqual(before);
    expect(triggers(emu)).toEqual([]);
    expect(emu.services.state.triggers.all()).toHaveLength(0);
  });
});

describe('renaming a tab and moving columns after set-up', () => {
  // Partner Name first (the user's layout): set-up appends Partner ID (B) ... Notes (L).
  const emu = newEmulator({ sheets: { Partners: [['Partner Name'], ['Acme']] } });
  setup(emu);

  it('a renamed tab is still found (by metadata) and audited under its new name', () => {
    emu.rt.uncounted(() => sheetOf(emu, 'Partners').setName('Our Partners'));
    expect(emu.edit(TEAMMATE, 'Our Partners', 'L2', [['met at a fair']]).ok).toBe(true);
    const last = emu.sheets()['Audit Log'].slice(-1)[0];
    expect([last[3], last[4], last[5], last[8]]).toEqual([
      'Our Partners',
      'P-0001',
      'Notes',
      'met at a fair',
    ]);
  });

  it('a column inserted before the tracker columns is followed (change trigger), fields still named right', () => {
    emu.rt.uncounted(() => sheetOf(emu, 'Our Partners').insertColumnBefore(1));
    emu.invoke('onTrackerChange', [{ changeType: 'INSERT_COLUMN' }], {
      kind: 'installableTrigger',
      activeUser: OWNER,
      effectiveUser: OWNER,
      authMode: 'FULL',
    });
    expect(emu.edit(TEAMMATE, 'Our Partners', 'B2', [['Acme Corp']]).ok).toBe(true);
    const last = emu.sheets()['Audit Log'].slice(-1)[0];
    expect([last[4], last[5], last[6], last[7], last[8]]).toEqual([
      'P-0001',
      'Partner Name',
      'B2',
      'Acme',
      'Acme Corp',
    ]);
    const again = setup(emu);
    expect(again.result!.created).toEqual([]);
  });
});
