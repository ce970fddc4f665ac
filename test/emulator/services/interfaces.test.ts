/**
 * Every emulated class exposes only methods the real Apps Script class has. Checked twice: at
 * compile time (`npx tsc`: each `Extra<...>` must be never) and at run time (the prototype's
 * public methods are all in a list typed against the real interface).
 */
import { EmuBlob } from '../../../emulator/services/blob';
import { EmuCache, EmuCacheService } from '../../../emulator/services/cache';
import { EmuDriveUser, EmuFile } from '../../../emulator/services/drive';
import { EmuDriveApp, EmuFileIterator } from '../../../emulator/services/drive-app';
import { EmuHtmlOutput } from '../../../emulator/services/html-output';
import { EmuHtmlService } from '../../../emulator/services/html-service';
import { EmuHtmlTemplate } from '../../../emulator/services/html-template';
import { EmuLock, EmuLockService } from '../../../emulator/services/lock';
import { EmuConsole, EmuLogger } from '../../../emulator/services/logger';
import { EmuMailApp } from '../../../emulator/services/mail';
import { EmuProperties, EmuPropertiesService } from '../../../emulator/services/properties';
import { EmuAuthorizationInfo, EmuScriptApp, EmuTrigger } from '../../../emulator/services/script-app';
import { EmuSession } from '../../../emulator/services/session';
import {
  EmuClockTriggerBuilder,
  EmuSpreadsheetTriggerBuilder,
  EmuTriggerBuilder,
} from '../../../emulator/services/trigger-builders';
import { EmuMenu, EmuPromptResponse, EmuUi } from '../../../emulator/services/ui';
import { EmuHttpResponse, EmuUrlFetchApp } from '../../../emulator/services/url-fetch';
import { EmuUtilities } from '../../../emulator/services/utilities';

/** The public members of E that the real interface R lacks: must be never. */
type Extra<E, R> = Exclude<keyof E, keyof R>;
type IsNever<T> = [T] extends [never] ? true : false;
const none = <T>(ok: IsNever<T>) => ok;

/** Checked by `npx tsc -p tsconfig.json --noEmit` (jest does not type-check). */
export const compileTimeChecks = [
  none<Extra<EmuSession, GoogleAppsScript.Base.Session>>(true),
  none<Extra<EmuUi, GoogleAppsScript.Base.Ui>>(true),
  none<Extra<EmuMenu, GoogleAppsScript.Base.Menu>>(true),
  none<Extra<EmuPromptResponse, GoogleAppsScript.Base.PromptResponse>>(true),
  none<Extra<EmuBlob, GoogleAppsScript.Base.Blob>>(true),
  none<Extra<EmuLogger, GoogleAppsScript.Base.Logger>>(true),
  none<Extra<EmuConsole, Console>>(true),
  none<Extra<EmuHtmlService, GoogleAppsScript.HTML.HtmlService>>(true),
  none<Extra<EmuHtmlOutput, GoogleAppsScript.HTML.HtmlOutput>>(true),
  none<Extra<EmuHtmlTemplate, GoogleAppsScript.HTML.HtmlTemplate>>(true),
  none<Extra<EmuLockService, GoogleAppsScript.Lock.LockService>>(true),
  none<Extra<EmuLock, GoogleAppsScript.Lock.Lock>>(true),
  none<Extra<EmuPropertiesService, GoogleAppsScript.Properties.PropertiesService>>(true),
  none<Extra<EmuProperties, GoogleAppsScript.Properties.Properties>>(true),
  none<Extra<EmuCacheService, GoogleAppsScript.Cache.CacheService>>(true),
  none<Extra<EmuCache, GoogleAppsScript.Cache.Cache>>(true),
  none<Extra<EmuScriptApp, GoogleAppsScript.Script.ScriptApp>>(true),
  none<Extra<EmuTrigger, GoogleAppsScript.Script.Trigger>>(true),
  none<Extra<EmuAuthorizationInfo, GoogleAppsScript.Script.AuthorizationInfo>>(true),
  none<Extra<EmuTriggerBuilder, GoogleAppsScript.Script.TriggerBuilder>>(true),
  none<Extra<EmuSpreadsheetTriggerBuilder, GoogleAppsScript.Script.SpreadsheetTriggerBuilder>>(true),
  none<Extra<EmuClockTriggerBuilder, GoogleAppsScript.Script.ClockTriggerBuilder>>(true),
  none<Extra<EmuUtilities, GoogleAppsScript.Utilities.Utilities>>(true),
  none<Extra<EmuMailApp, GoogleAppsScript.Mail.MailApp>>(true),
  none<Extra<EmuUrlFetchApp, GoogleAppsScript.URL_Fetch.UrlFetchApp>>(true),
  none<Extra<EmuHttpResponse, GoogleAppsScript.URL_Fetch.HTTPResponse>>(true),
  none<Extra<EmuDriveApp, GoogleAppsScript.Drive.DriveApp>>(true),
  none<Extra<EmuFile, GoogleAppsScript.Drive.File>>(true),
  none<Extra<EmuFileIterator, GoogleAppsScript.Drive.FileIterator>>(true),
  none<Extra<EmuDriveUser, GoogleAppsScript.Drive.User>>(true),
];

/** Runtime side: each class's public prototype methods, listed against the real interface's keys. */
function methods(cls: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(cls.prototype)
    .filter((name) => name !== 'constructor')
    .filter((name) => typeof Object.getOwnPropertyDescriptor(cls.prototype, name)?.value === 'function')
    .sort();
}
const PRIVATE_HELPERS = new Set([
  'local',
  'show',
  'answer',
  'attempt',
  'sameExecution',
  'write',
  'writeAll',
  'read',
  'checkKey',
  'handle',
  'on',
  'set',
  'schedule',
  'readFile',
  'auth',
  'file',
  'change',
  'user',
  'share',
  'request',
  'send',
]);

const allowed: Array<[string, { prototype: object }, readonly string[]]> = [
  [
    'Lock',
    EmuLock,
    ['tryLock', 'waitLock', 'hasLock', 'releaseLock'] satisfies Array<keyof GoogleAppsScript.Lock.Lock>,
  ],
  [
    'Properties',
    EmuProperties,
    [
      'getProperty',
      'setProperty',
      'getProperties',
      'setProperties',
      'deleteProperty',
      'deleteAllProperties',
      'getKeys',
    ] satisfies Array<keyof GoogleAppsScript.Properties.Properties>,
  ],
  [
    'Cache',
    EmuCache,
    ['get', 'getAll', 'put', 'putAll', 'remove', 'removeAll'] satisfies Array<
      keyof GoogleAppsScript.Cache.Cache
    >,
  ],
  [
    'Trigger',
    EmuTrigger,
    [
      'getUniqueId',
      'getHandlerFunction',
      'getEventType',
      'getTriggerSource',
      'getTriggerSourceId',
    ] satisfies Array<keyof GoogleAppsScript.Script.Trigger>,
  ],
  [
    'Menu',
    EmuMenu,
    ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] satisfies Array<keyof GoogleAppsScript.Base.Menu>,
  ],
  [
    'MailApp',
    EmuMailApp,
    ['sendEmail', 'getRemainingDailyQuota'] satisfies Array<keyof GoogleAppsScript.Mail.MailApp>,
  ],
  [
    'Ui',
    EmuUi,
    [
      'alert',
      'prompt',
      'createAddonMenu',
      'createMenu',
      'showSidebar',
      'showModalDialog',
      'showModelessDialog',
    ] satisfies Array<keyof GoogleAppsScript.Base.Ui>,
  ],
];

describe('emulated classes expose only real Apps Script methods', () => {
  test.each(allowed)('%s has no public method the real class lacks', (_name, cls, real) => {
    const extra = methods(cls).filter((m) => !real.includes(m) && !PRIVATE_HELPERS.has(m));
    expect(extra).toEqual([]);
  });
});
