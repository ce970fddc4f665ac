/**
 * ScriptApp: installable triggers (owned by their creator, who they run as), authorization info,
 * the script's id and the user's OAuth token. Add-on limits (option addOn): one trigger of each
 * event type per user per document, time-driven at most hourly; 20 triggers per user per script.
 */
import { ExecutionEnded, type Runtime } from '../runtime';
import { Scopes, exception, real, requireAuth } from './common';
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  Weekday,
} from './enums';
import { EmuTriggerBuilder, type Install } from './trigger-builders';
import type { TriggerEventType, TriggerRegistry } from './trigger-registry';
import type { UiState } from './ui';

type Trigger = GoogleAppsScript.Script.Trigger;

export const MAX_TRIGGERS_PER_USER = 20;
export const TriggerErrors = {
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  addOnPerDocument: (eventType: TriggerEventType) =>
    `This add-on has created too many ${LABELS[eventType]} triggers in this document for this Google user account.`,
} as const;
const LABELS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

export class EmuTrigger implements Pick<
  Trigger,
  'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly uid: string,
    private readonly handler: string,
    private readonly eventType: string,
    private readonly source: string,
    private readonly sourceId: string | null,
  ) {}
  getUniqueId(): string {
    return this.rt.call('Trigger.getUniqueId', () => this.uid, { local: true });
  }
  getHandlerFunction(): string {
    return this.rt.call('Trigger.getHandlerFunction', () => this.handler, { local: true });
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.rt.call(
      'Trigger.getEventType',
      () => this.eventType as unknown as GoogleAppsScript.Script.EventType,
      {
        local: true,
      },
    );
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.rt.call(
      'Trigger.getTriggerSource',
      () => this.source as unknown as GoogleAppsScript.Script.TriggerSource,
      {
        local: true,
      },
    );
  }
  /** The spreadsheet's id; null for a time-driven trigger. */
  getTriggerSourceId(): string {
    return this.rt.call('Trigger.getTriggerSourceId', () => this.sourceId as string, { local: true });
  }
}

/**
 * What getAuthorizationInfo found: REQUIRED when a scope asked about (the manifest's, when none
 * were listed) is not granted, with the URL that grants it; the scopes granted of those.
 * https://developers.google.com/apps-script/reference/script/authorization-info
 */
export class EmuAuthorizationInfo implements Pick<
  GoogleAppsScript.Script.AuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl' | 'getAuthorizedScopes'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly required: boolean,
    private readonly url: string,
    private readonly authorized: readonly string[],
  ) {}
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return this.rt.call(
      'AuthorizationInfo.getAuthorizationStatus',
      () => (this.required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
      { local: true },
    );
  }
  /** null when no authorization is required. */
  getAuthorizationUrl(): string {
    return this.rt.call(
      'AuthorizationInfo.getAuthorizationUrl',
      () => (this.required ? this.url : (null as unknown as string)),
      {
        local: true,
      },
    );
  }
  /** The granted scopes among those asked about. */
  getAuthorizedScopes(): string[] | null {
    return this.rt.call('AuthorizationInfo.getAuthorizedScopes', () => [...this.authorized], {
      local: true,
    });
  }
}

/** Apps Script's message when a trigger's code needs a scope its owner has not granted [reported]. */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

export interface ScriptAppOptions {
  addOn: boolean;
  scriptId: string;
  timeZone: string;
  documentId: () => string | null;
  /** The manifest's oauthScopes. */
  oauthScopes: () => readonly string[];
  /** Where requireScopes records the consent prompt it shows. */
  ui?: UiState;
}

export class EmuScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getAuthorizationInfo'
  | 'getScriptId'
  | 'getOAuthToken'
  | 'invalidateAuth'
  | 'getInstallationSource'
  | 'requireScopes'
  | 'requireAllScopes'
> {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;

  constructor(
    private readonly rt: Runtime,
    private readonly registry: TriggerRegistry,
    private readonly options: ScriptAppOptions,
  ) {}

  private handle(uid: string): Trigger {
    const r = this.registry.get(uid);
    if (!r) throw exception('Trigger not found.');
    return real<Trigger>(new EmuTrigger(this.rt, r.uid, r.handler, r.eventType, r.source, r.sourceId));
  }

  /** Checks the limits, then records the trigger as the effective user's. */
  private readonly install: Install = (draft) => {
    requireAuth(this.rt, 'ScriptApp.newTrigger', Scopes.scriptApp);
    const owner = this.rt.current().effectiveUser;
    const documentId = draft.sourceId ?? this.options.documentId();
    const mine = this.registry.ofUser(owner);
    if (this.options.addOn) {
      const sameKind = mine.filter(
        (r) => r.eventType === draft.eventType && (r.sourceId ?? r.documentId) === documentId,
      );
      if (sameKind.length > 0) throw exception(TriggerErrors.addOnPerDocument(draft.eventType));
    }
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw exception(TriggerErrors.tooMany);
    const record = this.registry.add({
      ...draft,
      uid: this.rt.newId('trigger-'),
      owner,
      documentId,
      createdMs: this.rt.nowMillis(),
    });
    return this.handle(record.uid);
  };

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return this.rt.call(
      'ScriptApp.newTrigger',
      () =>
        real<GoogleAppsScript.Script.TriggerBuilder>(
          new EmuTriggerBuilder(
            this.rt,
            String(functionName),
            this.options.timeZone,
            this.install,
            this.options.addOn,
          ),
        ),
      { local: true },
    );
  }
  /**
   * "All installable triggers associated with the current project and current user": for an
   * add-on, the user's triggers in every document they use it in (a time-driven trigger names no
   * document: getTriggerSourceId() is null).
   * https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
   */
  getProjectTriggers(): Trigger[] {
    return this.rt.call('ScriptApp.getProjectTriggers', () =>
      this.registry.ofUser(this.rt.current().effectiveUser).map((r) => this.handle(r.uid)),
    );
  }
  /**
   * The current user's triggers for this spreadsheet. Whether an add-on's time-driven triggers
   * created in it are listed is not documented: the emulator lists them, and the tracker does not
   * rely on it (it finds its triggers with getProjectTriggers).
   */
  getUserTriggers(spreadsheet: { getId(): string }): Trigger[] {
    return this.rt.call('ScriptApp.getUserTriggers', () => {
      const id = spreadsheet.getId();
      return this.registry
        .ofUser(this.rt.current().effectiveUser)
        .filter(
          (r) =>
            r.sourceId === id ||
            (r.source === 'CLOCK' &&
              this.options.addOn &&
              this.registry.userTriggersListAddOnClocks &&
              r.documentId === id),
        )
        .map((r) => this.handle(r.uid));
    });
  }
  /** Removes one of the current user's triggers; another user's trigger is left alone. */
  deleteTrigger(trigger: Trigger): void {
    this.rt.call('ScriptApp.deleteTrigger', () => {
      requireAuth(this.rt, 'ScriptApp.deleteTrigger', Scopes.scriptApp);
      const record = this.registry.get(trigger.getUniqueId());
      if (record && record.owner === this.rt.current().effectiveUser) this.registry.remove(record.uid);
    });
  }
  /**
   * Whether the effective user granted the scopes listed (the manifest's when none are): REQUIRED
   * when one is missing, or when the person never authorized the script. Only FULL asks for a
   * grant ("no other authorization mode requires that users grant authorization").
   * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode)
   */
  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
    oAuthScopes?: string[],
  ): GoogleAppsScript.Script.AuthorizationInfo {
    return this.rt.call('ScriptApp.getAuthorizationInfo', () => {
      const asked = oAuthScopes ? oAuthScopes.map(String) : [...this.options.oauthScopes()];
      const { granted, missing, consented } = this.#consent(asked);
      const required = String(authMode) === 'FULL' && (missing.length > 0 || !consented);
      const url = `https://script.google.com/macros/d/${this.options.scriptId}/authorize`;
      return real<GoogleAppsScript.Script.AuthorizationInfo>(
        new EmuAuthorizationInfo(this.rt, required, url, granted),
      );
    });
  }
  /**
   * Ends the execution when a listed scope is not granted: where a person is present (a menu item,
   * a sidebar call) Google shows its consent prompt for the missing scopes; a trigger cannot prompt
   * and fails with Apps Script's authorization error. Does nothing when all are granted.
   * https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)
   */
  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    this.rt.call('ScriptApp.requireScopes', () => this.#require(authMode, oAuthScopes.map(String)));
  }
  /** requireScopes over every scope of the manifest. */
  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode): void {
    this.rt.call('ScriptApp.requireAllScopes', () =>
      this.#require(authMode, [...this.options.oauthScopes()]),
    );
  }

  /** What the effective user granted of `asked`; a scope the manifest lacks can never be granted. */
  #consent(asked: readonly string[]): { granted: string[]; missing: string[]; consented: boolean } {
    const user = this.rt.current().effectiveUser;
    const have = new Set(this.registry.grantedScopes(user, this.options.oauthScopes()));
    const granted = asked.filter((scope) => have.has(scope));
    const missing = asked.filter((scope) => !have.has(scope));
    // A person who never authorized the script: REQUIRED even when it lists no scope.
    return { granted, missing, consented: this.registry.hasConsented(user) };
  }

  #require(authMode: GoogleAppsScript.Script.AuthMode, asked: string[]): void {
    if (String(authMode) !== 'FULL') return;
    const { missing, consented } = this.#consent(asked);
    if (consented && !missing.length) return;
    const execution = this.rt.current();
    if ((execution.kind === 'menu' || execution.kind === 'call') && this.options.ui) {
      this.options.ui.consentPrompts.push({ user: execution.effectiveUser, scopes: missing });
      throw new ExecutionEnded('consent prompt shown');
    }
    throw exception(AUTHORIZATION_REQUIRED);
  }
  getScriptId(): string {
    return this.rt.call('ScriptApp.getScriptId', () => this.options.scriptId, { local: true });
  }
  getOAuthToken(): string {
    return this.rt.call(
      'ScriptApp.getOAuthToken',
      () => `ya29.emulated.${Buffer.from(this.rt.current().effectiveUser).toString('base64url')}`,
    );
  }
  /** The effective user must authorize the script again. */
  invalidateAuth(): void {
    this.rt.call('ScriptApp.invalidateAuth', () => this.registry.revoke(this.rt.current().effectiveUser));
  }
  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return this.rt.call('ScriptApp.getInstallationSource', () =>
      this.options.addOn ? InstallationSource.WEB_STORE_ADD_ON : InstallationSource.NONE,
    );
  }
}
