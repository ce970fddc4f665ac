/**
 * Two partners register the same company (issue 21): both leads show the overlap (the earlier one
 * names the later registration), and approving either asks for an explicit confirmation first.
 */
import {
  describeWithBrowser,
  runMenu,
  sidebarScreenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';
import { asOwner, openSetUpPlayground, savePartners } from './support/program';

describeWithBrowser('approving overlapping registrations (shipped bundle)', () => {
  let h: Harness;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await openSetUpPlayground((session) => {
      const partners = savePartners(session, [
        ['Beta Partners', 'b@beta.test'],
        ['Gamma Resellers', 'g@gamma.test'],
      ]);
      for (const partnerId of partners)
        ids.push(
          asOwner<{ id: string }>(session, 'registerLead', {
            partnerId,
            company: 'Acme Inc',
            domain: 'acme.com',
          }).id,
        );
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the overlap on both leads and asks before approving', async () => {
    await runMenu(h.page, 'Review leads');
    const frame = await sidebarFrame(h.page);
    const [first, second] = ids.map((id) => frame.locator(`[data-testid="lead"][data-id="${id}"]`));
    await first.waitFor();
    expect(await first.getByTestId('conflict').textContent()).toMatch(
      new RegExp(`later registration ${ids[1]} by Gamma Resellers`),
    );
    expect(await second.getByTestId('conflict').textContent()).toMatch(
      new RegExp(`same domain acme.com as ${ids[0]}`),
    );

    await first.getByTestId('approve').click();
    await frame.getByTestId('overlap').waitFor();
    await frame.getByTestId('confirm').click();
    expect(await frame.getByTestId('error-confirmOverlap').textContent()).toMatch(/Approve anyway/);
    const status = () =>
      h.playground.session.emu.sheets()['Leads'].find((r) => r[0] === ids[0])![
        h.playground.session.emu.sheets()['Leads'][0].indexOf('Status')
      ];
    expect(status()).toBe('Submitted');
    await sidebarScreenshot(h.page, 'sidebar-review-leads-overlap');

    await frame.getByTestId('confirm-overlap').check();
    await frame.getByTestId('confirm').click();
    await frame.locator('#banner[data-kind="success"]').waitFor();
    expect(status()).toBe('Approved');
  });
});
