/** A partner's view, built pure: only their rows, overlaps unnamed, notes redacted, a stable fingerprint. */
import { partnerOfSecret, secretFromRandom, secretHash } from '../../../src/domain/partners/link-secret';
import {
  makeRedactor,
  partnerView,
  progressText,
  viewFingerprint,
  type ViewInput,
  type ViewLead,
} from '../../../src/domain/partners/view';
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

function viewInput(leads: ViewLead[] = []) {
  return {
    program: 'Program',
    partner: { id: 'P-0001', name: 'Alpha Partners', tier: 'Gold', status: 'Active' },
    leads,
    lines: [],
    payouts: [],
    progress: null,
    formUrl: 'https://form.test/x',
    redact: (t: string) => redactor('P-0001', t),
  } satisfies ViewInput;
}

function view(leads: ViewLead[]) {
  return partnerView(viewInput(leads));
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

describe('progress to the next tier', () => {
  it.each([
    [
      {
        tier: 'Registered',
        nextTier: 'Silver',
        progress: 0.456,
        missing: '600.00 USD of won value away from Silver (over 12 months).',
        forecast: 'No open approved deals.',
      },
      '45% of the way to Silver. 600.00 USD of won value away from Silver (over 12 months). No open approved deals.',
    ],
    [
      { tier: 'Platinum', nextTier: null, progress: 1, missing: 'Platinum is the top tier.', forecast: '' },
      'Platinum is the top tier.',
    ],
  ])('is shown in the Summary as the tier rules report it (%#)', (progress, text) => {
    const v = partnerView({ ...viewInput(), progress });
    const rows = new Map(v.sheets[0].rows.map((r) => [r[0], r[1]]));
    expect(rows.get('Progress to the next tier')).toBe(text);
    expect(rows.get('Tier')).toBe(progress.tier);
    expect(progressText(progress)).toBe(text);
  });
});

describe('link secrets', () => {
  it('are 22 base64url characters from the randomness given; only their hash is matched', () => {
    const a = secretFromRandom(
      '0f8e2a4c-1d3b-4c5d-9e7f-8a6b5c4d3e2f' + '11111111-2222-4333-8444-555555555555',
    );
    const b = secretFromRandom(
      '0f8e2a4c-1d3b-4c5d-9e7f-8a6b5c4d3e2f' + '11111111-2222-4333-8444-555555555556',
    );
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(b).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    const hash = secretHash(a);
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    // the hash does not contain the secret, and the secret is not computable from the stored data
    expect(hash).not.toContain(a);
    const stored = new Map([
      [hash, 'P-0001'],
      [secretHash(b), 'P-0002'],
    ]);
    expect(partnerOfSecret(a, stored)).toBe('P-0001');
    expect(partnerOfSecret(` ${b} `, stored)).toBe('P-0002');
    // a rotated secret: its hash is no longer stored
    stored.delete(hash);
    expect(partnerOfSecret(a, stored)).toBeNull();
    expect(partnerOfSecret(`${b}x`, stored)).toBeNull();
    expect(partnerOfSecret(hash, new Map([[secretHash(hash), 'P-0003']]))).toBeNull(); // not 22 long
  });
});
