/**
 * The hourly run's daily look at what no trigger reports: the Settings sheet (an edit another tool
 * made through the API fires no edit trigger, so the stored settings, AppContext.settings, would miss
 * it) and the spreadsheet's time zone (a change fires nothing). Both are read together, two calls,
 * and stored: every other execution of the hourly run takes the stored ones (no call).
 *
 * When: a day's job of its own (`WORKBOOK_CHECK_JOB`, late in the day's list, in an execution with
 * room for its two calls, not the day's first, which holds the day's heaviest job), and an idle hour
 * (after the day's jobs, no call budget), each once half a day has passed since the last check. An
 * edit or a time zone change no trigger saw is thus caught within a day; until then the day's jobs
 * use what was stored (a time zone changed that day can move a date by one day, once).
 */
import type { TrackerDocument } from '../../sheets/document';
import type { SheetKey } from '../../sheets/schema';
import { cacheSettings, settingsFrom } from '../../sheets/settings-reader';
import { Table } from '../../sheets/table';
import type { DailyJob } from './daily-job';

/** When (ISO time) the hourly run last read the Settings sheet and asked the time zone. */
export const SETTINGS_READ_AT_PROPERTY = 'tracker.settingsReadAt';
/** A check is due once this long has passed since the last. */
const CHECK_EVERY_MS = 43_200_000;
/** Its calls: the Settings sheet's getValues and the time zone. */
const CHECK_CALLS = 2;

/** Whether a check is due at `now` (no call: the time of the last is a document property). */
export function workbookCheckDue(doc: TrackerDocument, now: number): boolean {
  const at = Date.parse(doc.property(SETTINGS_READ_AT_PROPERTY) ?? '');
  return !(Number.isFinite(at) && now - at >= 0 && now - at < CHECK_EVERY_MS);
}

/**
 * Reads the Settings sheet (one call) into the stored settings and asks the time zone (one call);
 * the Settings table is given to `tables` for the jobs after it in the execution. A read that fails
 * leaves the stored ones (the jobs read Settings themselves and report what fails).
 */
export function checkWorkbook(doc: TrackerDocument, now: number, tables?: Map<SheetKey, Table>): void {
  const entry = doc.layout().sheets.settings;
  try {
    if (entry) {
      const table = new Table(doc, 'settings').load(doc.columnValues(entry.id, entry.name, entry.width));
      tables?.set('settings', table);
      cacheSettings(doc, settingsFrom(table));
    }
    doc.askTimeZone();
    doc.setProperty(SETTINGS_READ_AT_PROPERTY, new Date(now).toISOString());
  } catch {
    // the next due check tries again
  }
}

/** The day's check: two calls when due, nothing otherwise. */
export const WORKBOOK_CHECK_JOB: DailyJob = {
  name: 'workbook check',
  run: (ctx) => {
    const now = Date.now();
    if (!workbookCheckDue(ctx.doc, now)) return { checked: false };
    checkWorkbook(ctx.doc, now);
    return { checked: true };
  },
  calls: (doc) => (workbookCheckDue(doc, Date.now()) ? CHECK_CALLS : 0),
};
