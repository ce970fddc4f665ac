/**
 * The daily run reads Partners and Leads from their shadow (text where the sheet may hold a number or
 * a date, as a person's edit of a text column leaves it):
 * the expiry it writes changes only Status and Decision Note, every other cell of the rows it writes
 * (and of a row between them) stays as the sheet held it, by value and type; and rows another tool
 * appended (unknown to the shadow) are expired too.
 */
import {
  OWNER,
  addPartner,
  cellInfo,
  lead,
  leadCell,
  register,
  rowsOf,
  setSetting,
  tracker,
} from './leads-fixture';

/** The Leads sheet's cells as the sheet holds them (Dates as Dates), read outside any execution. */
function rawLeads(emu: ReturnType<typeof tracker>): Array<Record<string, unknown>> {
  const [headers, ...rows] = emu.rt.uncounted(() =>
    emu.spreadsheet.getSheetByName('Leads')!.getDataRange().getValues(),
  );
  return rows
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => Object.fromEntries((headers as string[]).map((h, i) => [h, row[i]])));
}

function edit(emu: ReturnType<typeof tracker>, a1: string, value: unknown): void {
  const outcome = emu.edit(OWNER, 'Leads', a1, [[value]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}

describe('lead expiry over Leads read from the shadow', () => {
  it('writes Status and Decision Note only: the other cells keep their values and types', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    setSetting(emu, 'Protection Window Days', 2);
    const first = register(emu, {
      partnerId: beta,
      company: 'Acme',
      domain: 'acme.com',
      contactEmail: 'ann@acme.com',
      estimatedValue: 12500.5,
      currency: 'USD',
    }).id;
    const middle = register(emu, { partnerId: beta, company: 'Hooli', estimatedValue: 900 }).id;
    const last = register(emu, { partnerId: beta, company: 'Initech', estimatedValue: 42 }).id;
    emu.call(OWNER, 'reviewLead', middle, 'reject', '+1 Partners');
    // A number and a formula-like text in text columns inside the written span, and in Notes.
    edit(emu, leadCell(emu, first, 'Decided By'), 42);
    edit(emu, leadCell(emu, first, 'Notes'), '+1 Partners');
    edit(emu, leadCell(emu, last, 'Decided By'), 'rev@partner.example');
    edit(emu, leadCell(emu, middle, 'Decided By'), new Date('2026-03-01T00:00:00Z'));
    const before = rawLeads(emu);
    const shown = rowsOf(emu, 'Leads');

    const fired = emu.advance('P3D');
    expect(fired.filter((f) => !f.ok)).toEqual([]);

    expect(lead(emu, first).status).toBe('Expired');
    expect(lead(emu, last).status).toBe('Expired');
    const after = rawLeads(emu);
    expect(after).toHaveLength(3);
    rowsOf(emu, 'Leads').forEach((row, i) => {
      for (const header of ['Registered On', 'Expires On', 'Estimated Value', 'Contact Email', 'Notes'])
        expect([header, row[header]]).toEqual([header, shown[i][header]]);
    });
    after.forEach((row, i) => {
      const expired = row['Lead ID'] !== middle;
      expect(row['Status']).toBe(expired ? 'Expired' : 'Rejected');
      for (const header of Object.keys(before[i])) {
        if (expired && (header === 'Status' || header === 'Decision Note')) continue;
        expect([header, row[header]]).toEqual([header, before[i][header]]);
      }
    });
    expect(before[0]['Decided By']).toBe(42);
    expect(before[1]['Decided By']).toBeInstanceOf(Date);
    expect(before[0]['Registered On']).toBeInstanceOf(Date);
    expect(before[0]['Estimated Value']).toBe(12500.5);
    expect(after[0]['Notes']).toBe('+1 Partners');
    expect(after[1]['Decision Note']).toBe('+1 Partners');
    expect(after[0]['Decision Note']).toMatch(/^Protection window ended on /);
    const formulas = cellInfo(emu, 'Leads', 'A2:S4').formulas.flat();
    expect(formulas.filter((f) => f !== '')).toEqual([]);
  });

  it('expires a lead another tool appended, which the shadow does not know', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const known = register(emu, { partnerId: beta, company: 'Acme', domain: 'acme.com' }).id;
    const headers = emu.sheets().Leads[0] as string[];
    const values: Record<string, unknown> = {
      'Lead ID': 'L-000777',
      'Partner ID': beta,
      Company: 'Foreign Widgets',
      Status: 'Submitted',
      'Registered On': new Date('2026-01-01T00:00:00Z'),
      'Expires On': new Date('2026-02-01T00:00:00Z'),
    };
    const row = headers.map((h) => values[h] ?? '');
    // A script write (no trigger fires), as an integration would make it.
    emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('Leads')!.getRange(3, 1, 1, row.length).setValues([row]),
    );

    const fired = emu.advance('P1D');
    expect(fired.filter((f) => !f.ok)).toEqual([]);

    const leads = rowsOf(emu, 'Leads');
    expect(leads.map((l) => [l['Lead ID'], l['Status']])).toEqual([
      [known, 'Submitted'],
      ['L-000777', 'Expired'],
    ]);
    expect(leads[1]['Company']).toBe('Foreign Widgets');
  });
});
