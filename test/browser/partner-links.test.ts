/**
 * A partner's links on the Partners page in Chromium (shipped bundle, playground): the owner opens a
 * partner's Links (empty state: no file, no link yet), makes the view now, copies the registration
 * link, replaces it (asked twice; the old link then refused, the partner's view showing the new
 * one); a teammate sees the view address but not the link; someone off the Team gets the error in
 * the panel.
 */
import type { PartnerLinks, PartnerMailStatus } from '../../src/shared/api';
import { mailText } from '../../sidebar/pages/Partners/mail-text';
import { COLLEAGUE, OWNER, TEAMMATE } from '../../playground/session';
import { dumpSheets, type EmuSpreadsheet } from '../../emulator/spreadsheet';
import { settleDay } from '../support/emulator';
import { fullNoticeQueue } from '../support/mail-queue';
import { addToTeam } from '../bundle/commissions-fixture';
import {
  actAs,
  describeWithBrowser,
  gotoPlayground,
  idle,
  openPlayground,
  runMenu,
  screenshot,
  sidebarFrame,
  sidebarScreenshot,
  type Harness,
} from './support/browser';

describeWithBrowser('partner links on the Partners page (shipped bundle)', () => {
  let h: Harness;
  let alpha = '';

  beforeAll(async () => {
    h = await openPlayground();
    const emu = h.playground.session.emu;
    emu.call(OWNER, 'setupTracker');
    addToTeam(emu, TEAMMATE);
    alpha = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: 'Alpha Resellers',
      contactEmail: 'ops@alpha-resellers.test',
      type: 'Referral',
    }).id;
    emu.call(OWNER, 'savePartner', {
      partnerName: 'Beta Partners',
      contactEmail: 'ops@beta-partners.test',
      type: 'Referral',
    });
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: h.playground.url,
    });
    await gotoPlayground(h.page, h.playground.url);
  });
  afterAll(async () => {
    await h?.close();
  });

  const card = async () =>
    (await sidebarFrame(h.page)).locator(`[data-testid="partner"][data-id="${alpha}"]`);
  const summaryLink = () => {
    const file = h.playground.session.emu.rt
      .createdFiles()
      .find((f) => f.appProperties?.ptPartner === alpha && !f.trashed && f.viewers.size > 0)!;
    const rows = dumpSheets(file.content as EmuSpreadsheet).Summary;
    return String(rows.find((r) => r[0] === 'How to register a lead')?.[1]);
  };

  it('the owner: empty at first, the view made now, the link copied, then replaced', async () => {
    await runMenu(h.page, 'Partners');
    let c = await card();
    await c.getByTestId('links').click();
    const panel = c.getByTestId('links-panel');
    await panel.getByTestId('links-view-empty').waitFor();
    await idle(h.page);
    expect(await c.getByTestId('links').getAttribute('aria-expanded')).toBe('true');
    expect(await panel.getByTestId('links-view-empty').textContent()).toMatch(/No view file yet/);
    expect(await panel.getByTestId('links-form-empty').textContent()).toMatch(/not made yet/);
    await screenshot(h.page, 'sidebar-partner-links-empty');

    // busy while the file is made: the page's busy state (buttons disabled, aria-busy)
    const frame = await sidebarFrame(h.page);
    const busySeen = frame.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const main = document.getElementById('page')!;
          new MutationObserver(() => {
            if (main.getAttribute('aria-busy') === 'true')
              resolve(document.querySelector<HTMLButtonElement>('[data-testid="links-update"]')!.disabled);
          }).observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
        }),
    );
    await panel.getByTestId('links-update').click();
    expect(await busySeen).toBe(true); // its buttons disabled while busy
    await panel.getByTestId('links-form-url').waitFor();
    await idle(h.page);
    expect(await panel.getByTestId('links-status').textContent()).toBe('Their view is up to date.');
    const viewUrl = await panel.getByTestId('links-view-url').inputValue();
    const formUrl = await panel.getByTestId('links-form-url').inputValue();
    const server = h.playground.session.emu.call<PartnerLinks>(OWNER, 'getPartnerLinks', alpha);
    expect({ viewUrl, formUrl }).toEqual({ viewUrl: server.viewUrl, formUrl: server.formUrl });
    expect(formUrl).toMatch(/entry\.\d+=[A-Za-z0-9_-]{22}$/);
    expect(summaryLink()).toContain(formUrl);

    await panel.getByTestId('links-form-copy').click();
    await panel.getByTestId('links-status').filter({ hasText: 'Copied' }).waitFor();
    expect(await h.page.evaluate(() => navigator.clipboard.readText())).toBe(formUrl);
    await screenshot(h.page, 'sidebar-partner-links');

    // replace: asked first; Cancel keeps the link
    await panel.getByTestId('links-rotate').click();
    await panel.getByTestId('links-rotate-cancel').click();
    expect(await panel.getByTestId('links-confirm').count()).toBe(0);
    expect(await panel.getByTestId('links-form-url').inputValue()).toBe(formUrl);
    await panel.getByTestId('links-rotate').click();
    expect(await panel.getByTestId('links-confirm').textContent()).toMatch(/old link stops working/);
    await panel.getByTestId('links-rotate-confirm').click();
    await panel.getByTestId('links-status').filter({ hasText: 'New link made' }).waitFor();
    await idle(h.page);
    const replaced = await panel.getByTestId('links-form-url').inputValue();
    expect(replaced).not.toBe(formUrl);
    expect(replaced).toBe(
      h.playground.session.emu.call<PartnerLinks>(OWNER, 'getPartnerLinks', alpha).formUrl,
    );
    expect(summaryLink()).toContain(replaced);
    expect(summaryLink()).not.toContain(formUrl);

    // the old link is refused (and recorded), the new one registers
    const emu = h.playground.session.emu;
    emu.submitForm(formUrl, { Company: 'Old Link Co' });
    emu.submitForm(replaced, { Company: 'New Link Co' });
    // the whole day's runs: the form's answers, then every view the day's executions can hold
    settleDay(emu);
    const leads = emu.sheets().Leads;
    expect(leads.find((r) => r[3] === 'New Link Co')?.[1]).toBe(alpha);
    expect(leads.some((r) => r[3] === 'Old Link Co')).toBe(false);

    // the program-wide actions: statements now (the month so far), every view now
    await frame.locator('#send-statements').click();
    await idle(h.page);
    expect(await frame.getByTestId('banner').textContent()).toMatch(
      /^Statements for 2026-03: \d+ e-mails? sent/,
    );
    expect(await frame.getByTestId('banner').getAttribute('data-kind')).toBe('success');
    emu.call(OWNER, 'savePartner', {
      partnerName: 'Gamma Group',
      contactEmail: 'ops@gamma-group.test',
      type: 'Referral',
    });
    await frame.locator('#update-views').click();
    await idle(h.page);
    expect(await frame.getByTestId('banner').textContent()).toMatch(
      /^Views updated: 1 file made, 1 file written, 1 person given access\./,
    );

    // closing the panel
    c = await card();
    await c.getByTestId('links').click();
    expect(await c.getByTestId('links-panel').count()).toBe(0);
  });

  it('partner e-mail: what waits to be sent, and the updates the full queue could not keep', async () => {
    const emu = h.playground.session.emu;
    await runMenu(h.page, 'Partners');
    const frame = await sidebarFrame(h.page);
    const line = frame.getByTestId('mail-status');
    await frame.locator('#mail-status[aria-busy="false"]').waitFor();
    const server = emu.call<PartnerMailStatus>(OWNER, 'getPartnerMailStatus');
    expect(server.notKept).toBe(0);
    expect(await line.textContent()).toBe(mailText.waiting(server.waiting));
    expect(await frame.getByTestId('mail-not-kept').isHidden()).toBe(true);

    // The lead-notice queue full (a long backlog), then a registration: its notice is counted.
    emu.rt.uncounted(() =>
      (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .setProperties(fullNoticeQueue()),
    );
    emu.call(OWNER, 'registerLead', { partnerId: alpha, company: 'Queued Out Co' });
    await runMenu(h.page, 'Partners');
    const notKept = (await sidebarFrame(h.page)).getByTestId('mail-not-kept');
    await notKept.waitFor();
    expect(await notKept.textContent()).toBe(mailText.notKept(1));
    expect(await (await sidebarFrame(h.page)).getByTestId('mail-status').textContent()).toBe(
      mailText.waiting(emu.call<PartnerMailStatus>(OWNER, 'getPartnerMailStatus').waiting),
    );
    await notKept.scrollIntoViewIfNeeded();
    await sidebarScreenshot(h.page, 'sidebar-partner-mail-not-kept');

    // Dismiss failing (the property write refused, as Google may): the count stays, with the error.
    let frame2 = await sidebarFrame(h.page);
    const dismiss = frame2.getByTestId('dismiss-not-kept');
    emu.rt.failCall('Properties.setProperties', 'Service invoked too many times in a short time');
    await dismiss.click();
    await frame2.locator('#mail-not-kept-box[aria-busy="false"]').waitFor();
    expect(await notKept.textContent()).toBe(
      mailText.dismissFailed(mailText.notKept(1), 'Service invoked too many times in a short time'),
    );
    expect(await dismiss.isEnabled()).toBe(true);
    expect(emu.call<PartnerMailStatus>(OWNER, 'getPartnerMailStatus').notKept).toBe(1);

    // Dismissed: the banner goes; an update not kept after that shows again on the next load.
    await dismiss.click();
    await frame2.locator('#mail-not-kept-box').waitFor({ state: 'hidden' });
    expect(await frame2.evaluate(() => document.activeElement?.id)).toBe('mail-title');
    expect(emu.call<PartnerMailStatus>(OWNER, 'getPartnerMailStatus')).toMatchObject({
      notKept: 0,
      notKeptThrough: 1,
    });
    emu.call(OWNER, 'registerLead', { partnerId: alpha, company: 'Queued Out Again Co' });
    await runMenu(h.page, 'Partners');
    frame2 = await sidebarFrame(h.page);
    await frame2.getByTestId('mail-not-kept').waitFor();
    expect(await frame2.getByTestId('mail-not-kept').textContent()).toBe(mailText.notKept(1));
  });

  it('a teammate sees the view address, not the link, and no owner actions', async () => {
    await actAs(h.page, TEAMMATE);
    await runMenu(h.page, 'Partners');
    const c = await card();
    await c.getByTestId('links').click();
    const panel = c.getByTestId('links-panel');
    await panel.getByTestId('links-form-empty').waitFor();
    await idle(h.page);
    expect(await panel.getByTestId('links-view-url').inputValue()).toMatch(
      /^https:\/\/docs\.google\.com\/spreadsheets\/d\//,
    );
    expect(await panel.getByTestId('links-form-empty').textContent()).toMatch(
      /kept by the spreadsheet's owner \(owner@acme\.test\)/,
    );
    expect(await panel.getByTestId('links-rotate').count()).toBe(0);
    expect(await panel.getByTestId('links-update').count()).toBe(0);
    // the owner's program-wide actions are refused, saying who can
    const frame = await sidebarFrame(h.page);
    await frame.locator('#update-views').click();
    await idle(h.page);
    expect(await frame.getByTestId('banner').getAttribute('data-kind')).toBe('error');
    expect(await frame.getByTestId('banner').textContent()).toMatch(/kept by the spreadsheet's owner/);
  });

  it('someone off the Team: the error is shown in the panel', async () => {
    await actAs(h.page, COLLEAGUE);
    await runMenu(h.page, 'Partners');
    const c = await card();
    await c.getByTestId('links').click();
    const error = c.getByTestId('links-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/team/i);
    expect(await c.getByTestId('links-view-url').count()).toBe(0);
    // the page's partner e-mail line says it could not check, in its own words
    const frame = await sidebarFrame(h.page);
    await frame.locator('#mail-status[aria-busy="false"]').waitFor();
    expect(await frame.getByTestId('mail-status').textContent()).toMatch(
      /^Could not check partner e-mail: .*team/i,
    );
    await actAs(h.page, OWNER);
  });
});
