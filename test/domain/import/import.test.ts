import { parseCsv, planLeadImport, planPartnerImport, suggestMapping } from '../../../src/domain/import';

describe('parseCsv', () => {
  test('header, BOM, CRLF, quoted fields with commas, quotes and line breaks, blank lines', () => {
    const csv = '\uFEFFCompany,Notes\r\n"Acme, Inc.","said ""hi""\r\non two lines"\r\n\r\nGlobex,plain\r\n';
    expect(parseCsv(csv)).toEqual({
      headers: ['Company', 'Notes'],
      records: [
        { line: 2, values: ['Acme, Inc.', 'said "hi"\r\non two lines'], errors: [] },
        { line: 5, values: ['Globex', 'plain'], errors: [] },
      ],
    });
  });

  test('a row with the wrong number of values is reported on its line', () => {
    expect(parseCsv('a,b\n1,2,3\n4\n5,6').records.map((r) => [r.line, r.errors])).toEqual([
      [2, ['This line has 3 values, the header has 2']],
      [3, ['This line has 1 value, the header has 2']],
      [4, []],
    ]);
  });

  test('an unterminated quote is reported', () => {
    const { records } = parseCsv('a,b\n1,"open\n');
    expect(records[0].errors[0]).toMatch(/^The CSV cannot be read here: /);
  });

  test('an empty file has no headers and no rows', () => {
    expect(parseCsv('')).toEqual({ headers: [], records: [] });
  });
});

describe('suggestMapping', () => {
  test.each<['partners' | 'leads', string[], Record<string, string>]>([
    [
      'leads',
      ['Company Name', 'Website', 'E-mail', 'Partner ID', 'Estimated value', 'Currency', 'Favourite colour'],
      {
        'Company Name': 'company',
        Website: 'domain',
        'E-mail': 'contactEmail',
        'Partner ID': 'partnerId',
        'Estimated value': 'estimatedValue',
        Currency: 'currency',
      },
    ],
    [
      'leads',
      ['company', ' DOMAIN ', 'contact_email', 'contactName'],
      { company: 'company', ' DOMAIN ': 'domain', contact_email: 'contactEmail', contactName: 'contactName' },
    ],
    ['leads', ['Email', 'Contact Email'], { Email: 'contactEmail' }],
    [
      'partners',
      ['Name', 'Email', 'Type', 'Joined'],
      { Name: 'partnerName', Email: 'contactEmail', Type: 'type', Joined: 'joinedOn' },
    ],
    ['partners', ['Partner Name', 'Company'], { 'Partner Name': 'partnerName' }],
  ])('%s %p', (kind, headers, expected) => {
    expect(suggestMapping(kind, headers)).toEqual(expected);
  });
});

const lists = { types: ['Referral', 'Reseller'], currencies: ['USD', 'EUR'], defaultCurrency: 'USD' };

describe('planPartnerImport', () => {
  test('every row checked; bad rows listed with their line and errors; duplicates within the file caught', () => {
    const csv = [
      'Partner Name,Email,Type',
      'Alpha Partners,ann@alpha.io,Referral',
      ',bob@,Reseler',
      'ALPHA PARTNERS LLC,other@alpha.io,Referral',
      'Gamma,ANN@alpha.io,Reseller',
      '=HYPERLINK("http://evil"),eve@evil.com,reseller',
    ].join('\n');
    const { preview, valid } = planPartnerImport({ csv, lists });
    expect(preview.mapping).toEqual({ 'Partner Name': 'partnerName', Email: 'contactEmail', Type: 'type' });
    expect(preview.rows).toEqual([
      { line: 2, ok: true, errors: [], conflicts: [] },
      {
        line: 3,
        ok: false,
        errors: [
          'Partner Name is required',
          "Contact Email 'bob@' is not an email address",
          "Type 'Reseler' is not one of: Referral, Reseller",
        ],
        conflicts: [],
      },
      {
        line: 4,
        ok: false,
        errors: ["Same partner as line 2 (Partner Name 'Alpha Partners')"],
        conflicts: [],
      },
      {
        line: 5,
        ok: false,
        errors: ["Same partner as line 2 (Contact Email 'ann@alpha.io')"],
        conflicts: [],
      },
      { line: 6, ok: true, errors: [], conflicts: [] },
    ]);
    expect([preview.valid, preview.invalid]).toEqual([2, 3]);
    expect(valid.map((row) => [row.line, row.value.partnerName, row.value.type])).toEqual([
      [2, 'Alpha Partners', 'Referral'],
      [6, '=HYPERLINK("http://evil")', 'Reseller'],
    ]);
  });
});

describe('planLeadImport', () => {
  const csv = [
    'Partner,Company,Website,Email,Value,Currency',
    'P-0001,Acme Inc,https://www.acme.com,jane@acme.com,1200.50,USD',
    'P-0001,ACME Corporation,,,,',
    'P-0002,Acme,acme.com,,,',
    'P-0001,Globex,,hank@globex.io,12.345,USD',
    'P-0001,Initech,,bill@gmail.com,-5,',
    'P-0001,Hooli,hooli,,,GBP',
    'P-0001,Soylent,,sam@soylent.com,10,EUR,extra',
    'P-0001,Umbrella,,u@gmail.com,,',
  ].join('\r\n');

  test('rows with their errors and duplicates of the same partner', () => {
    const { preview, valid } = planLeadImport({ csv, lists });
    expect(preview.rows.map((row) => [row.line, row.errors])).toEqual([
      [2, []],
      [3, ["Same company as line 2 ('Acme Inc' for P-0001)"]],
      [4, []],
      [5, ["Estimated Value '12.345' has more decimals than USD allows (2)"]],
      [6, ["Estimated Value '-5' must be 0 or more"]],
      [7, ["Domain 'hooli' is not a domain name (like acme.com)", "Currency 'GBP' is not one of: USD, EUR"]],
      [8, ['This line has 7 values, the header has 6']],
      [9, []],
    ]);
    expect(valid.map((row) => row.value)).toEqual([
      {
        partnerId: 'P-0001',
        company: 'Acme Inc',
        domain: 'acme.com',
        contactEmail: 'jane@acme.com',
        estimatedValue: '1200.50',
        currency: 'USD',
      },
      { partnerId: 'P-0002', company: 'Acme', domain: 'acme.com', currency: 'USD' },
      { partnerId: 'P-0001', company: 'Umbrella', contactEmail: 'u@gmail.com', currency: 'USD' },
    ]);
  });

  test('a mapping given by the person replaces the suggestion; unknown fields and headers are dropped', () => {
    const { preview } = planLeadImport({
      csv,
      lists,
      mapping: { Partner: 'partnerId', Company: 'company', Email: 'nonsense', Missing: 'domain' },
    });
    expect(preview.mapping).toEqual({ Partner: 'partnerId', Company: 'company' });
    expect(preview.rows[1].errors).toEqual(["Same company as line 2 ('Acme Inc' for P-0001)"]);
  });

  test('an unmapped required field is reported on every row', () => {
    const { preview } = planLeadImport({ csv: 'Website\nacme.com\n', lists });
    expect(preview.rows).toEqual([
      { line: 2, ok: false, errors: ['Partner ID is required', 'Company is required'], conflicts: [] },
    ]);
  });
});
