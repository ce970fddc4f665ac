/**
 * What the emulator counts as a service call. A call counts when it crosses to the document or to a
 * service's backend: it reads or writes cells, formats, properties, caches, triggers, mail, fetches,
 * or takes or releases a lock. A call that only hands back a handle to something the caller already
 * addressed (coordinates, a store's name) reads nothing: it is listed in byMethod but not in the
 * total. Each emulated method can also say `local: true` itself (Range.getRow, Sheet.getName, ...);
 * this list holds the handle factories, in one place, so the rule is easy to find and to argue with.
 */
export const HANDLE_FACTORIES: ReadonlySet<string> = new Set([
  // A Range handle for coordinates the caller gives: nothing is read until getValues/setValues.
  'Sheet.getRange',
  'Sheet.getRangeList',
  'Spreadsheet.getRange',
  'Range.offset',
  'Range.getCell',
  // The stores and locks themselves: reading or writing them (getProperties, waitLock) is what counts.
  'PropertiesService.getDocumentProperties',
  'PropertiesService.getScriptProperties',
  'PropertiesService.getUserProperties',
  'LockService.getDocumentLock',
  'LockService.getScriptLock',
  'LockService.getUserLock',
  'CacheService.getDocumentCache',
  'CacheService.getScriptCache',
  'CacheService.getUserCache',
]);
