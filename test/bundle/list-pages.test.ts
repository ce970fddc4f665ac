/**
 * The sidebar's lists paged and searched on the server (issue 19): pageLeads chooses Review leads'
 * page from the lead index and reads only its rows (the same page as from a full read of Leads),
 * pagePartners and pageCommissions page what they read; a bad offset, limit or tab is refused
 * naming it.
 */
import type { Emulator } from '../../emulator/harness';
import type { Lead, Page, Partner } from '../../src/shared/api';
import { runHourly } from '../support/emulator';
import { addPartner, callError, register, tracker, OWNER } from './leads-fixture';
import { companyName } from '../support/company-names';

function pageOf<T>(emu: Emulator, fn: string, query: Record<string, unknown>): Page<T> {
  return emu.call<Page<T>>(OWNER, fn, query);
}

/** Every page of a query, concatenated (checking each page's size and total). */
function all<T extends { id: string }>(emu: Emulator, fn: string, query: Record<string, unknown>): string[] {
  const ids: string[] = [];
  let offset: number | null = 0;
  let total = -1;
  while (offset !== null) {
    const page: Page<T> = pageOf<T>(emu, fn, { ...query, offset });
    expect(page.items.length).toBeLessThanOrEqual(Number(query.limit ?? 50));
    if (total >= 0) expect(page.total).toBe(total);
    total = page.total;
    ids.push(...page.items.map((item) => item.id));
    offset = page.nextOffset;
  }
  expect(ids).toHaveLength(total);
  return ids;
}

function cost(emu: Emulator, fn: () => unknown): { read: number; methods: string[] } {
  const before = emu.rt.snapshot();
  const methods: string[] = [];
  const stop = emu.rt.onCall((m) => methods.push(m));
  fn();
  stop();
  return { read: emu.rt.snapshot().cells.read - before.cells.read, methods };
}

const QUERIES: Array<Record<string, unknown>> = [
  { tab: 'queue', limit: 7 },
  { tab: 'approved', limit: 4 },
  { tab: 'queue', search: 'holdings', limit: 5 },
  { tab: 'queue', search: 'c1', limit: 3 },
  { tab: 'approved', search: 'beta', limit: 2 },
  { tab: 'queue', search: 'nothing-like-this' },
];

describe('sidebar lists paged on the server', () => {
  let emu: Emulator;
  let beta: string;
  beforeAll(() => {
    emu = tracker();
    const alpha = addPartner(emu, { partnerName: 'Alpha Partners' });
    beta = addPartner(emu, { partnerName: 'Beta Partners' });
    for (let i = 0; i < 40; i++) {
      emu.rt.advance(86_400_000 / 4);
      register(emu, {
        partnerId: i % 2 ? alpha : beta,
        company: companyName(i),
        domain: `c${i}.example`,
      });
    }
    // Two partners registering one domain: both leads carry a conflict (the queue shows them first).
    register(emu, { partnerId: beta, company: 'Overlap Ltd', domain: 'c3.example' });
    for (const n of [2, 5, 8, 11, 14, 17, 20, 23])
      emu.call(OWNER, 'reviewLead', `L-${String(n).padStart(6, '0')}`, 'approve', '');
  });

  it('gives the same pages through the lead index as from a full read, reading only their rows', () => {
    const whole = QUERIES.map((q) => all<Lead>(emu, 'pageLeads', q));
    const queue = emu.call<Lead[]>(OWNER, 'listLeads', { queue: true });
    expect(whole[0]).toEqual(queue.map((l) => l.id));
    expect(whole[1]).toEqual(emu.call<Lead[]>(OWNER, 'listLeads', { status: 'Approved' }).map((l) => l.id));
    expect(whole[0].slice(0, 2).sort()).toEqual(['L-000004', 'L-000041']);
    expect(whole[5]).toEqual([]);

    runHourly(emu); // builds the lead index
    for (const [i, q] of QUERIES.entries()) {
      let ids: string[] = [];
      const spent = cost(emu, () => (ids = all<Lead>(emu, 'pageLeads', q)));
      expect(ids).toEqual(whole[i]);
      // The index path: no guard of Leads' last row (the full read's); its cost at scale is the bench's.
      expect(spent.methods).not.toContain('Sheet.getLastRow');
      expect(spent.read).toBeGreaterThan(0);
    }
    // listLeads of a tab, a page long, is chosen the same way (the bench's review queue of 200).
    let limited: Lead[] = [];
    expect(
      cost(emu, () => (limited = emu.call<Lead[]>(OWNER, 'listLeads', { queue: true, limit: 5 }))).methods,
    ).not.toContain('Sheet.getLastRow');
    expect(limited).toEqual(queue.slice(0, 5));
    expect(emu.call<Lead[]>(OWNER, 'listLeads', { status: 'Approved', limit: 3 }).map((l) => l.id)).toEqual(
      whole[1].slice(0, 3),
    );
    // A page's items are the leads themselves (getLead gives the same).
    const first = pageOf<Lead>(emu, 'pageLeads', { tab: 'approved', limit: 1 }).items[0];
    expect(first).toEqual(emu.call<Lead>(OWNER, 'getLead', first.id));
    // Filtered by partner.
    const betas = all<Lead>(emu, 'pageLeads', { tab: 'queue', partnerId: beta, limit: 9 });
    expect(betas.length).toBeGreaterThan(0);
    expect(betas.every((id) => emu.call<Lead>(OWNER, 'getLead', id).partnerId === beta)).toBe(true);
  });

  it('refuses a bad offset, limit or tab naming it', () => {
    expect(callError(emu, 'pageLeads', { offset: -1 })).toMatch(/Offset must be a whole number/);
    expect(callError(emu, 'pageLeads', { limit: 0 })).toMatch(/Limit must be a whole number from 1 to 200/);
    expect(callError(emu, 'pageLeads', { limit: 201 })).toMatch(/Limit/);
    expect(callError(emu, 'pageLeads', { tab: 'won' })).toMatch(/Tab must be one of queue, approved/);
    expect(callError(emu, 'pagePartners', { offset: 1.5 })).toMatch(/Offset/);
    expect(callError(emu, 'pageCommissions', { limit: 'ten' })).toMatch(/Limit/);
  });

  it('pages and searches partners and commissions', () => {
    for (let i = 0; i < 6; i++) addPartner(emu, { partnerName: `Gamma Resellers ${i}` });
    const listed = emu.call<Partner[]>(OWNER, 'listPartners', {}).map((p) => p.id);
    expect(all<Partner>(emu, 'pagePartners', { limit: 3 })).toEqual(listed);
    const gammas = all<Partner>(emu, 'pagePartners', { search: 'gamma', limit: 4 });
    expect(gammas).toEqual(emu.call<Partner[]>(OWNER, 'listPartners', { search: 'gamma' }).map((p) => p.id));
    expect(gammas).toHaveLength(6);
    expect(pageOf(emu, 'pageCommissions', {})).toEqual({ items: [], total: 0, nextOffset: null });
  });
});
