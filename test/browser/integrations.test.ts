/**
 * The Integrations page in the playground: add a webhook (the secret shown once), see it listed,
 * a bad URL refused under its field; a lead registered is delivered to the playground's webhook
 * inbox, whose page shows it and can make the receiver fail, which the page then reports.
 */
import { OWNER } from '../../playground/session';
import { describeWithBrowser, gotoPlayground, idle, screenshot, type Harness } from './support/browser';
import { openSetUpPlayground, openSidebarPage, savePartners } from './support/program';

describeWithBrowser('Integrations page and the webhook inbox', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openSetUpPlayground((session) =>
      savePartners(session, [['Beta Partners', 'bea@beta-partners.test']]),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds a webhook, shows its secret once, delivers to the inbox, and reports a failing receiver', async () => {
    let frame = await openSidebarPage(h.page, 'Integrations');
    await frame.getByTestId('empty-state').waitFor();

    // Bad input: an http:// address is refused, nothing listed.
    await frame.locator('#url').fill('http://hooks.playground.test/events');
    await frame.getByTestId('event-lead.registered').check();
    await frame.getByTestId('save').click();
    await frame.getByText('is not an https:// address').first().waitFor();
    expect(await frame.getByTestId('endpoint').count()).toBe(0);

    await frame.locator('#url').fill('https://hooks.playground.test/events');
    await frame.getByTestId('save').click();
    await frame.getByTestId('secret-box').waitFor({ state: 'visible' });
    expect(await frame.getByTestId('secret').inputValue()).toMatch(/^whsec_/);
    await frame.getByTestId('endpoint').waitFor();
    expect(await frame.getByTestId('endpoint-url').textContent()).toBe(
      'https://hooks.playground.test/events',
    );
    await screenshot(h.page, 'sidebar-integrations');

    const registered = h.playground.session.apply({
      as: OWNER,
      call: 'registerLead',
      args: [{ partnerId: 'P-0001', company: 'Initech', domain: 'initech.test' }],
    });
    expect(registered.ok).toBe(true);

    const inbox = await h.context.newPage();
    await inbox.goto(`${h.playground.url}/inbox`);
    await inbox.getByText('"type":"lead.registered"').waitFor();
    await inbox.getByRole('button', { name: 'Fail with 500' }).click();
    await inbox.getByTestId('answering').filter({ hasText: '500' }).waitFor();
    await inbox.close();

    h.playground.session.apply({
      as: OWNER,
      call: 'registerLead',
      args: [{ partnerId: 'P-0001', company: 'Globex', domain: 'globex.test' }],
    });
    await gotoPlayground(h.page, h.playground.url);
    frame = await openSidebarPage(h.page, 'Integrations');
    await frame.getByTestId('delivery').first().waitFor();
    await idle(h.page);
    expect(await frame.getByTestId('delivery-outcome').first().textContent()).toBe('retrying');
    expect(await frame.getByTestId('pending').textContent()).toBe('1 waiting to be delivered');
  });
});
