/**
 * Each partner's own view-only spreadsheet, kept by the hourly run through the bundle: made by the
 * owner's trigger, holding only that partner's rows, shared as viewer (no Drive e-mail, copying
 * disabled), rewritten only when its content changed, emptied and unshared when the partner is
 * Terminated or a contact changes, made over several days when the creation quota is short.
 */
import type { Emulator } from '../../emulator/harness';
import type { DriveFileRecord } from '../../emulator/runtime';
import { dumpSheets, type EmuSpreadsheet } from '../../emulator/spreadsheet';
import { approvedLead, wonDeal, partnerOn, tracker, OWNER } from './commissions-fixture';
import { runHourly, settleDay, TEAMMATE } from '../support/emulator';
import type { PlanInput } from '../../src/shared/api';

const PLAN: PlanInput = { name: 'Std', type: 'percent', rate: 10, currency: 'USD' };

function viewFiles(emu: Emulator): DriveFileRecord[] {
  return emu.rt.createdFiles().filter((f) => f.appProperties?.ptPartner);
}
function fileOf(emu: Emulator, partnerId: string): DriveFileRecord | undefined {
  return viewFiles(emu).find(
    (f) => f.appProperties?.ptPartner === partnerId && !f.trashed && f.viewers.size > 0,
  );
}
function cells(file: DriveFileRecord): Record<string, unknown[][]> {
  return dumpSheets(file.content as EmuSpreadsheet);
}
function setCell(emu: Emulator, sheet: string, header: string, id: string, value: unknown): void {
  const rows = emu.sheets()[sheet];
  const col = rows[0].indexOf(header);
  const row = rows.findIndex((r) => r[0] === id) + 1;
  const outcome = emu.edit(OWNER, sheet, `${String.fromCharCode(65 + col)}${row}`, [[value]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}
const refresh = (emu: Emulator) => emu.call(OWNER, 'refreshPartnerViews');

describe('partner views', () => {
  it('makes one view per partner holding only its rows, shared as viewer without an e-mail', () => {
    const emu = tracker();
    const a = partnerOn(emu, PLAN, 'Alpha Resellers');
    const b = partnerOn(emu, 'Std', 'Beta Agency');
    const la = wonDeal(emu, a, 12000);
    const lb = approvedLead(emu, b);
    emu.call(OWNER, 'runCommissions');
    const shares = emu.services.state.shares.length;
    const views = settleDay(emu).hourly.filter((j) => j.name === 'partner views');
    expect(views[0]?.result).toMatchObject({ created: 2, written: 2, shared: 2 });
    const fa = fileOf(emu, a)!;
    expect(fa).toMatchObject({ owner: OWNER, copyRequiresWriterPermission: true });
    expect(fa.name).toMatch(/ - Alpha Resellers$/);
    expect([...fa.viewers]).toEqual(['alpha.resellers@partner.test']);
    expect([...fa.editors]).toEqual([]);
    expect(emu.services.state.shares.length).toBe(shares);
    const sheets = cells(fa);
    expect(Object.keys(sheets)).toEqual(['Summary', 'My leads', 'My commissions', 'My payouts']);
    expect(sheets['My leads'].map((r) => r[0])).toEqual(['Lead ID', la]);
    expect(sheets['My leads'][1]).toEqual(expect.arrayContaining(['Won', 12000, 'USD']));
    expect(sheets['My commissions'][1]).toEqual(expect.arrayContaining([la, 'Commission', 1200, 'USD']));
    expect(JSON.stringify(sheets)).not.toMatch(new RegExp(`${b}|${lb}|Beta`));
    expect(JSON.stringify(cells(fileOf(emu, b)!))).not.toMatch(new RegExp(`${a}|${la}|Alpha`));
  });

  it('does nothing on an hour when nothing changed, and rewrites only the partner whose rows changed', () => {
    const emu = tracker();
    const a = partnerOn(emu, PLAN, 'Alpha');
    const b = partnerOn(emu, 'Std', 'Beta');
    approvedLead(emu, a);
    settleDay(emu); // the day's jobs, the Dashboard's refresh in a run of its own, then the views
    const quiet = runHourly(emu);
    expect(quiet.result).toMatchObject({ action: 'idle' });
    expect((quiet.result as { hourly?: unknown }).hourly).toBeUndefined();
    // What an idle hour costs anyway (the lock and the property read) and the form's poll (the token,
    // one request); nothing of the views.
    expect(quiet.calls).toBe(4);
    expect(quiet.stats.byMethod).toMatchObject({ 'ScriptApp.getOAuthToken': 1, 'UrlFetchApp.fetch': 1 });
    expect(Object.keys(quiet.stats.byMethod).filter((m) => /^(Drive|Sheets)\./.test(m))).toEqual([]);
    approvedLead(emu, b);
    const busy = runHourly(emu);
    const hourly = (busy.result as { hourly: Array<{ name: string; result: unknown }> }).hourly;
    expect(hourly.find((job) => job.name === 'partner views')?.result).toMatchObject({
      created: 0,
      written: 1,
    });
    expect(busy.stats.byMethod['Sheets.Spreadsheets.batchUpdate']).toBe(1);
  });

  it('shows a conflict as an overlap, never the other partner; a note naming them is redacted', () => {
    const emu = tracker();
    const a = partnerOn(emu, PLAN, 'Alpha');
    const b = partnerOn(emu, 'Std', 'Gamma Partners');
    emu.call(OWNER, 'registerLead', { partnerId: b, company: 'Shared Co', domain: 'shared.test' });
    const second = emu.call<{ id: string }>(OWNER, 'registerLead', {
      partnerId: a,
      company: 'Shared Co',
      domain: 'shared.test',
    });
    emu.call(OWNER, 'reviewLead', second.id, 'reject', `Gamma Partners (${b}) registered it first`);
    refresh(emu);
    const leads = cells(fileOf(emu, a)!)['My leads'];
    expect(leads[1]).toEqual(expect.arrayContaining(['overlaps another registration']));
    expect(JSON.stringify(cells(fileOf(emu, a)!))).not.toMatch(/Gamma|P-0002/);
    expect(leads[1]).toEqual(
      expect.arrayContaining(['(another partner) ((another partner)) registered it first']),
    );
  });

  it('an hour re-renders the partners whose rows changed, and every view when a partner is renamed', () => {
    const emu = tracker();
    const a = partnerOn(emu, PLAN, 'Alpha');
    const b = partnerOn(emu, 'Std', 'Beta');
    const rejected = emu.call<{ id: string }>(OWNER, 'registerLead', {
      partnerId: a,
      company: 'Shared Co',
      domain: 'shared.test',
    });
    emu.call(OWNER, 'reviewLead', rejected.id, 'reject', 'Zeta Consulting had it first');
    refresh(emu);
    expect(cells(fileOf(emu, a)!)['My leads'][1]).toEqual(
      expect.arrayContaining(['Zeta Consulting had it first']),
    );
    // B's rows change: B's view is rewritten, A's is not.
    approvedLead(emu, b);
    const before = cells(fileOf(emu, a)!);
    const outcome = settleDay(emu).hourly.find((j) => j.name === 'partner views');
    expect(outcome?.result).toMatchObject({ written: 1 });
    expect(cells(fileOf(emu, a)!)).toEqual(before);
    expect(cells(fileOf(emu, b)!)['My leads']).toHaveLength(2);
    // B is renamed to the name A's note gives: only B's row changed, yet A's view must redact it.
    setCell(emu, 'Partners', 'Partner Name', b, 'Zeta Consulting');
    emu.advance('PT1H');
    runHourly(emu);
    expect(cells(fileOf(emu, a)!)['My leads'][1]).toEqual(
      expect.arrayContaining(['(another partner) had it first']),
    );
    expect(JSON.stringify(cells(fileOf(emu, a)!))).not.toMatch(/Zeta|Beta/);
  });

  it('empties and unshares the file of a Terminated partner; a changed contact gets a new file', () => {
    const emu = tracker();
    const a = partnerOn(emu, PLAN, 'Alpha');
    const b = partnerOn(emu, 'Std', 'Beta');
    approvedLead(emu, a);
    approvedLead(emu, b);
    refresh(emu);
    const oldA = fileOf(emu, a)!;
    const oldB = fileOf(emu, b)!;
    setCell(emu, 'Partners', 'Status', a, 'Terminated');
    setCell(emu, 'Partners', 'Contact Email', b, 'new.person@beta.test');
    const report = refresh(emu) as { closed: number; created: number };
    expect(report).toMatchObject({ closed: 2, created: 1 });
    for (const old of [oldA, oldB]) {
      expect(old.viewers.size).toBe(0);
      expect(
        Object.values(cells(old))
          .flat(2)
          .filter((v) => v !== ''),
      ).toEqual([]);
    }
    const newB = fileOf(emu, b)!;
    expect(newB.id).not.toBe(oldB.id);
    expect([...newB.viewers]).toEqual(['new.person@beta.test']);
    expect(fileOf(emu, a)).toBeUndefined();
  });

  it('shares with the additional contacts (a column at the end of Partners)', () => {
    const emu = tracker();
    const a = partnerOn(emu, PLAN, 'Alpha');
    const headers = emu.sheets().Partners[0];
    expect(headers).toEqual(expect.arrayContaining(['Additional Contacts', 'Statements']));
    setCell(emu, 'Partners', 'Additional Contacts', a, 'ops@alpha.test, bad-address; Boss@Alpha.test');
    refresh(emu);
    expect([...fileOf(emu, a)!.viewers].sort()).toEqual([
      'alpha@partner.test',
      'boss@alpha.test',
      'ops@alpha.test',
    ]);
  });

  it('makes the files over several days when the creation quota is short; nothing is lost', () => {
    const emu = tracker();
    emu.rt.spreadsheetCreateQuota = 2;
    const ids = ['A1', 'B2', 'C3', 'D4', 'E5'].map((n, i) =>
      partnerOn(emu, i === 0 ? PLAN : 'Std', `Firm ${n}`),
    );
    const first = refresh(emu) as { created: number; waiting: number };
    expect(first).toMatchObject({ created: 2, waiting: 3 });
    emu.advance('PT1H');
    runHourly(emu); // same day: Google refused once, no more tries today
    expect(viewFiles(emu)).toHaveLength(2);
    emu.advance('P1D');
    runHourly(emu);
    emu.advance('P1D');
    runHourly(emu);
    expect(ids.map((id) => fileOf(emu, id)?.viewers.size)).toEqual([1, 1, 1, 1, 1]);
    expect(viewFiles(emu)).toHaveLength(5);
  });

  it('getPartnerLinks gives the view address to the team only; rotating changes the form link', () => {
    const emu = tracker();
    const a = partnerOn(emu, PLAN, 'Alpha');
    refresh(emu);
    const links = emu.call<{ viewUrl: string; formUrl: string }>(OWNER, 'getPartnerLinks', a);
    expect(links.viewUrl).toBe(`https://docs.google.com/spreadsheets/d/${fileOf(emu, a)!.id}/edit`);
    const stranger = emu.measure(() => emu.call(TEAMMATE, 'getPartnerLinks', a));
    expect(stranger).toMatchObject({ ok: false, error: expect.stringMatching(/not on the tracker's team/) });
    expect(emu.measure(() => emu.call(OWNER, 'getPartnerLinks', 'P-9999'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/P-9999/),
    });
  });
});

describe('who may refresh the views now', () => {
  it('the owner only: the files are theirs', () => {
    const emu = tracker();
    partnerOn(emu, PLAN, 'Alpha');
    expect(emu.measure(() => emu.call(TEAMMATE, 'refreshPartnerViews'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/made and kept by the spreadsheet's owner \(owner@acme.test\)/),
    });
    expect(viewFiles(emu)).toEqual([]);
  });
});
