/**
 * Issue 14: the Audit Log cannot lose a row whatever a person does to it, every legitimate value
 * verifies, the chain is keyed, and text the tracker writes stays text. Through the shipped bundle.
 */
import fc from 'fast-check';
import type { Emulator } from '../../emulator/harness';
import { chainEntries, verifyRows } from '../../src/domain/audit/chain';
import { rowEntry } from '../../src/domain/audit/entry';
import type { AuditVerification, Partner } from '../../src/shared/api';
import { cellOf, linesOf, partnerOn, tracker, wonDeal } from './commissions-fixture';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';

const log = (emu: Emulator) => emu.sheets()['Audit Log'].slice(1);
const verify = (emu: Emulator) => emu.call<AuditVerification>(OWNER, 'verifyAuditLog');

function props(emu: Emulator): Record<string, string> {
  return emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperties(),
  );
}

function setUp(): Emulator {
  const emu = newEmulator();
  expect(emu.call<{ ok: boolean }>(OWNER, 'setupTracker').ok).toBe(true);
  return emu;
}

let saved = 0;
function savePartner(emu: Emulator, extra: Record<string, unknown> = {}): string {
  saved++;
  return emu.call<{ id: string }>(OWNER, 'savePartner', {
    partnerName: `Partner ${saved}`,
    contactEmail: `p${saved}@partner.test`,
    type: 'Referral',
    ...extra,
  }).id;
}

/** A tracker with 3 partners saved (each a few audit rows). */
function withEntries(): Emulator {
  const emu = setUp();
  for (let i = 0; i < 3; i++) savePartner(emu);
  expect(verify(emu).ok).toBe(true);
  return emu;
}

describe('the log cannot lose a row (item 1)', () => {
  it('a row the owner inserts inside the log: the next append writes after the true end, nothing is overwritten, verify names the row', () => {
    const emu = withEntries();
    const before = log(emu);
    expect(emu.insertRows(OWNER, 'Audit Log', 5, 1).ok).toBe(true);
    savePartner(emu);
    const after = log(emu);
    // every earlier entry is still there, in order, around the inserted blank row (sheet row 5)
    expect([...after.slice(0, 3), ...after.slice(4, before.length + 1)]).toEqual(before);
    expect(after[3].every((v) => v === '')).toBe(true);
    // the append recorded that the log's end had moved, then the partner's entries
    expect(after[before.length + 1][5]).toBe('(log altered)');
    const result = verify(emu);
    expect(result.ok).toBe(false);
    expect(result.firstBadRow).toBe(5);
    expect(result.problems).toEqual([{ row: 5, kind: 'blank', message: expect.stringContaining('row 5') }]);
  });

  it('a deleted row: the append continues after the last row, verify reports the row after the gap', () => {
    const emu = withEntries();
    const before = log(emu);
    expect(emu.deleteRows(OWNER, 'Audit Log', 4, 1).ok).toBe(true);
    savePartner(emu);
    const after = log(emu);
    expect(after.slice(0, before.length - 1)).toEqual([...before.slice(0, 2), ...before.slice(3)]);
    const result = verify(emu);
    expect(result.ok).toBe(false);
    // the entry after the gap no longer follows the row above it (a keyed chain cannot tell a deletion
    // above a row from a change of the row itself: the message says both)
    expect(result.problems!.map((p) => p.row)).toEqual([4]);
    expect(result.problems![0].message).toMatch(/deleted/);
  });

  it('the last rows deleted: verify reports entries missing at the end; the next append does not reuse their rows silently', () => {
    const emu = withEntries();
    const n = log(emu).length;
    expect(emu.deleteRows(OWNER, 'Audit Log', n + 1, 1).ok).toBe(true);
    const result = verify(emu);
    expect(result.ok).toBe(false);
    expect(result.problems!.map((p) => [p.row, p.kind])).toEqual([[n + 1, 'missing-end']]);
    savePartner(emu);
    // the chain goes on from the tracker's last hash: the deleted entry stays reported
    expect(verify(emu).problems!.map((p) => p.row)).toEqual([n + 1]);
  });

  it('sorted, pasted over and cleared rows are each reported with their row', () => {
    const emu = withEntries();
    const rows = log(emu);
    const sheet = () => emu.spreadsheet.getSheetByName('Audit Log')!;
    // rows 3 and 4 swapped (a sort), row 7 pasted over with a copy of row 2, row 9 cleared
    emu.rt.uncounted(() => {
      sheet()
        .getRange(3, 1, 2, 10)
        .setValues([rows[2], rows[1]] as unknown[][]);
      sheet()
        .getRange(7, 1, 1, 10)
        .setValues([rows[0]] as unknown[][]);
      sheet().getRange(9, 1, 1, 10).clearContent();
    });
    const result = verify(emu);
    expect(result.ok).toBe(false);
    const rowsReported = result.problems!.map((p) => p.row);
    expect(rowsReported).toEqual(expect.arrayContaining([3, 7, 9]));
    expect(result.firstBadRow).toBe(3);
    // an append after that still lands after the last row
    const count = log(emu).length;
    savePartner(emu);
    expect(log(emu).length).toBeGreaterThan(count);
    expect(log(emu).slice(0, count)).toEqual(emu.sheets()['Audit Log'].slice(1, count + 1));
  });
});

describe('every legitimate value verifies (item 2)', () => {
  it('a clawback (a negative amount) verifies', () => {
    const emu = tracker();
    const p = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 });
    const lead = wonDeal(emu, p, 1000);
    emu.call(OWNER, 'approveCommissions', ['C-000001']);
    const [payout] = emu.call<Array<{ id: string }>>(OWNER, 'createPayouts', '2026-03-02');
    emu.call(OWNER, 'approvePayout', payout.id);
    emu.call(OWNER, 'markPayoutPaid', payout.id, 'WIRE-1', '2026-03-02');
    // the owner: only the owner and the Team change what money is computed from (issue 15)
    emu.edit(OWNER, 'Leads', cellOf(emu, 'Leads', lead, 'Status'), [['Lost']]);
    expect(linesOf(emu, lead).map((l) => l.amount)).toEqual([100, -100]);
    expect(log(emu).some((r) => String(r[8]).includes('-100'))).toBe(true);
    expect(verify(emu)).toEqual({ ok: true, rows: log(emu).length, firstBadRow: null });
  });

  it("a person's edits of numbers, dates, booleans, formulas-looking and multi-line text verify", () => {
    const emu = withEntries();
    const values: unknown[] = [
      -15,
      12.5,
      new Date('2026-04-01T00:00:00Z'),
      true,
      '=1+1',
      '-Dash',
      "'quoted",
      'a\nb',
    ];
    for (const v of values) expect(emu.edit(TEAMMATE, 'Partners', 'L2', [[v]]).ok).toBe(true);
    expect(verify(emu).ok).toBe(true);
  });

  it('random text written through the sidebar reads back exactly and the log verifies (property)', () => {
    const emu = withEntries();
    const id = savePartner(emu);
    const visible = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /\p{L}/u.test(s));
    const text = fc.oneof(
      fc.string({ maxLength: 60, unit: 'grapheme' }),
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.constantFrom(
        '-15.00',
        '+44 20 7946 0000',
        '=SUM(A1)',
        '@here',
        "'Tis",
        '00123',
        '1/2',
        'TRUE',
        '12.5%',
        'a\r\nb',
      ),
      fc
        .tuple(fc.constantFrom('-', '+', '=', '@', "'", '\t', ' '), fc.string({ maxLength: 20 }))
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, visible, (notes, contactName) => {
        emu.call(OWNER, 'savePartner', {
          id,
          partnerName: `Partner ${id}`,
          contactEmail: 'x@partner.test',
          type: 'Referral',
          notes,
          contactName,
        });
        const got = emu.call<Partner[]>(OWNER, 'listPartners', { search: id }).find((p) => p.id === id)!;
        // the schema trims text (outer spaces are not part of a value: src/shared/schema/fields.ts)
        expect([got.notes, got.contactName]).toEqual([notes.trim(), contactName.trim()]);
        expect(verify(emu).ok).toBe(true);
      }),
      { numRuns: 40, seed: 14 },
    );
  });
});

describe('the chain is keyed (item 3)', () => {
  it('the key is made at set-up and lives only in the add-on document properties', () => {
    const emu = setUp();
    const key = props(emu)['tracker.auditKey'];
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    savePartner(emu);
    const everywhere = JSON.stringify(emu.sheets());
    expect(everywhere.includes(key)).toBe(false);
  });

  it('a chain recomputed by a person (plain SHA-256, or any other key) fails', () => {
    const emu = withEntries();
    const rows = log(emu);
    // the editor changes an old value and recomputes every hash after it, as the old unkeyed chain allowed
    const forged = rows.map((r) => rowEntry(r));
    forged[1] = { ...forged[1], newValue: 'forged' };
    for (const key of [undefined, 'ab'.repeat(32)]) {
      const { rows: rewritten } = chainEntries('', forged, key);
      emu.rt.uncounted(() =>
        emu.spreadsheet
          .getSheetByName('Audit Log')!
          .getRange(2, 1, rewritten.length, 10)
          .setValues(rewritten),
      );
      const result = verify(emu);
      expect(result.ok).toBe(false);
      expect(result.firstBadRow).toBe(2);
    }
    // with the tracker's own key the same rows would verify: the key is what a person lacks
    const { rows: honest } = chainEntries('', forged, props(emu)['tracker.auditKey']);
    expect(verifyRows('', honest, props(emu)['tracker.auditKey']).ok).toBe(true);
  });
});

describe('text stays text (item 5)', () => {
  const TEXTS = [
    '00123',
    '1/2',
    'TRUE',
    '12.5%',
    "'Tis Ltd",
    '-Dash Co',
    '+44 20 7946 0000',
    '@here',
    '=1+1',
    'a\nb',
  ];

  it.each(TEXTS)('%j as a partner name and note round-trips exactly (sheet, sidebar, audit)', (value) => {
    const emu = setUp();
    // a name holds no line break (the edge refuses it); notes do
    const name = value.includes('\n') ? 'Multi Line Notes Ltd' : value;
    const id = savePartner(emu, { partnerName: name, notes: value, contactName: name });
    const partner = emu.call<Partner[]>(OWNER, 'listPartners', {}).find((p) => p.id === id)!;
    expect([partner.partnerName, partner.notes, partner.contactName]).toEqual([name, value, name]);
    const row = emu.sheets().Partners.find((r) => r[0] === id)!;
    expect(typeof row[1]).toBe('string');
    expect(log(emu).some((r) => r[8] === value || r[8] === `'${value}`)).toBe(true);
    expect(verify(emu).ok).toBe(true);
  });

  it("text columns are plain text at set-up, down to the grid's last row (grown rows: grown-rows.test.ts)", () => {
    const emu = setUp();
    const sheet = (name: string) => emu.spreadsheet.getSheetByName(name)!;
    const formatOf = (name: string, row: number, col: number) =>
      emu.rt.uncounted(() => sheet(name).getRange(row, col).getNumberFormat());
    const last = emu.rt.uncounted(() => sheet('Partners').getMaxRows());
    for (const row of [2, last]) {
      expect(formatOf('Partners', row, 2)).toBe('@'); // Partner Name
      expect(formatOf('Partners', row, 12)).toBe('@'); // Notes
      expect(formatOf('Partners', row, 11)).toBe('yyyy-mm-dd'); // Joined On stays a date
    }
    const value = emu.rt.uncounted(() => sheet('Settings').getRange(2, 2).getNumberFormat());
    expect(value).toBe('General'); // a setting's Value may be a number: automatic
  });
});

describe('an editor Apps Script does not name (item 9)', () => {
  it('is recorded as "unknown" with the reason in the cell note, and the log verifies', () => {
    const OUTSIDE = 'freelancer@other-domain.test';
    const emu = newEmulator({ editors: [TEAMMATE, OUTSIDE] });
    expect(emu.call<{ ok: boolean }>(OWNER, 'setupTracker').ok).toBe(true);
    savePartner(emu);
    const edited = emu.edit(OUTSIDE, 'Partners', 'L2', [['a note from outside']]);
    expect(edited.ok).toBe(true);
    const rows = log(emu);
    const last = rows[rows.length - 1];
    expect([last[1], last[5], last[8]]).toEqual(['unknown', 'Notes', 'a note from outside']);
    const note = emu.rt.uncounted(() =>
      emu.spreadsheet
        .getSheetByName('Audit Log')!
        .getRange(rows.length + 1, 2)
        .getNote(),
    );
    expect(note).toMatch(/withholds it for consumer accounts and people outside the owner’s domain/);
    expect(verify(emu).ok).toBe(true);
  });
});
