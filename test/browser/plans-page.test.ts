/**
 * The Plans sidebar page in a real browser over the shipped bundle (the playground): an empty state,
 * a plan created with its live example computed as you type (the engine's own code), an error next
 * to its field, and an edit saved as a new version effective from a later day; exchange rates
 * imported from a CSV (a file with a problem refused under its field, nothing written).
 */
import { OWNER } from '../../playground/session';
import { describeWithBrowser, idle, screenshot, type Harness } from './support/browser';
import { openSetUpPlayground, openSidebarPage } from './support/program';

describeWithBrowser('the Plans page (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openSetUpPlayground();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists no plans, then creates one with a live example, shows an error by its field, and saves a new version', async () => {
    const frame = await openSidebarPage(h.page, 'Plans');
    await frame.getByTestId('empty-state').waitFor();

    await frame.getByRole('button', { name: 'New plan' }).click();
    await frame.getByLabel('Plan Name').fill('Gold');
    await frame.getByLabel('Currency').fill('USD');
    await frame.getByLabel('Rate', { exact: true }).fill('10');
    await frame.getByLabel('Example deal').fill('40000');
    await frame
      .getByTestId('example')
      .filter({ hasText: 'A 40,000.00 USD deal pays 4,000.00 USD' })
      .waitFor();

    // an impossible rate: the example says so and the error shows under Rate, nothing is saved
    await frame.getByLabel('Rate', { exact: true }).fill('120');
    await frame.getByTestId('example').filter({ hasText: 'Complete the highlighted fields' }).waitFor();
    await frame.getByRole('button', { name: 'Create plan' }).click();
    const rate = frame.getByLabel('Rate', { exact: true });
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    expect(await frame.locator('.field-error').first().textContent()).toContain(
      "Rate '120' must be between 0 and 100",
    );
    expect(h.playground.session.emu.call(OWNER, 'listPlans')).toEqual([]);

    await rate.fill('10');
    await frame.getByLabel('Effective From').fill('2026-03-02');
    await frame.getByRole('button', { name: 'Create plan' }).click();
    await frame.getByTestId('plan').first().waitFor();
    await idle(h.page);
    expect(await frame.getByTestId('version-example').first().textContent()).toBe(
      'A 40,000.00 USD deal pays 4,000.00 USD (10% of 40,000.00 USD)',
    );

    // edit: a new version from a later day, at 12.5%
    await frame.getByRole('button', { name: 'Edit Gold (as a new version)' }).click();
    await frame.getByLabel('Rate', { exact: true }).fill('12.5');
    await frame.getByLabel('Effective From').fill('2026-04-01');
    await frame.getByTestId('example').filter({ hasText: 'pays 5,000.00 USD' }).waitFor();
    await frame.getByRole('button', { name: 'Save new version' }).click();
    await frame.getByTestId('version').nth(1).waitFor();
    const versions = await frame.getByTestId('version').allTextContents();
    expect(versions[0]).toContain('PL-002 · from 2026-04-01');
    expect(versions[0]).toContain('pays 5,000.00 USD');
    expect(versions[1]).toContain('PL-001 · from 2026-03-02');
    const listed = h.playground.session.emu.call<Array<{ id: string; rate: number; effectiveFrom: string }>>(
      OWNER,
      'listPlans',
    );
    expect(listed.map((p) => [p.id, p.rate, p.effectiveFrom])).toEqual([
      ['PL-001', 10, '2026-03-02'],
      ['PL-002', 12.5, '2026-04-01'],
    ]);
    await screenshot(h.page, 'sidebar-plans');
  });

  it('imports exchange rates from a CSV: a file with a problem is refused under its field, nothing written', async () => {
    const frame = await openSidebarPage(h.page, 'Plans');
    await frame.getByTestId('rates-empty').waitFor();
    const file = frame.getByLabel('Rates CSV');
    const upload = (csv: string) =>
      file.setInputFiles({ name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    await upload('Date,Currency,Rate\n2026-03-01,EUR,1.0845\n2026-03-01,GBP,0\n');
    await frame.getByRole('button', { name: 'Import rates' }).click();
    await frame.waitForSelector('#page[aria-busy="false"]');
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    expect(await frame.locator('#rates-form .field-error').textContent()).toContain(
      "Rates CSV line 3, Rate: Rate '0' must be more than 0",
    );
    expect(h.playground.session.emu.call(OWNER, 'listExchangeRates')).toMatchObject({ rates: [] });

    await upload('Date,Currency,Rate\n2026-03-01,EUR,1.0845\n2026-03-01,GBP,1.27\n');
    await frame.getByRole('button', { name: 'Import rates' }).click();
    await frame.getByTestId('banner').filter({ hasText: 'Imported the rates of rates.csv' }).waitFor();
    expect(await frame.getByTestId('rate').allTextContents()).toEqual([
      '2026-03-01EUR1.0845',
      '2026-03-01GBP1.27',
    ]);
    expect(await frame.getByTestId('rates-hint').textContent()).toContain('Units of USD');
    expect(await frame.locator('#rates-form .field-error').count()).toBe(0);
  });
});
