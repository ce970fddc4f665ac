/**
 * The Commissions sheet read from its `_Shadow` column (one cell a row): the same ledger as the sheet,
 * lines approved and paid after such a read keep every cell's value, type and number format, a row
 * another tool appended makes the reader fall back to the sheet; closeLead reconciles only the closed
 * deal's partner (the next full pass does the rest, once); flag notes are set and cleared without
 * reading any note.
 */
import type { Emulator } from '../../emulator/harness';
import type { Commission, Payout } from '../../src/shared/api';
import {
  OWNER,
  approvedLead,
  cellOf,
  lines,
  linesOf,
  partnerOn,
  rowOf,
  tracker,
  wonDeal,
} from './commissions-fixture';

type Raw = Record<string, unknown>;

/** A sheet's rows as the sheet holds them (Dates as Dates), read outside any execution. */
function raw(emu: Emulator, sheet: string): Raw[] {
  const [headers, ...rows] = emu.rt.uncounted(() =>
    emu.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues(),
  );
  return rows
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => Object.fromEntries((headers as string[]).map((h, i) => [h, row[i]])));
}

function rawLine(emu: Emulator, id: string): Raw {
  const row = raw(emu, 'Commissions').find((r) => r['Commission ID'] === id);
  if (!row) throw new Error(`no line ${id}`);
  return row;
}

/** The number formats of a Commissions row's cells by header. */
function formatsOf(emu: Emulator, id: string): Record<string, string> {
  return emu.rt.uncounted(() => {
    const sheet = emu.spreadsheet.getSheetByName('Commissions')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === id) + 1;
    const formats = sheet.getRange(row, 1, 1, values[0].length).getNumberFormats()[0];
    return Object.fromEntries((values[0] as string[]).map((h, i) => [h, formats[i]]));
  });
}

function noteOf(emu: Emulator, leadId: string): string {
  const a1 = cellOf(emu, 'Leads', leadId, 'Lead ID');
  return emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Leads')!.getRange(a1).getNote());
}

function setNote(emu: Emulator, leadId: string, note: string): void {
  const a1 = cellOf(emu, 'Leads', leadId, 'Lead ID');
  emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Leads')!.getRange(a1).setNote(note));
}

const ISO_DAY = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** A Commissions sheet row as listCommissions gives a line (the spreadsheet is in UTC). */
function fromSheet(row: Raw): Commission {
  return {
    id: row['Commission ID'] as string,
    leadId: row['Lead ID'] as string,
    partnerId: row['Partner ID'] as string,
    plan: row['Plan'] as string,
    kind: row['Kind'] as Commission['kind'],
    basis: row['Basis'] === '' ? null : (row['Basis'] as number),
    currency: row['Currency'] as string,
    amount: row['Amount'] as number,
    status: row['Status'] as Commission['status'],
    earnedOn: ISO_DAY(row['Earned On']) as string,
    eligibleOn: ISO_DAY(row['Eligible On']) as string,
    approvedBy: row['Approved By'] as string,
    approvedOn: (ISO_DAY(row['Approved On']) as string) ?? '',
    payoutId: row['Payout ID'] as string,
    explanation: row['Explanation'] as string,
  };
}

function audit(emu: Emulator): Raw[] {
  const log = emu.sheets()['Audit Log'];
  return log.slice(1).map((r) => ({ record: r[4], field: r[5], from: r[7], to: r[8] }));
}

/** A ledger in three currencies: paid, approved, eligible, voided and clawed-back lines. */
function busyLedger() {
  const emu = tracker();
  const plan = { name: 'Ten now', type: 'percent' as const, rate: 10, holdDays: 0 };
  const a = partnerOn(emu, plan, 'Alpha Partners');
  const b = partnerOn(emu, 'Ten now', 'Beta Partners');
  const usd = wonDeal(emu, a, 1234.56);
  wonDeal(emu, a, 98760, 'JPY');
  const kwd = wonDeal(emu, b, 1201.25, 'KWD');
  const lost = wonDeal(emu, b, 700);
  emu.call(OWNER, 'approveCommissions', [linesOf(emu, usd)[0].id]);
  emu.call(OWNER, 'closeLead', approvedLead(emu, b), 'lost', { reason: 'went elsewhere' });
  expect(emu.edit(OWNER, 'Leads', cellOf(emu, 'Leads', lost, 'Status'), [['Lost']]).ok).toBe(true);
  return { emu, a, b, usd, kwd };
}

describe('the ledger read from the shadow', () => {
  it('is the ledger the sheet holds, read without the sheet (no getDataRange, one cell a row)', () => {
    const { emu } = busyLedger();
    const outcome = emu.measure(() => emu.call<Commission[]>(OWNER, 'listCommissions'));
    const sheetRows = raw(emu, 'Commissions');
    expect(sheetRows.map((r) => r['Status'])).toEqual(['Approved', 'Eligible', 'Eligible', 'Void']);
    expect(outcome.result).toEqual(sheetRows.map(fromSheet));
    expect(outcome.stats.byMethod['Sheet.getDataRange'] ?? 0).toBe(0);
    // one shadow cell a row (down to the sheet's last row), not the sheet's 16 columns; plus, the
    // first call after a write, the 4 Audit Log rows that tell whether its journal landed (and whether
    // a one-cell edit landed on the row after it)
    const maxRows = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Commissions')!.getMaxRows());
    const auditWidth = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Audit Log')!.getMaxColumns());
    expect(outcome.stats.cells.read).toBeLessThanOrEqual(maxRows + 4 * auditWidth);
  });

  it('approved, paid out and paid: each line keeps its cells, dates and money formats', () => {
    const { emu, a, b, kwd } = busyLedger();
    const ids = lines(emu, { status: 'Eligible' }).map((l) => l.id);
    const before = new Map(raw(emu, 'Commissions').map((r) => [r['Commission ID'] as string, r]));
    const formatsBefore = new Map([...before.keys()].map((id) => [id, formatsOf(emu, id)]));
    emu.call(OWNER, 'approveCommissions', ids);
    const payouts = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
    expect(payouts.map((p) => [p.partnerId, p.currency, p.amount])).toEqual([
      [a, 'JPY', 9876],
      [a, 'USD', 123.46],
      [b, 'KWD', 120.125],
    ]);
    for (const p of payouts) emu.call(OWNER, 'approvePayout', p.id);
    for (const p of payouts) emu.call(OWNER, 'markPayoutPaid', p.id, `W-${p.id}`, '2026-03-04');

    const after = raw(emu, 'Commissions');
    expect(after.map((r) => [r['Status'], r['Payout ID']])).toEqual([
      ['Paid', payouts[1].id],
      ['Paid', payouts[0].id],
      ['Paid', payouts[2].id],
      ['Void', ''],
    ]);
    for (const row of after) {
      const id = row['Commission ID'] as string;
      const was = before.get(id)!;
      for (const header of Object.keys(row)) {
        if (['Status', 'Payout ID', 'Approved By', 'Approved On'].includes(header)) continue;
        expect([id, header, row[header]]).toEqual([id, header, was[header]]);
      }
      expect(formatsOf(emu, id)).toEqual(formatsBefore.get(id));
    }
    const approved = rawLine(emu, linesOf(emu, kwd)[0].id);
    expect(approved['Approved On']).toBeInstanceOf(Date);
    expect((approved['Approved On'] as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(approved['Approved By']).toBe(OWNER);
    expect(approved['Earned On']).toBeInstanceOf(Date);
    expect(approved['Amount']).toBe(120.125);
    expect(approved['Basis']).toBe(1201.25);
    expect(formatsOf(emu, approved['Commission ID'] as string)).toMatchObject({
      Basis: '#,##0.000',
      Amount: '#,##0.000',
    });
    const yen = rawLine(emu, 'C-000002');
    expect(formatsOf(emu, yen['Commission ID'] as string)).toMatchObject({ Amount: '#,##0' });
    expect(yen['Amount']).toBe(9876);
    expect(rowOf(emu, 'Payouts', payouts[2].id)).toMatchObject({ Status: 'Paid', Amount: 120.125 });
    const formulas = emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('Commissions')!.getDataRange().getFormulas(),
    );
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
  });

  it('a row another tool appended (no shadow) makes the reader read the sheet', () => {
    const { emu, a } = busyLedger();
    const headers = emu.sheets().Commissions[0] as string[];
    const values: Raw = {
      'Commission ID': 'C-000099',
      'Lead ID': 'L-000099',
      'Partner ID': a,
      Plan: 'Manual',
      Kind: 'Adjustment',
      Currency: 'USD',
      Amount: 25,
      Status: 'Pending',
      'Earned On': new Date('2026-02-01T00:00:00Z'),
      'Eligible On': new Date('2026-02-15T00:00:00Z'),
      Explanation: 'Entered by the finance tool',
    };
    const next = raw(emu, 'Commissions').length + 2;
    // A script write (no trigger fires), as an integration would make it: the shadow misses it.
    emu.rt.uncounted(() =>
      emu.spreadsheet
        .getSheetByName('Commissions')!
        .getRange(next, 1, 1, headers.length)
        .setValues([headers.map((h) => values[h] ?? '')]),
    );
    expect(linesOf(emu, 'L-000099')).toEqual([
      expect.objectContaining({ id: 'C-000099', amount: 25, status: 'Pending', eligibleOn: '2026-02-15' }),
    ]);
    // the full pass sees it (its hold is over) and numbers the next line after it
    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ eligible: 1, created: 0 });
    expect(linesOf(emu, 'L-000099')[0].status).toBe('Eligible');
    const lead = wonDeal(emu, a, 100);
    expect(linesOf(emu, lead).map((l) => l.id)).toEqual(['C-000100']);
    expect(emu.call<{ approved: number }>(OWNER, 'approveCommissions', ['C-000099']).approved).toBe(1);
    expect(rawLine(emu, 'C-000099')).toMatchObject({ Status: 'Approved', Amount: 25, Plan: 'Manual' });
  });
});

describe('closeLead reconciles the closed deal’s partner only', () => {
  it("leaves other partners' lines passing their hold to the next run, which applies them once", () => {
    const emu = tracker();
    const a = partnerOn(emu, { name: 'Twelve', type: 'percent', rate: 12 }, 'Alpha Partners');
    const b = partnerOn(emu, 'Twelve', 'Beta Partners');
    const alphaOld = wonDeal(emu, a, 1000);
    const beta = [wonDeal(emu, b, 2000), wonDeal(emu, b, 3000)];
    emu.rt.setNow('2026-04-10T09:00:00Z'); // every hold (30 days from 2026-03-02) is over

    const closing = approvedLead(emu, a);
    const outcome = emu.measure(() => emu.call(OWNER, 'closeLead', closing, 'won', { dealValue: 500 }));
    expect(outcome.ok).toBe(true);
    expect(linesOf(emu, closing)).toEqual([expect.objectContaining({ amount: 60, status: 'Pending' })]);
    // the closed deal's partner is reconciled whole; the other partner's lines wait for the run
    expect(linesOf(emu, alphaOld)[0].status).toBe('Eligible');
    expect(beta.map((id) => linesOf(emu, id)[0].status)).toEqual(['Pending', 'Pending']);

    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ eligible: 2, created: 0, voided: 0 });
    expect(beta.map((id) => linesOf(emu, id)[0].status)).toEqual(['Eligible', 'Eligible']);
    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ eligible: 0, created: 0, voided: 0 });
    const betaIds = beta.map((id) => linesOf(emu, id)[0].id);
    const statusEntries = audit(emu).filter(
      (e) => betaIds.includes(e.record as string) && e.field === 'Status' && e.to === 'Eligible',
    );
    expect(statusEntries).toEqual(
      betaIds.map((id) => ({ record: id, field: 'Status', from: 'Pending', to: 'Eligible' })),
    );
    expect(lines(emu).map((l) => l.id)).toEqual(['C-000001', 'C-000002', 'C-000003', 'C-000004']);
  });

  it("a tiered partner's close adjusts only that partner's deals; ids follow the whole ledger", () => {
    const emu = tracker();
    const tiered = {
      name: 'Tiered whole',
      type: 'tiered' as const,
      currency: 'USD',
      mode: 'whole' as const,
      bands: [
        { from: 0, rate: 10 },
        { from: 5000, rate: 20 },
      ],
    };
    const a = partnerOn(emu, tiered, 'Alpha Partners');
    const b = partnerOn(emu, { name: 'Flat', type: 'flat', amount: 50, currency: 'USD' }, 'Beta Partners');
    wonDeal(emu, b, 100);
    const first = wonDeal(emu, a, 3000);
    wonDeal(emu, b, 100);
    const second = wonDeal(emu, a, 4000);
    expect(linesOf(emu, first).map((l) => l.amount)).toEqual([300]);
    expect(linesOf(emu, second).map((l) => [l.amount, l.id])).toEqual([[800, 'C-000004']]);
    expect(emu.call(OWNER, 'runCommissions')).toMatchObject({ created: 0, voided: 0 });
  });
});

/** A partner with no plan: its Won deals are flagged. */
function planlessPartner(emu: Emulator): string {
  return emu.call<{ id: string }>(OWNER, 'savePartner', {
    partnerName: 'Planless',
    contactEmail: 'x@planless.test',
    type: 'Referral',
  }).id;
}

describe('flag notes', () => {
  it('are set and cleared without reading notes; a person’s own note is never touched', () => {
    const emu = tracker();
    const planless = planlessPartner(emu);
    const earning = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10 });
    const mine = wonDeal(emu, earning, 1000);
    setNote(emu, mine, 'Called the buyer: renewal in May');
    emu.call(OWNER, 'runCommissions'); // the first run records which notes are the tracker's

    const flagged = approvedLead(emu, planless);
    const close = emu.measure(() => emu.call(OWNER, 'closeLead', flagged, 'won', { dealValue: 900 }));
    expect(close.ok).toBe(true);
    expect(noteOf(emu, flagged)).toBe(`No commission: Partner ${planless} has no plan`);
    expect(close.stats.byMethod['Range.getNotes'] ?? 0).toBe(0);
    expect(close.stats.byMethod['Range.setNotes']).toBe(1);

    const idle = emu.measure(() => emu.call<{ flagged: string[] }>(OWNER, 'runCommissions'));
    expect(idle.result?.flagged).toEqual([`Partner ${planless} has no plan`]);
    expect(idle.stats.byMethod['Range.getNotes'] ?? 0).toBe(0);
    expect(idle.stats.byMethod['Range.setNotes'] ?? 0).toBe(0);

    emu.call(OWNER, 'savePartner', {
      id: planless,
      partnerName: 'Planless',
      contactEmail: 'x@planless.test',
      type: 'Referral',
      plan: 'Ten',
    });
    const fixed = emu.measure(() =>
      emu.call<{ created: number; flagged: string[] }>(OWNER, 'runCommissions'),
    );
    expect(fixed.result).toMatchObject({ created: 1, flagged: [] });
    expect(noteOf(emu, flagged)).toBe('');
    expect(fixed.stats.byMethod['Range.getNotes'] ?? 0).toBe(0);
    expect(fixed.stats.byMethod['Range.setNotes']).toBe(1);
    expect(noteOf(emu, mine)).toBe('Called the buyer: renewal in May');
  });

  it('many scattered changes: one read and one write of their span, keeping notes in between', () => {
    const emu = tracker();
    const planless = planlessPartner(emu);
    const earning = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10 });
    const flagged: string[] = [];
    const between: string[] = [];
    for (let i = 0; i < 12; i++) {
      flagged.push(wonDeal(emu, planless, 100 + i));
      between.push(wonDeal(emu, earning, 100 + i));
    }
    setNote(emu, between[5], 'Ask about the second site');
    expect(emu.call<{ flagged: string[] }>(OWNER, 'runCommissions').flagged).toHaveLength(12);
    expect(flagged.map((id) => noteOf(emu, id))).toEqual(
      flagged.map(() => `No commission: Partner ${planless} has no plan`),
    );
    emu.call(OWNER, 'savePartner', {
      id: planless,
      partnerName: 'Planless',
      contactEmail: 'x@planless.test',
      type: 'Referral',
      plan: 'Ten',
    });
    const fixed = emu.measure(() => emu.call(OWNER, 'runCommissions'));
    expect(fixed.result).toMatchObject({ created: 12, flagged: [] });
    expect(flagged.map((id) => noteOf(emu, id))).toEqual(flagged.map(() => ''));
    expect(noteOf(emu, between[5])).toBe('Ask about the second site');
    expect(fixed.stats.byMethod['Range.getNotes']).toBe(1);
    expect(fixed.stats.byMethod['Range.setNotes']).toBe(1);
  });

  it('without a record (a tracker from before it): the first run reads the notes once, then none', () => {
    const emu = tracker();
    const earning = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10 });
    const stale = wonDeal(emu, earning, 1000);
    const own = wonDeal(emu, earning, 2000);
    emu.call(OWNER, 'runCommissions');
    // what an older version left: a flag note on a deal that earns now, and no record of it
    setNote(emu, stale, 'No commission: Partner P-0001 has no plan');
    setNote(emu, own, 'Renewal in May');
    const props = emu.rt.uncounted(() =>
      (
        emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
      ).getDocumentProperties(),
    );
    expect(props.getProperty('commissionFlagNotes.0')).toMatch(/^f1\|1\|/);
    emu.rt.uncounted(() => props.setProperty('commissionFlagNotes.0', 'f1|unknown'));

    const first = emu.measure(() => emu.call(OWNER, 'runCommissions'));
    expect(first.stats.byMethod['Range.getNotes']).toBe(1);
    expect(noteOf(emu, stale)).toBe('');
    expect(noteOf(emu, own)).toBe('Renewal in May');
    const next = emu.measure(() => emu.call(OWNER, 'runCommissions'));
    expect(next.stats.byMethod['Range.getNotes'] ?? 0).toBe(0);
    expect(next.stats.byMethod['Range.setNotes'] ?? 0).toBe(0);
  });
});
