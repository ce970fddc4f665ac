/**
 * Authorization at the entry points, through the shipped bundle. A person may grant only some of
 * the manifest's scopes (granular consent: "scripts should be designed to handle these permissions
 * using requireScopes or getAuthorizationInfo", https://developers.google.com/apps-script/concepts/scopes);
 * a published add-on's installable trigger "runs the script without prompting for authorization but
 * throws an exception if the script attempts to call the unauthorized service"
 * (https://developers.google.com/apps-script/reference/script/authorization-status).
 * Methods: https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode)
 * and #requireScopes(AuthMode,String).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DIST, type Emulator } from '../../emulator/harness';
import { finishDay, newEmulator, OWNER, runHourly, TEAMMATE } from '../support/emulator';

const MANIFEST: string[] = JSON.parse(
  readFileSync(path.join(DEFAULT_DIST, 'appsscript.json'), 'utf8'),
).oauthScopes;
const AUTH = 'https://www.googleapis.com/auth/';
const MAIL = `${AUTH}script.send_mail`;
const UI = `${AUTH}script.container.ui`;
const SCRIPT_APP = `${AUTH}script.scriptapp`;
const SHEETS = `${AUTH}spreadsheets.currentonly`;
const without = (...scopes: string[]) => MANIFEST.filter((s) => !scopes.includes(s));

function grantOnly(emu: Emulator, user: string, scopes: string[]): void {
  emu.services.state.triggers.grantOnly(user, scopes);
}

function grantAll(emu: Emulator, user: string): void {
  emu.services.state.triggers.revoke(user);
  emu.services.state.triggers.authorizedUsers.add(user);
}

function schedule(emu: Emulator): unknown {
  const text = emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty('tracker.schedule'),
  );
  return text ? JSON.parse(text) : null;
}

describe('a menu item checks the permissions it needs first', () => {
  it('the manifest requests the scopes these tests take away', () => {
    expect(MANIFEST).toEqual(expect.arrayContaining([MAIL, UI, SCRIPT_APP, SHEETS]));
  });

  it('everything granted: the sidebar opens after one getAuthorizationInfo call, no prompt', () => {
    const emu = newEmulator();
    emu.open(TEAMMATE);
    const outcome = emu.measure(() => emu.menu(TEAMMATE, 'Register lead'));
    expect(outcome.ok).toBe(true);
    expect(emu.services.state.ui.sidebar?.title).toBe('Register lead');
    expect(outcome.stats.byMethod['ScriptApp.getAuthorizationInfo']).toBe(1);
    expect(emu.services.state.ui.consentPrompts).toEqual([]);
  });

  it('a person who left out a permission is told which, in plain words, then Google asks for it', () => {
    const emu = newEmulator();
    emu.open(TEAMMATE);
    grantOnly(emu, TEAMMATE, without(MAIL));
    const outcome = emu.measure(() => emu.menu(TEAMMATE, 'Register lead'));
    expect(outcome.ok).toBe(true);
    const [alert] = emu.services.state.ui.alerts;
    expect(alert.title).toBe('Permissions needed');
    expect(alert.prompt).toContain('needs a permission you have not granted: to send email as you');
    expect(alert.prompt).toMatch(/open https:\/\/script\.google\.com\/\S+authorize/);
    expect(emu.services.state.ui.consentPrompts).toEqual([{ user: TEAMMATE, scopes: [MAIL] }]);
    expect(emu.services.state.ui.sidebar).toBeUndefined();
  });

  it('without the permission to show dialogs: no alert (it would fail), Google’s prompt only', () => {
    const emu = newEmulator();
    emu.open(TEAMMATE);
    grantOnly(emu, TEAMMATE, without(UI));
    emu.menu(TEAMMATE, 'Review leads');
    expect(emu.services.state.ui.alerts).toEqual([]);
    expect(emu.services.state.ui.consentPrompts).toEqual([{ user: TEAMMATE, scopes: [UI] }]);
  });

  it('Set up tracker also needs what the owner’s triggers will need; nothing is built without it', () => {
    const emu = newEmulator();
    emu.open(OWNER);
    grantOnly(emu, OWNER, without(SCRIPT_APP));
    const before = Object.keys(emu.sheets());
    emu.menu(OWNER, 'Set up tracker');
    expect(emu.services.state.ui.consentPrompts).toEqual([{ user: OWNER, scopes: [SCRIPT_APP] }]);
    expect(Object.keys(emu.sheets())).toEqual(before);
    expect(emu.services.state.triggers.all()).toEqual([]);
  });
});

describe('the hourly trigger stops quietly when its owner has not granted what it needs', () => {
  it('pauses (nothing run, nothing written, no failure), and runs again once granted', () => {
    const emu = newEmulator();
    emu.call(OWNER, 'setupTracker');
    const stored = schedule(emu);
    grantOnly(emu, OWNER, without(MAIL));
    const paused = runHourly(emu);
    expect(paused.result).toMatchObject({ action: 'paused', missingScopes: [MAIL], jobs: [] });
    expect(paused.stats.cells.written).toBe(0);
    expect(paused.stats.byMethod['Properties.setProperties']).toBeUndefined();
    expect(schedule(emu)).toEqual(stored);

    grantAll(emu, OWNER);
    const resumed = runHourly(emu);
    // the day's jobs run, one heavy step an execution; the Dashboard's refresh in one of its own
    expect(resumed.result).toMatchObject({ action: 'started', finished: false });
    emu.rt.advance(3_600_000);
    expect(finishDay(emu).result).toMatchObject({ action: 'continued', finished: true });
  });

  it('an idle hour (the day’s jobs done) asks nothing of ScriptApp', () => {
    const emu = newEmulator();
    emu.call(OWNER, 'setupTracker');
    finishDay(emu); // the day's jobs, the Dashboard's refresh in an execution of its own
    emu.rt.advance(3_600_000);
    const idle = runHourly(emu);
    expect(idle.result).toMatchObject({ action: 'idle' });
    expect(idle.stats.byMethod['ScriptApp.getAuthorizationInfo']).toBeUndefined();
  });
});

describe('the edit trigger stops quietly on an authorization error its owner caused', () => {
  // The emulator does not enforce manifest scopes on SpreadsheetApp yet: the fault makes the
  // trigger's first service call fail with Apps Script's authorization error, as it would.
  const DENIED = `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ${SHEETS}`;

  function edited(emu: Emulator) {
    emu.rt.failCall('*', DENIED);
    const outcome = emu.edit(OWNER, 'Partners', 'L2', [['Met at the fair']]);
    emu.rt.clearFaults();
    return outcome.fired.find((f) => f.handler === 'onTrackerEdit')!;
  }

  function trackerWithPartner(): Emulator {
    const emu = newEmulator();
    emu.call(OWNER, 'setupTracker');
    emu.call(OWNER, 'savePartner', { partnerName: 'Acme', contactEmail: 'ops@acme.test', type: 'Referral' });
    return emu;
  }

  it('owner without the scope: the trigger ends without failing and writes nothing', () => {
    const emu = trackerWithPartner();
    const auditRows = emu.sheets()['Audit Log'].length;
    grantOnly(emu, OWNER, without(SHEETS));
    const fired = edited(emu);
    expect(fired).toMatchObject({ ok: true });
    expect(emu.sheets()['Audit Log']).toHaveLength(auditRows);
  });

  it('owner with every scope: the same error is a real failure and is not hidden', () => {
    const emu = trackerWithPartner();
    const fired = edited(emu);
    expect(fired).toMatchObject({ ok: false, error: DENIED });
  });
});
