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
import { callsFromJournal, hourlyExecutions, type HourlyFault } from '../support/hourly-executions';

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

/**
 * The joined write's journal stores only the rows it changes (a patch: the rows between are in the
 * sheet already, as read under the lock). An execution that dies anywhere after its journal is
 * stored has it applied again by the next one, which reads the range and writes it with the changed
 * rows over it: the day ends as a day without the failure ends, cell for cell.
 */
describe('the joined shadow write, failing after its journal is stored, is finished by the next run', () => {
  const day = (fault?: HourlyFault) => {
    const emu = tracker();
    const partners = emu.sheets().Partners as unknown[][];
    const at = partners.findIndex((p) => p[0] === (emu.sheets().Commissions as unknown[][])[1][2]);
    emu.edit(OWNER, 'Partners', `I${at + 1}`, [['SaaS Recurring']]);
    emu.rt.advance(DAY);
    return { emu, executions: hourlyExecutions(emu, fault) };
  };
  const reference = day();
  const joined = reference.executions.findIndex(
    (e) =>
      e.writes.filter((w) => w.sheet === 'Commissions').length === 2 &&
      e.writes.some((w) => w.sheet === '_Shadow' && w.col === SHADOW_COL && w.rows > 1_000),
  );
  const methods = reference.executions[joined]?.methods ?? [];
  // The calls from the journal's property write (the commit's step) to the last.
  const { first, ks } = callsFromJournal(methods);
  // The call that is the joined shadow write (the n-th Range.setValues is the n-th range written).
  const nth = (reference.executions[joined]?.writes ?? []).findIndex(
    (w) => w.sheet === '_Shadow' && w.col === SHADOW_COL && w.rows > 1_000,
  );
  let shadowWriteAt = 0;
  for (let i = 0, seen = -1; i < methods.length && !shadowWriteAt; i++)
    if (methods[i] === 'Range.setValues' && ++seen === nth) shadowWriteAt = i + 1;
  const final = (emu: Emulator) => {
    const sheets = emu.sheets();
    return {
      commissions: sheets.Commissions,
      leads: sheets.Leads,
      shadow: (sheets._Shadow as unknown[][]).map((r) => r[SHADOW_COL - 1]),
      log: (sheets['Audit Log'] as unknown[][]).length,
    };
  };

  it('the reference day has the joined execution', () => {
    expect(joined).toBeGreaterThanOrEqual(0);
    expect(ks.length).toBeGreaterThan(2);
    expect(shadowWriteAt).toBeGreaterThanOrEqual(first);
  });

  it.each(ks.map((k) => [k]))('a failure at call %i of that execution', (k) => {
    const failed = day({ execution: joined, k });
    expect(final(failed.emu)).toEqual(final(reference.emu));
    expect(failed.emu.call<AuditVerification>(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
    // Once the journal is stored (the commit's last call is its audit append), the next run applies
    // it again: it reads the joined range back to write the patch over it.
    const wrote = reference.executions[joined].writes.find((w) => w.sheet === '_Shadow' && w.rows > 1_000)!;
    const patched = failed.executions[joined + 1].reads.some(
      (r) => r.sheet === '_Shadow' && r.row === wrote.row && r.rows === wrote.rows && r.col === SHADOW_COL,
    );
    expect(patched).toBe(k >= first);
  });
});
