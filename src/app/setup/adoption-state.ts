/**
 * The checkpoint of adopting the rows of a workbook's existing sheets in chunks (document property
 * `tracker.adoption`, JSON): the sheets still to adopt (the first is the current one, `next` its next
 * row), the counts so far and the first invalid rows. Saved with each chunk's writes (the same
 * property write as the audit tail), so a chunk is either done and recorded or redone whole.
 */
import type { SetupInvalidRow } from '../../shared/api';
import type { SheetKey } from '../../sheets/schema';

export const ADOPTION_PROPERTY = 'tracker.adoption';
/**
 * Overrides of the chunk size and the time budget (JSON `{ chunkRows, budgetMs, maxChunks }`): for
 * tests and a support person, never needed in normal use.
 */
export const ADOPTION_LIMITS_PROPERTY = 'tracker.adoptionLimits';

/** Rows adopted per chunk (one getValues, one write block per chunk). */
export const CHUNK_ROWS = 2000;
/** Modeled/real time an execution spends on set-up before it stops and saves its checkpoint. */
export const ADOPTION_BUDGET_MS = 40_000;
/** The invalid rows a checkpoint keeps (the count is kept in full). */
export const INVALID_ROWS_KEPT = 20;

export type InvalidRow = SetupInvalidRow;

export interface SheetAdoption {
  key: SheetKey;
  /** The next sheet row to adopt. */
  next: number;
  /** The sheet's last row with content, as last seen (rows appended meanwhile are adopted too). */
  last: number;
  /** The number of the next id to give (null: not computed yet, or a sheet without ids). */
  nextId: number | null;
  /** Give ids to rows without one. */
  ids: boolean;
  /** Check the rows against validation and highlight the invalid cells. */
  check: boolean;
  /** Write the rows' shadow cells (the shadow sheet is new). */
  shadow: boolean;
  /** Columns (keys) whose validation each chunk sets on its rows. */
  rules: string[];
  /** Columns set-up added (keys) whose number formats each chunk sets on its rows. */
  formats: string[];
}

export interface AdoptionState {
  v: 1;
  sheets: SheetAdoption[];
  /** Data rows adopted so far, and in all (rows appended meanwhile included). */
  done: number;
  total: number;
  idsGiven: number;
  invalidCount: number;
  /** The first INVALID_ROWS_KEPT invalid rows. */
  invalidRows: InvalidRow[];
  /** Install the edit and change triggers once every row is adopted (the shadow is then whole). */
  triggers: boolean;
  /** Executions spent so far. */
  runs: number;
}

export interface AdoptionLimits {
  chunkRows: number;
  budgetMs: number;
  maxChunks: number;
}

export function parseAdoption(text: string | null): AdoptionState | null {
  if (!text) return null;
  try {
    const state = JSON.parse(text) as AdoptionState;
    return state && state.v === 1 && Array.isArray(state.sheets) && state.sheets.length ? state : null;
  } catch {
    return null;
  }
}

export function adoptionLimits(text: string | null): AdoptionLimits {
  const limits: AdoptionLimits = {
    chunkRows: CHUNK_ROWS,
    budgetMs: ADOPTION_BUDGET_MS,
    maxChunks: Number.POSITIVE_INFINITY,
  };
  if (!text) return limits;
  try {
    const given = JSON.parse(text) as Partial<AdoptionLimits>;
    const positive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 1;
    if (positive(given.chunkRows)) limits.chunkRows = Math.floor(given.chunkRows!);
    if (positive(given.budgetMs)) limits.budgetMs = given.budgetMs!;
    if (positive(given.maxChunks)) limits.maxChunks = Math.floor(given.maxChunks!);
  } catch {
    // malformed: the defaults
  }
  return limits;
}

/** 100000 -> "100,000". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
