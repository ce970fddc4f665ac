/**
 * Ids are the tracker's, even for the owner (issue 21): the owner typing over a Lead ID (L-000001 ->
 * L-999999) sees it put back with a note on the cell, and the next lead is L-000002, not L-1000000.
 * A Partner ID typed over on Partners is put back the same way.
 */
import { OWNER, addPartner, cellInfo, register, rowsOf, tracker } from './leads-fixture';

function edit(emu: ReturnType<typeof tracker>, as: string, sheet: string, a1: string, value: unknown) {
  const outcome = emu.edit(as, sheet, a1, [[value]]);
  if (!outcome.ok) throw new Error(`edit refused: ${outcome.reason}`);
  for (const fired of outcome.fired) if (!fired.ok) throw new Error(`${fired.handler}: ${fired.error}`);
}

describe('typed ids', () => {
  it("puts the owner's typed Lead ID back, with a note, and keeps the sequence", () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    expect(register(emu, { partnerId: beta, company: 'Acme Inc' }).id).toBe('L-000001');
    edit(emu, OWNER, 'Leads', 'A2', 'L-999999');
    const [row] = rowsOf(emu, 'Leads');
    expect(row['Lead ID']).toBe('L-000001');
    expect(cellInfo(emu, 'Leads', 'A2').notes[0][0]).toBe(
      'Lead ID is filled by the tracker and cannot be edited by hand: put back to L-000001.',
    );
    expect(register(emu, { partnerId: beta, company: 'Globex' }).id).toBe('L-000002');
    const audit = rowsOf(emu, 'Audit Log').filter((r) => r.Field === 'Lead ID' && r.Source !== 'sidebar');
    expect(audit.map((r) => [r.Source, r['New Value']])).toEqual([
      ['edit', 'L-999999'],
      ['trigger', 'L-000001'],
    ]);
  });

  it('puts a typed Partner ID back on Partners', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    edit(emu, OWNER, 'Partners', 'A2', 'P-0099');
    expect(rowsOf(emu, 'Partners')[0]['Partner ID']).toBe(beta);
    expect(cellInfo(emu, 'Partners', 'A2').notes[0][0]).toMatch(/^Partner ID is filled by the tracker/);
  });
});
