/**
 * What Google's ScriptApp reference documents and @types/google-apps-script 2.0.13 lacks: the
 * granular-consent forms of getAuthorizationInfo and AuthorizationInfo.getAuthorizedScopes.
 * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
 * https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes()
 */
declare namespace GoogleAppsScript.Script {
  interface ScriptApp {
    /** Whether the user granted the listed scopes (NOT_REQUIRED when they all are). */
    getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
  }
  interface AuthorizationInfo {
    /** The scopes the user granted, of those asked about (of the script's, when none were listed). */
    getAuthorizedScopes(): string[] | null;
  }
}
