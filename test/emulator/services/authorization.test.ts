/**
 * ScriptApp's authorization checks and project triggers, as Google's reference describes them:
 * https://developers.google.com/apps-script/reference/script/script-app (getAuthorizationInfo,
 * requireScopes, requireAllScopes, getProjectTriggers, invalidateAuth),
 * https://developers.google.com/apps-script/reference/script/authorization-info and
 * https://developers.google.com/apps-script/reference/script/authorization-status.
 */
import { ExecutionEnded } from '../../../emulator/runtime';
import { AUTHORIZATION_REQUIRED } from '../../../emulator/services/script-app';
import { DOC, OWNER, as, setup } from './setup';

const SHEETS = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const UI = 'https://www.googleapis.com/auth/script.container.ui';
const MANIFEST = [SHEETS, UI, MAIL];
const REP = 'rep@example.com';

function withManifest() {
  return setup({ oauthScopes: () => MANIFEST });
}

describe('ScriptApp.getAuthorizationInfo (granular consent)', () => {
  test('NOT_REQUIRED with no URL once every scope of the manifest is granted', () => {
    const { rt, globals } = withManifest();
    const info = rt.execute(as(OWNER), () =>
      globals.ScriptApp.getAuthorizationInfo(globals.ScriptApp.AuthMode.FULL),
    );
    expect(String(info.getAuthorizationStatus())).toBe('NOT_REQUIRED');
    // "This method returns null if no authorization is required." (authorization-info#getAuthorizationUrl())
    expect(info.getAuthorizationUrl()).toBeNull();
    expect(info.getAuthorizedScopes()).toEqual(MANIFEST);
  });

  test('a person who granted only some scopes: REQUIRED, the granted ones listed, a URL to grant the rest', () => {
    const { rt, globals, state } = withManifest();
    state.triggers.grantOnly(REP, [SHEETS, UI]);
    const [status, scopes, url] = rt.execute(as(REP), () => {
      const info = globals.ScriptApp.getAuthorizationInfo(globals.ScriptApp.AuthMode.FULL);
      return [String(info.getAuthorizationStatus()), info.getAuthorizedScopes(), info.getAuthorizationUrl()];
    });
    expect(status).toBe('REQUIRED');
    expect(scopes).toEqual([SHEETS, UI]);
    expect(url).toMatch(/^https:\/\/script\.google\.com\/.*authorize/);
  });

  test('asked about a list of scopes: NOT_REQUIRED when those are granted, whatever else is missing', () => {
    const { rt, globals, state } = withManifest();
    state.triggers.grantOnly(REP, [SHEETS, UI]);
    const ask = (scopes: string[]) =>
      rt.execute(as(REP), () => {
        const info = globals.ScriptApp.getAuthorizationInfo(globals.ScriptApp.AuthMode.FULL, scopes);
        return [String(info.getAuthorizationStatus()), info.getAuthorizedScopes()];
      });
    expect(ask([SHEETS, UI])).toEqual(['NOT_REQUIRED', [SHEETS, UI]]);
    expect(ask([SHEETS, MAIL])).toEqual(['REQUIRED', [SHEETS]]);
  });

  test('a scope the manifest does not request can never be granted', () => {
    const { rt, globals } = withManifest();
    const drive = 'https://www.googleapis.com/auth/drive';
    const status = rt.execute(as(OWNER), () =>
      String(
        globals.ScriptApp.getAuthorizationInfo(globals.ScriptApp.AuthMode.FULL, [
          drive,
        ]).getAuthorizationStatus(),
      ),
    );
    expect(status).toBe('REQUIRED');
  });

  test('only FULL asks for a grant ("no other authorization mode requires that users grant authorization")', () => {
    const { rt, globals } = withManifest();
    const status = rt.execute(as('stranger@example.com'), () =>
      String(
        globals.ScriptApp.getAuthorizationInfo(globals.ScriptApp.AuthMode.LIMITED).getAuthorizationStatus(),
      ),
    );
    expect(status).toBe('NOT_REQUIRED');
  });

  test('invalidateAuth withdraws the grant: REQUIRED again', () => {
    const { rt, globals } = withManifest();
    const status = () =>
      rt.execute(as(OWNER), () =>
        String(
          globals.ScriptApp.getAuthorizationInfo(globals.ScriptApp.AuthMode.FULL).getAuthorizationStatus(),
        ),
      );
    expect(status()).toBe('NOT_REQUIRED');
    rt.execute(as(OWNER), () => globals.ScriptApp.invalidateAuth());
    expect(status()).toBe('REQUIRED');
  });
});

describe('ScriptApp.requireScopes / requireAllScopes', () => {
  test('does nothing when the scopes are granted', () => {
    const { rt, globals, state } = withManifest();
    rt.execute(as(OWNER, 'FULL', 'menu'), () => {
      globals.ScriptApp.requireScopes(globals.ScriptApp.AuthMode.FULL, [SHEETS, MAIL]);
      globals.ScriptApp.requireAllScopes(globals.ScriptApp.AuthMode.FULL);
    });
    expect(state.ui.consentPrompts).toEqual([]);
  });

  test('with a person present (a menu item): ends the execution and shows the consent prompt for the missing scopes', () => {
    const { rt, globals, state } = withManifest();
    state.triggers.grantOnly(REP, [SHEETS, UI]);
    let after = false;
    expect(() =>
      rt.execute(as(REP, 'FULL', 'menu'), () => {
        globals.ScriptApp.requireScopes(globals.ScriptApp.AuthMode.FULL, [SHEETS, MAIL]);
        after = true;
      }),
    ).toThrow(ExecutionEnded);
    expect(after).toBe(false);
    expect(state.ui.consentPrompts).toEqual([{ user: REP, scopes: [MAIL] }]);
  });

  test('requireAllScopes asks for every scope of the manifest not granted', () => {
    const { rt, globals, state } = withManifest();
    state.triggers.grantOnly(REP, [SHEETS]);
    expect(() =>
      rt.execute(as(REP, 'FULL', 'call'), () =>
        globals.ScriptApp.requireAllScopes(globals.ScriptApp.AuthMode.FULL),
      ),
    ).toThrow(ExecutionEnded);
    expect(state.ui.consentPrompts).toEqual([{ user: REP, scopes: [UI, MAIL] }]);
  });

  test('in a trigger (no one to ask): Apps Script’s authorization error', () => {
    const { rt, globals, state } = withManifest();
    state.triggers.grantOnly(OWNER, [SHEETS, UI]);
    expect(() =>
      rt.execute(as(OWNER, 'FULL', 'timeTrigger'), () =>
        globals.ScriptApp.requireScopes(globals.ScriptApp.AuthMode.FULL, [MAIL]),
      ),
    ).toThrow(AUTHORIZATION_REQUIRED);
    expect(state.ui.consentPrompts).toEqual([]);
  });
});

describe('ScriptApp.getProjectTriggers for an add-on', () => {
  test("lists the user's triggers of every document; a time-driven trigger names no document", () => {
    const { rt, globals, state } = setup();
    state.triggers.add({
      uid: 'other-clock',
      handler: 'onHourlyTrigger',
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      documentId: 'doc-2',
      owner: OWNER,
      createdMs: rt.nowMillis(),
      schedule: { kind: 'interval', everyMs: 3_600_000 },
    });
    const listed = rt.execute(as(OWNER), () => {
      globals.ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create();
      globals.ScriptApp.newTrigger('onTrackerEdit').forSpreadsheet(DOC).onEdit().create();
      return globals.ScriptApp.getProjectTriggers().map((t) => [
        t.getHandlerFunction(),
        t.getTriggerSourceId(),
      ]);
    });
    expect(listed).toEqual([
      ['onHourlyTrigger', null],
      ['onHourlyTrigger', null],
      ['onTrackerEdit', DOC],
    ]);
  });

  test('getUserTriggers(document) may or may not list an add-on’s time-driven triggers (undocumented): both are modelled', () => {
    const { rt, globals, state } = setup();
    const handlers = () =>
      rt.execute(as(OWNER), () =>
        globals.ScriptApp.getUserTriggers({ getId: () => DOC }).map((t) => t.getHandlerFunction()),
      );
    rt.execute(as(OWNER), () =>
      globals.ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create(),
    );
    expect(handlers()).toEqual(['onHourlyTrigger']);
    state.triggers.userTriggersListAddOnClocks = false;
    expect(handlers()).toEqual([]);
  });
});
