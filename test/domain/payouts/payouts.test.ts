import fc from 'fast-check';
import Papa from 'papaparse';
import type { LedgerLine } from '../../../src/domain/commissions';
import {
  approvalRule,
  approvePayout,
  exportPayoutsCsv,
  markPayoutPaid,
  planPayouts,
  type PayoutRecord,
} from '../../../src/domain/payouts';

let seq = 0;
const line = (
  partnerId: string,
  currency: string,
  amountMinor: number,
  over: Partial<LedgerLine> = {},
): LedgerLine => ({
  id: `C-${String(++seq).padStart(6, '0')}`,
  key: `k${seq}`,
  leadId: 'L-1',
  partnerId,
  plan: 'Gold',
  kind: amountMinor < 0 ? 'Clawback' : 'Commission',
  basisMinor: null,
  currency,
  amountMinor,
  status: 'Approved',
  earnedOn: '2026-01-10',
  eligibleOn: '2026-02-09',
  approvedBy: 'fin',
  approvedOn: '2026-02-10',
  payoutId: '',
  explanation: '',
  ...over,
});
const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(4, '0')}`;
};
const partners = [
  { id: 'P-0001', partnerName: 'Acme', contactEmail: 'pay@acme.example' },
  // a valid address that starts with "-": validated, never escaped (issue 14)
  { id: 'P-0002', partnerName: '=HYPERLINK("http://x")', contactEmail: '-billing@evil.example' },
];
const base = { partners, throughDate: '2026-03-31', existingPayoutIds: ['PO-0009'], today: '2026-04-01' };

describe('planPayouts', () => {
  test('groups Approved, eligible, unpaid lines per partner and currency; carries small totals over', () => {
    const lines = [
      line('P-0001', 'USD', 144_000),
      line('P-0001', 'USD', -24_000),
      line('P-0001', 'USD', 50_000, { payoutId: 'PO-0009' }), // on an existing payout
      line('P-0001', 'USD', 70_000, { payoutId: 'PO-0404' }), // its payout was deleted: free again
      line('P-0001', 'USD', 10_000, { eligibleOn: '2026-04-01' }), // not eligible by throughDate
      line('P-0001', 'USD', 10_000, { status: 'Eligible' }),
      line('P-0001', 'JPY', 3_000),
      line('P-0002', 'KWD', 4_000),
      line('P-0002', 'USD', -500),
    ];
    const result = planPayouts({
      ...base,
      lines,
      minimumPayoutMinor: { USD: 5_000, JPY: 5_000 },
      nextId: ids('PO-'),
    });
    expect(
      result.payouts.map((p) => [
        p.id,
        p.partnerId,
        p.currency,
        p.amountMinor,
        p.lineIds,
        p.status,
        p.period,
      ]),
    ).toEqual([
      [
        'PO-0001',
        'P-0001',
        'USD',
        190_000,
        [lines[0].id, lines[1].id, lines[3].id],
        'Draft',
        '2026-01-10 to 2026-03-31',
      ],
      ['PO-0002', 'P-0002', 'KWD', 4_000, [lines[7].id], 'Draft', '2026-01-10 to 2026-03-31'],
    ]);
    expect(result.assignments).toHaveLength(4);
    expect(result.carriedOver.map((c) => c.reason)).toEqual([
      'P-0001: 3,000 JPY is under the 5,000 JPY minimum; carried over to the next run',
      'P-0002: -5.00 USD is not a positive total; carried over',
    ]);
  });

  test('property: a payout always equals the sum of its lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            partner: fc.constantFrom('P-0001', 'P-0002', 'P-0003'),
            currency: fc.constantFrom('USD', 'JPY', 'KWD'),
            amount: fc.integer({ min: -50_000, max: 1_000_000 }),
          }),
          { maxLength: 30 },
        ),
        fc.nat({ max: 100_000 }),
        (specs, minimum) => {
          const lines = specs.map((s) => line(s.partner, s.currency, s.amount));
          const result = planPayouts({
            ...base,
            lines,
            minimumPayoutMinor: { USD: minimum },
            nextId: ids('PO-'),
          });
          const byId = new Map(lines.map((l) => [l.id, l]));
          for (const p of result.payouts) {
            expect(p.lineIds.reduce((s, id) => s + byId.get(id)!.amountMinor, 0)).toBe(p.amountMinor);
            expect(p.lineIds.every((id) => byId.get(id)!.currency === p.currency)).toBe(true);
          }
          const placed = result.payouts
            .flatMap((p) => p.lineIds)
            .concat(result.carriedOver.flatMap((c) => c.lineIds));
          expect(placed.sort()).toEqual(lines.map((l) => l.id).sort());
        },
      ),
    );
  });
});

describe('transitions', () => {
  const lines = [
    line('P-0001', 'USD', 100_000, { payoutId: 'PO-0003' }),
    line('P-0001', 'USD', 2_550, { payoutId: 'PO-0003' }),
  ];
  const draft: PayoutRecord = {
    id: 'PO-0003',
    partnerId: 'P-0001',
    partnerName: 'Acme',
    currency: 'USD',
    amountMinor: 102_550,
    lineIds: lines.map((l) => l.id),
    period: '2026-01-10 to 2026-03-31',
    status: 'Draft',
    createdOn: '2026-04-01',
    paidOn: '',
    reference: '',
  };

  const by = {
    approver: 'finance@acme.test',
    today: '2026-04-02',
    payeeEmail: 'pay@p.test',
    rule: 'anyone',
  } as const;
  const stamp = { approvedBy: 'finance@acme.test', approvedOn: '2026-04-02', payeeEmail: 'pay@p.test' };

  test('Draft -> Approved -> Paid, marking its lines Paid', () => {
    expect(() => markPayoutPaid({ payout: draft, lines, reference: 'TX1', paidOn: '2026-04-03' })).toThrow(
      'PO-0003 is Draft; approve it before marking it paid',
    );
    const approved = approvePayout(draft, by);
    expect(() => approvePayout(approved, by)).toThrow(
      'PO-0003 is Approved; only a Draft payout can be approved',
    );
    const paid = markPayoutPaid({ payout: approved, lines, reference: ' TX1 ', paidOn: '2026-04-03' });
    expect(paid.payout).toEqual({
      ...draft,
      ...stamp,
      status: 'Paid',
      reference: 'TX1',
      paidOn: '2026-04-03',
    });
    expect(paid.lineChanges).toEqual(lines.map((l) => ({ id: l.id, from: 'Approved', to: 'Paid' })));
    expect(() =>
      markPayoutPaid({ payout: paid.payout, lines, reference: 'x', paidOn: '2026-04-03' }),
    ).toThrow('PO-0003 is already Paid');
  });

  test('refuses to pay a payout that no longer equals its lines', () => {
    const approved = approvePayout({ ...draft, amountMinor: 100_000 }, by);
    expect(() => markPayoutPaid({ payout: approved, lines, reference: 'TX', paidOn: '2026-04-03' })).toThrow(
      'PO-0003 is 1,000.00 USD but its lines sum to 1,025.50 USD; recreate the payout',
    );
    expect(() =>
      markPayoutPaid({ payout: approvePayout(draft, by), lines, reference: '', paidOn: '2026-04-03' }),
    ).toThrow('A payment reference is required to mark PO-0003 paid');
  });
});

describe('four eyes: Settings > Payout Approval', () => {
  const draft: PayoutRecord = {
    id: 'PO-0001',
    partnerId: 'P-0001',
    partnerName: 'Alpha',
    currency: 'USD',
    amountMinor: 100,
    lineIds: [],
    period: '',
    status: 'Draft',
    createdOn: '2026-04-01',
    paidOn: '',
    reference: '',
    createdBy: 'owner@acme.test',
  };
  const approval = { today: '2026-04-02', payeeEmail: ' a@p.test ' };

  test.each([
    ['a second person', 1, 'second person'],
    ['anyone on the Team', 5, 'anyone'],
    ['automatic', 1, 'anyone'],
    ['automatic', 2, 'second person'],
    ['', 3, 'second person'],
    ['nonsense', 1, 'anyone'],
  ] as const)('%p with a Team of %p -> %p', (setting, size, rule) => {
    expect(approvalRule(setting, size)).toBe(rule);
  });

  test('a second person: the creator may not approve; another Team member may, and the payee is stamped', () => {
    const rule = 'second person' as const;
    expect(() => approvePayout(draft, { ...approval, rule, approver: 'OWNER@acme.test' })).toThrow(
      'PO-0001 was created by owner@acme.test: Settings > Payout Approval asks a second person on the Team to approve it',
    );
    expect(() => approvePayout(draft, { ...approval, rule, approver: '' })).toThrow(
      /did not give your email/,
    );
    expect(approvePayout(draft, { ...approval, rule, approver: 'finance@acme.test' })).toMatchObject({
      status: 'Approved',
      approvedBy: 'finance@acme.test',
      approvedOn: '2026-04-02',
      payeeEmail: 'a@p.test',
    });
    expect(approvePayout(draft, { ...approval, rule: 'anyone', approver: 'owner@acme.test' }).status).toBe(
      'Approved',
    );
  });
});

describe('exports', () => {
  const payout = (id: string, partnerId: string, currency: string, amountMinor: number): PayoutRecord => ({
    id,
    partnerId,
    partnerName: partners.find((p) => p.id === partnerId)!.partnerName,
    currency,
    amountMinor,
    lineIds: ['C-1', 'C-2'],
    period: '2026-01-10 to 2026-03-31',
    status: 'Approved',
    createdOn: '2026-04-01',
    paidOn: '',
    reference: '',
  });
  const usd = [payout('PO-0001', 'P-0001', 'USD', 1_200_050), payout('PO-0002', 'P-0002', 'USD', 5)];

  test('generic CSV: header, exact decimals, formula cells neutralised', () => {
    const file = exportPayoutsCsv([...usd, payout('PO-0003', 'P-0001', 'KWD', 1_234_567)], partners, 'csv');
    expect(file.filename).toBe('payouts-csv-PO-0001-PO-0003.csv');
    expect(file.mimeType).toBe('text/csv');
    const rows = Papa.parse<string[]>(file.content.trim()).data;
    expect(rows[0]).toEqual([
      'Payout ID',
      'Partner ID',
      'Partner Name',
      'Contact Email',
      'Currency',
      'Amount',
      'Lines',
      'Period',
      'Status',
      'Created On',
      'Paid On',
      'Reference',
    ]);
    expect(rows[1]).toEqual([
      'PO-0001',
      'P-0001',
      'Acme',
      'pay@acme.example',
      'USD',
      '12000.50',
      '2',
      '2026-01-10 to 2026-03-31',
      'Approved',
      '2026-04-01',
      '',
      '',
    ]);
    expect(rows[2].slice(2, 6)).toEqual(['\'=HYPERLINK("http://x")', '-billing@evil.example', 'USD', '0.05']);
    expect(rows[3][5]).toBe('1234.567');
    expect(file.content).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  test('PayPal: no header; email, amount, currency, customer id, note, PAYPAL; one currency per file', () => {
    const file = exportPayoutsCsv(usd, partners, 'paypal');
    expect(file.content.split('\r\n')).toEqual([
      'pay@acme.example,12000.50,USD,PO-0001,"Partner commission PO-0001, 2026-01-10 to 2026-03-31",PAYPAL',
      `-billing@evil.example,0.05,USD,PO-0002,"Partner commission PO-0002, 2026-01-10 to 2026-03-31",PAYPAL`,
      '',
    ]);
    expect(() =>
      exportPayoutsCsv([...usd, payout('PO-0003', 'P-0001', 'JPY', 5)], partners, 'paypal'),
    ).toThrow(
      'A PayPal Payouts file holds one currency; the selected payouts are in JPY, USD: export each currency separately',
    );
    expect(() =>
      exportPayoutsCsv(usd, [partners[0], { ...partners[1], contactEmail: '' }], 'paypal'),
    ).toThrow('Partner P-0002 has no Contact Email, which PayPal Payouts needs');
    expect(() =>
      exportPayoutsCsv(usd, [partners[0], { ...partners[1], contactEmail: '@evil.example' }], 'paypal'),
    ).toThrow('PO-0002: Recipient "@evil.example" is not an e-mail address; correct it before exporting');
  });

  test('Wise: the send-by-email template columns', () => {
    const file = exportPayoutsCsv([usd[0], payout('PO-0004', 'P-0001', 'JPY', 150_000)], partners, 'wise');
    expect(file.filename).toBe('payouts-wise-PO-0001-PO-0004.csv');
    expect(Papa.parse<string[]>(file.content.trim()).data).toEqual([
      [
        'name',
        'recipientEmail',
        'paymentReference',
        'receiverType',
        'amountCurrency',
        'amount',
        'sourceCurrency',
        'targetCurrency',
      ],
      ['Acme', 'pay@acme.example', 'PO-0001', 'BUSINESS', 'target', '12000.50', 'USD', 'USD'],
      ['Acme', 'pay@acme.example', 'PO-0004', 'BUSINESS', 'target', '150000', 'JPY', 'JPY'],
    ]);
    expect(() => exportPayoutsCsv([], partners, 'wise')).toThrow('Select at least one payout to export');
  });
});
