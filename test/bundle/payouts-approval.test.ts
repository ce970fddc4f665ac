/**
 * Four eyes on payouts, through the bundle: Settings > Payout Approval ("a second person", the
 * default once the Team has two people) refuses the creator as approver; only Approved payouts
 * leave as payment files (a Draft is refused, the CSV report still lists it); the exported amount
 * is the sum of the lines and must equal the Amount cell; the payee e-mail is stamped at approval,
 * so a later change of the partner's Contact Email does not redirect the payment.
 */
import Papa from 'papaparse';
import type { Payout } from '../../src/shared/api';
import type { Emulator } from '../../emulator/harness';
import { TEAMMATE } from '../support/emulator';
import { OWNER, cellOf, lines, partnerOn, rowOf, tracker, wonDeal } from './commissions-fixture';
import { addToSettingsList } from './leads-fixture';

function errorOf(emu: Emulator, user: string, fn: string, ...args: unknown[]): string {
  const outcome = emu.measure(() => emu.call(user, fn, ...args));
  if (outcome.ok) throw new Error(`${fn} was expected to fail`);
  return outcome.error ?? '';
}

/** A Draft payout PO-0001 of 75.05 USD for Alpha (two lines), created by the owner. */
function draftPayout(team: string[] = []) {
  const emu = tracker();
  for (const member of team) addToSettingsList(emu, 'Team', member);
  const a = partnerOn(emu, { name: 'Ten now', type: 'percent', rate: 10, holdDays: 0 }, 'Alpha Partners');
  wonDeal(emu, a, 300);
  wonDeal(emu, a, 450.5);
  emu.call(
    OWNER,
    'approveCommissions',
    lines(emu, { status: 'Eligible' }).map((l) => l.id),
  );
  const [payout] = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-03-31');
  return { emu, a, payout };
}

function settingCell(emu: Emulator, label: string): string {
  const rows = emu.sheets().Settings;
  const row = rows.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no setting ${label}`);
  return `B${row + 1}`;
}

describe('Settings > Payout Approval', () => {
  it('is a row of Settings, "automatic" by default', () => {
    const { emu } = draftPayout();
    expect(rowOf(emu, 'Settings', 'Payout Approval').Value).toBe('automatic');
  });

  it('with a Team of two, the creator may not approve; the second person may, and who/when/payee are stamped', () => {
    const { emu, payout } = draftPayout([TEAMMATE]);
    expect(payout).toMatchObject({ id: 'PO-0001', status: 'Draft', createdBy: OWNER, amount: 75.05 });
    expect(errorOf(emu, OWNER, 'approvePayout', 'PO-0001')).toBe(
      `PO-0001 was created by ${OWNER}: Settings > Payout Approval asks a second person on the Team to approve it`,
    );
    expect(rowOf(emu, 'Payouts', 'PO-0001').Status).toBe('Draft');
    const approved = emu.call<Payout>(TEAMMATE, 'approvePayout', 'PO-0001');
    expect(approved).toMatchObject({
      status: 'Approved',
      createdBy: OWNER,
      approvedBy: TEAMMATE,
      approvedOn: '2026-03-02',
      payeeEmail: 'alpha.partners@partner.test',
    });
    expect(rowOf(emu, 'Payouts', 'PO-0001')).toMatchObject({
      'Created By': OWNER,
      'Approved By': TEAMMATE,
      'Payee Email': 'alpha.partners@partner.test',
    });
  });

  it('"anyone on the Team" lets the creator approve even with a Team of two', () => {
    const { emu } = draftPayout([TEAMMATE]);
    const outcome = emu.edit(OWNER, 'Settings', settingCell(emu, 'Payout Approval'), [
      ['anyone on the Team'],
    ]);
    expect(outcome.ok).toBe(true);
    expect(emu.call<Payout>(OWNER, 'approvePayout', 'PO-0001').approvedBy).toBe(OWNER);
  });

  it('"a second person" holds even when the owner works alone', () => {
    const { emu } = draftPayout();
    expect(emu.edit(OWNER, 'Settings', settingCell(emu, 'Payout Approval'), [['a second person']]).ok).toBe(
      true,
    );
    expect(errorOf(emu, OWNER, 'approvePayout', 'PO-0001')).toMatch(/asks a second person/);
  });
});

describe('exporting payouts', () => {
  it('a Draft is refused as a payment file; the CSV report of drafts stays possible', () => {
    const { emu } = draftPayout();
    for (const format of ['paypal', 'wise']) {
      expect(errorOf(emu, OWNER, 'exportPayouts', ['PO-0001'], format)).toBe(
        'PO-0001 is Draft: only Approved payouts export as a payment file (approve it first; the CSV report lists payouts of any status)',
      );
    }
    const csv = emu.call<{ content: string }>(OWNER, 'exportPayouts', ['PO-0001'], 'csv');
    expect(Papa.parse<string[]>(csv.content.trim()).data[1].slice(0, 9)).toEqual([
      'PO-0001',
      'P-0001',
      'Alpha Partners',
      'alpha.partners@partner.test',
      'USD',
      '75.05',
      '2',
      '2026-03-02 to 2026-03-31',
      'Draft',
    ]);
  });

  it('a hand edit of the Amount cell after approval refuses the export, naming both figures', () => {
    const { emu } = draftPayout();
    emu.call(OWNER, 'approvePayout', 'PO-0001');
    // the Payouts sheet is protected: the owner (an editor of the protection) changes the cell by hand
    expect(emu.edit(OWNER, 'Payouts', cellOf(emu, 'Payouts', 'PO-0001', 'Amount'), [[750.5]]).ok).toBe(true);
    for (const format of ['paypal', 'wise', 'csv']) {
      expect(errorOf(emu, OWNER, 'exportPayouts', ['PO-0001'], format)).toBe(
        'PO-0001: its Amount cell is 750.50 USD but its lines sum to 75.05 USD; nothing was exported',
      );
    }
  });

  it('pays the e-mail stamped at approval, not a Contact Email changed afterwards', () => {
    const { emu } = draftPayout();
    emu.call(OWNER, 'approvePayout', 'PO-0001');
    const contact = cellOf(emu, 'Partners', 'P-0001', 'Contact Email');
    expect(emu.edit(OWNER, 'Partners', contact, [['someone.else@elsewhere.test']]).ok).toBe(true);
    const paypal = emu.call<{ content: string }>(OWNER, 'exportPayouts', ['PO-0001'], 'paypal');
    expect(Papa.parse<string[]>(paypal.content.trim()).data[0].slice(0, 3)).toEqual([
      'alpha.partners@partner.test',
      '75.05',
      'USD',
    ]);
    const wise = emu.call<{ content: string }>(OWNER, 'exportPayouts', ['PO-0001'], 'wise');
    expect(Papa.parse<string[]>(wise.content.trim()).data[1][1]).toBe('alpha.partners@partner.test');
  });
});
