/**
 * The hourly run writes a tracked table's shadow blocks with one setValues when the rows between
 * them are known without a call (the shadow is one column; the daily run's budget is its calls per
 * execution). A partner's plan changed: the full reconcile voids its lines near the top of a long
 * ledger and writes new ones at the end, two blocks of Commissions too far apart to join (a block
 * of status cells, wide new rows); their shadow is one write, the rows between rewritten as they are.
 * The ledger index, staged again by that reconcile, keeps its chunks' boundaries (a chunk whose lines
 * did not change keeps its text; only the span of chunks that changed is written).
 */
import { Emulator } from '../../emulator/harness';
import { PLANS } from '../../bench/workbook';
import { programTracker } from '../support/program-tracker';
import type { AuditVerification } from '../../src/shared/api';
import { OWNER, finishDay, runHourly } from '../support/emulator';
import { rangesWritten, type RangeRead } from '../support/ranges-read';

const DAY = 86_400_000;
/** The Commissions shadow's column in `_Shadow` (sheets/schema.ts). */
const SHADOW_COL = 3;
/** The ledger index's column in `_Shadow` (sheets/schema.ts). */
const LEDGER_INDEX_COL = 9;

function tracker(): Emulator {
  const emu = programTracker({ label: 'join', partners: 20, leads: 3_000 }, 7, PLANS);
  emu.call(OWNER, 'runCommissions');
  finishDay(emu);
  return emu;
}

describe('the hourly run joins a table’s shadow blocks', () => {
  const emu = tracker();
  const rows = (sheet: string) => emu.sheets()[sheet] as unknown[][];
  const shadowColumn = () => rows('_Shadow').map((r) => String(r[SHADOW_COL - 1] ?? ''));
  // The partner of the ledger's first line moves to a recurring plan.
  const partners = rows('Partners');
  const at = partners.findIndex((p) => p[0] === rows('Commissions')[1][2]);
  const indexBefore = rows('_Shadow').map((r) => String(r[LEDGER_INDEX_COL - 1] ?? ''));
  const edited = emu.edit(OWNER, 'Partners', `I${at + 1}`, [['SaaS Recurring']]);
  emu.rt.advance(DAY);
  const executions: Array<{ writes: RangeRead[]; before: string[]; after: string[] }> = [];
  for (let n = 0; n < 60; n++) {
    let done = false;
    const before = shadowColumn();
    const writes = rangesWritten(() => {
      done = (runHourly(emu).result as { finished?: boolean }).finished === true;
    });
    executions.push({ writes, before, after: shadowColumn() });
    if (done) break;
    emu.rt.advance(60_000);
  }
  const commissions = (e: (typeof executions)[number]) => e.writes.filter((w) => w.sheet === 'Commissions');
  const shadow = (e: (typeof executions)[number]) =>
    e.writes.filter((w) => w.sheet === '_Shadow' && w.col === SHADOW_COL);
  const joined = executions.find((e) => commissions(e).length === 2);

  it('an execution wrote two blocks of Commissions far apart', () => {
    expect(edited.ok).toBe(true);
    const [a, b] = commissions(joined!);
    expect(b.row - (a.row + a.rows)).toBeGreaterThan(1_000);
  });

  it('and their shadow with one setValues from the first block to the last', () => {
    const [a, b] = commissions(joined!);
    expect(shadow(joined!)).toEqual([
      { sheet: '_Shadow', row: a.row, col: SHADOW_COL, rows: b.row + b.rows - a.row, cols: 1 },
    ]);
  });

  it('the rows between as they were, cell for cell (the same content, the same seal)', () => {
    const [a, b] = commissions(joined!);
    const inBlock = (row: number) =>
      (row >= a.row && row < a.row + a.rows) || (row >= b.row && row < b.row + b.rows);
    let between = 0;
    for (let row = a.row; row < b.row + b.rows; row++) {
      if (inBlock(row)) continue;
      between++;
      expect(joined!.after[row - 1]).toBe(joined!.before[row - 1]);
    }
    expect(between).toBeGreaterThan(1_000);
  });

  it('the ledger index kept its chunks’ boundaries: each chunk starts at the row it started at', () => {
    const starts = (column: string[]) =>
      column
        .slice(1)
        .filter((t) => t.startsWith('#'))
        .map((t) => Number(/^#\d+\|\[\[(\d+),/.exec(t)?.[1] ?? 0));
    const before = starts(indexBefore);
    const after = starts(rows('_Shadow').map((r) => String(r[LEDGER_INDEX_COL - 1] ?? '')));
    expect(before.length).toBeGreaterThan(3);
    expect(after.slice(0, before.length)).toEqual(before);
    // and the index was rewritten by the reconcile (its lines changed)
    expect(
      executions.some((e) => e.writes.some((w) => w.sheet === '_Shadow' && w.col === LEDGER_INDEX_COL)),
    ).toBe(true);
  });

  it('every other execution wrote the shadow once per Commissions block at most; the log verifies', () => {
    for (const e of executions)
      expect(shadow(e).length).toBeLessThanOrEqual(Math.max(1, commissions(e).length));
    expect(emu.call<AuditVerification>(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
  });
});
