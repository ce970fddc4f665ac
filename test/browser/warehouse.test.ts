/**
 * Settings > Warehouse in the playground's 300 px sidebar (shipped bundle): off (the empty state),
 * a bad project id shown under its field, turned on against the emulated BigQuery, the hourly run's
 * report, and the history verified in BigQuery.
 */
import { OWNER, PLAYGROUND_BIGQUERY_PROJECT } from '../../playground/session';
import {
  describeWithBrowser,
  gotoPlayground,
  idle,
  runMenu,
  screenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';
import { openSetUpPlayground, openSidebarPage } from './support/program';

describeWithBrowser('the Warehouse page', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openSetUpPlayground();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows it off, refuses a bad project id under its field, turns it on and reports the hourly load', async () => {
    const frame = await openSidebarPage(h.page, 'Warehouse');
    await frame.getByTestId('empty-state').waitFor();
    expect(await frame.getByTestId('warehouse-state').textContent()).toBe('Off');
    await screenshot(h.page, 'sidebar-warehouse-off');

    await frame.getByLabel('Project ID').fill('Acme Data');
    await frame.getByLabel('Dataset').fill('tracker');
    await frame.getByTestId('save').click();
    await frame.waitForSelector('#page[aria-busy="false"]');
    await frame.locator('#projectId[aria-invalid="true"]').waitFor();
    expect(await frame.locator('#projectId').getAttribute('aria-invalid')).toBe('true');

    await frame.getByLabel('Project ID').fill(PLAYGROUND_BIGQUERY_PROJECT);
    await frame.getByTestId('save').click();
    await frame.getByTestId('warehouse-status').waitFor();
    expect(await frame.getByTestId('warehouse-state').textContent()).toBe('On');

    const saved = h.playground.session.apply({
      as: OWNER,
      call: 'savePartner',
      args: [{ partnerName: 'Beta Partners', contactEmail: 'bea@beta-partners.test', type: 'Referral' }],
    });
    expect(saved.ok).toBe(true);
    const run = h.playground.session.apply({ as: OWNER, advance: 'PT1H' });
    expect(run.ok).toBe(true);
    // the page opened again after the run (a fresh sidebar reads the report)
    await gotoPlayground(h.page, h.playground.url);
    await runMenu(h.page, 'Warehouse');
    const again = await sidebarFrame(h.page);
    await again.getByTestId('warehouse-status').waitFor();
    await again.getByText(/rows loaded with \d+ load jobs/).waitFor();
    await again.getByTestId('verify').click();
    await again.getByText(/The history is whole: \d+ audit rows verified in BigQuery\./).waitFor();
    await idle(h.page);
    const overflow = await again.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(overflow).toBe(true);
    await screenshot(h.page, 'sidebar-warehouse-on');
  });
});
