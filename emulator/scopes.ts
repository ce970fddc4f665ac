/**
 * The OAuth scopes each emulated Apps Script method needs, as Google's reference pages list them
 * (each method's "Authorization" block: "Scripts that use this method require authorization with
 * one or more of the following scopes"), keyed by the name `runtime.call` gives the method
 * ('Range.setValues', 'SpreadsheetApp.create', 'Sheets.Spreadsheets.Values.update', ...).
 *
 * A call whose accepted scopes include none of the manifest's `oauthScopes` throws what Apps Script
 * throws: "Specified permissions are not sufficient to call X. Required permissions: (a || b)"
 * (runtime.ts). An empty list means the reference lists no authorization for the method (the
 * Properties, Lock, Cache, Html and Utilities services, value handles). Every method an emulated
 * class implements has an entry: a call of a method without one is an emulator bug and throws
 * (test/emulator/scopes/table.test.ts checks the table against the emulated classes).
 *
 * Where Google's reference page for a class lists the same scopes for all its methods, the class's
 * list applies and `only` names the methods that differ (SpreadsheetApp.create, openById, openByUrl
 * accept only `spreadsheets`, not `spreadsheets.currentonly`).
 */

export const Scope = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsReadonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  drive: 'https://www.googleapis.com/auth/drive',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
  driveAppdata: 'https://www.googleapis.com/auth/drive.appdata',
  driveMetadata: 'https://www.googleapis.com/auth/drive.metadata',
  driveMetadataReadonly: 'https://www.googleapis.com/auth/drive.metadata.readonly',
  driveMeetReadonly: 'https://www.googleapis.com/auth/drive.meet.readonly',
  drivePhotosReadonly: 'https://www.googleapis.com/auth/drive.photos.readonly',
  driveScripts: 'https://www.googleapis.com/auth/drive.scripts',
  formsBody: 'https://www.googleapis.com/auth/forms.body',
  formsBodyReadonly: 'https://www.googleapis.com/auth/forms.body.readonly',
  formsResponsesReadonly: 'https://www.googleapis.com/auth/forms.responses.readonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
  bigquery: 'https://www.googleapis.com/auth/bigquery',
  bigqueryReadonly: 'https://www.googleapis.com/auth/bigquery.readonly',
  cloudPlatform: 'https://www.googleapis.com/auth/cloud-platform',
  cloudPlatformReadonly: 'https://www.googleapis.com/auth/cloud-platform.read-only',
} as const;

export interface ScopeRule {
  /** Any one of these allows the call; empty: the reference lists no authorization. */
  scopes: readonly string[];
  /** The reference page that lists them. */
  reference: string;
}

interface ClassScopes {
  reference: string;
  scopes: readonly string[];
  methods: readonly string[];
  /** Methods whose scopes (and page) differ from the class's. */
  only?: Record<string, { scopes?: readonly string[]; reference?: string }>;
}

const REF = 'https://developers.google.com/apps-script/reference';
const SHEETS_REST = 'https://developers.google.com/workspace/sheets/api/reference/rest/v4';
const DRIVE_REST = 'https://developers.google.com/workspace/drive/api/reference/rest/v3';
const BIGQUERY_REST = 'https://cloud.google.com/bigquery/docs/reference/rest/v2';

/** The Spreadsheet service's methods act on the open file: `currentonly` or all spreadsheets. */
const CURRENT_DOC = [Scope.spreadsheetsCurrentOnly, Scope.spreadsheets] as const;
const DRIVE_READ = [Scope.driveReadonly, Scope.drive] as const;
const NONE: readonly string[] = [];

/**
 * Classes whose every method takes the same scopes, one a line: `Class: 'page (under REF): methods'`.
 * Spreadsheet-service classes acting on the open file (CURRENT_DOC):
 */
const ON_THE_OPEN_FILE: Record<string, string> = {
  Spreadsheet:
    'spreadsheet/spreadsheet: getId getName getUrl rename getSheets getNumSheets getSheetByName getSheetById insertSheet insertDataSourceSheet deleteSheet getActiveSheet setActiveSheet getActiveRange setActiveRange getRange getSpreadsheetTimeZone setSpreadsheetTimeZone getSpreadsheetLocale setSpreadsheetLocale setNamedRange getRangeByName getNamedRanges removeNamedRange addDeveloperMetadata getDeveloperMetadata createDeveloperMetadataFinder getOwner getEditors addEditor addEditors removeEditor getViewers addViewer addViewers removeViewer getProtections toast',
  Sheet:
    'spreadsheet/sheet: getName setName getIndex getSheetId getParent activate getRange getRangeList getDataRange getLastRow getLastColumn getMaxRows getMaxColumns appendRow insertRows insertRowsBefore insertRowsAfter insertRowBefore insertRowAfter deleteRow deleteRows insertColumns insertColumnsBefore insertColumnsAfter insertColumnBefore insertColumnAfter deleteColumn deleteColumns setFrozenRows getFrozenRows setFrozenColumns getFrozenColumns hideSheet showSheet isSheetHidden setColumnWidth setColumnWidths getColumnWidth hideColumns showColumns isColumnHiddenByUser setTabColor getTabColor clear getProtections protect addDeveloperMetadata getDeveloperMetadata getConditionalFormatRules setConditionalFormatRules getBandings newChart insertChart getCharts updateChart removeChart',
  Range:
    'spreadsheet/range: createDataSourcePivotTable getValue getValues setValue setValues getDisplayValue getDisplayValues isBlank getFormula getFormulas setFormula setFormulas getNumberFormat getNumberFormats setNumberFormat setNumberFormats getNote getNotes setNote setNotes getBackground getBackgrounds setBackground setBackgrounds getFontWeight getFontWeights setFontWeight setFontWeights getHorizontalAlignment setHorizontalAlignment getWrap setWrap clear clearContent clearFormat clearNote clearDataValidations getA1Notation getRow getColumn getNumRows getNumColumns getHeight getWidth getLastRow getLastColumn getGridId getSheet offset getCell activate addDeveloperMetadata getDeveloperMetadata createDeveloperMetadataFinder protect applyRowBanding getBandings setDataValidation setDataValidations getDataValidation getDataValidations',
  NamedRange: 'spreadsheet/named-range: getName setName getRange setRange remove',
  RangeList: 'spreadsheet/range-list: getRanges setValue clearContent',
  Protection:
    'spreadsheet/protection: getEditors addEditor addEditors removeEditor removeEditors canEdit canDomainEdit setDomainEdit isWarningOnly setWarningOnly getUnprotectedRanges setUnprotectedRanges getRange setRange getProtectionType setDescription getDescription setRangeName getRangeName remove',
  DataValidation:
    'spreadsheet/data-validation: getCriteriaType getCriteriaValues getAllowInvalid getHelpText copy',
  DataValidationBuilder:
    'spreadsheet/data-validation-builder: requireValueInList requireValueInRange requireNumberBetween requireNumberNotBetween requireNumberEqualTo requireNumberNotEqualTo requireNumberGreaterThan requireNumberGreaterThanOrEqualTo requireNumberLessThan requireNumberLessThanOrEqualTo requireTextIsEmail requireTextIsUrl requireTextContains requireTextDoesNotContain requireTextEqualTo requireDate requireDateAfter requireDateBefore requireDateBetween requireDateOnOrAfter requireDateOnOrBefore requireDateEqualTo requireCheckbox requireFormulaSatisfied setAllowInvalid setHelpText getCriteriaType getCriteriaValues getAllowInvalid getHelpText copy build',
  ConditionalFormatRule: 'spreadsheet/conditional-format-rule: getRanges getBooleanCondition copy',
  ConditionalFormatRuleBuilder:
    'spreadsheet/conditional-format-rule-builder: whenFormulaSatisfied whenTextEqualTo whenTextContains whenTextDoesNotContain whenTextStartsWith whenTextEndsWith whenNumberLessThan whenNumberLessThanOrEqualTo whenNumberGreaterThan whenNumberGreaterThanOrEqualTo whenNumberBetween whenNumberEqualTo whenNumberNotEqualTo whenCellEmpty whenCellNotEmpty setBackground setFontColor setBold setRanges getRanges build',
  BooleanCondition:
    'spreadsheet/boolean-condition: getCriteriaType getCriteriaValues getBackground getFontColor getBold',
  DeveloperMetadata:
    'spreadsheet/developer-metadata: getId getKey setKey getValue setValue getVisibility setVisibility getLocation remove',
  DeveloperMetadataFinder:
    'spreadsheet/developer-metadata-finder: withKey withValue withLocationType withId withVisibility find',
  DeveloperMetadataLocation:
    'spreadsheet/developer-metadata-location: getLocationType getRow getColumn getSheet getSpreadsheet',
  DataSourceSpecBuilder: 'spreadsheet/data-source-spec-builder: asBigQuery build',
  BigQueryDataSourceSpecBuilder:
    'spreadsheet/big-query-data-source-spec-builder: setProjectId setRawQuery getProjectId getRawQuery build',
  DataSourceSpec: 'spreadsheet/data-source-spec: getType',
  DataSource: 'spreadsheet/data-source: getSpec',
  DataSourceSheet: 'spreadsheet/data-source-sheet: asSheet getDataSource refreshData',
  DataSourcePivotTable:
    'spreadsheet/data-source-pivot-table: addRowGroup addPivotValue getDataSource refreshData',
  Banding: 'spreadsheet/banding: getRange setRange remove',
  EmbeddedChartBuilder:
    'spreadsheet/embedded-chart-builder: addRange removeRange clearRanges setChartType setOption setPosition getChartType getRanges getContainer build',
  EmbeddedChart: 'spreadsheet/embedded-chart: getChartId getRanges getOptions getContainerInfo modify',
  ChartOptions: 'charts/chart-options: get',
  ContainerInfo: 'spreadsheet/container-info: getAnchorColumn getAnchorRow getOffsetX getOffsetY',
};

/** Classes whose reference page lists no authorization (NONE). */
const NO_AUTHORIZATION: Record<string, string> = {
  Menu: 'base/menu: addItem addSeparator addSubMenu addToUi',
  PromptResponse: 'base/prompt-response: getResponseText getSelectedButton',
  Blob: 'base/blob: getBytes setBytes getDataAsString setDataFromString getContentType setContentType getName setName copyBlob isGoogleType getBlob',
  console: 'base/console: log info warn error time timeEnd',
  AuthorizationInfo:
    'script/authorization-info: getAuthorizationStatus getAuthorizationUrl getAuthorizedScopes',
  HTTPResponse:
    'url-fetch/http-response: getResponseCode getContentText getContent getHeaders getAllHeaders getBlob',
  PropertiesService:
    'properties/properties-service: getScriptProperties getDocumentProperties getUserProperties',
  Properties:
    'properties/properties: getProperty setProperty getProperties setProperties deleteProperty deleteAllProperties getKeys',
  CacheService: 'cache/cache-service: getScriptCache getDocumentCache getUserCache',
  Cache: 'cache/cache: get getAll put putAll remove removeAll',
  LockService: 'lock/lock-service: getScriptLock getDocumentLock getUserLock',
  Lock: 'lock/lock: tryLock waitLock hasLock releaseLock',
  HtmlService:
    'html/html-service: createHtmlOutput createHtmlOutputFromFile createTemplate createTemplateFromFile getUserAgent',
  HtmlOutput:
    'html/html-output: setTitle getTitle setWidth getWidth setHeight getHeight getContent setContent append clear setSandboxMode setXFrameOptionsMode addMetaTag',
  HtmlTemplate: 'html/html-template: getRawContent getCode evaluate',
  Utilities:
    'utilities/utilities: formatDate getUuid computeDigest computeHmacSha256Signature computeHmacSignature base64Encode base64EncodeWebSafe base64Decode base64DecodeWebSafe newBlob sleep parseCsv',
};

/** The table's classes, each one's methods all taking `scopes`. */
function uniform(scopes: readonly string[], table: Record<string, string>): Record<string, ClassScopes> {
  return Object.fromEntries(
    Object.entries(table).map(([cls, line]) => {
      const [page, methods] = line.split(': ');
      return [cls, { reference: `${REF}/${page}`, scopes, methods: methods.split(' ') }];
    }),
  );
}

/** A class whose methods (named in one space-separated list) all take the scopes its page lists. */
function sameScopes(reference: string, scopes: readonly string[], methods: string): ClassScopes {
  return { reference, scopes, methods: methods.split(' ') };
}

const CLASSES: Record<string, ClassScopes> = {
  // ---- Spreadsheet service ---------------------------------------------------------------------
  SpreadsheetApp: {
    reference: `${REF}/spreadsheet/spreadsheet-app`,
    scopes: CURRENT_DOC,
    methods: [
      'getActiveSpreadsheet',
      'getActive',
      'setActiveSpreadsheet',
      'getActiveSheet',
      'getActiveRange',
      'openById',
      'openByUrl',
      'create',
      'flush',
      'getUi',
      'newDataValidation',
      'newConditionalFormatRule',
      'newDataSourceSpec',
      'enableBigQueryExecution',
    ],
    // Other files: only the full `spreadsheets` scope (currentonly covers the bound file alone).
    only: {
      create: { scopes: [Scope.spreadsheets] },
      openById: { scopes: [Scope.spreadsheets] },
      openByUrl: { scopes: [Scope.spreadsheets] },
      // "adds the required bigquery.readonly OAuth scope" (guides/sheets/connected-sheets)
      enableBigQueryExecution: {
        scopes: [Scope.bigqueryReadonly],
        reference: 'https://developers.google.com/apps-script/guides/sheets/connected-sheets',
      },
    },
  },

  // ---- Advanced Sheets service (the Sheets REST API v4; `Sheets` when enabled in the manifest) ----
  'Sheets.Spreadsheets': {
    reference: `${SHEETS_REST}/spreadsheets`,
    scopes: [Scope.drive, Scope.driveFile, Scope.spreadsheets],
    methods: ['create', 'batchUpdate', 'get'],
    only: {
      create: { reference: `${SHEETS_REST}/spreadsheets/create` },
      batchUpdate: { reference: `${SHEETS_REST}/spreadsheets/batchUpdate` },
      get: {
        scopes: [
          Scope.drive,
          Scope.driveFile,
          Scope.driveReadonly,
          Scope.spreadsheets,
          Scope.spreadsheetsReadonly,
        ],
        reference: `${SHEETS_REST}/spreadsheets/get`,
      },
    },
  },
  'Sheets.Spreadsheets.Values': {
    reference: `${SHEETS_REST}/spreadsheets.values`,
    scopes: [Scope.drive, Scope.driveFile, Scope.spreadsheets],
    methods: ['get', 'update'],
    only: {
      get: {
        scopes: [
          Scope.drive,
          Scope.driveFile,
          Scope.driveReadonly,
          Scope.spreadsheets,
          Scope.spreadsheetsReadonly,
        ],
        reference: `${SHEETS_REST}/spreadsheets.values/get`,
      },
      update: { reference: `${SHEETS_REST}/spreadsheets.values/update` },
    },
  },

  // ---- Advanced Drive service (the Drive REST API v3; `Drive` when enabled in the manifest) ----
  'Drive.Files': {
    reference: `${DRIVE_REST}/files`,
    scopes: [Scope.drive, Scope.driveAppdata, Scope.driveFile],
    methods: ['create', 'list', 'update'],
    only: {
      create: { reference: `${DRIVE_REST}/files/create` },
      list: {
        scopes: [
          Scope.drive,
          Scope.driveAppdata,
          Scope.driveFile,
          Scope.driveMeetReadonly,
          Scope.driveMetadata,
          Scope.driveMetadataReadonly,
          Scope.drivePhotosReadonly,
          Scope.driveReadonly,
        ],
        reference: `${DRIVE_REST}/files/list`,
      },
      update: {
        scopes: [Scope.drive, Scope.driveAppdata, Scope.driveFile, Scope.driveMetadata, Scope.driveScripts],
        reference: `${DRIVE_REST}/files/update`,
      },
    },
  },
  'Drive.Permissions': {
    reference: `${DRIVE_REST}/permissions`,
    scopes: [Scope.drive, Scope.driveFile],
    methods: ['create', 'list', 'remove'],
    only: {
      create: { reference: `${DRIVE_REST}/permissions/create` },
      list: {
        scopes: [
          Scope.drive,
          Scope.driveFile,
          Scope.driveMeetReadonly,
          Scope.driveMetadata,
          Scope.driveMetadataReadonly,
          Scope.drivePhotosReadonly,
          Scope.driveReadonly,
        ],
        reference: `${DRIVE_REST}/permissions/list`,
      },
      remove: { reference: `${DRIVE_REST}/permissions/delete` },
    },
  },
  // ---- Advanced BigQuery service (the BigQuery API v2; `BigQuery` when enabled in the manifest) ----
  'BigQuery.Jobs': {
    reference: `${BIGQUERY_REST}/jobs`,
    scopes: [Scope.bigquery, Scope.cloudPlatform, Scope.cloudPlatformReadonly],
    methods: ['insert', 'get', 'query', 'getQueryResults'],
    only: {
      insert: { scopes: [Scope.bigquery, Scope.cloudPlatform], reference: `${BIGQUERY_REST}/jobs/insert` },
      get: { reference: `${BIGQUERY_REST}/jobs/get` },
      query: { reference: `${BIGQUERY_REST}/jobs/query` },
      getQueryResults: { reference: `${BIGQUERY_REST}/jobs/getQueryResults` },
    },
  },
  'BigQuery.Tables': {
    reference: `${BIGQUERY_REST}/tables`,
    scopes: [Scope.bigquery, Scope.cloudPlatform],
    methods: ['insert'],
    only: { insert: { reference: `${BIGQUERY_REST}/tables/insert` } },
  },
  'BigQuery.Datasets': {
    reference: `${BIGQUERY_REST}/datasets`,
    scopes: [Scope.bigquery, Scope.cloudPlatform, Scope.cloudPlatformReadonly],
    methods: ['get', 'insert'],
    only: {
      get: { reference: `${BIGQUERY_REST}/datasets/get` },
      insert: {
        scopes: [Scope.bigquery, Scope.cloudPlatform],
        reference: `${BIGQUERY_REST}/datasets/insert`,
      },
    },
  },

  // ---- Base service ------------------------------------------------------------------------------
  Session: {
    reference: `${REF}/base/session`,
    scopes: NONE,
    methods: [
      'getActiveUser',
      'getEffectiveUser',
      'getScriptTimeZone',
      'getActiveUserLocale',
      'getTemporaryActiveUserKey',
    ],
    only: {
      getActiveUser: { scopes: [Scope.userinfoEmail] },
      getEffectiveUser: { scopes: [Scope.userinfoEmail] },
    },
  },
  Ui: sameScopes(
    `${REF}/base/ui`,
    [Scope.containerUi],
    'createAddonMenu createMenu showSidebar showModalDialog showModelessDialog alert prompt',
  ),
  Logger: { reference: `${REF}/base/logger`, scopes: NONE, methods: ['log', 'getLog', 'clear'] },

  // ---- Script service ------------------------------------------------------------------------------
  ScriptApp: {
    reference: `${REF}/script/script-app`,
    scopes: NONE,
    methods: [
      'newTrigger',
      'getProjectTriggers',
      'getUserTriggers',
      'deleteTrigger',
      'getAuthorizationInfo',
      'getScriptId',
      'getOAuthToken',
      'invalidateAuth',
      'getInstallationSource',
      'requireScopes',
      'requireAllScopes',
    ],
    only: {
      newTrigger: { scopes: [Scope.scriptApp] },
      getProjectTriggers: { scopes: [Scope.scriptApp] },
      getUserTriggers: { scopes: [Scope.scriptApp] },
      deleteTrigger: { scopes: [Scope.scriptApp] },
    },
  },
  Trigger: sameScopes(
    `${REF}/script/trigger`,
    [Scope.scriptApp],
    'getUniqueId getHandlerFunction getEventType getTriggerSource getTriggerSourceId',
  ),
  TriggerBuilder: sameScopes(`${REF}/script/trigger-builder`, [Scope.scriptApp], 'forSpreadsheet timeBased'),
  SpreadsheetTriggerBuilder: sameScopes(
    `${REF}/script/spreadsheet-trigger-builder`,
    [Scope.scriptApp],
    'onEdit onChange onOpen onFormSubmit create',
  ),
  ClockTriggerBuilder: sameScopes(
    `${REF}/script/clock-trigger-builder`,
    [Scope.scriptApp],
    'everyMinutes everyHours everyDays atHour nearMinute after at inTimezone create',
  ),

  // ---- Mail, URL fetch ---------------------------------------------------------------------------
  MailApp: sameScopes(`${REF}/mail/mail-app`, [Scope.sendMail], 'sendEmail getRemainingDailyQuota'),
  UrlFetchApp: sameScopes(
    `${REF}/url-fetch/url-fetch-app`,
    [Scope.externalRequest],
    'fetch fetchAll getRequest',
  ),

  // ---- Drive service -------------------------------------------------------------------------------
  DriveApp: {
    reference: `${REF}/drive/drive-app`,
    scopes: DRIVE_READ,
    methods: ['getFileById', 'getFilesByName', 'createFile'],
    only: { createFile: { scopes: [Scope.drive] } },
  },
  FileIterator: sameScopes(`${REF}/drive/file-iterator`, DRIVE_READ, 'hasNext next'),
  File: {
    reference: `${REF}/drive/file`,
    scopes: DRIVE_READ,
    methods: [
      'getId',
      'getName',
      'setName',
      'getUrl',
      'getMimeType',
      'getOwner',
      'getEditors',
      'getViewers',
      'addEditor',
      'addEditors',
      'addViewer',
      'addViewers',
      'removeEditor',
      'removeViewer',
      'makeCopy',
      'setTrashed',
      'isTrashed',
      'getDateCreated',
      'setSharing',
      'getSharingAccess',
      'getSharingPermission',
      'getBlob',
    ],
    only: Object.fromEntries(
      [
        'setName',
        'addEditor',
        'addEditors',
        'addViewer',
        'addViewers',
        'removeEditor',
        'removeViewer',
        'makeCopy',
        'setTrashed',
        'setSharing',
      ].map((m) => [m, { scopes: [Scope.drive] }]),
    ),
  },
  /** Drive's User (File.getOwner, getEditors); Session's User hands out its email without a call. */
  User: sameScopes(`${REF}/drive/user`, DRIVE_READ, 'getEmail getDomain getName'),

  // ---- Services that need no authorization ---------------------------------------------------------
  ...uniform(CURRENT_DOC, ON_THE_OPEN_FILE),
  ...uniform(NONE, NO_AUTHORIZATION),
};

function expand(): Map<string, ScopeRule> {
  const table = new Map<string, ScopeRule>();
  for (const [cls, entry] of Object.entries(CLASSES)) {
    for (const method of entry.methods) {
      const own = entry.only?.[method];
      table.set(`${cls}.${method}`, {
        scopes: own?.scopes ?? entry.scopes,
        reference: own?.reference ?? entry.reference,
      });
    }
    for (const method of Object.keys(entry.only ?? {})) {
      if (!entry.methods.includes(method))
        throw new Error(`scopes.ts: ${cls}.${method} is not in its methods`);
    }
  }
  return table;
}

/** 'Class.method' -> the scopes that allow it and the page that says so. */
export const METHOD_SCOPES: ReadonlyMap<string, ScopeRule> = expand();

export function scopeRule(method: string): ScopeRule | undefined {
  return METHOD_SCOPES.get(method);
}

/** Whether the granted scopes (null: no manifest list, so everything the code uses) allow the call. */
export function allows(rule: ScopeRule, granted: ReadonlySet<string> | null): boolean {
  if (granted === null || rule.scopes.length === 0) return true;
  return rule.scopes.some((scope) => granted.has(scope));
}

/**
 * Apps Script's text when the manifest's scopes do not cover a call: one scope plain, several in
 * parentheses joined by " || " (as users report it, e.g. for DriveApp.getRootFolder).
 */
export function insufficientPermissions(method: string, rule: ScopeRule): string {
  const required = rule.scopes.length === 1 ? rule.scopes[0] : `(${rule.scopes.join(' || ')})`;
  return `Specified permissions are not sufficient to call ${method}. Required permissions: ${required}`;
}
