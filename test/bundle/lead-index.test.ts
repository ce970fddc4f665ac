/**
 * The lead index (sheets/lead-index.ts): registerLead, review, extend and a lost close read the
 * active registrations from it instead of every lead; a missing or stale index (rows another tool
 * appended, the index cells emptied by hand, rows deleted) is noticed and the leads read whole.
 */
import type { Emulator } from '../../emulator/harness';
import { runHourly } from '../support/emulator';
import { addPartner, register, rowsOf, tracker, OWNER } from './leads-fixture';
import {
  appendByAnotherTool,
  daysLater,
  deleteIndexState,
  indexState,
  registerSeen,
  usedIndex,
} from './lead-index-fixture';
import { companyName } from '../support/company-names';

/** Cells of Leads read by one call (the index path reads a window, never the whole sheet or shadow). */
function cellsRead(emu: Emulator, fn: () => unknown): { read: number; calls: number } {
  const before = emu.rt.snapshot();
  const seen: string[] = [];
  const stop = emu.rt.onCall((m) => seen.push(m));
  fn();
  stop();
  if (process.env.TRACE) console.log(seen.join('\n'));
  const after = emu.rt.snapshot();
  return { read: after.cells.read - before.cells.read, calls: after.total - before.total };
}

function program(emu: Emulator, count: number): { alpha: string; beta: string } {
  const alpha = addPartner(emu, { partnerName: 'Alpha Partners' });
  const beta = addPartner(emu, { partnerName: 'Beta Partners' });
  for (let i = 0; i < count; i++)
    register(emu, { partnerId: i % 2 ? alpha : beta, company: companyName(i), domain: `c${i}.example` });
  return { alpha, beta };
}

describe('the lead index', () => {
  it('is built by the daily run and then serves registerLead with the same conflicts', () => {
    const emu = tracker();
    const { alpha, beta } = program(emu, 30);
    expect(indexState(emu)).toBeNull();
    runHourly(emu);
    expect(indexState(emu)).toMatchObject({ v: 3, folded: 31, last: 31, maxId: 30 });

    let result!: ReturnType<typeof register>;
    const cost = cellsRead(emu, () => {
      result = register(emu, { partnerId: alpha, company: companyName(4), domain: 'other.example' }, OWNER, {
        followUp: false,
      });
    });
    expect(result.conflicts.map((c) => c.leadId)).toEqual(['L-000005']);
    expect(result.id).toBe('L-000031');
    const same = register(emu, { partnerId: beta, company: 'Another', domain: 'c7.example' });
    expect(same.conflicts.map((c) => c.leadId)).toEqual(['L-000008']);
    // The calls of a full read (the lock, the user, the properties, two reads, the read of the Audit
    // Log's tail before the append (issue 14), the journaled step of three writes; the e-mail is the
    // sidebar's next call), and three for the earlier lead's note (its row read, its Conflict cell and
    // its shadow written), but a few hundred cells, not one per lead.
    expect(cost.calls).toBeLessThanOrEqual(13);
    expect(rowsOf(emu, 'Leads').map((r) => r['Lead ID'])).toContain('L-000032');
  });

  it('notes a later registration on the earlier lead it conflicts with, wherever that row is', () => {
    const emu = tracker();
    const { alpha } = program(emu, 40);
    runHourly(emu); // every row folded into the index: none is read by a registration's window
    const conflict = (id: string) => rowsOf(emu, 'Leads').find((l) => l['Lead ID'] === id)!.Conflict;
    const quiet = cellsRead(emu, () => registerSeen(emu, { partnerId: alpha, company: 'Nobody Else' }));
    let seen!: ReturnType<typeof registerSeen>;
    const noted = cellsRead(emu, () => {
      seen = registerSeen(emu, { partnerId: alpha, company: 'Another', domain: 'c4.example' });
    });
    expect(seen).toMatchObject({ usedIndex: true, conflicts: ['L-000005'] });
    expect(conflict('L-000005')).toBe(
      `later registration ${seen.id} by Alpha Partners is for the same company`,
    );
    // The earlier lead's row read, its Conflict cell and its shadow cell written: three calls more.
    expect(noted.calls).toBe(quiet.calls + 3);
    // Two earlier leads far apart, and one this call does not read twice: each noted once.
    const two = registerSeen(emu, { partnerId: alpha, company: companyName(6), domain: 'c36.example' });
    expect(two.conflicts.sort()).toEqual(['L-000007', 'L-000037']);
    for (const id of two.conflicts)
      expect(conflict(id)).toContain(`later registration ${two.id} by Alpha Partners`);
  });

  it("serves review, extend and a lost close by reading the lead's row, not every lead", () => {
    const emu = tracker();
    const { beta } = program(emu, 12); // odd leads' numbers (L-000002, L-000004, ...) are Alpha's
    runHourly(emu);
    expect(usedIndex(emu, () => emu.call(OWNER, 'reviewLead', 'L-000004', 'approve', 'ok'))).toBe(true);
    expect(usedIndex(emu, () => emu.call(OWNER, 'extendLead', 'L-000004'))).toBe(true);
    expect(usedIndex(emu, () => emu.call(OWNER, 'reviewLead', 'L-000006', 'approve', ''))).toBe(true);
    expect(
      usedIndex(emu, () => emu.call(OWNER, 'closeLead', 'L-000006', 'lost', { reason: 'No budget' })),
    ).toBe(true);
    const leads = rowsOf(emu, 'Leads');
    expect(leads.find((l) => l['Lead ID'] === 'L-000004')).toMatchObject({
      Status: 'Approved',
      'Decided By': OWNER,
    });
    expect(leads.find((l) => l['Lead ID'] === 'L-000006')).toMatchObject({ Status: 'Lost' });
    // A lead the index does not hold (closed) is read the usual way, with the usual refusal.
    const again = emu.measure(() => emu.call(OWNER, 'reviewLead', 'L-000006', 'approve', ''));
    expect(again.ok).toBe(false);
    expect(again.error).toContain('L-000006');
    // The lost lead no longer blocks; the approved one does.
    expect(register(emu, { partnerId: beta, company: companyName(5) }).conflicts).toEqual([]);
    expect(
      register(emu, { partnerId: beta, company: companyName(3) }).conflicts.map((c) => c.leadId),
    ).toEqual(['L-000004']);
  });

  it('notices rows another tool appended: their conflicts count and ids continue after them', () => {
    const emu = tracker();
    const { alpha, beta } = program(emu, 6);
    runHourly(emu);
    appendByAnotherTool(emu, {
      'Lead ID': 'L-000500',
      'Partner ID': alpha,
      Company: 'Foreign Widgets',
      Domain: 'foreign.example',
      Status: 'Submitted',
    });
    expect(
      registerSeen(emu, { partnerId: beta, company: 'Foreign Widgetz', domain: 'other.example' }),
    ).toEqual({ usedIndex: true, conflicts: ['L-000500'], id: 'L-000501' });
    // More rows than the window sees past the last one the tracker wrote: the leads are read whole.
    for (let i = 0; i < 25; i++)
      appendByAnotherTool(emu, {
        'Lead ID': `L-000${600 + i}`,
        'Partner ID': alpha,
        Company: `Bulk ${i}`,
        Status: 'Rejected',
      });
    appendByAnotherTool(emu, {
      'Lead ID': 'L-000700',
      'Partner ID': alpha,
      Company: 'Late Arrival',
      Status: 'Approved',
    });
    expect(registerSeen(emu, { partnerId: beta, company: 'Late Arrival' })).toEqual({
      usedIndex: false,
      conflicts: ['L-000700'],
      id: 'L-000701',
    });
  });

  it('is not trusted when its cells were emptied by hand or its state deleted, and is rebuilt', () => {
    const emu = tracker();
    const { beta } = program(emu, 8);
    runHourly(emu);
    const state = indexState(emu)!;
    emu.rt.uncounted(() =>
      emu.spreadsheet.getSheetByName('_Shadow')!.getRange(2, 8, Number(state.chunks), 1).clearContent(),
    );
    expect(registerSeen(emu, { partnerId: beta, company: companyName(3) })).toMatchObject({
      usedIndex: false,
      conflicts: ['L-000004'],
    });
    // The next day's run builds it again from the shadow; registrations use it again.
    daysLater(emu);
    expect(
      usedIndex(emu, () =>
        register(emu, { partnerId: beta, company: 'Nothing Alike Co' }, OWNER, { followUp: false }),
      ),
    ).toBe(true);

    deleteIndexState(emu);
    expect(registerSeen(emu, { partnerId: beta, company: companyName(5) })).toMatchObject({
      usedIndex: false,
      conflicts: ['L-000006'],
    });
    daysLater(emu);
    expect(indexState(emu)).toMatchObject({ v: 3 });
    expect(
      usedIndex(emu, () =>
        register(emu, { partnerId: beta, company: 'Fresh Start Ltd' }, OWNER, { followUp: false }),
      ),
    ).toBe(true);
  });

  it('stays trusted through a day of scattered expiries (rows written back between them are no change)', () => {
    const emu = tracker();
    const { alpha, beta } = program(emu, 12);
    // Alpha's leads (even numbers) approved and extended: Beta's expire first, every other row.
    for (let n = 2; n <= 12; n += 2) {
      const id = `L-${String(n).padStart(6, '0')}`;
      emu.call(OWNER, 'reviewLead', id, 'approve', '');
      emu.call(OWNER, 'extendLead', id);
    }
    runHourly(emu);
    emu.rt.advance(95 * 86_400_000);
    runHourly(emu);
    const leads = rowsOf(emu, 'Leads');
    expect(leads.filter((l) => l.Status === 'Expired').map((l) => l['Lead ID'])).toEqual([
      'L-000001',
      'L-000003',
      'L-000005',
      'L-000007',
      'L-000009',
      'L-000011',
    ]);
    expect(indexState(emu)?.stale).toBeUndefined();
    expect(registerSeen(emu, { partnerId: beta, company: companyName(3) })).toMatchObject({
      usedIndex: true,
      conflicts: ['L-000004'],
    });
    // An expired lead no longer blocks.
    expect(register(emu, { partnerId: alpha, company: companyName(2) }).conflicts).toEqual([]);
  });

  it('is stale after rows are deleted until the daily run rebuilds it', () => {
    const emu = tracker();
    const { beta } = program(emu, 8);
    runHourly(emu);
    const outcome = emu.deleteRows(OWNER, 'Leads', 3, 2);
    expect(outcome.ok).toBe(true);
    expect(indexState(emu)).toMatchObject({ stale: 1 });
    expect(registerSeen(emu, { partnerId: beta, company: companyName(5) })).toMatchObject({
      usedIndex: false,
      conflicts: ['L-000006'],
    });
    daysLater(emu);
    expect(indexState(emu)?.stale).toBeUndefined();
    expect(registerSeen(emu, { partnerId: beta, company: companyName(7) })).toMatchObject({
      usedIndex: true,
      conflicts: ['L-000008'],
    });
  });
});
