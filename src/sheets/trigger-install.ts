/**
 * The add-on's installable document triggers: one edit and one change trigger for this document
 * (editor add-ons may have ONE of each type per user per document); the time-driven one is installed
 * by the scheduler (app/triggers/daily.ts). Installed only when missing, so running set-up again
 * never duplicates them.
 */
export const TRIGGER_HANDLERS = {
  edit: 'onTrackerEdit',
  change: 'onTrackerChange',
} as const;

export function installTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const have = new Set(ScriptApp.getUserTriggers(ss).map((t) => t.getHandlerFunction()));
  const installed: string[] = [];
  if (!have.has(TRIGGER_HANDLERS.edit)) {
    ScriptApp.newTrigger(TRIGGER_HANDLERS.edit).forSpreadsheet(ss).onEdit().create();
    installed.push(TRIGGER_HANDLERS.edit);
  }
  if (!have.has(TRIGGER_HANDLERS.change)) {
    ScriptApp.newTrigger(TRIGGER_HANDLERS.change).forSpreadsheet(ss).onChange().create();
    installed.push(TRIGGER_HANDLERS.change);
  }
  return installed;
}
