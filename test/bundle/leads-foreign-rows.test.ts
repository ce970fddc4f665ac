/**
 * Rows another tool appended to Leads (a Zapier-style integration writing through the Sheets API or
 * another script: such writes fire no trigger, so the tracker's shadow does not know them) are neither
 * written over by a registration nor missed by its conflict check.
 */
import { addPartner, register, rowsOf, tracker } from './leads-fixture';

describe('registerLead with rows the tracker did not write', () => {
  it('appends below them and checks conflicts against them', () => {
    const emu = tracker();
    const alpha = addPartner(emu, { partnerName: 'Alpha Partners' });
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: alpha, company: 'First Co', domain: 'first.example' });
    const headers = emu.sheets().Leads[0] as string[];
    const row = headers.map((h) =>
      h === 'Lead ID'
        ? 'L-000777'
        : h === 'Partner ID'
          ? alpha
          : h === 'Company'
            ? 'Foreign Widgets'
            : h === 'Domain'
              ? 'foreign.example'
              : h === 'Status'
                ? 'Submitted'
                : '',
    );
    // A script write (no trigger fires), as the owner's integration would make it.
    emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('Leads')!.getRange(3, 1, 1, row.length).setValues([row]),
    );

    const result = register(emu, { partnerId: beta, company: 'Foreign Widgets', domain: 'foreign.example' });

    const leads = rowsOf(emu, 'Leads');
    expect(leads.map((l) => l['Lead ID'])).toEqual(['L-000001', 'L-000777', result.id]);
    expect(result.id).toBe('L-000778');
    expect(result.conflicts.map((c) => c.leadId)).toContain('L-000777');
  });
});
