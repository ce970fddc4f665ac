/**
 * The hourly run writes a few scattered cells as range lists (sheets/scattered-cells.ts): leads that
 * expire together around one that was extended are set with one RangeList.setValue per value, with
 * no read-back of the row between and no write over it; the sheet, the audit and the shadow are what
 * the expiry makes of them.
 */
import { Runtime } from '../../emulator/runtime';
import type { AuditVerification } from '../../src/shared/api';
import { OWNER, finishDay } from '../support/emulator';
import { rangesRead, rangesWritten, type RangeRead } from '../support/ranges-read';
import { addPartner, register, rowsOf, setSetting, tracker } from './leads-fixture';
import { companyName } from '../support/company-names';

const DAY = 86_400_000;

describe('scattered cells in the hourly run', () => {
  const emu = tracker();
  const partnerId = addPartner(emu, { partnerName: 'Alpha Partners' });
  setSetting(emu, 'Protection Window Days', 20);
  const ids = Array.from(
    { length: 9 },
    (_, i) => register(emu, { partnerId, company: companyName(i), domain: `c${i}.example` }).id,
  );
  for (const id of ids) emu.call(OWNER, 'reviewLead', id, 'approve', '');
  emu.rt.advance(10 * DAY);
  emu.call(OWNER, 'extendLead', ids[4]);
  finishDay(emu);
  const rowOf = (id: string) => rowsOf(emu, 'Leads').findIndex((r) => r['Lead ID'] === id) + 2;
  const kept = rowsOf(emu, 'Leads')[rowOf(ids[4]) - 2];
  const auditFrom = rowsOf(emu, 'Audit Log').length;
  emu.rt.advance(15 * DAY);
  let reads: RangeRead[] = [];
  const stats: Array<Record<string, number>> = [];
  const writes = rangesWritten(() => {
    reads = rangesRead(() => {
      const before = emu.rt.snapshot();
      finishDay(emu);
      stats.push(Runtime.diff(before, emu.rt.snapshot()).byMethod);
    });
  });

  it('expired the eight leads and kept the extended one as it was, cell for cell', () => {
    const status = new Map(rowsOf(emu, 'Leads').map((r) => [r['Lead ID'], r.Status]));
    ids.forEach((id, i) => expect(status.get(id)).toBe(i === 4 ? 'Approved' : 'Expired'));
    expect(rowsOf(emu, 'Leads')[rowOf(ids[4]) - 2]).toEqual(kept);
  });

  it('neither read nor wrote the extended lead’s row of Leads', () => {
    const row = rowOf(ids[4]);
    const covers = (r: RangeRead) => r.sheet === 'Leads' && r.row <= row && r.row + r.rows > row;
    expect(writes.filter(covers)).toEqual([]);
    expect(reads.filter(covers)).toEqual([]);
  });

  it('set the statuses with range lists: one call per value', () => {
    // Status and Decision Note: the same value in each expired row
    expect(stats[0]['RangeList.setValue']).toBe(2);
  });

  it('audited each expired lead, and the log verifies', () => {
    const audited = new Set(
      rowsOf(emu, 'Audit Log')
        .slice(auditFrom)
        .filter((r) => r.Sheet === 'Leads' && r.Field === 'Status' && r['New Value'] === 'Expired')
        .map((r) => r['Record ID']),
    );
    expect([...audited].sort()).toEqual(ids.filter((_, i) => i !== 4).sort());
    expect(emu.call<AuditVerification>(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });
});
