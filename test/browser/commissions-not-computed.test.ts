/**
 * The Commissions page names every won deal that earns nothing, with its reason (here: a EUR deal on
 * a USD plan with no exchange rate), above the lines: never a silent zero. Shipped bundle, Chromium.
 */
import { describeWithBrowser, type Harness } from './support/browser';
import { asOwner, openSetUpPlayground, openSidebarPage } from './support/program';

describeWithBrowser('the Commissions page lists deals not computed (shipped bundle)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openSetUpPlayground((session) => {
      const steps: Array<[string, unknown[]]> = [
        ['savePlan', [{ name: 'Ten USD', type: 'percent', rate: 10, currency: 'USD' }]],
        [
          'savePartner',
          [
            {
              partnerName: 'Beta Partners',
              contactEmail: 'bea@beta.test',
              type: 'Referral',
              plan: 'Ten USD',
            },
          ],
        ],
        ['registerLead', [{ partnerId: 'P-0001', company: 'Euro Co', domain: 'euro.test', currency: 'EUR' }]],
        ['reviewLead', ['L-000001', 'approve']],
        ['closeLead', ['L-000001', 'won', { dealValue: 1000 }]],
      ];
      for (const [call, args] of steps) asOwner(session, call, ...args);
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the EUR deal with no rate and why', async () => {
    const frame = await openSidebarPage(h.page, 'Commissions');
    const deal = frame.getByTestId('not-computed-deal');
    await deal.first().waitFor();
    expect(await deal.allTextContents()).toEqual([
      "Deal L-000001 is in EUR; plan 'Ten USD' counts USD: No EUR exchange rate to USD: add one in Settings (Rate Date, Rate Currency, Rate in USD)",
    ]);
  });
});
