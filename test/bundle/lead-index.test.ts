/**
 * The lead index (sheets/lead-index.ts): registerLead, review, extend and a lost close read the
 * active registrations from it instead of every lead; a missing or stale index (rows another tool
 * appended, the index cells emptied by hand, rows deleted) is noticed and the leads read whole.
 */
import type { Emulator } from '../../emulator/harness';
import { runHourly } from '../support/emulator';
import { addPartner, register, rowsOf, tracker, OWNER } from './leads-fixture';

const INDEX_PROPERTY = 'tracker.leadIndex';

function indexState(emu: Emulator): Record<string, unknown> | null {
  const text = emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty(INDEX_PROPERTY),
  );
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

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

/** A name far from every other one (8 letters from a seeded generator). */
function companyName(i: number): string {
  let x = (i + 1) * 2654435761;
  let name = '';
  for (let k = 0; k < 8; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    name += String.fromCharCode(97 + (x % 26));
  }
  return `${name[0].toUpperCase()}${name.slice(1)} Holdings`;
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
    expect(indexState(emu)).toMatchObject({ v: 1, folded: 31, last: 31, maxId: 30 });

    let result!: ReturnType<typeof register>;
    const cost = cellsRead(emu, () => {
      result = register(emu, { partnerId: alpha, company: companyName(4), domain: 'other.example' });
    });
    expect(result.conflicts.map((c) => c.leadId)).toEqual(['L-000005']);
    expect(result.id).toBe('L-000031');
    const same = register(emu, { partnerId: beta, company: 'Another', domain: 'c7.example' });
    expect(same.conflicts.map((c) => c.leadId)).toEqual(['L-000008']);
    // The same calls as a full read (the lock, the user, the properties, two reads, the journaled
    // step of three writes, the e-mail), but a few hundred cells, not one per lead.
    expect(cost.calls).toBeLessThanOrEqual(11);
    expect(rowsOf(emu, 'Leads').map((r) => r['Lead ID'])).toContain('L-000032');
  });
});
