/**
 * The one trigger installer (src/sheets/triggers.ts), through the shipped bundle: set-up finds the
 * tracker's triggers as project triggers by handler name (and, for an add-on, by document), removes
 * duplicates, leaves other documents' triggers alone, and explains Google's refusals.
 * Google's rules it lives in: getProjectTriggers lists "all installable triggers associated with the
 * current project and current user" (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers());
 * an editor add-on may have one trigger of each type per user per document, and a user 20 triggers
 * per script (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
 * https://developers.google.com/apps-script/guides/services/quotas).
 */
import type { Emulator } from '../../emulator/harness';
import type { TriggerRecord } from '../../emulator/services';
import { newEmulator, OWNER } from '../support/emulator';

interface SetupReport {
  ok: boolean;
  message: string;
  triggersInstalled: string[];
  triggerProblems: string[];
}

const HOUR = 3_600_000;
const TRACKER_HANDLERS = ['onHourlyTrigger', 'onTrackerChange', 'onTrackerEdit'];

function setup(emu: Emulator): SetupReport {
  const outcome = emu.measure(() => emu.call<SetupReport>(OWNER, 'setupTracker'));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result!;
}

function mine(emu: Emulator): TriggerRecord[] {
  return emu.services.state.triggers.ofUser(OWNER);
}

function here(emu: Emulator): string[] {
  const id = emu.spreadsheet.getId();
  return mine(emu)
    .filter((t) => t.sourceId === id || t.documentId === id)
    .map((t) => t.handler)
    .sort();
}

function property(emu: Emulator, key: string): string | null {
  return emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty(key),
  );
}

/** A trigger made before this set-up ran (an older version, a bound copy, another document). */
function existing(
  emu: Emulator,
  record: Partial<TriggerRecord> & Pick<TriggerRecord, 'handler' | 'eventType'>,
): TriggerRecord {
  const clock = record.eventType === 'CLOCK';
  return emu.services.state.triggers.add({
    uid: emu.rt.newId('trigger-old-'),
    source: clock ? 'CLOCK' : 'SPREADSHEETS',
    sourceId: clock ? null : emu.spreadsheet.getId(),
    documentId: emu.spreadsheet.getId(),
    owner: OWNER,
    createdMs: emu.rt.nowMillis(),
    ...(clock ? { schedule: { kind: 'interval', everyMs: HOUR } as const } : {}),
    ...record,
  });
}

describe('set-up installs the tracker’s triggers once', () => {
  it('one hourly, one edit and one change trigger, the hourly one remembered for this document', () => {
    const emu = newEmulator();
    const report = setup(emu);
    expect(report.triggersInstalled.sort()).toEqual(TRACKER_HANDLERS);
    expect(report.triggerProblems).toEqual([]);
    expect(here(emu)).toEqual(TRACKER_HANDLERS);
    const hourly = mine(emu).find((t) => t.handler === 'onHourlyTrigger')!;
    expect(JSON.parse(property(emu, 'tracker.triggers')!)).toMatchObject({ hourly: hourly.uid });
  });

  it('run again: finds them (one getProjectTriggers call), installs and removes nothing', () => {
    const emu = newEmulator();
    setup(emu);
    const before = mine(emu).map((t) => t.uid);
    const again = emu.measure(() => emu.call<SetupReport>(OWNER, 'setupTracker'));
    expect(again.result!.triggersInstalled).toEqual([]);
    expect(mine(emu).map((t) => t.uid)).toEqual(before);
    expect(again.stats.byMethod['ScriptApp.getProjectTriggers']).toBe(1);
    expect(again.stats.byMethod['ScriptApp.getUserTriggers']).toBeUndefined();
  });
});

describe('as an add-on (one trigger per type per person per document)', () => {
  it('leaves another document’s hourly trigger alone and installs this document’s', () => {
    const emu = newEmulator();
    const other = existing(emu, {
      handler: 'onHourlyTrigger',
      eventType: 'CLOCK',
      documentId: 'another-doc',
    });
    const report = setup(emu);
    expect(report.triggersInstalled).toContain('onHourlyTrigger');
    expect(mine(emu).map((t) => t.uid)).toContain(other.uid);
    expect(mine(emu).filter((t) => t.handler === 'onHourlyTrigger')).toHaveLength(2);
  });

  it('adopts an hourly trigger made here by an older version (not remembered) instead of failing', () => {
    const emu = newEmulator();
    const old = existing(emu, { handler: 'onHourlyTrigger', eventType: 'CLOCK' });
    const report = setup(emu);
    expect(report.triggerProblems).toEqual([]);
    expect(
      mine(emu)
        .filter((t) => t.eventType === 'CLOCK')
        .map((t) => t.uid),
    ).toEqual([old.uid]);
    expect(JSON.parse(property(emu, 'tracker.triggers')!)).toMatchObject({ hourly: old.uid });
  });

  it('replaces an older version’s time-driven trigger of a handler the tracker no longer has', () => {
    const emu = newEmulator();
    existing(emu, { handler: 'onDailyTrigger', eventType: 'CLOCK' });
    const report = setup(emu);
    expect(report.triggerProblems).toEqual([]);
    expect(
      mine(emu)
        .filter((t) => t.eventType === 'CLOCK')
        .map((t) => t.handler),
    ).toEqual(['onHourlyTrigger']);
  });

  it('explains the one-per-type refusal when Google does not list the trigger it refers to', () => {
    const emu = newEmulator();
    emu.services.state.triggers.userTriggersListAddOnClocks = false;
    existing(emu, { handler: 'onHourlyTrigger', eventType: 'CLOCK' });
    const report = setup(emu);
    expect(report.ok).toBe(true);
    expect(report.triggerProblems).toEqual([
      expect.stringContaining(
        'Google lets an add-on have one trigger of each type per person in each document',
      ),
    ]);
    expect(report.message).toContain('could not add its hourly (time-driven) trigger');
    // The edit and change triggers were installed all the same.
    expect(report.triggersInstalled.sort()).toEqual(['onTrackerChange', 'onTrackerEdit']);
  });

  it('removes an edit trigger of a handler the tracker no longer has (it would fail at every edit)', () => {
    const emu = newEmulator();
    existing(emu, { handler: 'onEditInstalled', eventType: 'ON_EDIT' });
    setup(emu);
    expect(here(emu)).toEqual(TRACKER_HANDLERS);
  });

  it('explains the 20-triggers-per-person limit', () => {
    const emu = newEmulator();
    for (let i = 0; i < 20; i++)
      existing(emu, {
        handler: 'onTrackerEdit',
        eventType: 'ON_EDIT',
        sourceId: `doc-${i}`,
        documentId: `doc-${i}`,
      });
    const report = setup(emu);
    expect(report.ok).toBe(true);
    expect(report.triggersInstalled).toEqual([]);
    expect(report.triggerProblems).toHaveLength(3);
    expect(report.triggerProblems[0]).toContain(
      "you have 20 triggers of Partnership Tracker, Google's limit",
    );
  });
});

describe('in a bound copy of the script (no add-on rule): duplicates removed', () => {
  it('keeps one of each tracker trigger in this document and deletes the rest', () => {
    const emu = newEmulator({ addOn: false });
    existing(emu, { handler: 'onTrackerEdit', eventType: 'ON_EDIT' });
    existing(emu, { handler: 'onTrackerEdit', eventType: 'ON_EDIT' });
    existing(emu, { handler: 'onTrackerChange', eventType: 'ON_CHANGE' });
    existing(emu, { handler: 'onHourlyTrigger', eventType: 'CLOCK' });
    existing(emu, { handler: 'onHourlyTrigger', eventType: 'CLOCK' });
    existing(emu, { handler: 'nightly', eventType: 'CLOCK' });
    const report = setup(emu);
    expect(report.triggersInstalled).toEqual([]);
    expect(here(emu)).toEqual(TRACKER_HANDLERS);
  });

  it('a person’s edit is then audited once', () => {
    const emu = newEmulator({ addOn: false });
    existing(emu, { handler: 'onTrackerEdit', eventType: 'ON_EDIT' });
    existing(emu, { handler: 'onTrackerEdit', eventType: 'ON_EDIT' });
    setup(emu);
    emu.call(OWNER, 'savePartner', {
      partnerName: 'Acme Resellers',
      contactEmail: 'ops@acme-resellers.test',
      type: 'Reseller',
    });
    const edit = emu.edit(OWNER, 'Partners', 'L2', [['Met at the fair']]);
    expect(edit.fired.filter((f) => f.handler === 'onTrackerEdit')).toHaveLength(1);
  });
});
