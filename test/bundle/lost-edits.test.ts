/**
 * A person's edit, row insert or row delete whose trigger fails before it stored its pending entry
 * (the document lock not had in time while the hourly run holds it; a failed read) is not lost: the
 * trigger stores its trace with one property write that needs no lock (app/audit/pending-edits.ts),
 * and the next execution of any kind records it under the person's name and the edit's time. Before,
 * the edit went unrecorded and the shadow kept the old value, so the next paste over that cell was
 * logged with a false old value while verifyAuditLog said ok.
 */
import type { Emulator } from '../../emulator/harness';
import { documentProperties, finishDay, runHourly, TEAMMATE } from '../support/emulator';
import { OWNER, addPartner, addToSettingsList, leadCell, register, rowsOf, tracker } from './leads-fixture';

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function withLeads(count: number) {
  const emu = tracker();
  addToSettingsList(emu, 'Team', TEAMMATE);
  const beta = addPartner(emu, { partnerName: 'Beta Partners' });
  const ids = ['Acme', 'Initech', 'Globex', 'Umbrella'].slice(0, count).map((company) => {
    return register(emu, { partnerId: beta, company }).id;
  });
  return { emu, ids };
}

function notesLog(emu: Emulator): string[][] {
  return rowsOf(emu, 'Audit Log')
    .filter((r) => r.Field === 'Notes')
    .map((r) => [
      String(r.Timestamp),
      String(r.User),
      String(r.Cell),
      String(r['Old Value']),
      String(r['New Value']),
    ]);
}

/** The traces stored (`emptied`: also the keys a commit emptied, which the next recovery deletes). */
function traces(emu: Emulator, emptied = false): string[] {
  const props = emu.rt.uncounted(() => documentProperties(emu).getProperties());
  return Object.entries(props)
    .filter(([key, value]) => key.startsWith('tracker.lostEdit.') && (emptied || value !== ''))
    .map(([key]) => key);
}

/** Runs `edit` while the hourly run holds the document lock (the edit's wait runs out). */
function whileHourlyHoldsLock(emu: Emulator, edit: () => void): void {
  let started = false;
  const stop = emu.rt.onCall((method) => {
    // the hourly run's first call after its lock: it holds the lock from here until it ends
    if (started || method !== 'Properties.getProperties' || emu.rt.executions().length !== 1) return;
    started = true;
    stop();
    edit();
  });
  try {
    runHourly(emu);
  } finally {
    stop();
  }
  expect(started).toBe(true);
}

describe("a person's edit whose trigger could not get the document lock", () => {
  it('is recorded by the next execution: the editor, the time, the old and new value; the next paste sees it', () => {
    const { emu, ids } = withLeads(2);
    const a1 = leadCell(emu, ids[0], 'Notes');
    const at = emu.rt.now().toISOString();
    whileHourlyHoldsLock(emu, () => {
      const outcome = emu.measure(() => emu.edit(TEAMMATE, 'Leads', a1, [['first call done']]));
      // The trigger failed on the lock; its trace cost it two calls (the keys, the write).
      expect(outcome.result!.fired.find((f) => f.handler === 'onTrackerEdit')).toMatchObject({
        ok: false,
        error: LOCK_TIMEOUT,
      });
      expect(outcome.stats.total).toBe(3);
      expect(outcome.stats.byMethod).toMatchObject({
        'Lock.waitLock': 1,
        'Properties.getKeys': 1,
        'Properties.setProperty': 1,
      });
      expect(traces(emu)).toHaveLength(1);
      expect(notesLog(emu)).toEqual([]);
    });
    // The next execution records it (here a sidebar call; the hourly run that held the lock may
    // already have, when it read the properties again before it ended).
    emu.call(OWNER, 'listPartners');
    expect(notesLog(emu)).toEqual([[at, TEAMMATE, a1, '', 'first call done']]);

    // A paste over it and the next lead's Notes: the old value is the one the person typed.
    const row = Number(a1.replace(/\D/g, ''));
    const col = a1.replace(/\d/g, '');
    emu.rt.advance(60_000);
    emu.edit(OWNER, 'Leads', `${col}${row}:${col}${row + 1}`, [['sent the deck'], ['called']]);
    expect(
      notesLog(emu)
        .slice(1)
        .map((r) => r.slice(2)),
    ).toEqual([
      [a1, 'first call done', 'sent the deck'],
      [`${col}${row + 1}`, '', 'called'],
    ]);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true, firstBadRow: null });
    // Its key is gone, not only emptied.
    expect(traces(emu, true)).toEqual([]);
  });

  it('three people editing while the lock is held: each edit recorded, oldest first', () => {
    const { emu, ids } = withLeads(3);
    const cells = ids.map((id) => leadCell(emu, id, 'Notes'));
    const times: string[] = [];
    whileHourlyHoldsLock(emu, () => {
      cells.forEach((a1, i) => {
        times.push(emu.rt.now().toISOString());
        const outcome = emu.edit(i === 1 ? OWNER : TEAMMATE, 'Leads', a1, [[`note ${i}`]]);
        expect(outcome.fired.find((f) => f.handler === 'onTrackerEdit')?.ok).toBe(false);
      });
      expect(traces(emu)).toHaveLength(3);
    });
    emu.call(OWNER, 'listPartners');
    expect(notesLog(emu)).toEqual(
      cells.map((a1, i) => [times[i], i === 1 ? OWNER : TEAMMATE, a1, '', `note ${i}`]),
    );
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });

  it('a row inserted while the lock is held is recorded by the next execution', () => {
    const { emu, ids } = withLeads(2);
    const row = Number(leadCell(emu, ids[1], 'Notes').replace(/\D/g, ''));
    whileHourlyHoldsLock(emu, () => {
      const outcome = emu.insertRows(TEAMMATE, 'Leads', row, 1);
      expect(outcome.fired.find((f) => f.handler === 'onTrackerChange')).toMatchObject({ ok: false });
      expect(traces(emu)).toHaveLength(1);
    });
    emu.call(OWNER, 'listPartners');
    const inserted = rowsOf(emu, 'Audit Log').filter((r) => /insert/i.test(String(r.Field)));
    expect(inserted.map((r) => [r.User, r.Cell])).toEqual([[TEAMMATE, expect.stringContaining(String(row))]]);
    // Leads after the insert: the shadow follows the rows (the next lead's edit names its own id).
    emu.edit(OWNER, 'Leads', leadCell(emu, ids[1], 'Notes'), [['after the insert']]);
    expect(
      rowsOf(emu, 'Audit Log')
        .filter((r) => r['New Value'] === 'after the insert')
        .map((r) => r['Record ID']),
    ).toEqual([ids[1]]);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });

  it('an edit of a sheet the tracker does not keep leaves a trace the next execution only clears', () => {
    const { emu } = withLeads(1);
    emu.rt.uncounted(() => emu.spreadsheet.insertSheet('My scratch'));
    const before = rowsOf(emu, 'Audit Log').length;
    whileHourlyHoldsLock(emu, () => {
      emu.edit(OWNER, 'My scratch', 'B4', [['anything']]);
      expect(traces(emu)).toHaveLength(1);
    });
    emu.call(OWNER, 'listPartners');
    expect(traces(emu)).toEqual([]);
    expect(rowsOf(emu, 'Audit Log')).toHaveLength(before);
  });

  it('at most 30 traces wait: a failure repeated at every edit does not fill the document properties', () => {
    const { emu, ids } = withLeads(1);
    const a1 = leadCell(emu, ids[0], 'Notes');
    whileHourlyHoldsLock(emu, () => {
      for (let i = 0; i < 32; i++) emu.edit(TEAMMATE, 'Leads', a1, [[`try ${i}`]]);
      expect(traces(emu)).toHaveLength(30);
    });
    emu.call(OWNER, 'listPartners');
    // The 30 stored, oldest first, each as the cell then was (it holds the last value typed).
    const log = notesLog(emu);
    expect(log).toHaveLength(30);
    expect(log.every((r) => r[1] === TEAMMATE && r[4] === 'try 31')).toBe(true);
    expect(log.map((r) => r[0])).toEqual([...log.map((r) => r[0])].sort());
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });

  it('a hand edit of the Audit Log while the lock is held is still recorded as evidence', () => {
    const { emu } = withLeads(1);
    const old = String(rowsOf(emu, 'Audit Log')[0]['New Value']);
    const at = emu.rt.now().toISOString();
    whileHourlyHoldsLock(emu, () => {
      const outcome = emu.edit(TEAMMATE, 'Audit Log', 'I2', [['forged']]);
      expect(outcome.fired.find((f) => f.handler === 'onTrackerEdit')).toMatchObject({ ok: false });
      expect(traces(emu)).toHaveLength(1);
    });
    emu.call(OWNER, 'listPartners');
    const entry = rowsOf(emu, 'Audit Log').find((r) => r.Field === 'New Value (edited by hand)');
    expect(
      entry && [entry.Timestamp, entry.User, entry.Cell, entry['Old Value'], entry['New Value']],
    ).toEqual([at, TEAMMATE, 'I2', old, 'forged']);
    expect(traces(emu)).toEqual([]);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: false, firstBadRow: 2 });
  });

  it("the Dashboard's period changed while the lock is held is the one the next refresh shows", () => {
    const { emu } = withLeads(1);
    emu.call(OWNER, 'refreshDashboard');
    const cell = (a1: string) =>
      emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Dashboard')!.getRange(a1).getValue());
    const shown = () =>
      JSON.stringify(
        emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Dashboard')!.getDataRange().getValues()),
      );
    const before = cell('B2');
    whileHourlyHoldsLock(emu, () => {
      emu.edit(OWNER, 'Dashboard', 'B2', [['Last quarter']]);
      expect(traces(emu)).toHaveLength(1);
    });
    emu.call(OWNER, 'listPartners');
    expect(traces(emu)).toEqual([]);
    // The next day's refresh (the daily run) shows the person's choice, not the one it showed before.
    emu.rt.advance(24 * 3600_000);
    finishDay(emu);
    expect([before, cell('B2')]).toEqual([expect.not.stringMatching('Last quarter'), 'Last quarter']);
    const daily = shown();
    emu.call(OWNER, 'refreshDashboard');
    expect(shown()).toEqual(daily);
  });
});
