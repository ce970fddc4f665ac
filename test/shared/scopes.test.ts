/** The scope table the entry points check against (src/shared/scopes.ts) and the manifest it covers. */
import manifest from '../../appsscript.json';
import {
  authorizationError,
  authorizationMessage,
  SCOPE_USES,
  scopesNeededBy,
} from '../../src/shared/scopes';

const AUTH = 'https://www.googleapis.com/auth/';

describe('OAuth scopes: what each is for and where it is needed', () => {
  test('every scope appsscript.json requests is described (purpose and entry points)', () => {
    for (const scope of manifest.oauthScopes) {
      expect(SCOPE_USES[scope]).toBeDefined();
      expect(SCOPE_USES[scope].purpose.length).toBeGreaterThan(10);
    }
  });

  test('set-up needs what the triggers it installs need; a menu item less', () => {
    const setup = scopesNeededBy(manifest.oauthScopes, 'setup');
    for (const scope of scopesNeededBy(manifest.oauthScopes, 'trigger')) expect(setup).toContain(scope);
    expect(scopesNeededBy(manifest.oauthScopes, 'menu')).not.toContain(`${AUTH}script.scriptapp`);
    expect(scopesNeededBy(manifest.oauthScopes, 'trigger')).not.toContain(`${AUTH}script.container.ui`);
  });

  test('a scope the table does not know is needed everywhere (never skipped)', () => {
    const unknown = `${AUTH}calendar`;
    for (const entry of ['menu', 'setup', 'trigger'] as const)
      expect(scopesNeededBy([unknown], entry)).toEqual([unknown]);
  });

  test('the message names each missing permission and where to grant it', () => {
    expect(
      authorizationMessage([`${AUTH}script.send_mail`, `${AUTH}drive.file`], 'https://x.test/auth'),
    ).toBe(
      "Partnership Tracker needs permissions you have not granted: to send email as you (notices to partners); to create files in your Drive and share them (the audit archive, the partners' views, the registration form). Allow them when Google asks (run the menu item again if it does not ask), or open https://x.test/auth.",
    );
  });

  test('Apps Script’s authorization errors are recognized, with the scope they name', () => {
    expect(
      authorizationError(
        `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${AUTH}script.external_request`,
      ),
    ).toEqual({ scope: `${AUTH}script.external_request` });
    expect(authorizationError('Authorization is required to perform that action.')).toEqual({ scope: null });
    expect(authorizationError('Lead L-9 was not found')).toBeNull();
  });
});
