/**
 * Every server function checks its arguments at the edge (src/shared/schema/server-args.ts, shared
 * with the sidebar's client): a specific error naming the argument, and nothing written.
 */
import type { Emulator } from '../../emulator/harness';
import type { Payout } from '../../src/shared/api';
import { serverArgProblems } from '../../src/shared/schema/server-args';
import { createClient, type ScriptRunner } from '../../sidebar/common/client';
import { lines, OWNER, partnerOn, tracker, wonDeal } from './commissions-fixture';

/** Every sheet's values and the document properties: what "nothing written" compares. */
function state(emu: Emulator): string {
  return emu.rt.uncounted(() =>
    JSON.stringify({
      sheets: emu.sheets(),
      props: (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .getProperties(),
    }),
  );
}

function refused(emu: Emulator, name: string, args: unknown[], message: RegExp): void {
  const before = state(emu);
  const outcome = emu.measure(() => emu.call(OWNER, name, ...args));
  expect(outcome.ok).toBe(false);
  expect(outcome.error).toMatch(message);
  expect(state(emu)).toBe(before);
}

const LONG = 'x'.repeat(100_000);

describe('arguments checked at the edge, nothing written', () => {
  const emu = tracker();
  const p = partnerOn(emu, { name: 'Ten', type: 'percent', rate: 10, holdDays: 0 }, 'Edge Partners');
  wonDeal(emu, p, 1000);
  const [line] = lines(emu);
  emu.call(OWNER, 'approveCommissions', [line.id]);
  const [payout] = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
  emu.call(OWNER, 'approvePayout', payout.id);

  it.each([
    [
      'a 100,000-character reject reason',
      'rejectCommissions',
      [[line.id], LONG],
      /^Reason is too long: 100,000 characters, at most 1,000$/,
    ],
    [
      'an object as the reason',
      'rejectCommissions',
      [[line.id], { toString: 'x' }],
      /^Reason .* is not text$/,
    ],
    [
      'a 100,000-character payout reference',
      'markPayoutPaid',
      [payout.id, LONG, '2026-04-02'],
      /^Reference is too long: 100,000 characters, at most 200$/,
    ],
    [
      'an object as the reference',
      'markPayoutPaid',
      [payout.id, { a: 1 }, '2026-04-02'],
      /^Reference .* is not text$/,
    ],
    [
      'a date with junk after it',
      'markPayoutPaid',
      [payout.id, 'W-1', '2026-04-02junk'],
      /^Paid On '2026-04-02junk' is not a date \(YYYY-MM-DD\)$/,
    ],
    [
      'an impossible date',
      'markPayoutPaid',
      [payout.id, 'W-1', '2026-02-30'],
      /^Paid On '2026-02-30' is not a date/,
    ],
    [
      'an implausible date',
      'markPayoutPaid',
      [payout.id, 'W-1', '1899-12-31'],
      /^Paid On '1899-12-31' is not between 2000-01-01 and 2099-12-31$/,
    ],
    ['a through date that is a number', 'createPayouts', [20260331], /^Through Date .* is not text$/],
    [
      'a payout id that is not an id',
      'approvePayout',
      ['PO-0001; DROP'],
      /^Payout ID 'PO-0001; DROP' is not an id like/,
    ],
    ['ids that are an object', 'approveCommissions', [{ 0: line.id }], /^Commission IDs must be a list$/],
    [
      'an unknown export format',
      'exportPayouts',
      [[payout.id], 'xlsx'],
      /^Format 'xlsx' is not one of: csv, paypal, wise, xero, quickbooks$/,
    ],
    [
      'a decision that is not one',
      'reviewLead',
      ['L-000001', 'maybe'],
      /^Decision 'maybe' is not one of: approve, reject$/,
    ],
    [
      'a lead form that is a string',
      'registerLead',
      ['{"partnerId":"P-0001"}'],
      /^Nothing was sent: expected the form fields$/,
    ],
    [
      'a partner form with a 100,000-character value',
      'savePartner',
      [{ partnerName: LONG }],
      /^Partner: every value must be text of at most 50,000 characters/,
    ],
  ])('%s', (_what, name, args, message) =>
    refused(emu, name as string, args as unknown[], message as RegExp),
  );

  it.each([
    ['only zero-width characters', '\u200b\u200c\u2060'],
    ['only spaces and a soft hyphen', '  \u00ad '],
    ['a tab inside', 'Acme\tCorp'],
  ])('a partner name of %s is refused, naming the field', (_what, partnerName) =>
    refused(
      emu,
      'savePartner',
      [{ partnerName, contactEmail: 'a@b.test', type: 'Referral' }],
      /^Partner Name/,
    ),
  );

  it('valid arguments still work', () => {
    const paid = emu.call<Payout>(OWNER, 'markPayoutPaid', payout.id, '000123', '2026-04-02');
    expect(paid.reference).toBe('000123');
    expect(paid.status).toBe('Paid');
  });
});

describe('the sidebar checks with the same schema before sending', () => {
  it('a wrong argument is refused in the page and never reaches google.script.run', async () => {
    let sent = 0;
    const runner = (): ScriptRunner =>
      new Proxy({} as ScriptRunner, {
        get: (_t, prop: string) => (prop.startsWith('with') ? () => runner() : () => void sent++),
      });
    const client = createClient(runner);
    await expect(client.call('markPayoutPaid', 'PO-0001', 'W-1', '2026-04-02junk')).rejects.toThrow(
      "Paid On '2026-04-02junk' is not a date (YYYY-MM-DD)",
    );
    expect(sent).toBe(0);
    void client.call('markPayoutPaid', 'PO-0001', 'W-1', '2026-04-02');
    expect(sent).toBe(1);
  });

  it('every server function has a schema entry (the table is typed by ServerApi)', () => {
    expect(serverArgProblems('getFormOptions', [])).toEqual([]);
    expect(serverArgProblems('rejectCommissions', [['C-000001']])).toEqual([]);
  });
});
