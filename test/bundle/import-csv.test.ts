/** CSV import of partners and leads: the dry run lists every row's problems; the run writes the valid rows. */
import type { ImportPreview, ImportResult } from '../../src/shared/api';
import { OWNER, addPartner, callError, lead, register, rowsOf, tracker } from './leads-fixture';

const PARTNERS_CSV = [
  'Name,Email,Partner Type,Tier,Joined',
  'Beta Partners,sales@beta.test,Reseller,Gold,2026-01-15',
  'Gamma Resellers,not-an-email,Reseller,,',
  '"=HYPERLINK(""http://evil.test"")",evil@evil.test,Referral,,',
  'beta partners,other@beta.test,Reseller,,',
  'Delta Agency,hi@delta.test,Spaceship,,',
].join('\r\n');

describe('partner import', () => {
  it('previews every row, writes nothing, then imports only the valid rows in one audited batch', () => {
    const emu = tracker();
    const before = emu.sheets();
    const preview = emu.call<ImportPreview>(OWNER, 'previewImport', 'partners', PARTNERS_CSV);
    expect(emu.sheets()).toEqual(before);
    expect(preview.mapping).toEqual({
      Name: 'partnerName',
      Email: 'contactEmail',
      'Partner Type': 'type',
      Tier: 'tier',
      Joined: 'joinedOn',
    });
    expect(preview.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
      [5, false],
      [6, false],
    ]);
    expect(preview.rows[1].errors).toEqual(["Contact Email 'not-an-email' is not an email address"]);
    expect(preview.rows[3].errors[0]).toMatch(/Same partner as line 2/);
    expect(preview.rows[4].errors[0]).toMatch(/^Type 'Spaceship' is not one of: Referral, Reseller/);
    expect([preview.valid, preview.invalid]).toEqual([2, 3]);

    const result = emu.call<ImportResult>(OWNER, 'runImport', 'partners', PARTNERS_CSV);
    expect(result).toMatchObject({ imported: 2, skipped: 3, ids: ['P-0001', 'P-0002'] });
    const partners = rowsOf(emu, 'Partners');
    expect(partners.map((p) => [p['Partner ID'], p['Partner Name'], p.Tier, p['Joined On']])).toEqual([
      ['P-0001', 'Beta Partners', 'Gold', '2026-01-15T00:00:00.000Z'],
      // a plain-text cell keeps it as text; the guard apostrophe (in case a person turns the column
      // back to Automatic) is what the cell shows, and the tracker reads it back without it
      ['P-0002', '\'=HYPERLINK("http://evil.test")', '', '2026-03-02T00:00:00.000Z'],
    ]);
    const listed = emu.call<Array<{ id: string; partnerName: string }>>(OWNER, 'listPartners', {});
    expect(listed.find((p) => p.id === 'P-0002')!.partnerName).toBe('=HYPERLINK("http://evil.test")');
    const sources = new Set(
      rowsOf(emu, 'Audit Log')
        .filter((r) => r.Sheet === 'Partners')
        .map((r) => r.Source),
    );
    expect([...sources]).toEqual(['import']);
  });

  it('refuses a name already in the tracker', () => {
    const emu = tracker();
    addPartner(emu, { partnerName: 'Beta Partners' });
    const preview = emu.call<ImportPreview>(OWNER, 'previewImport', 'partners', PARTNERS_CSV);
    expect(preview.rows[0].errors).toEqual(["Partner Name 'Beta Partners' is already used by P-0001"]);
  });
});

describe('lead import', () => {
  it('checks each row by the registration rules, conflicts included, and imports the valid ones', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const gamma = addPartner(emu, { partnerName: 'Gamma Resellers' });
    const paused = addPartner(emu, { partnerName: 'Paused Co', status: 'Paused' });
    register(emu, { partnerId: beta, company: 'Acme Inc', domain: 'acme.com' });
    const csv = [
      'Partner,Company Name,Website,Value,Currency',
      `${gamma},Acme Europe,https://acme.com/eu,1000.50,EUR`,
      `${beta},Acme,acme.com,,`,
      `${gamma},Initech,initech.com,2500,USD`,
      `${paused},Hooli,hooli.com,,`,
      `${gamma},Umbrella,umbrella.io,10,JPY`,
      `${beta},Initech Corp,initech.com,,`,
      `${gamma},Bad Value Co,badvalue.com,abc,USD`,
      `${gamma},Too,many,values,here,!`,
    ].join('\n');
    const before = emu.sheets();
    const preview = emu.call<ImportPreview>(OWNER, 'previewImport', 'leads', csv);
    expect(emu.sheets()).toEqual(before);
    const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ ok: true, errors: [] });
    expect(byLine[2].conflicts).toEqual([
      'same domain acme.com as L-000001, Beta Partners, protected until 2026-05-31',
    ]);
    expect(byLine[3].errors).toEqual([
      'You already registered Acme Inc (L-000001), still Submitted until 2026-05-31',
    ]);
    expect(byLine[4]).toMatchObject({ ok: true, errors: [] });
    expect(byLine[5].errors).toEqual([
      `Leads cannot be registered for Paused Co (${paused}): the partner is Paused`,
    ]);
    expect(byLine[6]).toMatchObject({ ok: true });
    expect(byLine[7]).toMatchObject({ ok: true });
    expect(byLine[8].errors).toEqual([expect.stringMatching(/^Estimated Value 'abc' is not a number/)]);
    expect(byLine[9].errors).toEqual(['This line has 6 values, the header has 5']);
    expect([preview.valid, preview.invalid]).toEqual([4, 4]);

    const result = emu.call<ImportResult>(OWNER, 'runImport', 'leads', csv);
    expect(result).toMatchObject({
      imported: 4,
      skipped: 4,
      ids: ['L-000002', 'L-000003', 'L-000004', 'L-000005'],
    });
    expect(lead(emu, 'L-000002')).toMatchObject({
      company: 'Acme Europe',
      estimatedValue: 1000.5,
      currency: 'EUR',
    });
    expect(lead(emu, 'L-000002').conflict).toMatch(/same domain acme.com as L-000001/);
    // Line 7 conflicts with line 4 of the same file (another partner, same domain).
    expect(lead(emu, 'L-000005').conflict).toMatch(/same domain initech.com as L-000003, Gamma Resellers/);
    // The earlier lead shows the overlap too.
    expect(lead(emu, 'L-000003')).toMatchObject({
      estimatedValue: 2500,
      conflict: 'later registration L-000005 by Beta Partners is for the same company',
    });
    const importRows = rowsOf(emu, 'Audit Log').filter((r) => r['Record ID'] === 'L-000003');
    expect(new Set(importRows.map((r) => r.Source))).toEqual(new Set(['import']));
  });

  it('refuses an unknown kind or an empty file with a message', () => {
    const emu = tracker();
    expect(callError(emu, 'previewImport', 'plans', 'a,b')).toBe(
      "Import 'plans' is not one of: partners, leads",
    );
    expect(callError(emu, 'runImport', 'leads', '  ')).toMatch(/The CSV file is empty/);
  });
});
