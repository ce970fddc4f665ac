/**
 * Property: on random programs (deals won from the sidebar, full reconciles, approvals, a person's
 * edits of a line's Status, rows another tool appends to Commissions, rows a person deletes, days
 * passing with the daily run), every page of pageCommissions without a search (through the ledger
 * index when it serves: sheets/ledger-index.ts) is the page a full read of the ledger gives
 * (listCommissions, filtered and cut the same way), and most pages were served by the index.
 */
import fc from 'fast-check';
import type { Emulator } from '../../emulator/harness';
import type { Commission, Page } from '../../src/shared/api';
import { runHourly } from '../support/emulator';
import { approvedLead, cellOf, lines, partnerOn, tracker, wonDeal, OWNER } from './commissions-fixture';

/** Three Eligible lines of one partner, the first page of two they make, and the ledger's shadow column. */
function eligibleLedger() {
  const emu = tracker();
  const a = partnerOn(emu, { name: 'Ten now', type: 'percent' as const, rate: 10, holdDays: 0 }, 'Alpha');
  for (const value of [100, 200, 300]) wonDeal(emu, a, value);
  emu.call(OWNER, 'runCommissions');
  const query = { status: 'Eligible', offset: 0, limit: 2 };
  const expected = expectedPage(lines(emu), query);
  const shadow = emu.spreadsheet.getSheetByName('_Shadow')!;
  const headers = emu.rt.uncounted(
    () => shadow.getRange(1, 1, 1, shadow.getMaxColumns()).getValues()[0],
  ) as unknown[];
  const col = headers.indexOf('commissions') + 1;
  expect(col).toBeGreaterThan(0);
  return { emu, query, expected, shadow, col };
}

type Op =
  | { k: 'win'; partner: number; value: number }
  | { k: 'run' }
  | { k: 'approve'; line: number }
  | { k: 'edit'; line: number; status: number }
  | { k: 'append'; partner: number }
  | { k: 'delete'; line: number }
  | { k: 'lose'; partner: number }
  | { k: 'day'; days: number };

const STATUSES = ['Pending', 'Eligible', 'Approved', 'Void', 'Eligible'];

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('win' as const),
      partner: fc.nat(2),
      value: fc.integer({ min: 1, max: 90_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('run' as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('approve' as const), line: fc.nat(40) }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('edit' as const), line: fc.nat(40), status: fc.nat(4) }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('append' as const), partner: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delete' as const), line: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('lose' as const), partner: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('day' as const), days: fc.integer({ min: 1, max: 40 }) }),
  },
);

/** The page a full read gives: the lines of the status and partner, in ledger order, cut. */
function expectedPage(
  all: Commission[],
  query: { status?: string; partnerId?: string; offset: number; limit: number },
): Page<Commission> {
  const chosen = all.filter(
    (l) =>
      (query.status === undefined || l.status === query.status) &&
      (!query.partnerId || l.partnerId === query.partnerId),
  );
  const end = query.offset + query.limit;
  return {
    items: chosen.slice(query.offset, end),
    total: chosen.length,
    nextOffset: end < chosen.length ? end : null,
  };
}

function attempt(emu: Emulator, fn: () => unknown): void {
  const outcome = emu.measure(fn);
  if (!outcome.ok && !/UserError|not|cannot|already|only|must|protected|hold/i.test(outcome.error ?? ''))
    throw new Error(outcome.error);
}

describe('the ledger index against a full read of the ledger', () => {
  it('gives every page of pageCommissions the page a full read gives', () => {
    const pages = { total: 0, indexed: 0 };
    fc.assert(
      fc.property(fc.array(op, { minLength: 4, maxLength: 14 }), (ops) => {
        const emu = tracker();
        const plan = { name: 'Ten now', type: 'percent' as const, rate: 10, holdDays: 0 };
        const partners = [
          partnerOn(emu, plan, 'Alpha Partners'),
          partnerOn(emu, 'Ten now', 'Beta Partners'),
          partnerOn(emu, { name: 'Held', type: 'percent' as const, rate: 5, holdDays: 30 }, 'Gamma Partners'),
        ];
        emu.call(OWNER, 'runCommissions'); // builds the (empty) index
        let appended = 900;
        const check = () => {
          const all = lines(emu);
          for (const status of [undefined, 'Eligible', 'Pending'])
            for (const partnerId of [undefined, partners[1]])
              for (const [offset, limit] of [
                [0, 50],
                [1, 2],
              ]) {
                const query = { status, partnerId, offset, limit };
                const methods: string[] = [];
                const stop = emu.rt.onCall((m) => methods.push(m));
                const page = emu.call<Page<Commission>>(OWNER, 'pageCommissions', query);
                stop();
                pages.total++;
                // The full read guards Commissions with getLastRow; the index path does not.
                if (!methods.includes('Sheet.getLastRow')) pages.indexed++;
                expect(page).toEqual(expectedPage(all, query));
              }
        };
        for (const o of ops) {
          const all = lines(emu);
          const pick = (n: number) => (all.length ? all[n % all.length] : null);
          if (o.k === 'win') {
            attempt(emu, () => wonDeal(emu, partners[o.partner], o.value));
          } else if (o.k === 'run') {
            emu.call(OWNER, 'runCommissions');
          } else if (o.k === 'approve' && pick(o.line)) {
            attempt(emu, () => emu.call(OWNER, 'approveCommissions', [pick(o.line)!.id]));
          } else if (o.k === 'edit' && pick(o.line)) {
            emu.edit(OWNER, 'Commissions', cellOf(emu, 'Commissions', pick(o.line)!.id, 'Status'), [
              [STATUSES[o.status]],
            ]);
          } else if (o.k === 'append') {
            // Another tool's write (no trigger fires): the tracker's shadow does not know the row.
            const rows = emu.sheets().Commissions as unknown[][];
            const headers = rows[0] as string[];
            let last = rows.length;
            while (last > 1 && (rows[last - 1] as unknown[]).every((v) => v === '')) last--;
            const values: Record<string, unknown> = {
              'Commission ID': `C-000${appended++}`,
              'Lead ID': 'L-000999',
              'Partner ID': partners[o.partner],
              Plan: 'Ten now',
              Kind: 'Commission',
              Currency: 'USD',
              Amount: 10,
              Status: 'Eligible',
            };
            const row = headers.map((h) => values[h] ?? '');
            emu.rt.uncounted(() =>
              emu.spreadsheet
                .getSheetByName('Commissions')!
                .getRange(last + 1, 1, 1, row.length)
                .setValues([row]),
            );
          } else if (o.k === 'delete' && pick(o.line)) {
            const cell = cellOf(emu, 'Commissions', pick(o.line)!.id, 'Commission ID');
            attempt(emu, () => emu.deleteRows(OWNER, 'Commissions', Number(cell.slice(1)), 1));
          } else if (o.k === 'lose') {
            attempt(emu, () =>
              emu.call(OWNER, 'closeLead', approvedLead(emu, partners[o.partner]), 'lost', {
                reason: 'No budget',
              }),
            );
          } else if (o.k === 'day') {
            emu.rt.advance(o.days * 86_400_000);
            runHourly(emu);
          }
        }
        check();
      }),
      { numRuns: Number(process.env.LEDGER_INDEX_RUNS ?? 10), seed: 19 },
    );
    // Both paths were taken: the index served many pages; the others came after another tool's rows
    // or deleted rows, until the daily run or a full reconcile built it again.
    expect(pages.indexed).toBeGreaterThan(pages.total / 4);
    expect(pages.indexed).toBeLessThan(pages.total);
  });
});

describe('a ledger index changed by hand', () => {
  it('is not trusted (the whole ledger is read) until the next full reconcile builds it again', () => {
    const emu = tracker();
    const a = partnerOn(emu, { name: 'Ten now', type: 'percent' as const, rate: 10, holdDays: 0 }, 'Alpha');
    for (const value of [100, 200, 300]) wonDeal(emu, a, value);
    emu.call(OWNER, 'runCommissions');
    const page = () => {
      const methods: string[] = [];
      const stop = emu.rt.onCall((m) => methods.push(m));
      const result = emu.call<Page<Commission>>(OWNER, 'pageCommissions', { status: 'Eligible', limit: 2 });
      stop();
      return { result, indexed: !methods.includes('Sheet.getLastRow') };
    };
    const expected = expectedPage(lines(emu), { status: 'Eligible', offset: 0, limit: 2 });
    expect(expected.total).toBe(3);
    expect(page()).toEqual({ result: expected, indexed: true });
    // Someone edits the index cell: the chunk no longer adds up.
    const shadow = emu.spreadsheet.getSheetByName('_Shadow')!;
    const col =
      (
        emu.rt.uncounted(() => shadow.getRange(1, 1, 1, shadow.getMaxColumns()).getValues()[0]) as unknown[]
      ).indexOf('ledgerIndex') + 1;
    expect(col).toBeGreaterThan(0);
    emu.rt.uncounted(() => {
      const cell = shadow.getRange(2, col);
      cell.setValue(String(cell.getValue()).replace('C-000002', 'C-000009'));
    });
    expect(page()).toEqual({ result: expected, indexed: false });
    emu.call(OWNER, 'runCommissions');
    expect(page()).toEqual({ result: expected, indexed: true });
  });

  it('never serves a page from a shadow row whose seal does not check (the visible ledger is read)', () => {
    const { emu, query, expected, shadow, col } = eligibleLedger();
    // Row 3's shadow cell replaced by row 2's (sealed for row 2): same length, same digest of the index.
    emu.rt.uncounted(() => shadow.getRange(3, col).setValue(shadow.getRange(2, col).getValue()));
    const methods: string[] = [];
    const stop = emu.rt.onCall((m) => methods.push(m));
    const page = emu.call<Page<Commission>>(OWNER, 'pageCommissions', query);
    stop();
    expect(page).toEqual(expected);
    expect(methods).toContain('Sheet.getLastRow');
  });

  it('a shadow row whose content was changed under its old seal is not served (the seal check alone catches it)', () => {
    const { emu, query, expected, shadow, col } = eligibleLedger();
    // Row 2's text with its amount changed and its seal kept: the line's id, partner, lead and status
    // (what the index entry is compared with) are the same, so only the seal tells it was forged.
    const before = String(emu.rt.uncounted(() => shadow.getRange(2, col).getValue()));
    const amount = String(expected.items[0].amount);
    expect(before).toContain(`"${amount}"`);
    const forged = before.replace(`"${amount}"`, `"${amount}9"`);
    expect(forged).not.toBe(before);
    emu.rt.uncounted(() => shadow.getRange(2, col).setValue(forged));
    const page = emu.call<Page<Commission>>(OWNER, 'pageCommissions', query);
    expect(page).toEqual(expected);
    expect(page.items[0].amount).toBe(expected.items[0].amount);
  });
});
