/**
 * Help > Run self-test, through the shipped bundle: each service and permission the add-on relies
 * on, checked on the document, reported passed or failed with Google's own error text, and nothing
 * left behind (the test property, the test file, the lock).
 * Pinned behaviours: getAuthorizationInfo(FULL, scopes).getAuthorizedScopes()
 * (https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes()),
 * getProjectTriggers (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()),
 * MailApp.getRemainingDailyQuota (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()),
 * Lock.tryLock/releaseLock (https://developers.google.com/apps-script/reference/lock/lock).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DIST, type Emulator } from '../../emulator/harness';
import { newEmulator, OWNER, TEAMMATE } from '../support/emulator';

interface Item {
  name: string;
  ok: boolean;
  error?: string;
  detail?: string;
}

const MANIFEST: string[] = JSON.parse(
  readFileSync(path.join(DEFAULT_DIST, 'appsscript.json'), 'utf8'),
).oauthScopes;
const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
/** Apps Script's error for a call whose scope the manifest lacks (the emulator's wording of it). */
const MAIL_DENIED = `You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: ${MAIL}`;

function selfTest(emu: Emulator, user = OWNER) {
  return emu.measure(() => emu.call<{ items: Item[] }>(user, 'runSelfTest'));
}

function item(items: Item[], start: string): Item {
  const found = items.find((i) => i.name.startsWith(start));
  if (!found) throw new Error(`no item "${start}" in ${items.map((i) => i.name).join(', ')}`);
  return found;
}

function properties(emu: Emulator): Record<string, string> {
  return emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperties(),
  );
}

function trackerEmulator(options: Parameters<typeof newEmulator>[0] = {}): Emulator {
  const emu = newEmulator(options);
  emu.call(OWNER, 'setupTracker');
  return emu;
}

describe('Help > Run self-test on a set-up tracker', () => {
  it('is in the add-on menu under Help', () => {
    const emu = newEmulator();
    emu.open(OWNER);
    expect(emu.menuItems()).toEqual(
      expect.arrayContaining([{ caption: 'Run self-test', functionName: 'menuRunSelfTest' }]),
    );
    const help = emu.services.state.ui.menus[0].items.find((e) => 'subMenu' in e);
    expect(help && 'subMenu' in help && help.subMenu.caption).toBe('Help');
  });

  it('every check passes, one per permission of the manifest and one per service', () => {
    const emu = trackerEmulator();
    const outcome = selfTest(emu);
    expect(outcome.ok).toBe(true);
    const items = outcome.result!.items;
    expect(items.filter((i) => !i.ok)).toEqual([]);
    expect(items.filter((i) => i.name.startsWith('Permission: '))).toHaveLength(MANIFEST.length);
    for (const start of [
      'Spreadsheet',
      'Session',
      'Document properties',
      'Document lock',
      'Triggers: list',
      "Triggers: the tracker's",
      'Mail',
      'Files',
    ])
      expect(item(items, start).ok).toBe(true);
    expect(item(items, 'Mail').detail).toBe('100 recipient(s) left today');
    // no file is created (under drive.file there is no call to delete it again)
    expect(outcome.stats.byMethod['Sheets.Spreadsheets.create']).toBeUndefined();
  });

  it('cleans up: no test property, no file created, the lock free', () => {
    const emu = trackerEmulator();
    const keysBefore = Object.keys(properties(emu)).sort();
    const filesBefore = [...emu.rt.files.values()].filter((f) => !f.trashed).map((f) => f.id);
    selfTest(emu);
    expect(Object.keys(properties(emu)).sort()).toEqual(keysBefore);
    const created = [...emu.rt.files.values()].filter((f) => !filesBefore.includes(f.id));
    expect(created).toEqual([]);
    const locked = emu.rt.uncounted(() =>
      (emu.services.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock().tryLock(0),
    );
    expect(locked).toBe(true);
  });

  it('from the menu: shows each check in an alert', () => {
    const emu = trackerEmulator();
    emu.open(OWNER);
    emu.menu(OWNER, 'Run self-test');
    const alert = emu.services.state.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Partnership Tracker self-test');
    expect(alert.prompt).toMatch(/^All \d+ checks passed\./);
    expect(alert.prompt).toContain('passed: Mail: the daily quota left (100 recipient(s) left today)');
  });

  it('before set-up: the tracker’s triggers are reported missing, with what to do', () => {
    const emu = newEmulator();
    const items = selfTest(emu).result!.items;
    expect(item(items, "Triggers: the tracker's")).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        'Missing in this document: onHourlyTrigger, onTrackerEdit, onTrackerChange',
      ),
    });
  });

  it('is the owner’s: a teammate is told so', () => {
    const emu = trackerEmulator();
    const outcome = selfTest(emu, TEAMMATE);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `Run self-test is for the tracker's owner (${OWNER}): it checks the permissions and triggers that run as them.`,
    );
  });
});

describe('Run self-test reports Google’s errors as they are', () => {
  it('a manifest missing the mail scope: that permission and the mail check fail, the rest pass', () => {
    // Set up under the full manifest, then a version deployed whose manifest lacks script.send_mail
    // (the emulator's oauthScopes hook: no one can have granted it). The emulator does not yet
    // refuse MailApp calls for a scope missing from the manifest, so the call is failed with Apps
    // Script's authorization error through a fault.
    const deployed = [...MANIFEST];
    const emu = trackerEmulator({ oauthScopes: deployed });
    deployed.splice(deployed.indexOf(MAIL), 1);
    emu.rt.failCall('MailApp.getRemainingDailyQuota', MAIL_DENIED);
    const items = selfTest(emu).result!.items;
    expect(items.filter((i) => !i.ok)).toEqual([
      {
        name: 'Permission: send email as you (notices to partners)',
        ok: false,
        error: `Not granted: ${MAIL}`,
      },
      { name: 'Mail: the daily quota left', ok: false, error: MAIL_DENIED },
    ]);
  });

  it('a manifest without the Sheets API: the file check fails, naming what to enable', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'appsscript.json'), 'utf8'));
    delete manifest.dependencies;
    const emu = trackerEmulator({ manifest });
    const files = item(selfTest(emu).result!.items, 'Files');
    expect(files).toMatchObject({ ok: false });
    expect(files.error).toMatch(/Google Sheets API advanced service is not enabled/);
  });

  it('a document property write refused: reported, and the key is not left behind', () => {
    const emu = trackerEmulator();
    emu.rt.failCall('Properties.getProperty', 'Service error: Properties');
    const items = selfTest(emu).result!.items;
    expect(item(items, 'Document properties')).toMatchObject({
      ok: false,
      error: 'Service error: Properties',
    });
    expect(properties(emu)['tracker.selfTest']).toBeUndefined();
  });
});
