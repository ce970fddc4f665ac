/**
 * Property: on random programs (registrations, reviews, lost closes, extensions, a person's edits of
 * Company, Domain and Status, rows another tool appends or a person deletes, days passing with the
 * daily run), every registration's outcome (its conflicts, or its refusal as a duplicate) through the
 * lead index equals the conflict rule applied to a full scan of Leads (domain/leads findConflicts
 * over every lead the sheet holds).
 */
import fc from 'fast-check';
import type { Emulator } from '../../emulator/harness';
import {
  buildLeadIndex,
  companyDomainOf,
  duplicateMessage,
  earlierLeadIds,
  findConflicts,
  withLaterRegistration,
} from '../../src/domain/leads';
import type { Lead, Page, Partner } from '../../src/shared/api';
import { runHourly } from '../support/emulator';
import { addPartner, leadCell, tracker, OWNER } from './leads-fixture';
import { appendByAnotherTool, daysLater } from './lead-index-fixture';
import { NEAR_COMPANIES, NEAR_DOMAINS } from '../support/near-names';

const COMPANIES = NEAR_COMPANIES;
const DOMAINS = NEAR_DOMAINS;

type Op =
  | { k: 'register'; partner: number; company: number; domain: number }
  | { k: 'review'; lead: number; approve: boolean }
  | { k: 'lose'; lead: number }
  | { k: 'extend'; lead: number }
  | { k: 'edit'; lead: number; field: 'Company' | 'Domain' | 'Status'; value: number }
  | { k: 'append'; partner: number; company: number; domain: number }
  | { k: 'delete'; lead: number }
  | { k: 'day'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('register' as const),
      partner: fc.nat(2),
      company: fc.nat(COMPANIES.length - 1),
      domain: fc.nat(DOMAINS.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('review' as const), lead: fc.nat(30), approve: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('lose' as const), lead: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('extend' as const), lead: fc.nat(30) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('edit' as const),
      lead: fc.nat(30),
      field: fc.constantFrom('Company' as const, 'Domain' as const, 'Status' as const),
      value: fc.nat(6),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('append' as const),
      partner: fc.nat(2),
      company: fc.nat(COMPANIES.length - 1),
      domain: fc.nat(DOMAINS.length - 1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delete' as const), lead: fc.nat(30) }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('day' as const), days: fc.integer({ min: 1, max: 60 }) }),
  },
);

const STATUSES = ['Submitted', 'Approved', 'Rejected', 'Won', 'Lost', 'Expired', 'Approved'];

function leads(emu: Emulator): Lead[] {
  return emu.call<Lead[]>(OWNER, 'listLeads');
}

function today(emu: Emulator): string {
  return new Date(emu.rt.now()).toISOString().slice(0, 10);
}

/**
 * What pageLeads must give, from a full scan: the tab's status, the partner, every search word in
 * the id, company, company domain or partner; the queue with conflicts first, then oldest, then id.
 */
function expectedPage(all: Lead[], tab: 'queue' | 'approved', search: string, partnerId: string): string[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const status = tab === 'queue' ? 'Submitted' : 'Approved';
  const chosen = all.filter((l) => {
    const text = [l.id, l.company, companyDomainOf(l) ?? '', l.partnerName, l.partnerId]
      .join(' ')
      .toLowerCase();
    return (
      l.status === status && (!partnerId || l.partnerId === partnerId) && words.every((w) => text.includes(w))
    );
  });
  if (tab === 'queue')
    chosen.sort(
      (a, b) =>
        Number(b.conflict.trim() !== '') - Number(a.conflict.trim() !== '') ||
        a.registeredOn.localeCompare(b.registeredOn) ||
        a.id.localeCompare(b.id),
    );
  return chosen.map((l) => l.id);
}

/** Every page of a query (3 a page), each checked against the whole leads it lists. */
function allPages(emu: Emulator, all: Lead[], query: Record<string, unknown>): string[] {
  const ids: string[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page: Page<Lead> = emu.call<Page<Lead>>(OWNER, 'pageLeads', { ...query, offset, limit: 3 });
    // (Another tool may append a row with an id the tracker gives again: any lead of that id.)
    for (const item of page.items) expect(all.filter((l) => l.id === item.id)).toContainEqual(item);
    ids.push(...page.items.map((l) => l.id));
    expect(page.items.length).toBeLessThanOrEqual(3);
    offset = page.nextOffset;
    if (offset === null) expect(ids).toHaveLength(page.total);
  }
  return ids;
}

function attempt(emu: Emulator, fn: () => unknown): void {
  const outcome = emu.measure(fn);
  if (!outcome.ok && !/UserError|not|cannot|already|only|must|extended|window/i.test(outcome.error ?? ''))
    throw new Error(outcome.error);
}

describe('the lead index against a full scan', () => {
  it('gives every registration the outcome the conflict rule gives over every lead', () => {
    const registrations = { total: 0, indexed: 0 };
    const notes = { checked: 0 };
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 22 }), (ops) => {
        const emu = tracker();
        const partners = ['Alpha Partners', 'Beta Partners', 'Gamma Partners'].map((name) =>
          addPartner(emu, { partnerName: name }),
        );
        // Every daily run folds what changed into the chunks (the pending entries are exercised).
        emu.rt.uncounted(() =>
          (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
            .getDocumentProperties()
            .setProperty('tracker.leadIndexLimits', JSON.stringify({ chars: 1, rows: 1 })),
        );
        runHourly(emu); // builds the (empty) index
        let appended = 900;
        for (const o of ops) {
          const all = leads(emu);
          const pick = (n: number) => (all.length ? all[n % all.length] : null);
          if (o.k === 'register') {
            const candidate = { company: COMPANIES[o.company], domain: DOMAINS[o.domain] };
            const partnerId = partners[o.partner];
            const expected = findConflicts({
              candidate,
              partnerId,
              index: buildLeadIndex(all),
              partners: emu.call<Partner[]>(OWNER, 'listPartners'),
              houseAccounts: [],
              today: today(emu),
            });
            const methods: string[] = [];
            const stop = emu.rt.onCall((m) => methods.push(m));
            const outcome = emu.measure(() =>
              emu.call<{ conflicts: Array<{ reason: string }> }>(OWNER, 'registerLead', {
                partnerId,
                ...candidate,
              }),
            );
            stop();
            // The full read guards Leads with getLastRow; the index path reads a window instead.
            registrations.total++;
            if (!methods.includes('Sheet.getLastRow')) registrations.indexed++;
            if (expected.duplicate) {
              expect(outcome.ok).toBe(false);
              expect(outcome.error).toContain(duplicateMessage(expected.duplicate));
            } else {
              if (!outcome.ok) throw new Error(outcome.error);
              expect(outcome.result!.conflicts.map((c) => c.reason)).toEqual(
                expected.conflicts.map((c) => c.reason),
              );
              // Both sides show the overlap: each earlier lead's Conflict notes this registration,
              // wherever its row is (read through the index, or not read until the note is owed).
              const after = leads(emu);
              const id = (outcome.result as unknown as { id: string }).id;
              const name = ['Alpha Partners', 'Beta Partners', 'Gamma Partners'][o.partner];
              for (const earlier of earlierLeadIds(expected.conflicts)) {
                const before = all.filter((l) => l.id === earlier);
                if (before.length !== 1) continue; // an id another tool's row repeats
                expect(after.find((l) => l.id === earlier)!.conflict).toBe(
                  withLaterRegistration(before[0].conflict, id, name),
                );
                notes.checked++;
              }
            }
          } else if (o.k === 'review' && pick(o.lead)) {
            attempt(emu, () =>
              emu.call(OWNER, 'reviewLead', pick(o.lead)!.id, o.approve ? 'approve' : 'reject', ''),
            );
          } else if (o.k === 'lose' && pick(o.lead)) {
            attempt(emu, () =>
              emu.call(OWNER, 'closeLead', pick(o.lead)!.id, 'lost', { reason: 'No budget' }),
            );
          } else if (o.k === 'extend' && pick(o.lead)) {
            attempt(emu, () => emu.call(OWNER, 'extendLead', pick(o.lead)!.id));
          } else if (o.k === 'edit' && pick(o.lead)) {
            const lead = pick(o.lead)!;
            const value =
              o.field === 'Company'
                ? COMPANIES[o.value % COMPANIES.length]
                : o.field === 'Domain'
                  ? DOMAINS[o.value % DOMAINS.length]
                  : STATUSES[o.value % STATUSES.length];
            emu.edit(OWNER, 'Leads', leadCell(emu, lead.id, o.field), [[value]]);
          } else if (o.k === 'append') {
            appendByAnotherTool(emu, {
              'Lead ID': `L-000${appended++}`,
              'Partner ID': partners[o.partner],
              Company: COMPANIES[o.company],
              Domain: DOMAINS[o.domain],
              Status: 'Submitted',
            });
          } else if (o.k === 'delete' && pick(o.lead)) {
            const cell = leadCell(emu, pick(o.lead)!.id, 'Lead ID');
            const row = Number(cell.slice(1));
            emu.deleteRows(OWNER, 'Leads', row, 1);
          } else if (o.k === 'day') {
            daysLater(emu, o.days);
          }
        }
        // Review leads' pages (through the index when it serves) list what a full scan lists.
        const all = leads(emu);
        for (const tab of ['queue', 'approved'] as const)
          for (const search of ['', 'globex', 'initech.example', 'acme l-0'])
            for (const partnerId of ['', partners[1]])
              expect(allPages(emu, all, { tab, search, partnerId })).toEqual(
                expectedPage(all, tab, search, partnerId),
              );
      }),
      { numRuns: Number(process.env.LEAD_INDEX_RUNS ?? 20), seed: 19 },
    );
    // Most registrations went through the index (the others: after rows were deleted, until the
    // daily run rebuilt it).
    expect(registrations.indexed).toBeGreaterThan(registrations.total / 2);
    expect(notes.checked).toBeGreaterThan(0);
  });
});
