/**
 * Apps Script enums. The real ones are objects whose toString() is the member's name; here each
 * member is that name as a string, so `x === ScriptApp.AuthMode.FULL` and logging behave alike.
 */
function enumOf<T>(names: readonly string[]): T {
  const result: Record<string, string> = {};
  for (const name of names) result[name] = name;
  return Object.freeze(result) as unknown as T;
}

export const Button = enumOf<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>([
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);
export const SandboxMode = enumOf<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = enumOf<typeof GoogleAppsScript.HTML.XFrameOptionsMode>([
  'ALLOWALL',
  'DEFAULT',
]);
export const AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>([
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
]);
export const AuthorizationStatus = enumOf<typeof GoogleAppsScript.Script.AuthorizationStatus>([
  'REQUIRED',
  'NOT_REQUIRED',
]);
export const EventType = enumOf<typeof GoogleAppsScript.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = enumOf<typeof GoogleAppsScript.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
export const InstallationSource = enumOf<typeof GoogleAppsScript.Script.InstallationSource>([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);
export const Weekday = enumOf<typeof GoogleAppsScript.Base.Weekday>([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
export const DigestAlgorithm = enumOf<typeof GoogleAppsScript.Utilities.DigestAlgorithm>([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]);
export const MacAlgorithm = enumOf<typeof GoogleAppsScript.Utilities.MacAlgorithm>([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
export const Charset = enumOf<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);
export const RsaAlgorithm = enumOf<typeof GoogleAppsScript.Utilities.RsaAlgorithm>([
  'RSA_SHA_1',
  'RSA_SHA_256',
]);
export const Access = enumOf<typeof GoogleAppsScript.Drive.Access>([
  'ANYONE',
  'ANYONE_WITH_LINK',
  'DOMAIN',
  'DOMAIN_WITH_LINK',
  'PRIVATE',
]);
export const Permission = enumOf<typeof GoogleAppsScript.Drive.Permission>([
  'VIEW',
  'EDIT',
  'COMMENT',
  'OWNER',
  'ORGANIZER',
  'NONE',
]);
