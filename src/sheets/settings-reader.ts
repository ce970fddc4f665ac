/**
 * Reads Settings (one getValues): the key/value settings by camelCase key, with defaults for missing
 * or malformed values, and the lists. Other features read settings through this.
 *
 * The settings are also kept in a document property (`tracker.settings`), which every execution
 * reads anyway with the layout: a use case that only needs them (registerLead, the jobs) takes them
 * from there instead of reading the sheet. Every execution that reads the Settings sheet stores what
 * it read (written with its one property write, see AppContext.commit): a person's edit of Settings
 * (the edit trigger reads the sheet), set-up, and the hourly run once a day, which catches edits no
 * trigger saw (another tool's API writes).
 */
import type { TrackerDocument } from './document';
import { LIST_DEFS, SETTING_DEFS } from './sheet-defs/settings';
import { normalizeHeader, type ListKey } from './schema';
import { Table } from './table';
import type { ExchangeRate } from '../domain/money';

export interface TrackerSettings {
  values: Record<string, string | number | boolean>;
  lists: Record<ListKey, string[]>;
  /** The exchange rates table (Rate Date, Rate Currency, Rate), rows with a currency, as written. */
  rates: ExchangeRate[];
}

export function settingsFrom(table: Table): TrackerSettings {
  const byLabel = new Map<string, unknown>();
  const lists = Object.fromEntries(LIST_DEFS.map((l) => [l.key, [] as string[]])) as Record<
    ListKey,
    string[]
  >;
  for (const { record } of table.rows()) {
    if (record.setting !== '' && record.setting !== undefined)
      byLabel.set(normalizeHeader(record.setting), record.value);
    for (const list of LIST_DEFS) {
      const item = String(record[list.key] ?? '').trim();
      if (item) lists[list.key].push(item);
    }
  }
  const rates = ratesFrom(table);
  const values: Record<string, string | number | boolean> = {};
  for (const def of SETTING_DEFS) {
    const raw = byLabel.get(normalizeHeader(def.label));
    values[def.key] = coerce(raw, def.value);
  }
  return { values, lists, rates };
}

/** The exchange-rate rows: day as ISO (a Date cell read in the spreadsheet's zone), code upper case, rate as text. */
function ratesFrom(table: Table): ExchangeRate[] {
  if (table.layout.cols.rateCurrency === undefined) return [];
  const days = table.doc.days();
  const rates: ExchangeRate[] = [];
  for (const { record } of table.rows()) {
    const currency = String(record.rateCurrency ?? '')
      .trim()
      .toUpperCase();
    if (currency === '') continue;
    rates.push({ date: days.cellToDay(record.rateDate), currency, rate: String(record.rate ?? '').trim() });
  }
  return rates;
}

export const SETTINGS_PROPERTY = 'tracker.settings';

/** The settings as last stored, or null when none are (or they cannot be read). */
export function cachedSettings(doc: TrackerDocument): TrackerSettings | null {
  const text = doc.property(SETTINGS_PROPERTY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { v?: number; values?: unknown; lists?: unknown };
    // v2 added the exchange rates: a v1 copy is read again from the sheet
    if (parsed.v !== 2 || typeof parsed.values !== 'object' || typeof parsed.lists !== 'object') return null;
    const lists = parsed.lists as Record<string, unknown>;
    if (!LIST_DEFS.every((l) => Array.isArray(lists[l.key]))) return null;
    const rates = (parsed as { rates?: unknown }).rates;
    if (rates !== null && !Array.isArray(rates)) return null;
    const settings = {
      values: parsed.values as TrackerSettings['values'],
      lists: lists as TrackerSettings['lists'],
    };
    if (rates) return { ...settings, rates: rates as ExchangeRate[] };
    // Stored without the rates (too many for a property value: `cacheSettings`): read from the
    // sheet when asked for, once per execution, so a use case that needs only the values or the
    // lists (the Team check of a person's edit) reads no Settings cell.
    return Object.defineProperty(settings, 'rates', {
      enumerable: true,
      get: () => sheetRates(doc),
    }) as TrackerSettings;
  } catch {
    return null;
  }
}

const ratesRead = new WeakMap<TrackerDocument, ExchangeRate[]>();

/** The exchange rates as the Settings sheet has them (one read of it per execution). */
function sheetRates(doc: TrackerDocument): ExchangeRate[] {
  let rates = ratesRead.get(doc);
  if (!rates) {
    rates = ratesFrom(new Table(doc, 'settings'));
    ratesRead.set(doc, rates);
  }
  return rates;
}

/** A property value holds 9 KB: settings longer than this are not stored (read from the sheet). */
const STORED_BYTES = 8_000;

/** UTF-8 bytes of a text. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 4 : 3;
    if (code >= 0xd800 && code < 0xdc00) i++;
  }
  return bytes;
}

/**
 * Stores `settings` (a property write queued for the execution's one flush, only when they changed).
 * Rates too many for a property value (a year of daily rates) are left out (`rates: null`): the
 * values and lists are still stored, and the rates read from the sheet by whoever needs them.
 * Settings too long even so (very long lists) are not stored: executions read the sheet.
 */
export function cacheSettings(doc: TrackerDocument, settings: TrackerSettings): void {
  const { values, lists } = settings;
  let text = JSON.stringify({ v: 2, values, lists, rates: settings.rates });
  if (utf8Bytes(text) > STORED_BYTES) text = JSON.stringify({ v: 2, values, lists, rates: null });
  if (utf8Bytes(text) > STORED_BYTES) text = '';
  if ((doc.property(SETTINGS_PROPERTY) ?? '') !== text) doc.setProperty(SETTINGS_PROPERTY, text);
}

/** The stored settings, else read from the sheet (and stored). */
export function readSettings(doc: TrackerDocument): TrackerSettings {
  const cached = cachedSettings(doc);
  if (cached) return cached;
  const settings = settingsFrom(new Table(doc, 'settings'));
  cacheSettings(doc, settings);
  return settings;
}

function coerce(raw: unknown, fallback: string | number | boolean): string | number | boolean {
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (typeof fallback === 'number') {
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
    return Number.isFinite(n) ? n : fallback;
  }
  if (typeof fallback === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    const text = String(raw).trim().toLowerCase();
    return ['true', 'yes', 'on', '1'].includes(text)
      ? true
      : ['false', 'no', 'off', '0'].includes(text)
        ? false
        : fallback;
  }
  return String(raw).trim();
}
