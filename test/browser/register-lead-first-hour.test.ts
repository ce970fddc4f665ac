/**
 * Register lead and Review leads as a new partner manager meets them (issue 21): before set-up the
 * page says to run Set up tracker (not "Loading partners…" forever); the partner picker is sorted by
 * name and searchable; "Protected until" appears only for approved leads.
 */
import {
  describeWithBrowser,
  gotoPlayground,
  openPlayground,
  runMenu,
  sidebarScreenshot,
  type Harness,
} from './support/browser';
import { openSidebarPage, savePartners } from './support/program';

describeWithBrowser('Register lead and Review leads for a new user (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openPlayground();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('before set-up, says to run Set up tracker', async () => {
    const frame = await openSidebarPage(h.page, 'Register lead');
    await frame.getByTestId('not-set-up').waitFor();
    expect(await frame.getByTestId('not-set-up').textContent()).toMatch(/Run Set up tracker first/);
    expect(await frame.getByTestId('lead-form').isVisible()).toBe(false);
    expect(await frame.locator('#partnerId').textContent()).not.toMatch(/Loading/);
    await sidebarScreenshot(h.page, 'sidebar-register-lead-not-set-up');
  });

  it('sorts the partner picker by name and finds a partner by typing', async () => {
    await runMenu(h.page, 'Set up tracker');
    savePartners(h.playground.session, [
      ['Zulu Digital', 'z@zulu.test'],
      ['Alpha Partners', 'a@alpha.test'],
      ['Mike Consulting', 'm@mike.test'],
    ]);
    await gotoPlayground(h.page, h.playground.url);
    const frame = await openSidebarPage(h.page, 'Register lead');
    await frame.waitForSelector('#partnerId option[value^="P-"]', { state: 'attached' });
    const labels = await frame.locator('#partnerId option[value^="P-"]').allTextContents();
    expect(labels.map((l) => l.replace(/ \(.*$/, ''))).toEqual([
      'Alpha Partners',
      'Mike Consulting',
      'Zulu Digital',
    ]);
    await frame.getByTestId('partner-search').fill('mike');
    const chosen = await frame
      .locator('#partnerId')
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    expect(chosen).toMatch(/^Mike Consulting/);

    await frame.locator('#company').fill('Initech');
    await frame.locator('#submit').click();
    await frame.getByTestId('result').waitFor();
    expect(await frame.getByTestId('result-expires').textContent()).toBe(
      'Starts when a reviewer approves the lead',
    );
  });

  it('shows "Protected until" only on approved leads', async () => {
    const frame = await openSidebarPage(h.page, 'Review leads');
    const card = frame.getByTestId('lead').filter({ hasText: 'Initech' });
    await card.waitFor();
    expect(await card.getByTestId('expires-on').count()).toBe(0);
    await card.getByTestId('approve').click();
    await frame.getByTestId('confirm').click();
    await frame.waitForSelector('#page[aria-busy="false"]');
    await frame.locator('#tab-approved').click();
    const approved = frame.getByTestId('lead').filter({ hasText: 'Initech' });
    await approved.waitFor();
    expect(await approved.getByTestId('expires-on').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
