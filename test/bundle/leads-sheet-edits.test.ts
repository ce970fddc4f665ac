/** A person editing Status or Deal Value in the Leads sheet goes through the lead rules. */
import { TEAMMATE } from '../support/emulator';
import {
  OWNER,
  addPartner,
  addToSettingsList,
  cellInfo,
  lead,
  leadCell,
  register,
  rowsOf,
  tracker,
} from './leads-fixture';

function withApprovedLead() {
  const emu = tracker();
  // Status and Deal Value are what the ledger is computed from: only the owner and the Team edit them
  addToSettingsList(emu, 'Team', TEAMMATE);
  const beta = addPartner(emu, { partnerName: 'Beta Partners' });
  const { id } = register(emu, { partnerId: beta, company: 'Acme Inc' });
  emu.call(OWNER, 'reviewLead', id, 'approve');
  return { emu, id };
}

function editCell(emu: ReturnType<typeof tracker>, id: string, header: string, value: unknown, as = OWNER) {
  const a1 = leadCell(emu, id, header);
  const outcome = emu.edit(as, 'Leads', a1, [[value]]);
  expect(outcome.ok).toBe(true);
  expect(outcome.fired.filter((f) => !f.ok)).toEqual([]);
  return a1;
}

describe("a person's Status edit in the Leads sheet", () => {
  it('an illegal change is put back, with a note on the cell saying why', () => {
    const { emu } = withApprovedLead();
    const beta = rowsOf(emu, 'Leads')[0]['Partner ID'] as string;
    const { id } = register(emu, { partnerId: beta, company: 'Initech' });
    const a1 = editCell(emu, id, 'Status', 'Won');
    expect(lead(emu, id).status).toBe('Submitted');
    expect(cellInfo(emu, 'Leads', a1).notes[0][0]).toBe(
      'Status cannot go from Submitted to Won: put back to Submitted.',
    );
    const audit = rowsOf(emu, 'Audit Log').filter((r) => r.Cell === a1 && r.Field === 'Status');
    expect(audit.map((r) => [r.Source, r['Old Value'], r['New Value']])).toEqual([
      ['sidebar', '', 'Submitted'],
      ['edit', 'Submitted', 'Won'],
      ['trigger', 'Won', 'Submitted'],
    ]);
  });

  it('Won without a Deal Value is put back and says to fill Deal Value first', () => {
    const { emu, id } = withApprovedLead();
    const a1 = editCell(emu, id, 'Status', 'Won');
    expect(lead(emu, id).status).toBe('Approved');
    expect(cellInfo(emu, 'Leads', a1).notes[0][0]).toBe(
      'Won needs a Deal Value: fill in Deal Value, then set Status to Won: put back to Approved.',
    );
  });

  it('Won with a Deal Value stands: Closed On is set, Decided By is the editor, the note is cleared', () => {
    const { emu, id } = withApprovedLead();
    const statusCell = editCell(emu, id, 'Status', 'Won');
    editCell(emu, id, 'Deal Value', 25000);
    editCell(emu, id, 'Status', 'Won', TEAMMATE);
    expect(lead(emu, id)).toMatchObject({
      status: 'Won',
      dealValue: 25000,
      closedOn: '2026-03-02',
      decidedBy: TEAMMATE,
    });
    expect(cellInfo(emu, 'Leads', statusCell).notes[0][0]).toBe('');
  });

  it('a Deal Value that is not an amount is put back with a note; a Won lead keeps its Deal Value', () => {
    const { emu, id } = withApprovedLead();
    emu.call(OWNER, 'closeLead', id, 'won', { dealValue: 900 });
    const a1 = editCell(emu, id, 'Deal Value', '12.345');
    expect(lead(emu, id).dealValue).toBe(900);
    expect(cellInfo(emu, 'Leads', a1).notes[0][0]).toMatch(
      /^Deal Value '12.345' is not an amount in USD.*put back to 900\.$/,
    );
    editCell(emu, id, 'Deal Value', '');
    expect(lead(emu, id).dealValue).toBe(900);
    expect(cellInfo(emu, 'Leads', a1).notes[0][0]).toBe('A Won lead needs a Deal Value: put back to 900.');
  });

  it('Won -> Lost in the sheet is allowed (a refund) and sets nothing else away', () => {
    const { emu, id } = withApprovedLead();
    emu.call(OWNER, 'closeLead', id, 'won', { dealValue: 900, closedOn: '2026-03-01' });
    editCell(emu, id, 'Status', 'Lost');
    expect(lead(emu, id)).toMatchObject({ status: 'Lost', dealValue: 900, closedOn: '2026-03-01' });
  });

  it('a pasted block is checked row by row', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    register(emu, { partnerId: beta, company: 'One Co' });
    register(emu, { partnerId: beta, company: 'Two Co' });
    const first = leadCell(emu, 'L-000001', 'Status');
    const col = first.replace(/\d+$/, '');
    expect(emu.edit(OWNER, 'Leads', `${first}:${col}3`, [['Approved'], ['Lost']]).ok).toBe(true);
    expect([lead(emu, 'L-000001').status, lead(emu, 'L-000002').status]).toEqual(['Approved', 'Submitted']);
    expect(cellInfo(emu, 'Leads', `${first}:${col}3`).notes).toEqual([
      [''],
      ['Status cannot go from Submitted to Lost: put back to Submitted.'],
    ]);
  });
});
