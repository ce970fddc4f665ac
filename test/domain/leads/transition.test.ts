import {
  EXTEND,
  dealChange,
  mergeDealChanges,
  newLead,
  transitionLead,
  type LeadFacts,
  type LeadTarget,
  type Transition,
  type TransitionContext,
} from '../../../src/domain/leads';
import { LEAD_STATUSES } from '../../../src/shared/statuses';

const ACTOR = 'owner@acme.test';
const TODAY = '2026-03-02';
const WINDOW = { windowDays: 90, extensionDays: 30, maxExtensions: 1 };

function facts(change: Partial<LeadFacts> = {}): LeadFacts {
  return {
    id: 'L-000001',
    partnerId: 'P-0002',
    status: 'Approved',
    registeredOn: '2026-02-01',
    expiresOn: '2026-05-02',
    closedOn: '',
    dealValue: null,
    decidedBy: '',
    decisionNote: '',
    ...change,
  };
}

const ctx = (change: Partial<TransitionContext> = {}): TransitionContext => ({
  actor: ACTOR,
  today: TODAY,
  ...change,
});

const deal = (partners = ['P-0002'], leads = ['L-000001']) => ({
  type: 'deal.changed',
  leadId: 'L-000001',
  partners,
  leads,
});

type Row = [string, Partial<LeadFacts>, LeadTarget, Partial<TransitionContext>, Transition];

const ok = (patch: object, events: object[]): Transition => ({ ok: true, patch, events }) as Transition;
const no = (reason: string, message: string): Transition => ({ ok: false, reason, message }) as Transition;

const rows: Row[] = [
  // registration and the import: a new lead becomes Submitted with its window
  [
    'registering',
    newLead('L-000001', 'P-0002'),
    'Submitted',
    { window: WINDOW },
    ok({ status: 'Submitted', registeredOn: TODAY, expiresOn: '2026-05-31' }, [
      { type: 'lead.registered', leadId: 'L-000001', notice: 'received' },
    ]),
  ],
  [
    'a row typed by hand, given Submitted: only its status',
    { status: '' },
    'Submitted',
    {},
    ok({ status: 'Submitted' }, [{ type: 'lead.submitted', leadId: 'L-000001' }]),
  ],
  [
    'a new lead cannot start as anything but Submitted',
    { status: '' },
    'Approved',
    {},
    no('newLead', 'A lead starts as Submitted (register it with Register lead)'),
  ],
  // review
  [
    'approve with a note',
    { status: 'Submitted' },
    'Approved',
    { note: 'ok' },
    ok({ status: 'Approved', decidedBy: ACTOR, decisionNote: 'ok' }, [
      { type: 'lead.approved', leadId: 'L-000001', notice: 'approved' },
    ]),
  ],
  [
    'reject, clearing an old note',
    { status: 'Submitted', decisionNote: 'old' },
    'Rejected',
    { note: '' },
    ok({ status: 'Rejected', decidedBy: ACTOR, decisionNote: '' }, [
      { type: 'lead.rejected', leadId: 'L-000001', notice: 'rejected' },
    ]),
  ],
  ['approve twice', { status: 'Approved' }, 'Approved', {}, no('same', 'it is already Approved')],
  [
    'approve a rejected lead',
    { status: 'Rejected' },
    'Approved',
    {},
    no('illegal', 'Status cannot go from Rejected to Approved'),
  ],
  // close
  [
    'won with a deal value: closed today, the deal reconciled, the partner told',
    {},
    'Won',
    { dealValue: 25000 },
    ok({ status: 'Won', decidedBy: ACTOR, closedOn: TODAY, dealValue: 25000 }, [
      { type: 'lead.won', leadId: 'L-000001', notice: 'won' },
      deal(),
    ]),
  ],
  [
    'won on a given day with a reason',
    {},
    'Won',
    { dealValue: '900.50', closedOn: '2026-02-27', note: 'signed' },
    ok(
      {
        status: 'Won',
        decidedBy: ACTOR,
        closedOn: '2026-02-27',
        dealValue: '900.50',
        decisionNote: 'signed',
      },
      [{ type: 'lead.won', leadId: 'L-000001', notice: 'won' }, deal()],
    ),
  ],
  [
    'won by the deal value the lead has (a person set Status after Deal Value)',
    { dealValue: 900, decidedBy: ACTOR },
    'Won',
    {},
    ok({ status: 'Won', closedOn: TODAY }, [{ type: 'lead.won', leadId: 'L-000001', notice: 'won' }, deal()]),
  ],
  ['won without a deal value', {}, 'Won', {}, no('dealValue', 'Won needs a Deal Value')],
  ['won with a blank deal value', {}, 'Won', { dealValue: ' ' }, no('dealValue', 'Won needs a Deal Value')],
  ['won twice', { status: 'Won', dealValue: 5 }, 'Won', { dealValue: 6 }, no('same', 'it is already Won')],
  [
    'lost before it was won: nothing to reconcile, no email',
    {},
    'Lost',
    { closedOn: TODAY },
    ok({ status: 'Lost', decidedBy: ACTOR, closedOn: TODAY }, [{ type: 'lead.lost', leadId: 'L-000001' }]),
  ],
  [
    'won -> lost keeps its close day and reconciles the deal (a clawback)',
    { status: 'Won', dealValue: 900, closedOn: '2026-03-01', decidedBy: ACTOR },
    'Lost',
    {},
    ok({ status: 'Lost' }, [{ type: 'lead.lost', leadId: 'L-000001' }, deal()]),
  ],
  [
    'a submitted lead cannot be won',
    { status: 'Submitted' },
    'Won',
    { dealValue: 1 },
    no('illegal', 'Status cannot go from Submitted to Won'),
  ],
  // expiry
  [
    'expired by the daily run, with why',
    { status: 'Submitted' },
    'Expired',
    { note: 'Protection window ended on 2026-03-01' },
    ok({ status: 'Expired', decisionNote: 'Protection window ended on 2026-03-01' }, [
      { type: 'lead.expired', leadId: 'L-000001' },
    ]),
  ],
  [
    'a won lead does not expire',
    { status: 'Won' },
    'Expired',
    {},
    no('illegal', 'Status cannot go from Won to Expired'),
  ],
  // extension
  [
    'extended by the extension days',
    {},
    EXTEND,
    { window: WINDOW },
    ok({ expiresOn: '2026-06-01' }, [{ type: 'lead.extended', leadId: 'L-000001' }]),
  ],
  [
    'extended once at most',
    { expiresOn: '2026-06-01' },
    EXTEND,
    { window: WINDOW },
    no('window', 'L-000001 has already been extended 1 time, the maximum in Settings'),
  ],
  [
    'a won lead is not extended',
    { status: 'Won' },
    EXTEND,
    { window: WINDOW },
    no('window', 'L-000001 cannot be extended: it is Won (only Submitted or Approved leads are protected)'),
  ],
];

test.each(rows)('%s', (_name, lead, to, context, expected) => {
  expect(transitionLead(facts(lead), to, ctx(context))).toEqual(expected);
});

test('every move the status machine allows, and no other, is a transition', () => {
  const allowed = new Set([
    'Submitted>Approved',
    'Submitted>Rejected',
    'Submitted>Expired',
    'Approved>Won',
    'Approved>Lost',
    'Approved>Expired',
    'Won>Lost',
  ]);
  for (const from of LEAD_STATUSES)
    for (const to of LEAD_STATUSES) {
      const result = transitionLead(facts({ status: from }), to, ctx({ dealValue: 1 }));
      expect([`${from}>${to}`, result.ok]).toEqual([`${from}>${to}`, allowed.has(`${from}>${to}`)]);
      if (result.ok) expect(result.patch.status).toBe(to);
    }
});

test('the patch holds only what changes', () => {
  const result = transitionLead(
    facts({
      status: 'Approved',
      dealValue: 900,
      closedOn: '2026-03-01',
      decidedBy: ACTOR,
      decisionNote: 'x',
    }),
    'Won',
    ctx({ dealValue: '900.00', closedOn: '2026-03-01', note: 'x' }),
  );
  expect(result).toMatchObject({ ok: true, patch: { status: 'Won' } });
});

describe('dealChange: what a change of a deal calls for', () => {
  const side = (status: string, partnerId = 'P-0001', leadId = 'L-000001') => ({ leadId, partnerId, status });
  test.each<[string, ReturnType<typeof side>, ReturnType<typeof side>, string[], object | null]>([
    [
      'Approved -> Won',
      side('Approved'),
      side('Won'),
      ['status'],
      { partners: ['P-0001'], leads: ['L-000001'] },
    ],
    ['Won -> Lost', side('Won'), side('Lost'), ['status'], { partners: ['P-0001'], leads: ['L-000001'] }],
    [
      'a Won deal value',
      side('Won'),
      side('Won'),
      ['dealValue'],
      { partners: ['P-0001'], leads: ['L-000001'] },
    ],
    [
      'a Won deal moved to another partner',
      side('Won'),
      side('Won', 'P-0002'),
      ['partnerId'],
      { partners: ['P-0001', 'P-0002'], leads: ['L-000001'] },
    ],
    ['Approved -> Lost', side('Approved'), side('Lost'), ['status'], null],
    ["a Won lead's notes", side('Won'), side('Won'), ['notes', 'decisionNote'], null],
    ['an Approved deal value', side('Approved'), side('Approved'), ['dealValue'], null],
    [
      'Won with spaces',
      side(' Won '),
      side('Lost'),
      ['status'],
      { partners: ['P-0001'], leads: ['L-000001'] },
    ],
    ['no partner', side('Won', ''), side('Lost', ''), ['status'], { partners: [], leads: ['L-000001'] }],
  ])('%s', (_name, before, after, fields, expected) => {
    expect(dealChange(before, after, fields)).toEqual(expected);
  });

  test('changes merge into one reconcile', () => {
    expect(
      mergeDealChanges([
        { partners: ['P-0001'], leads: ['L-000001'] },
        null,
        { partners: ['P-0001', 'P-0002'], leads: ['L-000002'] },
      ]),
    ).toEqual({ partners: ['P-0001', 'P-0002'], leads: ['L-000001', 'L-000002'] });
    expect(mergeDealChanges([null])).toBeNull();
  });
});
