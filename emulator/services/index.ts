/**
 * The emulated Apps Script services other than SpreadsheetApp, assembled for one script: the
 * globals the bundle sees, the Ui that SpreadsheetApp.getUi() returns, and the test bed's view of
 * what the script did (menus and pages shown, mail sent, requests made, triggers, shares, logs).
 */
import { ChartsEnum } from '../spreadsheet/charts';
import type { Runtime } from '../runtime';
import { real } from './common';
import { CacheStores, EmuCacheService } from './cache';
import { type ShareNotice, SharingTable } from './drive';
import { EmuDriveApp } from './drive-app';
import { FormsApi } from './forms-api';
import type { FetchLogEntry } from './fetch-router';
import { FetchRouter } from './fetch-router';
import { EmuHtmlService } from './html-service';
import { EmuLockService, LockTable } from './lock';
import { EmuConsole, EmuLogger, type LogEntry } from './logger';
import { EmuMailApp, MailQuota, type SentMail } from './mail';
import { EmuPropertiesService, PropertyStores } from './properties';
import { EmuScriptApp } from './script-app';
import { EmuSession } from './session';
import { TriggerRegistry } from './trigger-registry';
import { EmuUi, UiState } from './ui';
import { EmuUrlFetchApp, FetchQuota } from './url-fetch';
import { LocalNetwork } from './network';
import { EmuUtilities } from './utilities';

export interface ServicesOptions {
  /** Where the built pages are: HtmlService reads `<distDir>/<name>.html`. */
  distDir: string;
  /** Editor add-on limits on triggers (default true). */
  addOn?: boolean;
  /** MailApp recipients per day (default 100, a consumer account). */
  mailQuota?: number;
  /** UrlFetchApp calls per day (default 20,000). */
  fetchQuota?: number;
  /** Session.getScriptTimeZone() and the default zone of clock triggers (default Etc/UTC). */
  scriptTimeZone?: string;
  /** The container document's id, or null for a standalone script (no document lock/properties). */
  documentId?: () => string | null;
  /** The add-on menu's caption (its name in Extensions). */
  addOnName?: string;
  /** The manifest's oauthScopes (default none): what a person can grant. */
  oauthScopes?: () => readonly string[];
}

export function createServices(rt: Runtime, options: ServicesOptions) {
  const documentId = options.documentId ?? (() => null);
  const timeZone = options.scriptTimeZone ?? 'Etc/UTC';
  const addOn = options.addOn ?? true;

  const ui = new UiState();
  const outbox: SentMail[] = [];
  const fetches: FetchLogEntry[] = [];
  const fetchRouter = new FetchRouter();
  const network = new LocalNetwork();
  const triggers = new TriggerRegistry();
  triggers.authorizedUsers.add(rt.owner);
  const shares: ShareNotice[] = [];
  const logs: LogEntry[] = [];
  const locks = new LockTable(rt);
  const properties = new PropertyStores();
  const caches = new CacheStores();
  const drive = { rt, shares, sharing: new SharingTable() };
  const forms = new FormsApi(rt);
  forms.install(fetchRouter);

  const globals = {
    Session: new EmuSession(rt, timeZone),
    HtmlService: new EmuHtmlService(rt, options.distDir),
    LockService: new EmuLockService(rt, locks, documentId),
    PropertiesService: new EmuPropertiesService(rt, properties, documentId),
    CacheService: new EmuCacheService(rt, caches, documentId),
    ScriptApp: new EmuScriptApp(rt, triggers, {
      addOn,
      scriptId: 'script-partnership-tracker',
      timeZone,
      documentId,
      oauthScopes: options.oauthScopes ?? (() => []),
      ui,
    }),
    Utilities: new EmuUtilities(rt),
    MailApp: new EmuMailApp(rt, outbox, new MailQuota(options.mailQuota ?? 100)),
    UrlFetchApp: new EmuUrlFetchApp(
      rt,
      fetchRouter,
      fetches,
      new FetchQuota(options.fetchQuota ?? 20_000),
      network,
    ),
    DriveApp: new EmuDriveApp(drive),
    Logger: new EmuLogger(rt, logs),
    /** The Charts service's enums (Charts.ChartType.COLUMN ...): values only, no calls. */
    Charts: ChartsEnum,
    console: new EmuConsole(rt, logs),
  };

  return {
    globals,
    /** SpreadsheetApp.getUi(): an EmuUi, typed as the interface SpreadsheetApp hands out. */
    ui: real<GoogleAppsScript.Base.Ui>(new EmuUi(rt, ui, options.addOnName ?? 'Partnership Tracker')),
    state: {
      ui,
      outbox,
      fetches,
      fetchRouter,
      network,
      triggers,
      shares,
      logs,
      locks,
      properties,
      caches,
      drive,
      forms,
    },
  };
}

export type Services = ReturnType<typeof createServices>;
export type { TriggerRecord, Schedule, TriggerEventType } from './trigger-registry';
export { nextFire, nextFireTimes, TriggerRegistry } from './trigger-registry';
export type { SentMail } from './mail';
export type { FetchLogEntry, FetchRequest, FetchReply, FetchHandler } from './fetch-router';
export { FetchRouter } from './fetch-router';
export { LocalNetwork, FETCH_TIMEOUT_MS } from './network';
export type { ShareNotice } from './drive';
export type { LogEntry } from './logger';
export { UiState, EmuUi } from './ui';
export type { MenuRecord, MenuItemRecord, ShownPage, AlertRecord } from './ui';
