/**
 * THE day helper of every execution: ISO days ("2026-03-02") <-> the Date cells of date columns, in
 * the spreadsheet's time zone (what a person sees and types). Writing: a day is the Date at
 * midnight of that day in the spreadsheet's time zone. Reading: a Date cell is the calendar day it
 * shows in that time zone; a text cell holding an ISO day (or an ISO instant) reads as that day.
 * One per TrackerDocument (`doc.days()`), so the time zone is asked once per execution.
 */
import { isDate, isIsoDay } from '../domain/dates';

const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

export class Days {
  private readonly fmt: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    let fmt: Intl.DateTimeFormat;
    try {
      fmt = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      fmt = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    }
    this.fmt = fmt;
  }

  /** The spreadsheet's time zone, asked once (one call). */
  static of(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Days {
    return new Days(ss.getSpreadsheetTimeZone() || 'UTC');
  }

  /** The zone's offset from UTC (ms) at each quarter hour asked about: offsets change only on quarter hours. */
  private readonly offsets = new Map<number, number>();

  private offsetAt(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * QUARTER_HOUR_MS;
      const f: Record<string, number> = {};
      for (const part of this.fmt.formatToParts(new Date(at)))
        if (part.type !== 'literal') f[part.type] = Number(part.value);
      offset = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - at;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /**
   * The wall-clock fields an instant shows in the time zone. Intl's formatToParts is slow (tens of
   * microseconds), and a table holds many dates on few days: it runs once per quarter hour seen.
   */
  private fields(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
    const shown = new Date(ms + this.offsetAt(ms));
    return {
      year: shown.getUTCFullYear(),
      month: shown.getUTCMonth() + 1,
      day: shown.getUTCDate(),
      hour: shown.getUTCHours(),
      minute: shown.getUTCMinutes(),
      second: shown.getUTCSeconds(),
    };
  }

  /** ISO day text by day number (days since 1970-01-01 on the zone's wall clock). */
  private readonly dayNames = new Map<number, string>();

  /** The spreadsheet's calendar day of an instant. */
  dayOf(date: Date): string {
    const ms = date.getTime();
    const dayNumber = Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
    let name = this.dayNames.get(dayNumber);
    if (name === undefined) {
      const f = this.fields(ms);
      const pad = (n: number, w = 2) => String(n).padStart(w, '0');
      name = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
      this.dayNames.set(dayNumber, name);
    }
    return name;
  }

  /** A cell's day: a Date as the day it shows in the spreadsheet's time zone; ISO text as its day; '' otherwise. */
  cellToDay(value: unknown): string {
    if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : this.dayOf(value);
    const text = String(value ?? '').trim();
    if (isIsoDay(text)) return text;
    const head = text.slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}T/.test(text) && isIsoDay(head) ? head : '';
  }

  /** Midnight of `day` in the spreadsheet's time zone, as the Date a cell is given ('' for none). */
  dayToCell(day: string | null | undefined): Date | string {
    if (!day || !isIsoDay(day)) return '';
    const [y, m, d] = day.split('-').map(Number);
    const guess = Date.UTC(y, m - 1, d);
    const f = this.fields(guess);
    const shown = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
    const at = guess - (shown - guess);
    const check = this.fields(at);
    const drift = Date.UTC(check.year, check.month - 1, check.day, check.hour, check.minute) - guess;
    return new Date(at - drift);
  }
}
