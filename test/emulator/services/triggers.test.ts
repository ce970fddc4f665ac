import { nextFireTimes } from '../../../emulator/services';
import { OWNER, as, setup } from './setup';

const iso = (ms: number) => new Date(ms).toISOString();

describe('ScriptApp triggers', () => {
  test('an installable edit trigger belongs to its creator and is listed for the document', () => {
    const { rt, globals, state } = setup();
    const trigger = rt.execute(as('a@example.com'), () =>
      globals.ScriptApp.newTrigger('onEditInstalled').forSpreadsheet('doc-1').onEdit().create(),
    );
    expect(trigger.getHandlerFunction()).toBe('onEditInstalled');
    expect(String(trigger.getEventType())).toBe('ON_EDIT');
    expect(String(trigger.getTriggerSource())).toBe('SPREADSHEETS');
    expect(trigger.getTriggerSourceId()).toBe('doc-1');
    const listed = state.triggers.forDocument('doc-1', 'ON_EDIT');
    expect(listed.map((t) => [t.uid, t.owner])).toEqual([[trigger.getUniqueId(), 'a@example.com']]);
    expect(rt.execute(as('a@example.com'), () => globals.ScriptApp.getProjectTriggers().length)).toBe(1);
    expect(rt.execute(as('b@example.com'), () => globals.ScriptApp.getProjectTriggers().length)).toBe(0);
  });

  test('an add-on can create only one edit trigger per user per document', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => {
      globals.ScriptApp.newTrigger('h1').forSpreadsheet('doc-1').onEdit().create();
      expect(() => globals.ScriptApp.newTrigger('h2').forSpreadsheet('doc-1').onEdit().create()).toThrow(
        'This add-on has created too many edit triggers in this document for this Google user account.',
      );
      expect(() =>
        globals.ScriptApp.newTrigger('h3').forSpreadsheet('doc-1').onChange().create(),
      ).not.toThrow();
      expect(() =>
        globals.ScriptApp.newTrigger('h4').forSpreadsheet('doc-2').onEdit().create(),
      ).not.toThrow();
    });
    expect(() =>
      rt.execute(as('b@example.com'), () =>
        globals.ScriptApp.newTrigger('h1').forSpreadsheet('doc-1').onEdit().create(),
      ),
    ).not.toThrow();
  });

  test('a script (not an add-on) may create several edit triggers, up to 20 per user', () => {
    const { globals } = setup({ addOn: false });
    for (let i = 0; i < 20; i++)
      globals.ScriptApp.newTrigger(`h${i}`).forSpreadsheet('doc-1').onEdit().create();
    expect(() => globals.ScriptApp.newTrigger('h20').forSpreadsheet('doc-1').onEdit().create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  test('everyMinutes is refused for an add-on', () => {
    const { globals } = setup();
    expect(() => globals.ScriptApp.newTrigger('tick').timeBased().everyMinutes(30).create()).toThrow(
      'more often than once per hour',
    );
    expect(globals.ScriptApp.getProjectTriggers()).toHaveLength(0);
  });

  test('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    const { globals } = setup({ addOn: false });
    expect(() => globals.ScriptApp.newTrigger('tick').timeBased().everyMinutes(7)).toThrow('everyMinutes');
    expect(() => globals.ScriptApp.newTrigger('tick').timeBased().everyMinutes(15).create()).not.toThrow();
  });

  test('an add-on can create one time-driven trigger per user per document', () => {
    const { globals } = setup();
    globals.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(2).create();
    expect(() => globals.ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
  });

  test('a daily trigger at hour 2 fires once a day', () => {
    const { globals, state } = setup({}, '2026-01-01T09:30:00Z');
    globals.ScriptApp.newTrigger('nightly').timeBased().everyDays(1).atHour(2).create();
    const [record] = state.triggers.all();
    expect(nextFireTimes(record.schedule!, record.createdMs, 3).map(iso)).toEqual([
      '2026-01-02T02:00:00.000Z',
      '2026-01-03T02:00:00.000Z',
      '2026-01-04T02:00:00.000Z',
    ]);
    const fired: string[] = [];
    const until = Date.parse('2026-01-04T12:00:00Z');
    for (let due = state.triggers.nextDue(until); due; due = state.triggers.nextDue(until)) {
      fired.push(iso(due.atMs));
      state.triggers.markFired(due.trigger, due.atMs);
    }
    expect(fired).toEqual([
      '2026-01-02T02:00:00.000Z',
      '2026-01-03T02:00:00.000Z',
      '2026-01-04T02:00:00.000Z',
    ]);
  });

  test('a daily trigger fires at its hour in the trigger time zone', () => {
    const { globals, state } = setup({}, '2026-07-01T12:00:00Z');
    globals.ScriptApp.newTrigger('nightly')
      .timeBased()
      .everyDays(1)
      .atHour(2)
      .nearMinute(15)
      .inTimezone('America/New_York')
      .create();
    const [record] = state.triggers.all();
    // 02:15 EDT (UTC-4) is 06:15 UTC.
    expect(iso(record.nextFireMs!)).toBe('2026-07-02T06:15:00.000Z');
  });

  test('everyHours(n) fires n hours after creation and every n hours', () => {
    const { globals, state } = setup({}, '2026-01-01T09:10:00Z');
    globals.ScriptApp.newTrigger('sync').timeBased().everyHours(6).create();
    const [record] = state.triggers.all();
    expect(nextFireTimes(record.schedule!, record.createdMs, 2).map(iso)).toEqual([
      '2026-01-01T15:10:00.000Z',
      '2026-01-01T21:10:00.000Z',
    ]);
    expect(state.triggers.dueTimeTriggers(Date.parse('2026-01-01T15:09:59Z'))).toEqual([]);
  });

  test('an after(ms) trigger fires once and is then gone', () => {
    const { rt, globals, state } = setup();
    globals.ScriptApp.newTrigger('later').timeBased().after(90_000).create();
    const due = state.triggers.nextDue(rt.nowMillis() + 90_000)!;
    expect(due.trigger.handler).toBe('later');
    state.triggers.markFired(due.trigger, due.atMs);
    expect(state.triggers.all()).toEqual([]);
  });

  test('triggers cannot be created from a simple trigger', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com', 'LIMITED', 'simpleTrigger'), () => {
      expect(() => globals.ScriptApp.newTrigger('h').forSpreadsheet('doc-1').onEdit().create()).toThrow(
        'You do not have permission to call ScriptApp.newTrigger',
      );
    });
  });

  test("deleteTrigger removes the current user's trigger only", () => {
    const { rt, globals, state } = setup();
    const mine = rt.execute(as('a@example.com'), () =>
      globals.ScriptApp.newTrigger('h').forSpreadsheet('doc-1').onEdit().create(),
    );
    rt.execute(as('b@example.com'), () => globals.ScriptApp.deleteTrigger(mine));
    expect(state.triggers.all()).toHaveLength(1);
    rt.execute(as('a@example.com'), () => globals.ScriptApp.deleteTrigger(mine));
    expect(state.triggers.all()).toHaveLength(0);
  });

  test("getUserTriggers lists the current user's triggers of that spreadsheet", () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => {
      globals.ScriptApp.newTrigger('h').forSpreadsheet('doc-1').onEdit().create();
      globals.ScriptApp.newTrigger('t').timeBased().everyDays(1).atHour(3).create();
      globals.ScriptApp.newTrigger('o').forSpreadsheet('doc-2').onOpen().create();
      const handlers = globals.ScriptApp.getUserTriggers({ getId: () => 'doc-1' }).map((t) =>
        t.getHandlerFunction(),
      );
      expect(handlers).toEqual(['h', 't']);
    });
  });

  test('getAuthorizationInfo says REQUIRED for a user who has not authorized', () => {
    const { rt, globals, state } = setup();
    const status = (user: string) =>
      rt.execute(as(user), () => {
        const info = globals.ScriptApp.getAuthorizationInfo(globals.ScriptApp.AuthMode.FULL);
        return [String(info.getAuthorizationStatus()), info.getAuthorizationUrl()];
      });
    expect(status(OWNER)).toEqual(['NOT_REQUIRED', null]);
    const [required, url] = status('new@example.com');
    expect(required).toBe('REQUIRED');
    expect(url).toMatch(/^https:\/\/script\.google\.com\//);
    state.triggers.authorizedUsers.add('new@example.com');
    expect(status('new@example.com')[0]).toBe('NOT_REQUIRED');
  });
});
