/**
 * A person's actions and the triggers they fire, as documented by Google (apps-script-facts.md):
 * a small Apps Script project (not the tracker) records every event it receives.
 */
import { Emulator } from '../../../emulator/harness';

const OWNER = 'owner@acme.test';
const REP = 'rep@acme.test';
const OUTSIDE = 'guest@other.test';

const RECORDER = `
var seen = [];
function describe(e, kind) {
  return {
    kind: kind,
    authMode: String(e.authMode),
    a1: e.range ? e.range.getA1Notation() : null,
    hasValue: 'value' in e, value: e.value, hasOldValue: 'oldValue' in e, oldValue: e.oldValue,
    changeType: e.changeType || null,
    user: e.user ? e.user.getEmail() : null,
    active: Session.getActiveUser().getEmail(),
    effective: Session.getEffectiveUser().getEmail(),
    triggerUid: e.triggerUid || null,
  };
}
function onEdit(e) { seen.push(describe(e, 'simple')); }
function installedEdit(e) { seen.push(describe(e, 'installedEdit')); }
function installedChange(e) { seen.push(describe(e, 'installedChange')); }
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('installedEdit').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('installedChange').forSpreadsheet(ss).onChange().create();
}
function scriptWrite() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1').setValue('by script'); }
function protectA() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
  var p = sheet.getRange('A1:A10').protect();
  p.addEditor(Session.getEffectiveUser());
  p.removeEditors(p.getEditors());
}
function events() { return JSON.stringify(seen); }
function reset() { seen = []; }
`;

function setup(): Emulator {
  const emu = new Emulator({
    owner: OWNER,
    editors: [REP, OUTSIDE],
    sheets: {
      Data: [
        ['a', 'b'],
        [1, 2],
      ],
    },
    now: '2026-03-02T09:00:00Z',
  }).load(RECORDER);
  emu.call(OWNER, 'install');
  return emu;
}

function events(emu: Emulator): Array<Record<string, unknown>> {
  const out = JSON.parse(emu.call(OWNER, 'events') as string);
  emu.call(OWNER, 'reset');
  return out;
}

describe("a person's edit fires the simple and the installable triggers", () => {
  it('a one-cell edit carries value and oldValue; the simple trigger runs LIMITED as the editor', () => {
    const emu = setup();
    expect(emu.edit(REP, 'Data', 'B2', [['7']]).ok).toBe(true);
    const [simple, installed, change] = events(emu);
    expect(simple).toMatchObject({
      kind: 'simple',
      authMode: 'LIMITED',
      a1: 'B2',
      value: '7',
      oldValue: '2',
    });
    expect(simple).toMatchObject({ active: REP, effective: REP, triggerUid: null });
    expect(installed).toMatchObject({ kind: 'installedEdit', authMode: 'FULL', value: '7', oldValue: '2' });
    expect(installed.effective).toBe(OWNER);
    expect(installed.triggerUid).toEqual(expect.any(String));
    expect(change).toMatchObject({ kind: 'installedChange', changeType: 'EDIT' });
  });

  it('a multi-cell paste carries neither value nor oldValue', () => {
    const emu = setup();
    emu.edit(REP, 'Data', 'A2:B3', [
      ['x', 'y'],
      ['z', 'w'],
    ]);
    for (const e of events(emu).filter((x) => x.kind !== 'installedChange')) {
      expect(e).toMatchObject({ a1: 'A2:B3', hasValue: false, hasOldValue: false });
    }
  });

  it('clearing a cell carries oldValue and no value', () => {
    const emu = setup();
    emu.edit(REP, 'Data', 'A2', [['']]);
    const [simple] = events(emu);
    expect(simple).toMatchObject({ hasValue: false, hasOldValue: true, oldValue: '1' });
  });

  it('filling an empty cell carries no oldValue', () => {
    const emu = setup();
    emu.edit(REP, 'Data', 'C5', [['new']]);
    expect(events(emu)[0]).toMatchObject({ value: 'new', hasOldValue: false });
  });

  it('the editing user is hidden ("") from a person of another domain', () => {
    const emu = setup();
    emu.edit(OUTSIDE, 'Data', 'B2', [['3']]);
    const [simple, installed] = events(emu);
    expect(simple).toMatchObject({ user: '', active: '' });
    expect(installed).toMatchObject({ user: '', active: '', effective: OWNER });
  });

  it('edits made by a script fire nothing', () => {
    const emu = setup();
    emu.call(OWNER, 'scriptWrite');
    expect(events(emu)).toEqual([]);
  });

  it('inserting or deleting rows fires only the change trigger, with INSERT_ROW / REMOVE_ROW', () => {
    const emu = setup();
    emu.insertRows(REP, 'Data', 2, 3);
    emu.deleteRows(REP, 'Data', 2, 1);
    expect(events(emu).map((e) => [e.kind, e.changeType])).toEqual([
      ['installedChange', 'INSERT_ROW'],
      ['installedChange', 'REMOVE_ROW'],
    ]);
  });

  it('a refused edit (protected range) changes nothing and fires nothing', () => {
    const emu = setup();
    emu.call(OWNER, 'protectA');
    const outcome = emu.edit(REP, 'Data', 'A2', [['hijack']]);
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toMatch(/protected/);
    expect(events(emu)).toEqual([]);
    expect(emu.sheets().Data[1][0]).toBe(1);
  });
});

describe('executions', () => {
  const SLOW = `
    function slow() { var r = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1');
      for (var i = 0; i < 100; i++) r.getValue(); return 'done'; }
    function onEdit(e) { for (var i = 0; i < 100; i++) e.range.getValue(); e.range.setNote('seen'); }
  `;

  it('a simple trigger stops at 30 s and other executions at 6 min on the simulated clock', () => {
    const emu = new Emulator({
      owner: OWNER,
      sheets: { Data: [['a']] },
      enforceTimeLimits: true,
    }).load(SLOW);
    emu.rt.costModel = () => 1_000; // every call costs one simulated second
    const edit = emu.edit(OWNER, 'Data', 'A1', [['b']]);
    expect(edit.fired[0]).toMatchObject({
      handler: 'onEdit',
      ok: false,
      error: 'Exceeded maximum execution time',
    });
    expect(emu.call(OWNER, 'slow')).toBe('done'); // 100 s < 6 min
  });

  it('the fault hook makes a chosen call throw the given Apps Script error', () => {
    const emu = new Emulator({ owner: OWNER, sheets: { Data: [['a']] } }).load(SLOW);
    emu.rt.failCall('Range.getValue', 'Service Spreadsheets timed out while accessing document with id x', {
      skip: 3,
    });
    expect(() => emu.call(OWNER, 'slow')).toThrow('Service Spreadsheets timed out');
    expect(emu.call(OWNER, 'slow')).toBe('done');
  });
});

describe('two executions racing', () => {
  const COUNTER = `
    function bump(useLock) {
      var lock = LockService.getDocumentLock();
      if (useLock) lock.waitLock(10000);
      var r = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1');
      var n = r.getValue();
      r.setValue(n + 1);
      if (useLock) lock.releaseLock();
      return n + 1;
    }
  `;
  function race(useLock: boolean) {
    const emu = new Emulator({ owner: OWNER, editors: [REP], sheets: { Data: [[0]] } }).load(COUNTER);
    const outcome = emu.interleave(
      () => emu.call(OWNER, 'bump', useLock),
      () => emu.call(REP, 'bump', useLock),
      { method: 'Range.setValue' },
    );
    return { emu, outcome };
  }

  it('without a lock, the second execution runs between the first one read and write: an update is lost', () => {
    const { emu, outcome } = race(false);
    expect(outcome.first.result).toBe(1);
    expect(outcome.second.result).toBe(1);
    expect(emu.sheets().Data[0][0]).toBe(1);
  });

  it('with the document lock, the second waits for the first: both updates land', () => {
    const { emu, outcome } = race(true);
    expect(outcome.secondWaited).toBe(true);
    expect(outcome.first.result).toBe(1);
    expect(outcome.second.result).toBe(2);
    expect(emu.sheets().Data[0][0]).toBe(2);
  });
});
