import { LEAD_STATUSES, checkTransition } from '../../../src/domain/leads';

const allowed = new Set([
  'Submitted>Approved',
  'Submitted>Rejected',
  'Submitted>Expired',
  'Approved>Won',
  'Approved>Lost',
  'Approved>Expired',
  'Won>Lost',
]);

const pairs = LEAD_STATUSES.flatMap((from) => LEAD_STATUSES.map((to) => [from, to] as const));

test.each(pairs)('%s -> %s', (from, to) => {
  const result = checkTransition(from, to, { dealValue: 1000 });
  if (from === to || allowed.has(`${from}>${to}`)) expect(result).toEqual({ ok: true });
  else expect(result).toEqual({ ok: false, message: `Status cannot go from ${from} to ${to}` });
});

test.each<[number | string | null | undefined, boolean]>([
  [undefined, false],
  [null, false],
  ['', false],
  ['  ', false],
  [0, true],
  ['2500.00', true],
])('Won with Deal Value %p -> ok %p', (dealValue, ok) => {
  expect(checkTransition('Approved', 'Won', { dealValue })).toEqual(
    ok ? { ok: true } : { ok: false, message: 'Won needs a Deal Value' },
  );
});

test.each([
  ['Submitted', 'Wonn', "Status 'Wonn' is not one of: Submitted, Approved, Rejected, Won, Lost, Expired"],
  ['', 'Approved', "Status '' is not one of: Submitted, Approved, Rejected, Won, Lost, Expired"],
])('unknown status %p -> %p', (from, to, message) => {
  expect(checkTransition(from, to)).toEqual({ ok: false, message });
});
