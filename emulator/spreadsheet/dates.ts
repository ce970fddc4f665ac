/** Dates in a spreadsheet's time zone: wall-clock parts, spreadsheet serial numbers, instants. */

import { zonedFields, zonedToUtc } from '../time-zone';

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Spreadsheet serial number (days since 1899-12-30) of an instant, in the sheet's time zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const c = zonedFields(date.getTime(), timeZone);
  const local = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.ms);
  return (local - EPOCH) / DAY;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const local = new Date(EPOCH + Math.round(serial * DAY));
  return new Date(
    zonedToUtc(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
      local.getUTCHours(),
      local.getUTCMinutes(),
      timeZone,
      local.getUTCSeconds(),
      local.getUTCMilliseconds(),
    ),
  );
}
