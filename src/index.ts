/**
 * The add-on's public surface. Every export becomes a top-level function in dist/Code.js
 * (triggers, menu handlers, google.script.run endpoints). A few lines each, no logic.
 */
import { buildAddonMenu } from './app/menu';
import { runScheduledJobs } from './app/triggers/daily';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** The one hourly time-driven trigger: continues an unfinished day's jobs, or starts today's once. */
export function onHourlyTrigger(_e?: GoogleAppsScript.Events.TimeDriven): void {
  runScheduledJobs();
}
