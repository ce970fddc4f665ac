/** A partner's view, built pure: only their rows, overlaps unnamed, notes redacted, a stable fingerprint. */
import { linkSecret, partnerOfSecret } from '../../../src/domain/partners/link-secret';
import { makeRedactor, partnerView, viewFingerprint, type ViewLead } from '../../../src/domain/partners/view';
import { statementOf } from '../../../src/domain/partners/statement';

const lead = (over: Partial<ViewLead>): ViewLead => ({
  id: 'L-000001',
  partnerId: 'P-0001',
  company: 'Acme',
  status: 'Approved',
  registeredOn: '2026-03-02',
  expiresOn: '2026-05-31',
  decisionNote: '',
  closedOn: '',
  dealValue: null,
  currency: 'USD',
  conflict: '',
  ...over,
});

const redactor = makeRedactor(
  [
    { id: 'P-0001', name: 'Alpha Partners' },
    { id: 'P-0002', name: 'Beta' },
  ],
  new Map([
    ['P-0001', 'P-0001'],
    ['P-0002', 'P-0002'],
    ['L-000001', 'P-0001'],
    ['L-000009', 'P-0002'],
  ]),
);

function view(leads: ViewLead[]) {
  return partnerView({
    program: 'Program',
    partner: { id: 'P-0001', name: 'Alpha Partners', tier: 'Gold', status: 'Active' },
    leads,
    lines: [],
    payouts: [],
    progress: null,
    formUrl: 'https://form.test/x',
    redact: (t) => redactor('P-0001', t),
  });
}

describe('partnerView', () => {
  it.each([
    ['an approved lead shows its Protected Until', lead({}), 'Protected Until', '2026-05-31'],
    [
      'a won lead does not',
      lead({ status: 'Won', closedOn: '2026-04-01', dealValue: 500 }),
      'Protected Until',
      '',
    ],
    [
      'a conflict is an overlap, never its reason',
      lead({ conflict: 'Same domain as L-000009 (Beta)' }),
      'Conflict',
      'overlaps another registration',
    ],
    [
      'a note naming another partner is redacted',
      lead({ decisionNote: 'Beta (P-0002) had L-000009; ours is L-000001' }),
      'Decision Note',
      '(another partner) ((another partner)) had (another partner); ours is L-000001',
    ],
  ])('%s', (_name, l, header, expected) => {
    const rows = view([l]).sheets[1].rows;
    expect(rows[1][rows[0].indexOf(header)]).toBe(expected);
  });

  it('drops a row of another partner even if it is handed one, and the fingerprint follows the content', () => {
    const mine = view([lead({})]);
    const mixed = view([lead({}), lead({ id: 'L-000009', partnerId: 'P-0002', company: 'Secret' })]);
    expect(JSON.stringify(mixed)).not.toContain('Secret');
    expect(viewFingerprint(mixed)).toBe(viewFingerprint(mine));
    expect(viewFingerprint(view([lead({ status: 'Won' })]))).not.toBe(viewFingerprint(mine));
  });

  it('a statement sees only the month asked for', () => {
    const v = view([
      lead({ status: 'Won', closedOn: '2026-03-20', dealValue: 500 }),
      lead({ id: 'L-000002', registeredOn: '2026-01-02' }),
    ]);
    expect(statementOf(v, '2026-03', 'Program')).toMatchObject({
      active: true,
      subject: 'Program: your statement for 2026-03',
    });
    expect(statementOf(v, '2026-02', 'Program').active).toBe(false);
  });
});

describe('link secrets', () => {
  it('are 22 characters, per partner and generation, and found back only at the current generation', () => {
    const a0 = linkSecret('key', 'P-0001', 0);
    expect(a0).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(linkSecret('key', 'P-0001', 0)).toBe(a0);
    expect(linkSecret('key', 'P-0001', 1)).not.toBe(a0);
    expect(linkSecret('other key', 'P-0001', 0)).not.toBe(a0);
    const partners = [
      { id: 'P-0001', generation: 1 },
      { id: 'P-0002', generation: 0 },
    ];
    expect(partnerOfSecret('key', linkSecret('key', 'P-0001', 1), partners)).toBe('P-0001');
    expect(partnerOfSecret('key', a0, partners)).toBeNull();
    expect(partnerOfSecret('key', `${a0}x`, partners)).toBeNull();
  });
});
