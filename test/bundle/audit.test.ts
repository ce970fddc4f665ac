/** The audit log (issue 6), through the shipped bundle: person's edits, rows, chain, rotation, cost. */
import type { Emulator } from '../../emulator/harness';
import { verifyRows } from '../../src/domain/audit/chain';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';

const PARTNER_HEADER = ['Partner ID', 'Partner Name', 'Contact Name', 'Contact Email', 'Type'];

function partners(n: number): unknown[][] {
  const rows: unknown[][] = [PARTNER_HEADER];
  for (let i = 1; i <= n; i++) {
    rows.push([
      `P-${String(i).padStart(4, '0')}`,
      `Partner ${i}`,
      `Contact ${i}`,
      `c${i}@p${i}.test`,
      'Referral',
    ]);
  }
  return rows;
}

function trackerWith(n: number): Emulator {
  const emu = newEmulator({ sheets: { Partners: partners(n) } });
  const setup = emu.call<{ ok: boolean }>(OWNER, 'setupTracker');
  expect(setup.ok).toBe(true);
  return emu;
}

/** The tracker's chain key, as the test (not a person) reads the add-on's document properties. */
function chainKey(emu: Emulator): string {
  const props = emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty('tracker.auditKey'),
  );
  return props!;
}

const log = (emu: Emulator) => emu.sheets()['Audit Log'].slice(1);
const fields = (row: unknown[]) => row.slice(2, 9);

/** The calls the add-on made for a person's edit (the triggers it fired), and whether it was applied. */
function editCalls(emu: Emulator, sheet: string, a1: string, values: unknown[][]) {
  const outcome = emu.measure(() => emu.edit(TEAMMATE, sheet, a1, values));
  expect(outcome.result!.ok).toBe(true);
  expect(outcome.result!.fired.every((f) => f.ok)).toBe(true);
  return outcome;
}

describe("a person's edits", () => {
  const emu = trackerWith(5);

  it('a one-cell edit: user, source, sheet, record, field, cell, old and new value', () => {
    editCalls(emu, 'Partners', 'B3', [['Partner Two Ltd']]);
    const rows = log(emu);
    expect(rows).toHaveLength(1);
    expect(rows[0][1]).toBe(TEAMMATE);
    expect(fields(rows[0])).toEqual([
      'edit',
      'Partners',
      'P-0002',
      'Partner Name',
      'B3',
      'Partner 2',
      'Partner Two Ltd',
    ]);
    expect(rows[0][0]).toBe('2026-03-02T09:00:00.000Z');
    expect(rows[0][9]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a pasted block: one entry per changed cell, old values from the shadow', () => {
    // (Contact Email is the payee: the Team's; Partner Name and Contact Name are anyone's)
    editCalls(emu, 'Partners', 'B4:C5', [
      ['Partner 3', 'New C3'],
      ['Partner Four', 'New C4'],
    ]);
    const rows = log(emu).slice(1);
    expect(rows.map(fields)).toEqual([
      ['edit', 'Partners', 'P-0003', 'Contact Name', 'C4', 'Contact 3', 'New C3'],
      ['edit', 'Partners', 'P-0004', 'Partner Name', 'B5', 'Partner 4', 'Partner Four'],
      ['edit', 'Partners', 'P-0004', 'Contact Name', 'C5', 'Contact 4', 'New C4'],
    ]);
  });

  it('a cleared block: old values recorded, new values empty', () => {
    editCalls(emu, 'Partners', 'C4:C5', [[''], ['']]);
    expect(log(emu).slice(-2).map(fields)).toEqual([
      ['edit', 'Partners', 'P-0003', 'Contact Name', 'C4', 'New C3', ''],
      ['edit', 'Partners', 'P-0004', 'Contact Name', 'C5', 'New C4', ''],
    ]);
  });

  it('a deleted row is recorded with its content from the shadow; an inserted row too', () => {
    // Rows holding protected cells (the id column) can be deleted or inserted by the owner only, as in Sheets.
    expect(emu.deleteRows(TEAMMATE, 'Partners', 6, 1).ok).toBe(false);
    const deleted = emu.deleteRows(OWNER, 'Partners', 6, 1);
    expect(deleted.ok).toBe(true);
    const gone = log(emu).filter((r) => r[4] === 'P-0005');
    expect(gone.map((r) => [r[5], r[7], r[8]])).toEqual(
      expect.arrayContaining([
        ['Partner ID', 'P-0005', '(row deleted)'],
        ['Partner Name', 'Partner 5', '(row deleted)'],
        ['Contact Email', 'c5@p5.test', '(row deleted)'],
      ]),
    );
    expect(emu.insertRows(OWNER, 'Partners', 3, 1).ok).toBe(true);
    expect(fields(log(emu).slice(-1)[0])).toEqual([
      'edit',
      'Partners',
      '',
      '(row inserted)',
      '3:3',
      '',
      '(row inserted)',
    ]);
    editCalls(emu, 'Partners', 'C5', [['after insert']]);
    expect(fields(log(emu).slice(-1)[0])).toEqual([
      'edit',
      'Partners',
      'P-0003',
      'Contact Name',
      'C5',
      '',
      'after insert',
    ]);
  });

  it('the chain verifies; altering one audit cell breaks it at that row', () => {
    expect(emu.call(OWNER, 'verifyAuditLog')).toEqual({ ok: true, rows: log(emu).length, firstBadRow: null });
    emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Audit Log')!.getRange('I4').setValue('forged'));
    expect(emu.call(OWNER, 'verifyAuditLog')).toEqual({
      ok: false,
      rows: log(emu).length,
      firstBadRow: 4,
      problems: [
        { row: 4, kind: 'changed', message: expect.stringMatching(/^row 4: an entry that was changed/) },
      ],
      moreProblems: 0,
    });
  });

  it("a person's edit of the log is refused", () => {
    expect(emu.edit(TEAMMATE, 'Audit Log', 'I2', [['nothing happened']]).ok).toBe(false);
  });
});

describe('changes the add-on makes', () => {
  it('a sidebar change goes through the audited writer (source sidebar, the caller as user)', () => {
    const emu = trackerWith(2);
    const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: 'Gamma Resellers',
      contactEmail: 'ops@gamma.test',
      type: 'Reseller',
    });
    const entries = log(emu).filter((r) => r[4] === id);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((r) => r[1] === OWNER && r[2] === 'sidebar' && r[7] === '')).toBe(true);
    expect(entries.map((r) => [r[5], r[8]])).toEqual(
      expect.arrayContaining([
        ['Partner ID', id],
        ['Partner Name', 'Gamma Resellers'],
      ]),
    );
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });
});

describe('the audit tail', () => {
  const savePartner = (emu: Emulator, name: string) =>
    emu.measure(() =>
      emu.call(OWNER, 'savePartner', { partnerName: name, contactEmail: 'ops@tail.test', type: 'Referral' }),
    );

  it('is stored before the entries are written (a death after them cannot leave it stale)', () => {
    const emu = trackerWith(3);
    const order: string[] = [];
    const stop = emu.rt.onCall((method) => order.push(method));
    expect(savePartner(emu, 'Tail Order Partners').ok).toBe(true);
    stop();
    const lastWrite = order.lastIndexOf('Range.setValues');
    expect(order.indexOf('Properties.setProperties')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('Properties.setProperties')).toBeLessThan(lastWrite);
  });

  it('is put back when writing the entries fails: the next entries follow the last ones, no gap', () => {
    const emu = trackerWith(3);
    const before = log(emu).length;
    // The partner's row, its shadow, then its audit entries: the third write fails.
    emu.rt.failCall('Range.setValues', 'Service Spreadsheets failed while accessing document.', { skip: 3 });
    expect(savePartner(emu, 'Failing Audit Partners').ok).toBe(false);
    expect(log(emu)).toHaveLength(before);
    expect(savePartner(emu, 'Next Partners').ok).toBe(true);
    const rows = log(emu);
    expect(rows.slice(before).every((r) => r.some((v) => v !== ''))).toBe(true);
    expect(rows.slice(before).some((r) => r[8] === 'Next Partners')).toBe(true);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true, firstBadRow: null });
  });
});

describe('what it cannot see', () => {
  it('records "unknown" with the reason in a note when Apps Script withholds the editor', () => {
    const emu = newEmulator({ sheets: { Partners: partners(2) }, editors: ['guest@elsewhere.test'] });
    emu.call(OWNER, 'setupTracker');
    expect(emu.edit('guest@elsewhere.test', 'Partners', 'C2', [['Someone']]).ok).toBe(true);
    const last = log(emu).slice(-1)[0];
    expect(last[1]).toBe('unknown');
    const note = emu.rt.uncounted(() =>
      emu.spreadsheet
        .getSheetByName('Audit Log')!
        .getRange(log(emu).length + 1, 2)
        .getNote(),
    );
    expect(note).toMatch(/did not give this editor/);
  });
});

describe('history of a row', () => {
  it("lists the selected record's changes newest first", () => {
    const emu = trackerWith(3);
    editCalls(emu, 'Partners', 'B2', [['One']]);
    editCalls(emu, 'Partners', 'C3', [['Other row']]);
    editCalls(emu, 'Partners', 'B2', [['Two']]);
    emu.select(OWNER, 'Partners', 'C2');
    const history = emu.call<{
      recordId: string;
      entries: Array<{ oldValue: string; newValue: string }>;
      archivedIn: null;
    }>(OWNER, 'getRowHistory');
    expect(history.recordId).toBe('P-0001');
    expect(history.entries.map((e) => [e.oldValue, e.newValue])).toEqual([
      ['One', 'Two'],
      ['Partner 1', 'One'],
    ]);
    expect(history.archivedIn).toBeNull();
  });
});

describe('rotation', () => {
  it('moves the oldest rows to an archive past the limit; the chain verifies across log and archive', () => {
    const emu = trackerWith(3);
    const settings = emu.sheets().Settings;
    const limitRow = settings.findIndex((r) => r[0] === 'Audit Row Limit') + 1;
    emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Settings')!.getRange(limitRow, 2).setValue(6));
    for (let i = 1; i <= 8; i++) editCalls(emu, 'Partners', 'C2', [[`value ${i}`]]);
    const before = log(emu);
    expect(before).toHaveLength(8);
    emu.advance('P1D');
    const after = log(emu);
    const pointer = after.slice(-1)[0];
    expect(pointer[5]).toBe('(archived rows)');
    // Past the limit (6), the log is brought down to half of it (3) before the pointer is added.
    expect(after).toHaveLength(4);
    expect(after.slice(0, 3)).toEqual(before.slice(5));
    const archive = [...emu.rt.files.values()].find((f) => f.id === pointer[4])!;
    expect(archive.name).toMatch(/^Partner Program Audit Log 2026-03-02 to 2026-03-02$/);
    const archived = emu.rt.uncounted(() =>
      (archive.content as typeof emu.spreadsheet).getSheets()[0].getDataRange().getValues().slice(1),
    );
    expect(archived).toEqual(before.slice(0, 5));
    const archiveCheck = verifyRows('', archived, chainKey(emu));
    expect(archiveCheck.ok).toBe(true);
    expect(pointer[7]).toBe(archiveCheck.lastHash);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true, firstBadRow: null });
    emu.select(OWNER, 'Partners', 'B2');
    expect(emu.call<{ archivedIn: string }>(OWNER, 'getRowHistory').archivedIn).toBe(pointer[8]);
  });
});

describe('rotation of a backlog in steps across hourly runs', () => {
  const LIMIT = 8;

  /** 40 partners, Audit Row Limit 8, and 60 audit rows: two pastes of 30 cells. */
  function backlog(): { emu: Emulator; original: unknown[][] } {
    const emu = trackerWith(40);
    const settings = emu.sheets().Settings;
    const limitRow = settings.findIndex((r) => r[0] === 'Audit Row Limit') + 1;
    // Written with the stored copy, as a person's edit stores it (without that edit's audit row: the
    // counts below are the partners' rows); a write no trigger sees waits for the workbook check.
    emu.rt.uncounted(() => {
      emu.spreadsheet.getSheetByName('Settings')!.getRange(limitRow, 2).setValue(LIMIT);
      const props = (
        emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
      ).getDocumentProperties();
      const stored = JSON.parse(props.getProperty('tracker.settings')!) as {
        values: Record<string, unknown>;
      };
      stored.values.auditRowLimit = LIMIT;
      props.setProperty('tracker.settings', JSON.stringify(stored));
    });
    for (const round of [1, 2]) {
      const block = Array.from({ length: 30 }, (_, i) => [`contact ${round}.${i}`]);
      editCalls(emu, 'Partners', 'C2:C31', block);
    }
    const original = log(emu);
    expect(original).toHaveLength(60);
    return { emu, original };
  }

  const isPointer = (row: unknown[]) => row[5] === '(archived rows)';

  /** The archives the pointers name, each once, in the order first named. */
  function archiveRows(emu: Emulator): { ids: string[]; rows: unknown[][] } {
    const ids = [
      ...new Set(
        log(emu)
          .filter(isPointer)
          .map((r) => String(r[4])),
      ),
    ];
    const rows = ids.flatMap((id) => {
      const file = emu.rt.files.get(id) ?? [...emu.rt.files.values()].find((f) => f.id === id)!;
      return emu.rt.uncounted(() =>
        (file.content as typeof emu.spreadsheet).getSheets()[0].getDataRange().getValues().slice(1),
      );
    });
    return { ids, rows };
  }

  /** Archive + log: one chain from genesis, every original entry once and in order, the log verified. */
  function expectWhole(emu: Emulator, original: unknown[][]) {
    const archived = archiveRows(emu).rows;
    const current = log(emu);
    expect(verifyRows('', [...archived, ...current], chainKey(emu)).ok).toBe(true);
    expect([...archived, ...current].filter((r) => !isPointer(r))).toEqual(original);
    expect(archived.some(isPointer)).toBe(false);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true, firstBadRow: null });
  }

  it('a short time budget moves one step per hourly run; between runs everything verifies', () => {
    const { emu, original } = backlog();
    // 60 rows past a limit of 8: 56 move (down to 4), in steps of 8 rows (the limit).
    const moved: number[] = [];
    for (let run = 0; run < 12; run++) {
      emu.rt.costModel = () => 30_000;
      const fired = emu.advance('PT1H');
      emu.rt.costModel = null;
      expect(fired.every((f) => f.ok)).toBe(true);
      const archived = archiveRows(emu).rows.length;
      moved.push(archived);
      expectWhole(emu, original);
      if (archived === 56) break;
    }
    // Each run moved one step of 8 rows, then stopped on its budget and the next run continued.
    expect(moved.slice(0, 7)).toEqual([8, 16, 24, 32, 40, 48, 56]);
    const rows = log(emu);
    expect(rows.filter((r) => !isPointer(r))).toEqual(original.slice(56));
    expect(rows.filter(isPointer).map((r) => r[6])).toEqual(Array(7).fill('8 rows'));
    // One archive for the rotation, named after its period, filled across the runs.
    const { ids } = archiveRows(emu);
    expect(ids).toHaveLength(1);
    const file = [...emu.rt.files.values()].find((f) => f.id === ids[0])!;
    expect(file.name).toBe('Partner Program Audit Log 2026-03-02 to 2026-03-02');
    // Done: the later runs that day move nothing more.
    emu.advance('PT1H');
    expect(archiveRows(emu).rows).toHaveLength(56);
  });

  it('a step that fails half-way (rows in the archive, not yet deleted) is finished by the next run', () => {
    const { emu, original } = backlog();
    emu.rt.failCall('Sheet.deleteRows', 'Service Spreadsheets failed while accessing document.');
    emu.advance('PT1H');
    // The first step wrote its rows to the archive, then failed before deleting them from the log.
    expect(archiveRows(emu).rows.length).toBe(0);
    expect(log(emu)).toHaveLength(60);
    emu.advance('P1D');
    const { ids, rows } = archiveRows(emu);
    expect(ids).toHaveLength(1);
    expect(rows).toHaveLength(56);
    expectWhole(emu, original);
    const archives = [...emu.rt.files.values()].filter((f) => f.name.includes('Audit Log')).map((f) => f.id);
    expect(archives).toEqual(ids);
  });

  it('with time to spare, one run moves the whole backlog in its steps', () => {
    const { emu, original } = backlog();
    emu.advance('PT1H');
    expect(archiveRows(emu).rows).toHaveLength(56);
    expect(log(emu).filter(isPointer)).toHaveLength(7);
    expectWhole(emu, original);
  });
});

describe('a one-cell edit recorded by its append alone (no journal write)', () => {
  const FAULT = 'Service Spreadsheets timed out while accessing document (injected fault)';

  /** A tracker whose last commit landed (its mark on the log's last row) and one edit made since. */
  function ready(): Emulator {
    const emu = trackerWith(5);
    editCalls(emu, 'Partners', 'B2', [['Partner One Ltd']]);
    return emu;
  }

  it('dying at any call after its pending entry, it is recorded once by the next edit, the chain whole', () => {
    const calls = ready();
    const measured = editCalls(calls, 'Partners', 'C3', [['Contact Three']]).calls;
    expect(measured).toBe(6);
    // calls 1-5: the lock, the properties, the log rows, the row, the pending entry with the row's
    // shadow cell (sheets/shadow-deferred.ts); then the append
    for (let k = 6; k <= measured; k++) {
      const emu = ready();
      emu.rt.failCall('*', FAULT, { skip: k, fatal: true });
      emu.edit(TEAMMATE, 'Partners', 'C3', [['Contact Three']]);
      emu.rt.clearFaults();
      // the next execution: another person's edit (a writer, which records the first before its own)
      editCalls(emu, 'Partners', 'C4', [['Contact Four']]);
      const cells = log(emu).map((r) => String(r[6]));
      expect({ k, cells }).toEqual({ k, cells: ['B2', 'C3', 'C4'] });
      expect({ k, verified: emu.call(OWNER, 'verifyAuditLog') }).toMatchObject({
        k,
        verified: { ok: true, firstBadRow: null },
      });
      // and the shadow holds both rows as they are (a block edit over them finds no stale old value)
      editCalls(emu, 'Partners', 'C3:C4', [['Contact Three'], ['Contact Four']]);
      expect(log(emu)).toHaveLength(3);
    }
  });

  it('a reader after it makes no call for it; the next writer moves the tail past it', () => {
    const emu = ready();
    const before = emu.measure(() => emu.call(OWNER, 'listPartners'));
    expect(before.ok).toBe(true);
    editCalls(emu, 'Partners', 'C3', [['Contact Three']]);
    const after = emu.measure(() => emu.call(OWNER, 'listPartners'));
    expect(after.calls).toBe(before.calls);
    expect(JSON.stringify(after.result)).toContain('Contact Three');
    expect(editCalls(emu, 'Partners', 'C4', [['Contact Four']]).calls).toBe(6);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true, rows: 3, firstBadRow: null });
  });
});

describe('an edit trigger racing a sidebar write', () => {
  it('both land in one valid chain: the trigger reads the audit tail only once it holds the lock', () => {
    const emu = trackerWith(5);
    const raced = emu.interleave(
      () => emu.edit(TEAMMATE, 'Partners', 'B3', [['Partner Two Ltd']]),
      () =>
        emu.call(OWNER, 'savePartner', {
          partnerName: 'Racing Partners',
          contactEmail: 'ops@racing.test',
          type: 'Referral',
        }),
      { method: 'Lock.waitLock' },
    );
    expect(raced.first.ok).toBe(true);
    expect(raced.first.result!.fired.every((f) => f.ok)).toBe(true);
    expect(raced.second.ok).toBe(true);
    const rows = log(emu);
    expect(rows.filter((r) => r[2] === 'edit').map((r) => [r[4], r[8]])).toEqual([
      ['P-0002', 'Partner Two Ltd'],
    ]);
    expect(rows.filter((r) => r[2] === 'sidebar' && r[5] === 'Partner Name').map((r) => r[8])).toEqual([
      'Racing Partners',
    ]);
    expect(emu.call(OWNER, 'verifyAuditLog')).toMatchObject({
      ok: true,
      rows: rows.length,
      firstBadRow: null,
    });
  });
});

describe('cost of the edit trigger', () => {
  // 1,000 cells: Partner Name and Contact Name (free of strict validation and open to every editor) of 500 rows.
  const block = Array.from({ length: 500 }, (_, i) => [`Partner ${i}`, `Name ${i}`]);

  function costs(n: number) {
    const emu = trackerWith(n);
    const row = Math.floor(n / 2) + 1;
    // Right after set-up (no commit's landing mark to read past): journaled.
    const first = editCalls(emu, 'Partners', `B${row}`, [['Renamed']]).calls;
    // After a commit that landed: the edit lands on its append alone.
    const one = editCalls(emu, 'Partners', `C${row}`, [['Renamed contact']]).calls;
    const again = editCalls(emu, 'Partners', `B${row}`, [['Renamed again']]).calls;
    const paste = n > block.length ? editCalls(emu, 'Partners', 'B2:C501', block).calls : null;
    if (paste !== null) expect(log(emu).length).toBe(3 + 1000);
    expect(verifyCall(emu)).toMatchObject({ ok: true, firstBadRow: null });
    return { first, one, again, paste };
  }

  const verifyCall = (emu: Emulator) => emu.call(OWNER, 'verifyAuditLog');

  it('is the same for a 100-row, a 1,000-row and a 100,000-row sheet (one cell; a 1,000-cell paste)', () => {
    const tiny = costs(100);
    const small = costs(1000);
    const large = costs(100_000);
    expect(small.one).toBe(tiny.one);
    expect(large.one).toBe(tiny.one);
    expect(large.paste).toBe(small.paste);
    // Measured (see the report): recorded here so a regression shows. One cell: the lock, the
    // properties, the log rows the last commit's append ends at (did it land; this append's tail
    // check), the pending-edit write before the row is read (a trigger dying on that read is still
    // finished by the next execution under the right author), the edited row, the journal (with the
    // tail), the shadow, the audit append: 8. A paste: the block's shadow (old values) more: 9.
    expect(small.first).toBeLessThanOrEqual(8);
    // After a commit that landed (its mark on the log's last row), a one-cell edit whose commit is
    // its shadow cell and its entry makes neither the journal nor the tail write: the pending entry
    // stored before the row is read is its journal, its append its landing (the next execution finds
    // it with the rows its journal check reads). 7; the next one the same; the paste after them 9.
    expect(small.one).toBeLessThanOrEqual(7);
    expect(small.again).toBe(small.one);
    expect(small.paste!).toBeLessThanOrEqual(9);
  });
});
