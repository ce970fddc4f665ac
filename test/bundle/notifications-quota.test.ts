/** Partner emails: sent within MailApp's daily quota, the rest queued and sent the next day. */
import type { SentMail } from '../../emulator/services/mail';
import { finishDay, runHourly } from '../support/emulator';
import { OWNER, addPartner, lead, leadCell, register, setSetting, tracker } from './leads-fixture';

/** The lead notifications sent (not the partner-view welcome, which has its own outbox). */
function outbox(emu: ReturnType<typeof tracker>): SentMail[] {
  return (emu.services.state.outbox as SentMail[]).filter((m) => !m.subject.endsWith('your partner view'));
}

describe('notifications', () => {
  it('over quota: the email is queued in document properties and sent the next day, not lost', () => {
    const emu = tracker({ mailQuota: 2 });
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: beta, company: 'One Co' });
    register(emu, { partnerId: beta, company: 'Two Co' });
    register(emu, { partnerId: beta, company: 'Three Co' });
    expect(outbox(emu).map((m) => m.subject)).toEqual([
      'Lead registration received: One Co (L-000001)',
      'Lead registration received: Two Co (L-000002)',
    ]);
    const queued = emu.rt.uncounted(() =>
      emu.services.globals.PropertiesService.getDocumentProperties().getProperties(),
    );
    expect(
      Object.entries(queued).filter(([k, v]) => k.startsWith('tracker.mailQueue.') && v.includes('L-000003')),
    ).toHaveLength(1);

    emu.advance('PT12H');
    expect(outbox(emu)).toHaveLength(2);
    emu.advance('PT12H');
    const sent = outbox(emu);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({
      to: 'sales@betapartners.test',
      subject: 'Lead registration received: Three Co (L-000003)',
      sentAt: expect.stringMatching(/^2026-03-03T/),
    });
    emu.advance('P1D');
    expect(outbox(emu)).toHaveLength(3);
  });

  it('escapes user text in the HTML body', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners', contactName: '<b>Pat</b>' });
    register(emu, { partnerId: beta, company: '<img src=x onerror=alert(1)> & Co' });
    const [mail] = outbox(emu);
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(mail.htmlBody).toContain('Hello &lt;b&gt;Pat&lt;/b&gt;');
    expect(mail.htmlBody).not.toMatch(/<img|<b>/);
  });

  it('approved, rejected and won emails go to the partner contact; none when Settings turn them off', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: beta, company: 'Acme' });
    register(emu, { partnerId: beta, company: 'Initech' });
    emu.call(OWNER, 'reviewLead', 'L-000001', 'approve', 'Go <ahead>');
    emu.call(OWNER, 'reviewLead', 'L-000002', 'reject');
    emu.call(OWNER, 'closeLead', 'L-000001', 'won', { dealValue: '1500' });
    expect(outbox(emu).map((m) => m.subject)).toEqual([
      'Lead registration received: Acme (L-000001)',
      'Lead registration received: Initech (L-000002)',
      'Lead approved: Acme (L-000001)',
      'Lead not approved: Initech (L-000002)',
      'Deal won: Acme (L-000001)',
    ]);
    expect(outbox(emu)[2].htmlBody).toContain('Go &lt;ahead&gt;');
    setSetting(emu, 'Notifications On', 'FALSE');
    register(emu, { partnerId: beta, company: 'Globex' });
    expect(outbox(emu)).toHaveLength(5);
  });

  it('a Won set in the sheet only queues its email (the edit trigger does not send); the daily run sends it', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: beta, company: 'Acme' });
    emu.call(OWNER, 'reviewLead', 'L-000001', 'approve');
    emu.edit(OWNER, 'Leads', leadCell(emu, 'L-000001', 'Deal Value'), [[700]]);
    emu.edit(OWNER, 'Leads', leadCell(emu, 'L-000001', 'Status'), [['Won']]);
    expect(lead(emu, 'L-000001').status).toBe('Won');
    expect(outbox(emu).map((m) => m.subject)).not.toContain('Deal won: Acme (L-000001)');
    emu.advance('P1D');
    expect(outbox(emu).map((m) => m.subject)).toContain('Deal won: Acme (L-000001)');
  });

  it('a registration sends only its own email; the queued backlog is left to the hourly trigger', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: beta, company: 'Acme' });
    emu.call(OWNER, 'reviewLead', 'L-000001', 'approve');
    emu.edit(OWNER, 'Leads', leadCell(emu, 'L-000001', 'Deal Value'), [[700]]);
    emu.edit(OWNER, 'Leads', leadCell(emu, 'L-000001', 'Status'), [['Won']]);
    register(emu, { partnerId: beta, company: 'Initech' });
    expect(outbox(emu).map((m) => m.subject)).toEqual([
      'Lead registration received: Acme (L-000001)',
      'Lead approved: Acme (L-000001)',
      'Lead registration received: Initech (L-000002)',
    ]);
    // the hourly runs that do the day's jobs (one heavy job per execution) send the backlog
    finishDay(emu);
    expect(outbox(emu).map((m) => m.subject)).toContain('Deal won: Acme (L-000001)');
  });

  it("a registration's call sends nothing; the sidebar's call after it sends that lead's e-mail, else a later run", () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const first = register(emu, { partnerId: beta, company: 'Acme' }, OWNER, { followUp: false });
    expect(first.mailOwed).toBe(true);
    const second = register(emu, { partnerId: beta, company: 'Initech' }, OWNER, { followUp: false });
    expect(outbox(emu)).toEqual([]);
    // The sidebar's call for the second registration sends only its e-mail (the first stays owed).
    expect(emu.call(OWNER, 'sendOwedMail', second.id)).toEqual({ sent: 1, queued: 0, dropped: 0 });
    expect(outbox(emu).map((m) => m.subject)).toEqual(['Lead registration received: Initech (L-000002)']);
    // Called again (a retry): nothing owed, nothing sent twice.
    expect(emu.call(OWNER, 'sendOwedMail', second.id)).toEqual({ sent: 0, queued: 0, dropped: 0 });
    expect(outbox(emu)).toHaveLength(1);
    // The first one's sidebar was closed before its call: a later run sends it.
    finishDay(emu);
    expect(outbox(emu).map((m) => m.subject)).toEqual([
      'Lead registration received: Initech (L-000002)',
      'Lead registration received: Acme (L-000001)',
    ]);
    expect(() => emu.call(OWNER, 'sendOwedMail', '=1+1')).toThrow(/Lead ID/);
  });

  it("a registration's e-mail its sidebar call did not send goes with the next hourly run; over quota, with the next day's", () => {
    const emu = tracker({ mailQuota: 2 });
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    finishDay(emu); // the day's jobs done: the hourly runs after it do only the hourly work
    emu.rt.advance(3_600_000);
    register(emu, { partnerId: beta, company: 'Acme' }, OWNER, { followUp: false });
    runHourly(emu);
    expect(outbox(emu).map((m) => m.subject)).toEqual(['Lead registration received: Acme (L-000001)']);
    // The quota (2) is spent (with the welcome of the partner's view): the next one waits, each hour
    // asking the quota alone.
    register(emu, { partnerId: beta, company: 'Initech' }, OWNER, { followUp: false });
    emu.rt.advance(3_600_000);
    const waiting = runHourly(emu);
    expect(outbox(emu)).toHaveLength(1);
    expect(waiting.stats.byMethod['MailApp.getRemainingDailyQuota']).toBe(1);
    expect(waiting.stats.byMethod['MailApp.sendEmail'] ?? 0).toBe(0);
    emu.advance('P1D');
    expect(outbox(emu).map((m) => m.subject)).toContain('Lead registration received: Initech (L-000002)');
  });

  it("over the day's quota, each partner's notices go as one digest: every partner told within it", () => {
    const emu = tracker({ mailQuota: 3 });
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const gamma = addPartner(emu, { partnerName: 'Gamma Group' });
    finishDay(emu); // the day's jobs done (and the partners' view welcomes sent): 1 recipient left
    emu.rt.advance(24 * 3_600_000);
    for (const company of ['One Co', 'Two Co', 'Three Co', 'Four Co', 'Five Co'])
      register(emu, { partnerId: beta, company }, OWNER, { followUp: false });
    register(emu, { partnerId: gamma, company: 'Solo Co' }, OWNER, { followUp: false });
    const before = outbox(emu).length;
    finishDay(emu); // a new day: 3 recipients; six notices, two partners
    const sent = outbox(emu).slice(before);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      ['sales@betapartners.test', '5 updates on your partnership'],
      ['sales@gammagroup.test', 'Lead registration received: Solo Co (L-000006)'],
    ]);
    for (const company of ['One Co', 'Two Co', 'Three Co', 'Four Co', 'Five Co'])
      expect(sent[0].body).toContain(`Lead registration received: ${company}`);
    expect(sent[0].htmlBody).toContain('<h3>Lead registration received: One Co (L-000001)</h3>');
    // Greeted once and signed once, not once per update.
    expect(sent[0].body.startsWith('Hello Pat Beta Partners,\n\n')).toBe(true);
    expect(sent[0].body.match(/Hello /g)).toHaveLength(1);
    expect(sent[0].htmlBody.match(/<p>Hello /g)).toHaveLength(1);
    // Nothing is owed any more: none is sent again.
    emu.advance('P1D');
    expect(outbox(emu).slice(before)).toHaveLength(2);
  });

  it('with notifications off a registration owes no e-mail, and the sidebar makes no call for it', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    setSetting(emu, 'Notifications On', 'FALSE');
    expect(register(emu, { partnerId: beta, company: 'Acme' }).mailOwed).toBe(false);
    finishDay(emu);
    expect(outbox(emu)).toEqual([]);
  });

  it('a review or a close from the sidebar sends only its own email, not the queued backlog', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: beta, company: 'Acme' });
    register(emu, { partnerId: beta, company: 'Initech' });
    emu.call(OWNER, 'reviewLead', 'L-000001', 'approve');
    emu.edit(OWNER, 'Leads', leadCell(emu, 'L-000001', 'Deal Value'), [[700]]);
    emu.edit(OWNER, 'Leads', leadCell(emu, 'L-000001', 'Status'), [['Won']]);
    emu.call(OWNER, 'reviewLead', 'L-000002', 'approve');
    emu.call(OWNER, 'closeLead', 'L-000002', 'won', { dealValue: 900 });
    expect(outbox(emu).map((m) => m.subject)).toEqual([
      'Lead registration received: Acme (L-000001)',
      'Lead registration received: Initech (L-000002)',
      'Lead approved: Acme (L-000001)',
      'Lead approved: Initech (L-000002)',
      'Deal won: Initech (L-000002)',
    ]);
    // the hourly runs that do the day's jobs (one heavy job per execution) send the backlog
    finishDay(emu);
    expect(outbox(emu).map((m) => m.subject)).toContain('Deal won: Acme (L-000001)');
  });

  it('reminds the partner 14 days before the window ends, once', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    setSetting(emu, 'Protection Window Days', 15);
    register(emu, { partnerId: beta, company: 'Acme' });
    emu.advance('P1D');
    emu.advance('P1D');
    const reminders = outbox(emu).filter((m) => m.subject.startsWith('Protection ends'));
    expect(reminders.map((m) => [m.subject, m.sentAt.slice(0, 10)])).toEqual([
      ['Protection ends on 2026-03-17: Acme (L-000001)', '2026-03-03'],
    ]);
  });
});
