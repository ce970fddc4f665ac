/**
 * The partner's side in Chromium, on the shipped bundle in the playground: the "Files" switcher lists
 * what the acting person can open; the partner opens their own view file (only their rows) and the
 * registration form at their own link, registers a lead there without a Google login, and after the
 * hourly run the lead is in the tracker, audited as "form", and in their view.
 */
import { OWNER, PARTNER } from '../../playground/session';
import {
  actAs,
  describeWithBrowser,
  gotoPlayground,
  idle,
  openPlayground,
  screenshot,
  type Harness,
} from './support/browser';

async function files(h: Harness): Promise<string[]> {
  return h.page.getByTestId('files').locator('option').allTextContents();
}

describeWithBrowser('partner files (view and registration form)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground();
    const emu = h.playground.session.emu;
    // The owner sets up a program with two partners; the playground's partner user is Beta's contact.
    emu.call(OWNER, 'setupTracker');
    emu.call(OWNER, 'savePlan', { name: 'Std', type: 'percent', rate: 10 });
    for (const [partnerName, contactEmail] of [
      ['Alpha Resellers', 'ops@alpha-resellers.test'],
      ['Beta Partners', PARTNER],
    ])
      emu.call(OWNER, 'savePartner', { partnerName, contactEmail, type: 'Referral', plan: 'Std' });
    emu.call(OWNER, 'registerLead', {
      partnerId: 'P-0001',
      company: 'Alpha Only Customer',
      domain: 'alpha-only.test',
    });
    emu.call(OWNER, 'refreshPartnerViews');
    await gotoPlayground(h.page, h.playground.url);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists, for the owner, the tracker, every view file and the form', async () => {
    // (the form is made first, in creation order)
    expect(await files(h)).toEqual([
      'Partner Program (tracker)',
      'Partner Program - register a lead',
      'Partner Program - Alpha Resellers',
      'Partner Program - Beta Partners',
    ]);
  });

  it("the partner sees only their own view; it holds none of the other partner's rows", async () => {
    await actAs(h.page, PARTNER);
    const list = await files(h);
    expect(list).toContain('Partner Program - Beta Partners');
    expect(list).not.toContain('Partner Program - Alpha Resellers');
    expect(list).toContain('Partner Program - register a lead (your link)');
    await h.page.getByTestId('files').selectOption({ label: 'Partner Program - Beta Partners' });
    await h.page.getByTestId('file-panel').waitFor();
    const text = await h.page.getByTestId('file-panel').textContent();
    expect(text).toContain('Beta Partners');
    expect(text).not.toMatch(/Alpha|P-0001/);
    await screenshot(h.page, 'partner-view');
    await h.page.getByTestId('file-close').click();
  });

  it('the partner registers a lead through the form; the hourly run takes it in', async () => {
    await h.page
      .getByTestId('files')
      .selectOption({ label: 'Partner Program - register a lead (your link)' });
    const form = h.page.getByTestId('registration-form');
    await form.waitFor();
    // The key is pre-filled by the partner's own link.
    const key = form.locator('input[data-question^="Your partner key"]');
    expect(await key.inputValue()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await form.locator('input[data-question="Company"]').fill('Formed In Browser');
    await form.locator('input[data-question="Domain"]').fill('formed-in-browser.test');
    await screenshot(h.page, 'partner-form');
    await h.page.getByTestId('form-submit').click();
    await h.page.getByTestId('form-done').waitFor();
    await h.page.getByTestId('file-close').click();
    await actAs(h.page, OWNER);
    await h.page.getByTestId('advance-day').click();
    await idle(h.page);
    const leads = h.playground.session.emu.sheets().Leads;
    const row = leads.find((r) => r[3] === 'Formed In Browser');
    expect(row?.[1]).toBe('P-0002');
    const audit = h.playground.session.emu.sheets()['Audit Log'];
    expect(audit.some((r) => r[2] === 'form' && r[4] === row?.[0])).toBe(true);
    await actAs(h.page, PARTNER);
    await h.page.getByTestId('files').selectOption({ label: 'Partner Program - Beta Partners' });
    await h.page.getByTestId('file-panel').waitFor();
    expect(await h.page.getByTestId('file-panel').textContent()).toContain('Formed In Browser');
  });
});
