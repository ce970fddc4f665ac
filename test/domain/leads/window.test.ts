import {
  expireLeads,
  expiresOnFor,
  extendWindow,
  extensionsUsed,
  isProtected,
  leadsExpiringIn,
} from '../../../src/domain/leads';
import type { LeadStatus } from '../../../src/shared/api';
import { lead } from './fixtures';

const settings = { windowDays: 90, extensionDays: 30, maxExtensions: 2 };

test('Expires On is Registered On plus the window', () => {
  expect(expiresOnFor('2026-02-01', settings)).toBe('2026-05-02');
});

test.each([
  ['2026-05-02', 0],
  ['2026-06-01', 1],
  ['2026-07-01', 2],
  ['2026-05-10', 1],
  ['2026-04-01', 0],
])('a lead registered 2026-02-01 expiring %s has used %i extensions', (expiresOn, used) => {
  expect(extensionsUsed({ registeredOn: '2026-02-01', expiresOn }, settings)).toBe(used);
});

describe('extendWindow', () => {
  test.each<[string, LeadStatus, string, string, object]>([
    [
      'first extension',
      'Approved',
      '2026-05-02',
      '2026-04-20',
      { ok: true, expiresOn: '2026-06-01', extensions: 1 },
    ],
    [
      'second extension',
      'Submitted',
      '2026-06-01',
      '2026-04-20',
      { ok: true, expiresOn: '2026-07-01', extensions: 2 },
    ],
    [
      'on the last day',
      'Approved',
      '2026-05-02',
      '2026-05-02',
      { ok: true, expiresOn: '2026-06-01', extensions: 1 },
    ],
    [
      'over the maximum',
      'Approved',
      '2026-07-01',
      '2026-04-20',
      { ok: false, message: 'L-000001 has already been extended 2 times, the maximum in Settings' },
    ],
    [
      'window ended',
      'Approved',
      '2026-05-02',
      '2026-05-03',
      { ok: false, message: 'L-000001 cannot be extended: its protection window ended on 2026-05-02' },
    ],
    [
      'closed lead',
      'Won',
      '2026-05-02',
      '2026-04-20',
      {
        ok: false,
        message: 'L-000001 cannot be extended: it is Won (only Submitted or Approved leads are protected)',
      },
    ],
  ])('%s', (_name, status, expiresOn, today, expected) => {
    expect(extendWindow(lead({ id: 'L-000001', status, expiresOn }), settings, today)).toEqual(expected);
  });

  test('no extensions allowed', () => {
    expect(extendWindow(lead({ id: 'L-000001' }), { ...settings, maxExtensions: 0 }, '2026-03-01')).toEqual({
      ok: false,
      message: 'L-000001 cannot be extended: Settings allow no extensions',
    });
  });
});

test('expireLeads marks protected leads past Expires On, with the reason', () => {
  const leads = [
    lead({ id: 'L-1', status: 'Submitted', expiresOn: '2026-05-01' }),
    lead({ id: 'L-2', status: 'Approved', expiresOn: '2026-05-01' }),
    lead({ id: 'L-3', status: 'Approved', expiresOn: '2026-05-02' }),
    lead({ id: 'L-4', status: 'Won', expiresOn: '2026-01-01' }),
    lead({ id: 'L-5', status: 'Rejected', expiresOn: '2026-01-01' }),
    lead({ id: 'L-6', status: 'Approved', expiresOn: '' }),
  ];
  expect(expireLeads(leads, '2026-05-02').map(({ lead, reason }) => [lead.id, reason])).toEqual([
    ['L-1', 'Protection window ended on 2026-05-01'],
    ['L-2', 'Protection window ended on 2026-05-01'],
  ]);
});

test('leadsExpiringIn finds protected leads whose window ends in exactly 14 days', () => {
  const leads = [
    lead({ id: 'L-1', expiresOn: '2026-03-15' }),
    lead({ id: 'L-2', expiresOn: '2026-03-16' }),
    lead({ id: 'L-3', expiresOn: '2026-03-15', status: 'Lost' }),
    lead({ id: 'L-4', expiresOn: '2026-03-15', status: 'Submitted' }),
  ];
  expect(leadsExpiringIn(leads, '2026-03-01').map((l) => l.id)).toEqual(['L-1', 'L-4']);
  expect(leadsExpiringIn(leads, '2026-03-01', 15).map((l) => l.id)).toEqual(['L-2']);
});

test.each<[LeadStatus, string, string, boolean]>([
  ['Approved', '2026-05-02', '2026-05-02', true],
  ['Approved', '2026-05-02', '2026-05-03', false],
  ['Submitted', '', '2030-01-01', true],
  ['Won', '2026-05-02', '2026-01-01', false],
])('isProtected(%s until %s) on %s = %p', (status, expiresOn, today, expected) => {
  expect(isProtected({ status, expiresOn }, today)).toBe(expected);
});
