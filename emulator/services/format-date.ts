/**
 * Utilities.formatDate: Java SimpleDateFormat patterns in a time zone. Letters: y M d H h k K m s S
 * E a z Z X u D; text in single quotes is literal, '' is a quote.
 */
import { offsetMinutes, validZone, zonedFields } from '../time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function offset(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function zoneName(ms: number, timeZone: string, long: boolean): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: long ? 'long' : 'short',
  }).formatToParts(new Date(ms));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const zone = validZone(timeZone);
  const f = zonedFields(ms, zone);
  const millis = ((ms % 1000) + 1000) % 1000;
  const dayOfYear =
    Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
  const field = (letter: string, n: number): string => {
    switch (letter) {
      case 'y':
        return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
      case 'M':
        if (n >= 4) return MONTHS[f.month - 1];
        if (n === 3) return MONTHS[f.month - 1].slice(0, 3);
        return pad(f.month, n);
      case 'd':
        return pad(f.day, n);
      case 'D':
        return pad(dayOfYear, n);
      case 'H':
        return pad(f.hour, n);
      case 'k':
        return pad(f.hour === 0 ? 24 : f.hour, n);
      case 'K':
        return pad(f.hour % 12, n);
      case 'h':
        return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
      case 'm':
        return pad(f.minute, n);
      case 's':
        return pad(f.second, n);
      case 'S':
        return pad(millis, n);
      case 'E':
        return n >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
      case 'u':
        return pad(f.weekday === 0 ? 7 : f.weekday, n);
      case 'a':
        return f.hour < 12 ? 'AM' : 'PM';
      case 'z':
        return zoneName(ms, zone, n >= 4);
      case 'Z':
        return offset(offsetMinutes(ms, zone), 'Z');
      case 'X':
        return offset(offsetMinutes(ms, zone), n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
      default:
        throw new Error(`Illegal pattern character '${letter}'`);
    }
  };
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; '' inside it is a quote.
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else out += pattern[i++];
      }
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
