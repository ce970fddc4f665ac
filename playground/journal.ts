/**
 * The playground's workbook on disk: a journal of the actions taken, in the scenario format of
 * emulator/scenario.ts (so `npm run scenario` can replay it too). The emulator is deterministic,
 * so replaying the journal against a fresh emulator rebuilds the same workbook.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenario, type ScenarioInput } from '../emulator/scenario';
import type { Emulator } from '../emulator/harness';

export type Step = ScenarioInput['steps'][number];

export interface Journal {
  spreadsheet: { owner: string; name: string; timeZone: string; editors: string[]; viewers: string[] };
  now: string;
  steps: Step[];
}

export const JOURNAL_FILE = 'workbook.json';

export function journalPath(dataDir: string): string {
  return path.join(dataDir, JOURNAL_FILE);
}

/** The journal kept in dataDir, or null when there is none; a file that is not a scenario is set aside. */
export function readJournal(dataDir: string): { journal: Journal | null; warning?: string } {
  const file = journalPath(dataDir);
  if (!existsSync(file)) return { journal: null };
  try {
    const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
    const sp = parsed.spreadsheet ?? {};
    if (!sp.owner || !parsed.now) throw new Error('the journal names no owner or start time');
    return {
      journal: {
        spreadsheet: {
          owner: sp.owner,
          name: sp.name ?? 'Partner Program',
          timeZone: sp.timeZone ?? 'UTC',
          editors: sp.editors ?? [],
          viewers: sp.viewers ?? [],
        },
        now: parsed.now,
        steps: parsed.steps,
      },
    };
  } catch (err) {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    return {
      journal: null,
      warning: `${JOURNAL_FILE} could not be replayed (${(err as Error).message}); moved aside`,
    };
  }
}

export function writeJournal(dataDir: string, journal: Journal): void {
  mkdirSync(dataDir, { recursive: true });
  const file = journalPath(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(journal, null, 1)}\n`);
  renameSync(tmp, file);
}

export interface StepResult {
  ok: boolean;
  result?: unknown;
  error?: string;
  fired?: Array<{ handler: string; ok: boolean; error?: string; at: string }>;
}

/** Runs one step against the emulator as the scenario runner does; a failure is data. */
export function runStep(emu: Emulator, owner: string, step: Step): StepResult {
  const as = 'as' in step && step.as ? step.as : owner;
  try {
    if ('call' in step) return { ok: true, result: emu.call(as, step.call, ...(step.args ?? [])) };
    if ('menu' in step) return { ok: true, result: emu.menu(as, step.menu) ?? null };
    if ('select' in step)
      return { ok: true, result: emu.select(as, step.select.sheet, step.select.range) ?? null };
    if ('edit' in step) {
      const out = emu.edit(as, step.edit.sheet, step.edit.range, step.edit.values);
      return { ok: out.ok, error: out.reason, fired: out.fired };
    }
    if ('insertRows' in step) {
      const out = emu.insertRows(as, step.insertRows.sheet, step.insertRows.before, step.insertRows.count);
      return { ok: out.ok, error: out.reason, fired: out.fired };
    }
    if ('deleteRows' in step) {
      const out = emu.deleteRows(as, step.deleteRows.sheet, step.deleteRows.row, step.deleteRows.count);
      return { ok: out.ok, error: out.reason, fired: out.fired };
    }
    if ('advance' in step) return { ok: true, fired: emu.advance(step.advance) };
    if ('submitForm' in step)
      return { ok: true, result: emu.submitForm(step.submitForm.url, step.submitForm.answers) };
    return { ok: true, result: emu.open(as, step.open ?? 'LIMITED') ?? null };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
