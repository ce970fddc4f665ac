/**
 * What the lead-index tests look at: the index's state in the document properties, whether a call
 * read it (or the whole of Leads), a registration seen through it, a row another tool appended, and
 * the next day's run that rebuilds it.
 */
import type { Emulator } from '../../emulator/harness';
import type { LeadInput } from '../../src/shared/api';
import { runHourly } from '../support/emulator';
import { OWNER, register } from './leads-fixture';

export const INDEX_PROPERTY = 'tracker.leadIndex';

function documentProperties(emu: Emulator): GoogleAppsScript.Properties.Properties {
  return (
    emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
  ).getDocumentProperties();
}

export function indexState(emu: Emulator): Record<string, unknown> | null {
  const text = emu.rt.uncounted(() => documentProperties(emu).getProperty(INDEX_PROPERTY));
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

/** The index's state deleted from the document properties (by hand or another script). */
export function deleteIndexState(emu: Emulator): void {
  emu.rt.uncounted(() => documentProperties(emu).deleteProperty(INDEX_PROPERTY));
}

/** Whether `fn` read the lead index rather than the whole of Leads. */
export function usedIndex(emu: Emulator, fn: () => unknown): boolean {
  const methods: string[] = [];
  const stop = emu.rt.onCall((m) => methods.push(m));
  try {
    fn();
  } finally {
    stop();
  }
  // The full read guards Leads with getLastRow; the index path reads a window of Leads instead.
  return !methods.includes('Sheet.getLastRow');
}

/** A registration: whether it read the index, the ids of the leads it conflicts with, its own id. */
export function registerSeen(
  emu: Emulator,
  input: LeadInput,
): { usedIndex: boolean; conflicts: string[]; id: string } {
  let result!: ReturnType<typeof register>;
  const used = usedIndex(emu, () => {
    result = register(emu, input, OWNER, { followUp: false }); // the person's call alone
  });
  return { usedIndex: used, conflicts: result.conflicts.map((c) => c.leadId), id: result.id };
}

/** A row written by another tool after the last one (no trigger fires: the shadow does not know it). */
export function appendByAnotherTool(emu: Emulator, values: Record<string, unknown>): number {
  const rows = emu.sheets().Leads as unknown[][];
  const headers = rows[0] as string[];
  let last = rows.length;
  while (last > 1 && (rows[last - 1] as unknown[]).every((v) => v === '')) last--;
  const row = headers.map((h) => values[h] ?? '');
  emu.rt.uncounted(() =>
    emu.spreadsheet
      .getSheetByName('Leads')!
      .getRange(last + 1, 1, 1, row.length)
      .setValues([row]),
  );
  return last + 1;
}

/** `days` later, the hourly runs of that hour (the day's first rebuilds the index). */
export function daysLater(emu: Emulator, days = 1): void {
  emu.rt.advance(days * 86_400_000);
  runHourly(emu);
}
