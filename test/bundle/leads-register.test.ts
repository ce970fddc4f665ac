/** registerLead through the bundle: checks, conflicts, duplicates, ids, formula text, concurrency. */
import {
  OWNER,
  addPartner,
  callError,
  cellInfo,
  lead,
  leadCell,
  register,
  rowsOf,
  setSetting,
  addToSettingsList,
  tracker,
} from './leads-fixture';

function programme() {
  const emu = tracker();
  const beta = addPartner(emu, { partnerName: 'Beta Partners' });
  const gamma = addPartner(emu, { partnerName: 'Gamma Resellers' });
  return { emu, beta, gamma };
}

describe('registerLead', () => {
  it('writes one Submitted row with a new id, the protection window and the amount in major units', () => {
    const { emu, beta } = programme();
    const result = register(emu, {
      partnerId: beta,
      company: 'Acme Inc',
      domain: 'https://www.Acme.com/pricing',
      contactEmail: 'jane@acme.com',
      estimatedValue: '12345.67',
      currency: 'usd',
    });
    expect(result).toEqual({
      id: 'L-000001',
      status: 'Submitted',
      expiresOn: '2026-05-31',
      conflicts: [],
      mailOwed: true,
    });
    const [row] = rowsOf(emu, 'Leads');
    expect(row).toMatchObject({
      'Lead ID': 'L-000001',
      'Partner ID': beta,
      'Partner Name': 'Beta Partners',
      Company: 'Acme Inc',
      Domain: 'acme.com',
      'Estimated Value': 12345.67,
      Currency: 'USD',
      Status: 'Submitted',
      'Registered On': '2026-03-02T00:00:00.000Z',
      'Expires On': '2026-05-31T00:00:00.000Z',
    });
    expect(lead(emu, 'L-000001')).toMatchObject({ estimatedValue: 12345.67, registeredOn: '2026-03-02' });
    const audit = rowsOf(emu, 'Audit Log').filter((r) => r['Record ID'] === 'L-000001');
    expect(audit.length).toBeGreaterThan(5);
    expect(audit.every((r) => r.Source === 'sidebar' && r.User === OWNER)).toBe(true);
  });

  it('uses the window in Settings and gives consecutive ids', () => {
    const { emu, beta } = programme();
    setSetting(emu, 'Protection Window Days', 30);
    expect(register(emu, { partnerId: beta, company: 'Initech' }).expiresOn).toBe('2026-04-01');
    expect(register(emu, { partnerId: beta, company: 'Globex' }).id).toBe('L-000002');
  });

  it.each([
    [{ company: 'Acme' }, /Partner ID is required/],
    [{ partnerId: 'P-0001', company: '' }, /Company is required/],
    [
      { partnerId: 'P-0001', company: 'Acme', contactEmail: 'bob@' },
      /Contact Email 'bob@' is not an email address/,
    ],
    [
      { partnerId: 'P-0001', company: 'Acme', estimatedValue: '-5' },
      /Estimated Value '-5' must be 0 or more/,
    ],
    [
      { partnerId: 'P-0001', company: 'Acme', estimatedValue: '10.5', currency: 'JPY' },
      /Estimated Value '10.5' has decimals, which JPY does not allow/,
    ],
    [{ partnerId: 'P-0001', company: 'Acme', currency: 'XXX' }, /Currency 'XXX' is not one of/],
    [{ partnerId: 'P-0042', company: 'Acme' }, /Partner ID 'P-0042' is not a partner in this tracker/],
  ])('refuses %j with a message naming the field, writing nothing', (input, message) => {
    const { emu } = programme();
    const before = emu.sheets();
    const error = callError(emu, 'registerLead', input);
    expect(error).toMatch(message);
    expect(error).not.toMatch(/\bat \w+ \(/);
    expect(emu.sheets()).toEqual(before);
  });

  it.each(['Paused', 'Terminated'])('refuses a %s partner', (status) => {
    const { emu } = programme();
    const paused = addPartner(emu, { partnerName: 'Delta Agency', status: status as 'Paused' });
    expect(callError(emu, 'registerLead', { partnerId: paused, company: 'Acme' })).toBe(
      `Leads cannot be registered for Delta Agency (${paused}): the partner is ${status}`,
    );
    expect(rowsOf(emu, 'Leads')).toEqual([]);
  });

  describe('conflicts with another partner’s protected lead', () => {
    it('by domain', () => {
      const { emu, beta, gamma } = programme();
      register(emu, { partnerId: beta, company: 'Acme Inc', domain: 'acme.com' });
      const second = register(emu, { partnerId: gamma, company: 'ACME Holdings', domain: 'www.acme.com' });
      expect(second.status).toBe('Submitted');
      expect(second.conflicts).toEqual([
        {
          leadId: 'L-000001',
          partnerId: beta,
          partnerName: 'Beta Partners',
          reason: 'same domain acme.com as L-000001, Beta Partners, protected until 2026-05-31',
        },
      ]);
      expect(lead(emu, second.id).conflict).toBe(second.conflicts[0].reason);
    });

    it('by the contact email’s domain, but not by a free-mail domain', () => {
      const { emu, beta, gamma } = programme();
      register(emu, { partnerId: beta, company: 'Umbrella', contactEmail: 'ceo@umbrella.io' });
      register(emu, { partnerId: beta, company: 'Soylent', contactEmail: 'buyer@gmail.com' });
      const byEmail = register(emu, {
        partnerId: gamma,
        company: 'Umbrella Pharma',
        contactEmail: 'it@umbrella.io',
      });
      expect(byEmail.conflicts.map((c) => c.reason)).toEqual([
        'same domain umbrella.io as L-000001, Beta Partners, protected until 2026-05-31',
      ]);
      const freeMail = register(emu, {
        partnerId: gamma,
        company: 'Hooli',
        contactEmail: 'someone@gmail.com',
      });
      expect(freeMail.conflicts).toEqual([]);
    });

    it('by a near-identical company name, legal suffixes ignored', () => {
      const { emu, beta, gamma } = programme();
      register(emu, { partnerId: beta, company: 'Globex Corporation' });
      const fuzzy = register(emu, { partnerId: gamma, company: 'Globexx, Inc.' });
      expect(fuzzy.conflicts).toHaveLength(1);
      expect(fuzzy.conflicts[0]).toMatchObject({ leadId: 'L-000001', partnerId: beta });
      expect(fuzzy.conflicts[0].reason).toMatch(
        /company name 'Globexx, Inc\.' matches 'Globex Corporation' of L-000001/,
      );
      expect(register(emu, { partnerId: gamma, company: 'Globular Ltd' }).conflicts).toEqual([]);
    });

    it('with a house account listed in Settings', () => {
      const { emu, beta } = programme();
      addToSettingsList(emu, 'House Accounts', 'bigcorp.com');
      const house = register(emu, { partnerId: beta, company: 'BigCorp', domain: 'bigcorp.com' });
      expect(house.conflicts).toEqual([
        { leadId: '', partnerId: '', partnerName: '', reason: 'bigcorp.com is a house account' },
      ]);
      expect(lead(emu, house.id)).toMatchObject({
        status: 'Submitted',
        conflict: 'bigcorp.com is a house account',
      });
    });

    it('not once the other lead is Rejected', () => {
      const { emu, beta, gamma } = programme();
      register(emu, { partnerId: beta, company: 'Acme', domain: 'acme.com' });
      emu.call(OWNER, 'reviewLead', 'L-000001', 'reject', 'not a fit');
      expect(register(emu, { partnerId: gamma, company: 'Acme', domain: 'acme.com' }).conflicts).toEqual([]);
    });
  });

  it('refuses the same partner registering the same company again, naming the existing lead', () => {
    const { emu, beta } = programme();
    register(emu, { partnerId: beta, company: 'Acme Inc', domain: 'acme.com' });
    expect(
      callError(emu, 'registerLead', { partnerId: beta, company: 'Acme Incorporated', domain: 'acme.com' }),
    ).toBe('You already registered Acme Inc (L-000001), still Submitted until 2026-05-31');
    expect(rowsOf(emu, 'Leads')).toHaveLength(1);
  });

  it.each(['=HYPERLINK("http://evil.test","click")', '+1 Partners', '-2+3', '@SUM(A1)'])(
    'stores %s as the literal text typed and reads it back the same',
    (payload) => {
      const { emu, beta } = programme();
      const { id } = register(emu, {
        partnerId: beta,
        company: payload,
        contactName: payload,
        notes: payload,
      });
      expect(lead(emu, id)).toMatchObject({ company: payload, contactName: payload, notes: payload });
      expect(emu.call<Array<{ company: string }>>(OWNER, 'listLeads', {})[0].company).toBe(payload);
      const range = `${leadCell(emu, id, 'Company')}:${leadCell(emu, id, 'Notes')}`;
      expect(
        cellInfo(emu, 'Leads', range)
          .formulas.flat()
          .filter((f) => f !== ''),
      ).toEqual([]);
    },
  );

  it('gives two registrations racing each other two ids and two rows', () => {
    const { emu, beta, gamma } = programme();
    const race = emu.interleave(
      () => register(emu, { partnerId: beta, company: 'Initech' }),
      () => register(emu, { partnerId: gamma, company: 'Hooli' }),
      { method: 'Range.getValues' },
    );
    expect([race.first.error, race.second.error]).toEqual([undefined, undefined]);
    expect(race.secondWaited).toBe(true);
    expect([race.first.result!.id, race.second.result!.id].sort()).toEqual(['L-000001', 'L-000002']);
    const rows = rowsOf(emu, 'Leads');
    expect(rows.map((r) => r.Company).sort()).toEqual(['Hooli', 'Initech']);
    expect(new Set(rows.map((r) => r['Lead ID'])).size).toBe(2);
  });
});
