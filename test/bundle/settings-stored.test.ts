/**
 * The settings as stored in the document properties (AppContext.settings): registerLead reads no
 * Settings cell; a person's edit of Settings is used by the very next call; an edit no trigger saw
 * (another tool's API write) is picked up by the next day's hourly run; the Team check uses them too.
 */
import type { Emulator } from '../../emulator/harness';
import { OWNER, TEAMMATE } from '../support/emulator';
import { addPartner, addToSettingsList, leadCell, register, setSetting, tracker } from './leads-fixture';

const DAY_MS = 86_400_000;

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS);
}

function today(emu: Emulator): string {
  return emu.rt.now().toISOString().slice(0, 10);
}

/** Writes a Settings value the way another tool's API write would: no trigger fires. */
function writeSettingWithoutTrigger(emu: Emulator, label: string, value: unknown): void {
  emu.rt.uncounted(() => {
    const sheet = emu.spreadsheet.getSheetByName('Settings')!;
    const labels = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
    const row = labels.findIndex((r) => r[0] === label) + 1;
    sheet.getRange(row, 2).setValue(value);
  });
}

describe('stored settings', () => {
  const emu = tracker({ editors: [TEAMMATE] });
  const partnerId = addPartner(emu, { partnerName: 'Stored Settings Partners' });
  // Names far apart (near-identical company names are duplicates by design).
  const names = ['Aurora Freight', 'Basalt Mining', 'Cobalt Dental', 'Dune Outfitters', 'Ember Bakeries'];
  const names2 = ['Fjord Optics', 'Garnet Legal', 'Harbor Pharma', 'Iris Textiles', 'Juniper Robotics'];
  const pool = [...names, ...names2];
  const registerOne = (as = OWNER) => {
    const company = pool.shift()!;
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example.org`;
    return register(emu, { partnerId, company, domain }, as, { followUp: false }); // the person's call alone
  };

  it('set-up stores the settings it wrote', () => {
    const stored = emu.rt.uncounted(() =>
      (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .getProperty('tracker.settings'),
    );
    const settings = JSON.parse(String(stored)) as {
      values: Record<string, unknown>;
      lists: { team: string[] };
    };
    expect(settings.values.protectionWindowDays).toBe(90);
    expect(settings.lists.team).toEqual([OWNER]);
  });

  it('registerLead reads no Settings cell (two reads: the shadows of Partners and Leads, the log tail)', () => {
    register(emu, { partnerId, company: 'Warm Up Industries' });
    const outcome = emu.measure(() => registerOne());
    expect(outcome.ok).toBe(true);
    // the shadows, and the Audit Log's tail checked before the append (issue 14)
    expect(outcome.stats.byMethod['Range.getValues']).toBe(2);
    expect(outcome.stats.byMethod['Sheet.getDataRange'] ?? 0).toBe(0);
  });

  it("a person's edit of Settings is used by the next registration", () => {
    const before = registerOne();
    expect(daysBetween(today(emu), before.expiresOn)).toBe(90);
    setSetting(emu, 'Protection Window Days', 30);
    const after = registerOne();
    expect(daysBetween(today(emu), after.expiresOn)).toBe(30);
  });

  it("an edit no trigger saw is used once the next day's hourly run has read Settings", () => {
    writeSettingWithoutTrigger(emu, 'Protection Window Days', 45);
    // Until then the stored value stands (the documented limit of edits made by other tools).
    expect(daysBetween(today(emu), registerOne().expiresOn)).toBe(30);
    emu.advance(DAY_MS);
    expect(daysBetween(today(emu), registerOne().expiresOn)).toBe(45);
  });

  it('the Team check uses the stored Team: a hand edit that removes a member takes effect at once', () => {
    addToSettingsList(emu, 'Team', TEAMMATE);
    expect(registerOne(TEAMMATE).id).toMatch(/^L-/);
    const [headers, ...rows] = emu.sheets().Settings as unknown[][];
    const col = (headers as string[]).indexOf('Team');
    const row = rows.findIndex((r) => r[col] === TEAMMATE) + 2;
    const removed = emu.edit(OWNER, 'Settings', `${String.fromCharCode(65 + col)}${row}`, [['']]);
    expect(removed.ok).toBe(true);
    const outcome = emu.measure(() => registerOne(TEAMMATE));
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `${TEAMMATE} is not on the tracker's team: ask the owner to add you in Settings > Team.`,
    );
  });
});

describe('settings too long for a property value', () => {
  const emu = tracker();
  const partnerId = addPartner(emu, { partnerName: 'Long Lists Partners' });

  it('are not stored: the next run and registerLead read the sheet, and nothing fails', () => {
    // 600 house accounts written by another tool (no trigger): about 19 KB of settings.
    emu.rt.uncounted(() => {
      const sheet = emu.spreadsheet.getSheetByName('Settings')!;
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const col = headers.indexOf('House Accounts') + 1;
      const values = Array.from({ length: 600 }, (_, i) => [`house-account-number-${i}.example.com`]);
      sheet.getRange(2, col, values.length, 1).setValues(values);
    });
    emu.advance(DAY_MS);
    const stored = emu.rt.uncounted(() =>
      (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .getProperty('tracker.settings'),
    );
    expect(stored ?? '').toBe('');
    // The sheet's own list applies: a house account's domain is a conflict with the reason shown.
    const outcome = emu.measure(() =>
      register(emu, { partnerId, company: 'House Account Co', domain: 'house-account-number-7.example.com' }),
    );
    expect(outcome.ok).toBe(true);
    expect(JSON.stringify(outcome.result)).toContain('house-account-number-7.example.com');
    expect(outcome.stats.byMethod['Sheet.getDataRange'] ?? 0).toBeGreaterThan(0);
  });
});

describe('a year of daily exchange rates (too many for the stored copy)', () => {
  const emu = tracker({ editors: [TEAMMATE] });
  addToSettingsList(emu, 'Team', TEAMMATE);
  const partnerId = addPartner(emu, { partnerName: 'Daily Rates Partners' });
  const lead = register(emu, { partnerId, company: 'Daily Rates Co', domain: 'daily-rates.example.org' });
  const csv = ['Date,Currency,Rate'];
  for (let d = 0; d < 365; d++) {
    const day = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
    csv.push(`${day},EUR,1.08${d % 10}`, `${day},GBP,1.27${d % 10}`, `${day},JPY,0.0066${d % 10}`);
  }
  emu.call(OWNER, 'importExchangeRates', csv.join('\n'));

  it('the values and lists are still stored, without the rates', () => {
    const stored = emu.rt.uncounted(() =>
      (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .getProperty('tracker.settings'),
    );
    const settings = JSON.parse(String(stored)) as { rates: unknown; lists: { team: string[] } };
    expect(settings.rates).toBeNull();
    expect(settings.lists.team).toEqual([OWNER, TEAMMATE]);
  });

  it("a Team member's one-cell edit reads no Settings cell: the same calls as the owner's", () => {
    const a1 = leadCell(emu, lead.id, 'Notes');
    const owner = emu.measure(() => emu.edit(OWNER, 'Leads', a1, [['called them']]));
    const teammate = emu.measure(() => emu.edit(TEAMMATE, 'Leads', a1, [['sent the deck']]));
    expect(teammate.stats.byMethod['Sheet.getDataRange'] ?? 0).toBe(0);
    expect(teammate.stats.total).toBe(owner.stats.total);
    expect(teammate.stats.cells.read).toBe(owner.stats.cells.read);
    // the trigger itself ran to its end (a failed trigger would also leave the calls short)
    expect(teammate.ok && teammate.result!.fired.every((f) => f.ok)).toBe(true);
    const notes = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Leads')!.getRange(a1).getValue());
    expect(notes).toBe('sent the deck');
  });

  it('the rates are read from the sheet when asked for: all 1,095 of them', () => {
    const listed = emu.call<{ rates: Array<{ date: string; currency: string; rate: string }> }>(
      OWNER,
      'listExchangeRates',
    );
    expect(listed.rates).toHaveLength(1095);
    expect(listed.rates).toContainEqual({ date: '2025-12-31', currency: 'JPY', rate: '0.00664' });
  });
});
