/**
 * Issue 14 item 4: a hand edit of the hidden `_Shadow` sheet is caught by the keyed seal on each
 * shadow row (domain/audit/shadow-seal.ts) before the row is used: the visible row wins, the
 * discrepancy is audited, and the log never shows a transition that did not happen.
 */
import type { Emulator } from '../../emulator/harness';
import type { AuditVerification, Lead } from '../../src/shared/api';
import { runHourly } from '../support/emulator';
import { addPartner, callError, lead, register, rowsOf, tracker, OWNER } from './leads-fixture';

function shadowColumn(emu: Emulator, sheet: string): number {
  const headers = emu.sheets()._Shadow[0] as string[];
  const col = headers.indexOf(sheet);
  if (col < 0) throw new Error(`no shadow column for ${sheet}: ${headers.join(',')}`);
  return col + 1;
}

function withLead(): { emu: Emulator; id: string; row: number } {
  const emu = tracker();
  const partnerId = addPartner(emu, { partnerName: 'Acme' });
  const id = register(emu, { partnerId, company: 'Globex Corporation' }).id;
  const row = (emu.sheets().Leads as unknown[][]).findIndex((r) => r[0] === id) + 1;
  return { emu, id, row };
}

/** A person retypes a lead's shadow cell with another status (as the owner, who may edit _Shadow). */
function forgeStatus(emu: Emulator, row: number, status: string): string {
  const col = shadowColumn(emu, 'leads');
  const cell = String((emu.sheets()._Shadow as unknown[][])[row - 1][col - 1]);
  const forged = cell.replace(/"status":"[^"]*"/, `"status":"${status}"`);
  expect(forged).not.toBe(cell);
  const a1 = `${String.fromCharCode(64 + col)}${row}`;
  expect(emu.edit(OWNER, '_Shadow', a1, [[forged]]).ok).toBe(true);
  return forged;
}

const verify = (emu: Emulator) => emu.call<AuditVerification>(OWNER, 'verifyAuditLog');

function auditRows(emu: Emulator) {
  return rowsOf(emu, 'Audit Log');
}

describe('a hand edit of _Shadow', () => {
  it('cannot make closing a lead that was never approved legal; the visible row wins and the discrepancy is audited', () => {
    const { emu, id, row } = withLead();
    const forged = forgeStatus(emu, row, 'Approved');
    // The edit trigger records the hand edit itself, naming the cell.
    const byHand = auditRows(emu).filter((r) => r.Sheet === '_Shadow');
    expect(byHand).toEqual([
      expect.objectContaining({ Field: 'Edited by hand', 'New Value': forged, User: OWNER }),
    ]);
    // The forged "Approved" is not believed: the lead is Submitted, as its visible row says.
    expect(callError(emu, 'closeLead', id, 'won', { dealValue: 1000 })).toMatch(/Submitted/);
    expect(lead(emu, id).status).toBe('Submitted');
    // The next write that reads the row writes its shadow again from the visible row and audits it.
    const approved = emu.call<Lead>(OWNER, 'reviewLead', id, 'approve', 'Checked');
    expect(approved.status).toBe('Approved');
    const log = auditRows(emu);
    const found = log.filter((r) => r.Field === '_Shadow');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ Sheet: 'Leads', 'Record ID': id, 'Old Value': forged });
    expect(String(found[0]['New Value'])).toContain('"status":"Submitted"');
    // The log shows Submitted -> Approved (what happened), never Approved -> Won.
    const statusChanges = log.filter((r) => r.Field === 'Status' && r['Record ID'] === id);
    expect(statusChanges.map((r) => [r['Old Value'], r['New Value']])).toEqual([
      ['', 'Submitted'],
      ['Submitted', 'Approved'],
    ]);
    expect(verify(emu).ok).toBe(true);
    // The shadow checks again: a second call finds nothing to report.
    emu.call<Lead>(OWNER, 'closeLead', id, 'won', { dealValue: 1000 });
    expect(auditRows(emu).filter((r) => r.Field === '_Shadow')).toHaveLength(1);
  });

  it('a paste never takes its old values from a forged row', () => {
    const { emu, id, row } = withLead();
    const col = shadowColumn(emu, 'leads');
    const cell = String((emu.sheets()._Shadow as unknown[][])[row - 1][col - 1]);
    const forged = cell.replace('Globex Corporation', 'Evil Corp');
    emu.edit(OWNER, '_Shadow', `${String.fromCharCode(64 + col)}${row}`, [[forged]]);
    const headers = emu.sheets().Leads[0] as string[];
    const at = headers.indexOf('Company') + 1;
    const a1 = `${String.fromCharCode(64 + at)}${row}:${String.fromCharCode(65 + at)}${row}`;
    const next = (emu.sheets().Leads as unknown[][])[row - 1][at];
    expect(emu.edit(OWNER, 'Leads', a1, [['Globex Holdings', next]]).ok).toBe(true);
    const log = auditRows(emu);
    expect(log.some((r) => r['Old Value'] === 'Evil Corp')).toBe(false);
    const company = log.filter((r) => r.Field === 'Company' && r['New Value'] === 'Globex Holdings');
    expect(company).toHaveLength(1);
    const found = log.filter((r) => r.Field === '_Shadow');
    expect(found).toEqual([
      expect.objectContaining({ Sheet: 'Leads', 'Record ID': id, 'Old Value': forged }),
    ]);
    expect(verify(emu).ok).toBe(true);
    expect(lead(emu, id).company).toBe('Globex Holdings');
  });

  it("another row's sealed cell copied over a row is caught (the seal covers the sheet and row)", () => {
    const { emu, id, row } = withLead();
    const partnerId = rowsOf(emu, 'Partners')[0]['Partner ID'] as string;
    const second = register(emu, { partnerId, company: 'Initech Systems' }).id;
    emu.call(OWNER, 'reviewLead', second, 'approve');
    const col = shadowColumn(emu, 'leads');
    const shadow = emu.sheets()._Shadow as unknown[][];
    const approvedCell = String(shadow[row][col - 1]);
    expect(approvedCell).toContain('"status":"Approved"');
    const copied = approvedCell.replace(second, id).replace('Initech Systems', 'Globex Corporation');
    emu.edit(OWNER, '_Shadow', `${String.fromCharCode(64 + col)}${row}`, [[approvedCell]]);
    expect(callError(emu, 'closeLead', id, 'won', { dealValue: 10 })).toMatch(/Submitted/);
    emu.edit(OWNER, '_Shadow', `${String.fromCharCode(64 + col)}${row}`, [[copied]]);
    expect(callError(emu, 'closeLead', id, 'won', { dealValue: 10 })).toMatch(/Submitted/);
    expect(lead(emu, id).status).toBe('Submitted');
  });

  it("a partner's shadow cell cleared by hand: the visible Partners row is used, then sealed again", () => {
    const emu = tracker();
    const first = addPartner(emu, { partnerName: 'Acme' });
    const second = addPartner(emu, { partnerName: 'Bravo' });
    const col = shadowColumn(emu, 'partners');
    emu.edit(OWNER, '_Shadow', `${String.fromCharCode(64 + col)}2`, [['']]);
    expect(register(emu, { partnerId: first, company: 'Hooli Inc' }).status).toBe('Submitted');
    expect(rowsOf(emu, 'Leads').map((r) => r['Partner Name'])).toEqual(['Acme']);
    register(emu, { partnerId: second, company: 'Pied Piper' });
    expect(rowsOf(emu, 'Leads').map((r) => r['Partner Name'])).toEqual(['Acme', 'Bravo']);
    const found = auditRows(emu).filter((r) => r.Field === '_Shadow');
    expect(found).toEqual([
      expect.objectContaining({ Sheet: 'Partners', 'Record ID': first, 'Old Value': '' }),
    ]);
    expect(String((emu.sheets()._Shadow as unknown[][])[1][col - 1])).toContain('"partnerName":"Acme"');
    expect(verify(emu).ok).toBe(true);
  });

  it('the lead index retyped by hand, even to the same length, is not trusted: conflicts are still found', () => {
    const { emu, id } = withLead();
    emu.call(OWNER, 'reviewLead', id, 'approve');
    runHourly(emu);
    const col = shadowColumn(emu, 'leadIndex');
    const chunk = String((emu.sheets()._Shadow as unknown[][])[1][col - 1]);
    expect(chunk).toContain('globex');
    const edited = chunk.split('globex').join('globey');
    expect(edited.length).toBe(chunk.length);
    emu.edit(OWNER, '_Shadow', `${String.fromCharCode(64 + col)}2`, [[edited]]);
    const other = addPartner(emu, { partnerName: 'Bravo' });
    const result = register(emu, { partnerId: other, company: 'Globex Corporation' });
    expect(result.conflicts.map((c) => c.leadId)).toEqual([id]);
  });
});
