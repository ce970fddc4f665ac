/**
 * The Import page's dry run tells the truth (issue 21): a row that only conflicts with another
 * partner's registration is listed as one that WILL be imported (for a reviewer), never among the
 * skipped rows, and the import then does exactly what the dry run said. The file names its partners
 * by name and writes amounts with a currency symbol. Also: a Deal Value typed as the sheet shows it
 * ("51,250.50") closes the deal.
 */
import {
  describeWithBrowser,
  gotoPlayground,
  runMenu,
  sidebarScreenshot,
  sidebarFrame,
  type Harness,
} from './support/browser';
import { asOwner, openSetUpPlayground, savePartners } from './support/program';

describeWithBrowser('Import dry run and amounts as shown (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openSetUpPlayground((session) =>
      savePartners(session, [
        ['Beta Partners', 'b@beta.test'],
        ['Gamma Resellers', 'g@gamma.test'],
      ]),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists a conflicting row as imported for a reviewer, and imports what it said', async () => {
    const csv = [
      'Partner,Company,Domain,Estimated Value',
      'Beta Partners,Acme Inc,acme.com,"$25,000"',
      'Gamma Resellers,Acme Corporation,acme.com,"$12,500.50"',
      'Nobody Ltd,Initech,initech.com,100',
    ].join('\n');
    await runMenu(h.page, 'Import CSV');
    const frame = await sidebarFrame(h.page);
    await frame.locator('#kind-leads').check();
    await frame
      .locator('#file')
      .setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await frame.locator('#preview-button').click();
    await frame.getByTestId('summary').waitFor();
    await frame.waitForSelector('#page[aria-busy="false"]');
    expect(await frame.getByTestId('summary').textContent()).toBe(
      '3 rows: 2 will be imported (1 with a conflict, for a reviewer); 1 will be skipped (errors).',
    );
    const skipped = frame.getByTestId('skipped-rows').getByTestId('row-report');
    expect(await skipped.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.line))).toEqual([
      '4',
    ]);
    const flagged = frame.getByTestId('conflict-rows').getByTestId('row-report');
    expect(await flagged.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.line))).toEqual([
      '3',
    ]);
    await sidebarScreenshot(h.page, 'sidebar-import-dry-run');

    await frame.getByTestId('run-import').click();
    await frame.getByTestId('import-result').waitFor();
    expect(await frame.getByTestId('import-summary').textContent()).toMatch(
      /^Imported 2 rows .*; skipped 1\.$/,
    );
    const leads = h.playground.session.emu.sheets()['Leads'];
    const head = leads[0];
    const companies = leads
      .slice(1)
      .map((r) => [r[head.indexOf('Company')], r[head.indexOf('Estimated Value')]]);
    expect(companies).toEqual([
      ['Acme Inc', 25000],
      ['Acme Corporation', 12500.5],
    ]);
  });

  it('closes a deal with the Deal Value typed as the sheet shows it', async () => {
    const session = h.playground.session;
    const leads = session.emu.sheets()['Leads'];
    const id = String(leads[1][leads[0].indexOf('Lead ID')]);
    asOwner(session, 'reviewLead', id, 'approve', '');
    await gotoPlayground(h.page, h.playground.url);
    await runMenu(h.page, 'Review leads');
    const frame = await sidebarFrame(h.page);
    await frame.locator('#tab-approved').click();
    const card = frame.locator(`[data-testid="lead"][data-id="${id}"]`);
    await card.waitFor();
    await card.getByTestId('won').click();
    await frame.locator('#dealValue').fill('51,250.50');
    await frame.getByTestId('confirm').click();
    await frame.waitForSelector('#page[aria-busy="false"]');
    await frame.locator('#banner[data-kind="success"]').waitFor();
    const after = session.emu.sheets()['Leads'];
    const row = after.find((r) => r[0] === id)!;
    expect(row[after[0].indexOf('Deal Value')]).toBe(51250.5);
    expect(row[after[0].indexOf('Status')]).toBe('Won');
  });
});
