/**
 * Amounts and partners as a partner manager's own spreadsheet writes them (issue 21): a CSV import
 * takes "$25,000", "USD 1,200.50" and "51,250.50", and a partner named by name as well as by id (a
 * name two partners share, or no partner has, is refused with the name); a form takes an amount as
 * the sheet displays it, in the spreadsheet's locale (getFormOptions says which decimal separator).
 */
import type { FormOptions, ImportPreview, ImportResult } from '../../src/shared/api';
import { OWNER, addPartner, callError, lead, register, tracker } from './leads-fixture';

describe('amounts and partners as written', () => {
  it('imports amounts with a currency symbol or code and group separators, and partners by name', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const csv = [
      'Partner,Company,Estimated Value,Currency',
      'beta  partners,Acme Inc,"$25,000",USD',
      `${beta},Initech,"USD 1,200.50",USD`,
      'Beta Partners,Globex,"51,250.50",USD',
      'Nobody Ltd,Umbrella,100,USD',
      'Beta Partners,Wonka,"25,00",USD',
    ].join('\n');
    const preview = emu.call<ImportPreview>(OWNER, 'previewImport', 'leads', csv);
    expect(preview.mapping.Partner).toBe('partnerId');
    expect(preview.rows.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(preview.rows[3].errors).toEqual([
      "Partner 'Nobody Ltd' is neither a partner's name nor a Partner ID on the Partners sheet",
    ]);
    expect(preview.rows[4].errors[0]).toMatch(/^Estimated Value '25,00'/);

    const result = emu.call<ImportResult>(OWNER, 'runImport', 'leads', csv);
    expect(result.imported).toBe(3);
    const [acme, initech, globex] = result.ids.map((id) => lead(emu, id));
    expect([acme.partnerId, acme.estimatedValue]).toEqual([beta, 25000]);
    expect([initech.partnerId, initech.estimatedValue]).toEqual([beta, 1200.5]);
    expect([globex.partnerId, globex.estimatedValue]).toEqual([beta, 51250.5]);
  });

  it("takes an amount typed as the sheet shows it, in the spreadsheet's locale", () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    expect(emu.call<FormOptions>(OWNER, 'getFormOptions').decimalSeparator).toBe('.');
    const id = register(emu, { partnerId: beta, company: 'Acme Inc', estimatedValue: '51,250.50' }).id;
    expect(lead(emu, id).estimatedValue).toBe(51250.5);
    expect(
      callError(emu, 'registerLead', { partnerId: beta, company: 'Globex', estimatedValue: '51.250,50' }),
    ).toMatch(/^Estimated Value '51.250,50'/);

    const german = tracker({ locale: 'de_DE' });
    expect(german.call<FormOptions>(OWNER, 'getFormOptions').decimalSeparator).toBe(',');
  });
});
