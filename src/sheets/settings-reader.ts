/**
 * Reads Settings (one getValues): the key/value settings by camelCase key, with defaults for missing
 * or malformed values, and the lists. Other features read settings through this.
 */
import type { TrackerDocument } from './document';
import { LIST_DEFS, SETTING_DEFS } from './sheet-defs/settings';
import { normalizeHeader, type ListKey } from './schema';
import { Table } from './table';

export interface TrackerSettings {
  values: Record<string, string | number | boolean>;
  lists: Record<ListKey, string[]>;
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
  const values: Record<string, string | number | boolean> = {};
  for (const def of SETTING_DEFS) {
    const raw = byLabel.get(normalizeHeader(def.label));
    values[def.key] = coerce(raw, def.value);
  }
  return { values, lists };
}

export function readSettings(doc: TrackerDocument): TrackerSettings {
  return settingsFrom(new Table(doc, 'settings'));
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
