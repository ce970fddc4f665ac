/**
 * Lead registration without a Google login: the program's Google Form (made by the owner's hourly
 * run through the Forms API), each partner's own link carrying their secret, submissions taken in by
 * the hourly run through the sidebar's registration rules, audited as "form", the outcome e-mailed.
 */
import type { Emulator } from '../../emulator/harness';
import type { Lead, PlanInput } from '../../src/shared/api';
import { approvedLead, partnerOn, tracker, OWNER } from './commissions-fixture';
import { runHourly, settleDay } from '../support/emulator';
import { companyName } from '../support/company-names';
import { register } from './leads-fixture';

const PLAN: PlanInput = { name: 'Std', type: 'percent', rate: 10, currency: 'USD' };

function program() {
  const emu = tracker();
  const a = partnerOn(emu, PLAN, 'Alpha Resellers');
  const b = partnerOn(emu, 'Std', 'Beta Agency');
  settleDay(emu); // the day's jobs, then the form and the views
  const link = (id: string) =>
    emu.call<{ viewUrl: string; formUrl: string }>(OWNER, 'getPartnerLinks', id).formUrl;
  return { emu, a, b, link };
}

const leads = (emu: Emulator) => emu.call<Lead[]>(OWNER, 'listLeads', {});
const mailTo = (emu: Emulator, to: string) => emu.services.state.outbox.filter((m) => m.to === to);
const auditRows = (emu: Emulator) => emu.sheets()['Audit Log'].slice(1);

describe('the registration form', () => {
  it('is made once, published, owned by the owner; each partner has their own link, shown in their view', () => {
    const { emu, a, b, link } = program();
    const forms = emu.rt.createdFiles().filter((f) => f.mimeType === 'application/vnd.google-apps.form');
    expect(forms).toHaveLength(1);
    expect(forms[0].owner).toBe(OWNER);
    const la = link(a);
    const lb = link(b);
    expect(la).toMatch(
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/[^/]+\/viewform\?usp=pp_url&entry\.\d+=[A-Za-z0-9_-]{22}$/,
    );
    expect(lb).not.toBe(la);
    expect(la.split('=').pop()).not.toContain(a);
    const view = emu.rt.createdFiles().find((f) => f.appProperties?.ptPartner === a)!;
    expect(
      JSON.stringify(
        emu.rt.uncounted(() =>
          (view.content as { getSheets(): Array<{ getDataRange(): { getValues(): unknown[][] } }> })
            .getSheets()[0]
            .getDataRange()
            .getValues(),
        ),
      ),
    ).toContain(la);
  });

  it('registers a submission through the sidebar rules, audited as "form", and e-mails the partner', () => {
    const { emu, a, link } = program();
    emu.submitForm(link(a), { Company: 'Newco', Domain: 'newco.test', 'Estimated Value': '1200' });
    const report = runHourly(emu).result as {
      hourly: Array<{ name: string; result: { registered: string[] } }>;
    };
    const intake = report.hourly.find((j) => j.name === 'registration form')!;
    expect(intake.result.registered).toHaveLength(1);
    const lead = leads(emu).find((l) => l.company === 'Newco')!;
    expect(lead).toMatchObject({
      partnerId: a,
      status: 'Submitted',
      domain: 'newco.test',
      estimatedValue: 1200,
    });
    const rows = auditRows(emu).filter((r) => r[4] === lead.id);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['form']));
    expect(mailTo(emu, 'alpha.resellers@partner.test').map((m) => m.subject)).toContain(
      `Lead registration received: Newco (${lead.id})`,
    );
    // Taken in once: the next hour finds nothing new.
    const next = runHourly(emu).result as { hourly?: Array<{ name: string }> };
    expect((next.hourly ?? []).map((j) => j.name)).not.toContain('registration form');
    expect(leads(emu).filter((l) => l.company === 'Newco')).toHaveLength(1);
  });

  it('takes submissions in submission order; an overlap is told without naming the other partner', () => {
    const { emu, a, b, link } = program();
    emu.submitForm(link(b), { Company: 'Shared Co', Domain: 'shared.test' });
    emu.rt.advance(60_000);
    emu.submitForm(link(a), { Company: 'Shared Co', Domain: 'shared.test' });
    runHourly(emu);
    const shared = leads(emu).filter((l) => l.domain === 'shared.test');
    expect(shared.map((l) => l.partnerId)).toEqual([b, a]);
    const toA = mailTo(emu, 'alpha.resellers@partner.test').find((m) => m.subject.includes('Shared Co'))!;
    expect(toA.body).toContain('may overlap another registration');
    expect(JSON.stringify(toA)).not.toMatch(/Beta|P-0002/);
  });

  it('reads the lead index, not every lead; an earlier lead far up the sheet notes the form registration', () => {
    const { emu, a, b, link } = program();
    for (let i = 0; i < 60; i++)
      register(emu, { partnerId: i % 2 ? a : b, company: companyName(i), domain: `c${i}.example` });
    settleDay(emu); // the index folds every lead: none is in the window a registration reads
    emu.rt.advance(3_600_000);
    emu.submitForm(link(a), { Company: 'Somebody New', Domain: 'c10.example' });
    emu.rt.advance(1000);
    emu.submitForm(link(a), { Company: 'Another New', Domain: 'new.example' });
    const methods: string[] = [];
    const stop = emu.rt.onCall((m) => methods.push(m));
    const run = runHourly(emu).result as {
      hourly: Array<{ name: string; result: { registered: string[] } }>;
    };
    stop();
    const intake = run.hourly.find((j) => j.name === 'registration form')!;
    expect(intake.result.registered).toHaveLength(2);
    // The intake's calls (up to its e-mails; the partner views' refresh follows in the same run): a
    // full read would guard Leads with getLastRow (and read the whole Leads shadow column).
    const own = methods.slice(0, methods.lastIndexOf('MailApp.sendEmail') + 1);
    expect(own).toContain('UrlFetchApp.fetch');
    expect(own).not.toContain('Sheet.getLastRow');
    const earlier = leads(emu).find((l) => l.domain === 'c10.example' && l.partnerId === b)!;
    expect(earlier.conflict).toBe(
      `later registration ${intake.result.registered[0]} by Alpha Resellers is for the same company`,
    );
  });

  it('refuses and records a wrong or rotated key; the new link works', () => {
    const { emu, a, link } = program();
    const old = link(a);
    emu.submitForm(old.replace(/=[^=]+$/, '=AAAAAAAAAAAAAAAAAAAAAA'), { Company: 'Forged' });
    const rotated = emu.call<{ formUrl: string }>(OWNER, 'rotatePartnerLink', a).formUrl;
    expect(rotated).not.toBe(old);
    emu.submitForm(old, { Company: 'Old Link Co' });
    emu.submitForm(rotated, { Company: 'New Link Co' });
    runHourly(emu);
    const companies = leads(emu).map((l) => l.company);
    expect(companies).toContain('New Link Co');
    expect(companies).not.toEqual(expect.arrayContaining(['Forged']));
    expect(companies).not.toContain('Old Link Co');
    const refused = auditRows(emu).filter((r) => r[2] === 'form' && String(r[8]).startsWith('refused'));
    expect(refused).toHaveLength(2);
    expect(auditRows(emu).some((r) => r[5] === 'Registration Link' && r[4] === a)).toBe(true);
  });

  it('bad input: the sidebar field errors are e-mailed, nothing is written; text never becomes a formula', () => {
    const { emu, a, link } = program();
    const before = leads(emu).length;
    emu.submitForm(link(a), { Company: 'Badco', 'Contact Email': 'not-an-email', 'Estimated Value': 'lots' });
    runHourly(emu);
    expect(leads(emu)).toHaveLength(before);
    const refusal = mailTo(emu, 'alpha.resellers@partner.test').find((m) =>
      m.subject.includes('not accepted'),
    )!;
    expect(refusal.body).toMatch(/Contact Email/);
    expect(refusal.body).toMatch(/Estimated Value/);
    expect(() => emu.submitForm(link(a), { Domain: 'x.test' })).toThrow(
      'Company: This is a required question',
    );
    emu.submitForm(link(a), { Company: '=HYPERLINK("http://evil.test","x")' });
    runHourly(emu);
    const leadsSheet = emu.sheets().Leads;
    const row = leadsSheet.findIndex((r) => String(r[3]).includes('HYPERLINK')) + 1;
    expect(row).toBeGreaterThan(1);
    const formula = emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('Leads')!.getRange(row, 4).getFormula(),
    );
    expect(formula).toBe('');
  });

  it('refuses a paused partner as the sidebar does', () => {
    const { emu, a, link } = program();
    approvedLead(emu, a);
    const rows = emu.sheets().Partners;
    const col = String.fromCharCode(65 + rows[0].indexOf('Status'));
    emu.edit(OWNER, 'Partners', `${col}2`, [['Paused']]);
    emu.submitForm(link(a), { Company: 'While Paused' });
    runHourly(emu);
    expect(leads(emu).map((l) => l.company)).not.toContain('While Paused');
    expect(mailTo(emu, 'alpha.resellers@partner.test').some((m) => /Paused|paused/.test(m.body))).toBe(true);
  });
});
