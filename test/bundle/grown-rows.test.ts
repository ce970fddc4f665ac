/**
 * Rows the tracker adds later get what set-up gave the first rows: number formats, validation (the
 * named-range dropdowns included), the protections of script-filled columns, conditional formats and
 * banding, and the reference lists (Partner IDs) take new partners. Google does not document that
 * rows inserted after a sheet's last row inherit any of it
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)),
 * and the emulator models that they do not (test/emulator/spreadsheet/limits.test.ts), so these
 * pass only because the tracker extends them itself (src/sheets/setup/extend.ts).
 */
import type { Emulator } from '../../emulator/harness';
import type { ImportResult } from '../../src/shared/api';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';
import { addPartner, addToSettingsList, register } from './leads-fixture';
import { letters } from '../support/names';
import { LEADS } from '../../src/sheets/sheet-defs/leads';

/** The Leads sheet's last column (its banding and conditional formats span every column). */
const LAST = String.fromCharCode(64 + LEADS.columns.length);

/** An editor of the file who is not on the tracker's team. */
const COLLEAGUE = 'colleague@acme.test';

function sheetOf(emu: Emulator, name: string) {
  return emu.spreadsheet.getSheetByName(name)!;
}

/** What a row carries besides its values: each cell's number format and validation rule. */
function rowSetup(emu: Emulator, sheet: string, row: number): Array<[string, string | null]> {
  return emu.rt.uncounted(() => {
    const s = sheetOf(emu, sheet);
    const range = s.getRange(row, 1, 1, s.getMaxColumns());
    const formats = range.getNumberFormats()[0];
    const rules = range.getDataValidations()[0];
    return formats.map((f, i) => {
      const r = rules[i];
      return [f, r ? `${r.getCriteriaType()} ${r.getAllowInvalid()} ${r.getHelpText()}` : null];
    });
  });
}

function maxRows(emu: Emulator, sheet: string): number {
  return emu.rt.uncounted(() => sheetOf(emu, sheet).getMaxRows());
}

/** The A1 ranges of the sheet's conditional format rules and bandings. */
function anchored(emu: Emulator, sheet: string): { conditional: string[]; banding: string[] } {
  return emu.rt.uncounted(() => {
    const s = sheetOf(emu, sheet);
    return {
      conditional: [
        ...new Set(s.getConditionalFormatRules().flatMap((r) => r.getRanges().map((x) => x.getA1Notation()))),
      ],
      banding: s.getBandings().map((b) => b.getRange().getA1Notation()),
    };
  });
}

function leadsCsv(partnerId: string, from: number, count: number): string {
  const lines = ['Partner,Company Name,Website,Value,Currency'];
  for (let i = from; i < from + count; i++)
    lines.push(`${partnerId},Firm ${letters(i)},${letters(i)}.example,${i},USD`);
  return lines.join('\n');
}

function tracker(): { emu: Emulator; partner: string } {
  const emu = newEmulator({ editors: [TEAMMATE, COLLEAGUE] });
  const setup = emu.call<{ ok: boolean; message: string }>(OWNER, 'setupTracker');
  if (!setup.ok) throw new Error(setup.message);
  addToSettingsList(emu, 'Team', TEAMMATE);
  const partner = addPartner(emu, { partnerName: 'Beta Partners' });
  return { emu, partner };
}

function importLeads(emu: Emulator, as: string, csv: string): ImportResult {
  return emu.call<ImportResult>(as, 'runImport', 'leads', csv);
}

/** A person's edit: whether Sheets took it (protections, validation). */
function typed(emu: Emulator, user: string, sheet: string, a1: string, value: unknown): boolean | string {
  const outcome = emu.edit(user, sheet, a1, [[value]]);
  return outcome.ok ? true : (outcome.reason ?? 'refused');
}

describe('rows added past the initial 1,000 and past a grown size', () => {
  let emu: Emulator;
  let partner: string;
  beforeAll(() => {
    ({ emu, partner } = tracker());
    // rows 2..1000: the sheet set-up made is full, no growth yet
    expect(importLeads(emu, TEAMMATE, leadsCsv(partner, 1, 999)).imported).toBe(999);
    expect(maxRows(emu, 'Leads')).toBe(1000);
  });

  it('a sidebar registration past row 1,000 grows Leads, and the new rows are set up like row 2', () => {
    const result = register(
      emu,
      { partnerId: partner, company: 'Row 1001 Ltd', domain: 'row1001.test' },
      TEAMMATE,
    );
    expect(result.id).toBe('L-001000');
    const grown = maxRows(emu, 'Leads');
    expect(grown).toBe(1001 + 5000);
    const first = rowSetup(emu, 'Leads', 2);
    expect(first.filter(([, rule]) => rule).length).toBeGreaterThan(5);
    for (const row of [1001, 1002, 3000, grown]) expect(rowSetup(emu, 'Leads', row)).toEqual(first);
    expect(anchored(emu, 'Leads')).toEqual({
      conditional: [`A2:${LAST}${grown}`],
      banding: [`A1:${LAST}${grown}`],
    });
  });

  it('the protections and dropdowns hold for a person in the new rows', () => {
    // Lead ID, Partner Name, Expires On, Conflict: script-filled, refused to an editor off the team
    for (const a1 of ['A1001', 'C1500', 'M6001', 'R6001'])
      expect(typed(emu, COLLEAGUE, 'Leads', a1, 'x')).toMatch(/protected cell/);
    // strict dropdowns and rules refuse, free text is free
    expect(typed(emu, TEAMMATE, 'Leads', 'K1001', 'Maybe')).toMatch(/^Status: /);
    expect(typed(emu, TEAMMATE, 'Leads', 'J6001', 'XYZ')).toMatch(/^Currency: /);
    expect(typed(emu, TEAMMATE, 'Leads', 'B1500', 'P-9999')).toMatch(/^Partner ID: /);
    // (in the lead registered in row 1,001: typing in an empty row would make a row of it)
    expect(typed(emu, TEAMMATE, 'Leads', 'J1001', 'EUR')).toBe(true);
    expect(typed(emu, COLLEAGUE, 'Leads', 'S1001', 'a note')).toBe(true);
  });

  it('a CSV import past the grown size grows it again, set up the same', () => {
    const before = maxRows(emu, 'Leads');
    // 5,100 more leads: rows 1002..6101, past the 6,001 rows the first growth left
    expect(importLeads(emu, TEAMMATE, leadsCsv(partner, 1001, 5100)).imported).toBe(5100);
    const grown = maxRows(emu, 'Leads');
    expect(grown).toBe(6101 + 5000);
    expect(grown).toBeGreaterThan(before);
    const first = rowSetup(emu, 'Leads', 2);
    // text columns are plain text (issue 14): Company (C) and Notes (S) on every row, grown ones too
    expect([first[2][0], first[18][0]]).toEqual(['@', '@']);
    for (const row of [before, before + 1, 6101, grown]) expect(rowSetup(emu, 'Leads', row)).toEqual(first);
    expect(anchored(emu, 'Leads')).toEqual({
      conditional: [`A2:${LAST}${grown}`],
      banding: [`A1:${LAST}${grown}`],
    });
    expect(typed(emu, COLLEAGUE, 'Leads', `A${grown}`, 'x')).toMatch(/protected cell/);
    expect(typed(emu, TEAMMATE, 'Leads', `K${grown}`, 'Maybe')).toMatch(/^Status: /);
    // and a registration after it lands in a row set up the same
    const next = register(emu, { partnerId: partner, company: 'After Import Ltd', domain: 'after.test' });
    expect(next.id).toBe('L-006101');
    expect(rowSetup(emu, 'Leads', 6102)).toEqual(first);
  });

  it('the Audit Log grown by those imports keeps every cell plain text, so the chain still verifies', () => {
    const rows = maxRows(emu, 'Audit Log');
    expect(rows).toBeGreaterThan(5000);
    const plain = rowSetup(emu, 'Audit Log', 2).map(([f]) => f);
    expect(plain.every((f) => f === '@')).toBe(true);
    expect(rowSetup(emu, 'Audit Log', rows).map(([f]) => f)).toEqual(plain);
    expect(emu.call<{ ok: boolean }>(OWNER, 'verifyAuditLog').ok).toBe(true);
  });
});

describe('the other way round: an import past row 1,000, a registration past the grown size', () => {
  it('both land in rows set up like row 2', () => {
    const { emu, partner } = tracker();
    // rows 2..1101: the import itself grows Leads past the 1,000 rows set-up made
    expect(importLeads(emu, TEAMMATE, leadsCsv(partner, 1, 1100)).imported).toBe(1100);
    expect(maxRows(emu, 'Leads')).toBe(1101 + 5000);
    const first = rowSetup(emu, 'Leads', 2);
    for (const row of [1001, 1101, 6101]) expect(rowSetup(emu, 'Leads', row)).toEqual(first);
    // rows 1102..6101 fill the grown sheet exactly; the next registration grows it again
    expect(importLeads(emu, TEAMMATE, leadsCsv(partner, 1101, 5000)).imported).toBe(5000);
    expect(maxRows(emu, 'Leads')).toBe(6101);
    const next = register(
      emu,
      { partnerId: partner, company: 'Past Grown Ltd', domain: 'pastgrown.test' },
      TEAMMATE,
    );
    expect(next.id).toBe('L-006101');
    const grown = maxRows(emu, 'Leads');
    expect(grown).toBe(6102 + 5000);
    for (const row of [6102, grown]) expect(rowSetup(emu, 'Leads', row)).toEqual(first);
    expect(anchored(emu, 'Leads')).toEqual({
      conditional: [`A2:${LAST}${grown}`],
      banding: [`A1:${LAST}${grown}`],
    });
    expect(typed(emu, COLLEAGUE, 'Leads', 'A6102', 'x')).toMatch(/protected cell/);
    expect(typed(emu, TEAMMATE, 'Leads', 'K6102', 'Maybe')).toMatch(/^Status: /);
  });
});

describe('partners past the initial 1,000 rows', () => {
  it('join the Partner ID list behind the Leads dropdown, and their rows are set up like row 2', () => {
    const { emu } = tracker();
    const csv = ['Name,Email,Partner Type'];
    for (let i = 2; i <= 1100; i++) csv.push(`Partner ${letters(i)},p${i}@partners.test,Reseller`);
    const result = emu.call<ImportResult>(TEAMMATE, 'runImport', 'partners', csv.join('\n'));
    expect(result.imported).toBe(1099);
    const grown = maxRows(emu, 'Partners');
    expect(grown).toBe(1101 + 5000);
    expect(rowSetup(emu, 'Partners', 1101)).toEqual(rowSetup(emu, 'Partners', 2));
    expect(rowSetup(emu, 'Partners', grown)).toEqual(rowSetup(emu, 'Partners', 2));
    const list = emu.rt.uncounted(() => emu.spreadsheet.getRangeByName('TrackerPartnerIds')!.getA1Notation());
    expect(list).toBe(`A2:A${grown}`);
    // P-1100 sits in row 1101 of Partners: the strict Partner ID rule of Leads accepts it
    expect(typed(emu, TEAMMATE, 'Leads', 'B2', 'P-1100')).toBe(true);
    expect(typed(emu, TEAMMATE, 'Leads', 'B3', 'P-9999')).toMatch(/^Partner ID: /);
  });
});

describe('a workbook whose sheets grew without being set up (before this fix, or rows a person added)', () => {
  it('running Set up tracker again gives those rows what the first rows have', () => {
    const { emu } = tracker();
    // 2,000 rows added at the bottom of Leads by something that set nothing up
    emu.rt.uncounted(() => sheetOf(emu, 'Leads').insertRowsAfter(1000, 2000));
    const first = rowSetup(emu, 'Leads', 2);
    expect(rowSetup(emu, 'Leads', 3000)).not.toEqual(first);
    const leadIdProtection = () =>
      emu.rt.uncounted(() =>
        emu.spreadsheet
          .getProtections('RANGE')
          .find((p) => p.getDescription() === 'Partnership Tracker: Leads > Lead ID')!
          .getRange()
          .getA1Notation(),
      );
    expect(leadIdProtection()).toBe('A1:A1000');
    const report = emu.call<{ ok: boolean; repaired: string[] }>(OWNER, 'setupTracker');
    expect(report.repaired).toContain('Leads: rows 1001 to 3000 set up like the first rows');
    for (const row of [1001, 3000]) expect(rowSetup(emu, 'Leads', row)).toEqual(first);
    expect(anchored(emu, 'Leads')).toEqual({ conditional: [`A2:${LAST}3000`], banding: [`A1:${LAST}3000`] });
    expect(leadIdProtection()).toBe('A1:A3000');
    expect(typed(emu, COLLEAGUE, 'Leads', 'A2600', 'x')).toMatch(/protected cell/);
    expect(emu.call<{ repaired: string[] }>(OWNER, 'setupTracker').repaired).toEqual([]);
  });
});
