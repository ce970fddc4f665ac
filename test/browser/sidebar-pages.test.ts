/**
 * Every sidebar page of the shipped bundle, opened from the add-on menu in the playground: it shows
 * in the 300 px panel, loads without an error banner, and does not scroll sideways. Screenshots of
 * each go to artifacts/screenshots/.
 */
import {
  cell,
  describeWithBrowser,
  idle,
  openTab,
  runMenu,
  screenshot,
  sidebarScreenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';
import { openSetUpPlayground, savePartners } from './support/program';

/** Menu caption -> the function it runs, for the pages that open in the sidebar. */
const PAGES: Array<[caption: string, fn: string, shot: string]> = [
  ['Register lead', 'showRegisterLead', 'sidebar-register-lead'],
  ['Partners', 'showPartners', 'sidebar-partners'],
  ['Review leads', 'showReviewLeads', 'sidebar-review-leads'],
  ['Commissions', 'showCommissions', 'sidebar-commissions'],
  ['Plans', 'showPlans', 'sidebar-plans-empty'],
  ['History of this row', 'showRowHistory', 'sidebar-row-history'],
];

describeWithBrowser('sidebar pages in the 300 px panel (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openSetUpPlayground((session) =>
      savePartners(session, [['Beta Partners', 'bea@beta-partners.test']]),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(PAGES)('%s opens in the sidebar, loads, and fits 300 px', async (caption, fn, shot) => {
    expect(h.playground.session.emu.has(fn)).toBe(true);
    if (caption === 'History of this row') {
      await openTab(h.page, 'Partners');
      await cell(h.page, 2, 1).click();
    }
    await runMenu(h.page, caption);
    const frame = await sidebarFrame(h.page);
    await frame.waitForSelector('#page[aria-busy="false"]');
    await idle(h.page);
    if (caption === 'History of this row') {
      await frame.getByTestId('history-entry').first().waitFor();
    }
    const box = await h.page.getByTestId('sidebar-frame').boundingBox();
    expect(box?.width).toBe(300);
    const banner = frame.locator('#banner[data-kind="error"]');
    expect(await banner.count()).toBe(0);
    const overflow = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    await screenshot(h.page, shot);
    await sidebarScreenshot(h.page, `${shot}-panel`);
  });
});
