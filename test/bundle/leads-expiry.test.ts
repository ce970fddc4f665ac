/** The daily job: leads past their window expire with the reason, as the clock moves. */
import { OWNER, addPartner, callError, lead, register, setSetting, tracker } from './leads-fixture';

describe('lead expiry by the scheduled trigger', () => {
  it('marks Submitted and Approved leads past Expires On as Expired, with the reason; closed ones stay', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const gamma = addPartner(emu, { partnerName: 'Gamma Resellers' });
    setSetting(emu, 'Protection Window Days', 2);
    const submitted = register(emu, { partnerId: beta, company: 'Acme', domain: 'acme.com' }).id;
    const approved = register(emu, { partnerId: beta, company: 'Initech' }).id;
    const rejected = register(emu, { partnerId: beta, company: 'Hooli' }).id;
    emu.call(OWNER, 'reviewLead', approved, 'approve');
    emu.call(OWNER, 'reviewLead', rejected, 'reject', 'duplicate of a direct deal');
    expect(lead(emu, submitted).expiresOn).toBe('2026-03-04');

    emu.advance('P2D');
    expect(lead(emu, submitted).status).toBe('Submitted');

    const fired = emu.advance('P1D');
    expect(fired.filter((f) => !f.ok)).toEqual([]);
    expect(lead(emu, submitted)).toMatchObject({
      status: 'Expired',
      decisionNote: 'Protection window ended on 2026-03-04',
    });
    expect(lead(emu, approved).status).toBe('Expired');
    expect(lead(emu, rejected)).toMatchObject({
      status: 'Rejected',
      decisionNote: 'duplicate of a direct deal',
    });
    // An expired lead no longer blocks another partner, and cannot be extended.
    expect(register(emu, { partnerId: gamma, company: 'Acme', domain: 'acme.com' }).conflicts).toEqual([]);
    expect(callError(emu, 'extendLead', submitted)).toMatch(/cannot be extended: it is Expired/);
  });
});
