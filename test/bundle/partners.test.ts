/** Partners through the bundle: save (create, update), list with filters, form options, menu pages. */
import type { FormOptions, Partner } from '../../src/shared/api';
import { TEAMMATE } from '../support/emulator';
import { OWNER, addPartner, callError, lead, register, rowsOf, tracker } from './leads-fixture';

describe('savePartner', () => {
  it('creates partners with consecutive ids and the Settings lists’ spelling', () => {
    const emu = tracker();
    const saved = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: 'Beta Partners',
      contactEmail: 'sales@beta.test',
      type: 'reseller',
      tier: 'gold',
      productFocus: 'core, analytics',
      joinedOn: '2026-01-15',
    });
    expect(saved).toEqual({ id: 'P-0001' });
    expect(addPartner(emu, { partnerName: 'Gamma Resellers' })).toBe('P-0002');
    const [beta] = emu.call<Partner[]>(OWNER, 'listPartners', { search: 'beta' });
    expect(beta).toMatchObject({
      id: 'P-0001',
      type: 'Reseller',
      tier: 'Gold',
      productFocus: 'Core, Analytics',
      status: 'Active',
      joinedOn: '2026-01-15',
    });
    expect(rowsOf(emu, 'Partners')[0]['Joined On']).toBe('2026-01-15T00:00:00.000Z');
  });

  it('updates a partner by id, and its new name reaches its leads', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: beta, company: 'Acme' });
    emu.call(OWNER, 'savePartner', {
      id: beta,
      partnerName: 'Beta Partners GmbH',
      contactEmail: 'new@beta.test',
      type: 'Agency',
      status: 'Paused',
    });
    expect(emu.call<Partner[]>(OWNER, 'listPartners', { status: 'Paused' })).toEqual([
      expect.objectContaining({ id: beta, partnerName: 'Beta Partners GmbH', type: 'Agency' }),
    ]);
    expect(lead(emu, 'L-000001').partnerName).toBe('Beta Partners GmbH');
    expect(rowsOf(emu, 'Partners')).toHaveLength(1);
  });

  it.each([
    [{ contactEmail: 'a@b.test', type: 'Reseller' }, 'Partner Name is required'],
    [
      { partnerName: 'X', contactEmail: 'a@', type: 'Moon' },
      "Contact Email 'a@' is not an email address\nType 'Moon' is not one of: Referral, Reseller, Affiliate, Technology, Agency",
    ],
    [
      { id: 'P-0042', partnerName: 'X', contactEmail: 'a@b.test', type: 'Reseller' },
      "Partner ID 'P-0042' is not a partner in this tracker",
    ],
    [
      { partnerName: 'beta partners inc', contactEmail: 'a@b.test', type: 'Reseller' },
      "Partner Name 'beta partners inc' is already used by P-0001",
    ],
  ])('refuses %j with every problem, one per line, writing nothing', (input, message) => {
    const emu = tracker();
    addPartner(emu, { partnerName: 'Beta Partners' });
    const before = emu.sheets();
    expect(callError(emu, 'savePartner', input)).toBe(message);
    expect(emu.sheets()).toEqual(before);
  });
});

describe('listPartners and getFormOptions', () => {
  it('filter by type, tier, status and search; options carry Settings lists and partners', () => {
    const emu = tracker();
    addPartner(emu, { partnerName: 'Beta Partners', type: 'Reseller', tier: 'Gold' });
    addPartner(emu, { partnerName: 'Gamma Referrals', type: 'Referral' });
    addPartner(emu, { partnerName: 'Alpha Agency', type: 'Agency', status: 'Terminated' });
    const names = (filter?: object) =>
      emu.call<Partner[]>(TEAMMATE, 'listPartners', filter).map((p) => p.partnerName);
    expect(names()).toEqual(['Alpha Agency', 'Beta Partners', 'Gamma Referrals']);
    expect(names({ type: 'referral' })).toEqual(['Gamma Referrals']);
    expect(names({ tier: 'Gold' })).toEqual(['Beta Partners']);
    expect(names({ status: 'Terminated' })).toEqual(['Alpha Agency']);
    expect(names({ search: 'P-0002' })).toEqual(['Gamma Referrals']);
    const options = emu.call<FormOptions>(OWNER, 'getFormOptions');
    expect(options).toMatchObject({
      defaultCurrency: 'USD',
      currencies: expect.arrayContaining(['USD', 'EUR', 'JPY']),
    });
    expect(options.types).toContain('Reseller');
    expect(options.partners).toEqual([
      { id: 'P-0001', partnerName: 'Beta Partners', status: 'Active' },
      { id: 'P-0002', partnerName: 'Gamma Referrals', status: 'Active' },
      { id: 'P-0003', partnerName: 'Alpha Agency', status: 'Terminated' },
    ]);
  });
});

describe('the menu opens the pages', () => {
  it.each([
    ['Register lead', 'Register lead'],
    ['Partners', 'Partners'],
    ['Review leads', 'Review leads'],
    ['Import CSV', 'Import CSV'],
  ])('%s opens a 300 px sidebar titled "%s"', (caption, title) => {
    const emu = tracker();
    emu.open(OWNER);
    emu.menu(OWNER, caption);
    const sidebar = emu.services.state.ui.sidebar!;
    expect(sidebar).toMatchObject({ title, width: 300 });
    expect(sidebar.html.length).toBeGreaterThan(500);
  });
});
