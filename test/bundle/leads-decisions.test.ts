/** reviewLead, closeLead, extendLead and listLeads through the bundle. */
import type { Lead } from '../../src/shared/api';
import { TEAMMATE } from '../support/emulator';
import { OWNER, addPartner, callError, lead, register, rowsOf, setSetting, tracker } from './leads-fixture';

function withLead() {
  const emu = tracker();
  const beta = addPartner(emu, { partnerName: 'Beta Partners' });
  const { id } = register(emu, { partnerId: beta, company: 'Acme Inc', domain: 'acme.com', currency: 'EUR' });
  return { emu, beta, id };
}

describe('reviewLead', () => {
  it('approves with the note and the acting user as Decided By', () => {
    const { emu, id } = withLead();
    const approved = emu.call<Lead>(OWNER, 'reviewLead', id, 'approve', 'Good fit');
    expect(approved).toMatchObject({ status: 'Approved', decidedBy: OWNER, decisionNote: 'Good fit' });
    expect(lead(emu, id).status).toBe('Approved');
  });

  it('rejects, and a rejected lead cannot be approved afterwards', () => {
    const { emu, id } = withLead();
    expect(emu.call<Lead>(OWNER, 'reviewLead', id, 'reject').status).toBe('Rejected');
    expect(callError(emu, 'reviewLead', id, 'approve')).toBe(
      `${id}: Status cannot go from Rejected to Approved`,
    );
  });

  it.each([
    [['L-000001', 'maybe'], /Decision 'maybe' is not one of: approve, reject/],
    [['L-000099', 'approve'], /Lead ID 'L-000099' is not a lead in this tracker/],
    [['nonsense', 'approve'], /Lead ID 'nonsense' is not an id like L-000001/],
  ])('refuses %j', (args, message) => {
    const { emu } = withLead();
    const before = emu.sheets();
    expect(callError(emu, 'reviewLead', ...args)).toMatch(message);
    expect(emu.sheets()).toEqual(before);
  });
});

describe('closeLead', () => {
  it('won needs a Deal Value', () => {
    const { emu, id } = withLead();
    emu.call(OWNER, 'reviewLead', id, 'approve');
    expect(callError(emu, 'closeLead', id, 'won', {})).toBe('Deal Value is required to close a lead as Won');
    expect(lead(emu, id).status).toBe('Approved');
  });

  it('won records the exact Deal Value, Closed On (today unless given) and who closed it', () => {
    const { emu, id } = withLead();
    emu.call(OWNER, 'reviewLead', id, 'approve');
    const won = emu.call<Lead>(OWNER, 'closeLead', id, 'won', { dealValue: '50000.10' });
    expect(won).toMatchObject({
      status: 'Won',
      dealValue: 50000.1,
      closedOn: '2026-03-02',
      decidedBy: OWNER,
    });
    const row = rowsOf(emu, 'Leads')[0];
    expect(row['Deal Value']).toBe(50000.1);
    expect(row['Closed On']).toBe('2026-03-02T00:00:00.000Z');
  });

  it('won -> lost is allowed later (a refund), with the reason', () => {
    const { emu, id } = withLead();
    emu.call(OWNER, 'reviewLead', id, 'approve');
    emu.call(OWNER, 'closeLead', id, 'won', { dealValue: 1000, closedOn: '2026-03-01' });
    const lost = emu.call<Lead>(OWNER, 'closeLead', id, 'lost', {
      reason: 'Refunded in full',
      closedOn: '2026-04-10',
    });
    expect(lost).toMatchObject({
      status: 'Lost',
      decisionNote: 'Refunded in full',
      closedOn: '2026-04-10',
      dealValue: 1000,
    });
  });

  it('a Submitted lead cannot be won before it is approved', () => {
    const { emu, id } = withLead();
    expect(callError(emu, 'closeLead', id, 'won', { dealValue: 10 })).toBe(
      `${id}: Status cannot go from Submitted to Won`,
    );
  });

  it.each([
    [['L-000001', 'maybe', {}], /Outcome 'maybe' is not one of: won, lost/],
    [
      ['L-000001', 'won', { dealValue: '12.345' }],
      /Deal Value '12.345' has more decimals than EUR allows \(2\)/,
    ],
    [['L-000001', 'won', { dealValue: 10, closedOn: '2026-02-30' }], /Closed On '2026-02-30' is not a date/],
  ])('refuses %j', (args, message) => {
    const { emu } = withLead();
    emu.call(OWNER, 'reviewLead', 'L-000001', 'approve');
    expect(callError(emu, 'closeLead', ...args)).toMatch(message);
    expect(lead(emu, 'L-000001').status).toBe('Approved');
  });
});

describe('extendLead', () => {
  it('adds the extension from Settings, up to the maximum', () => {
    const { emu, id } = withLead();
    setSetting(emu, 'Maximum Extensions', 2);
    expect(emu.call<Lead>(OWNER, 'extendLead', id).expiresOn).toBe('2026-06-30');
    expect(emu.call<Lead>(OWNER, 'extendLead', id).expiresOn).toBe('2026-07-30');
    expect(callError(emu, 'extendLead', id)).toBe(
      `${id} has already been extended 2 times, the maximum in Settings`,
    );
  });

  it('refuses a closed lead', () => {
    const { emu, id } = withLead();
    emu.call(OWNER, 'reviewLead', id, 'reject');
    expect(callError(emu, 'extendLead', id)).toMatch(/cannot be extended: it is Rejected/);
  });
});

describe('listLeads', () => {
  it('filters by status, partner and search; the queue puts conflicts first', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const gamma = addPartner(emu, { partnerName: 'Gamma Resellers' });
    register(emu, { partnerId: beta, company: 'Acme', domain: 'acme.com' });
    register(emu, { partnerId: beta, company: 'Initech' });
    register(emu, { partnerId: gamma, company: 'Acme Europe', domain: 'acme.com' });
    emu.call(OWNER, 'reviewLead', 'L-000002', 'approve');
    const ids = (filter: object) => emu.call<Lead[]>(TEAMMATE, 'listLeads', filter).map((l) => l.id);
    // Both sides of the overlap show it (the earlier lead notes the later registration): both conflict.
    expect(ids({ queue: true })).toEqual(['L-000001', 'L-000003']);
    expect(ids({ status: 'Approved' })).toEqual(['L-000002']);
    expect(ids({ partnerId: gamma })).toEqual(['L-000003']);
    expect(ids({ search: 'acme' })).toEqual(['L-000001', 'L-000003']);
    expect(ids({ status: ['Submitted', 'Approved'], limit: 2 })).toHaveLength(2);
  });
});
