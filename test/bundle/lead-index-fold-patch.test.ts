/**
 * The hourly run's fold of the lead index joins its chunk writes into one setValues; the unchanged
 * chunks it writes again between the changed ones are left out of its journal (the sheet holds
 * them: a patch, sheets/journal.ts). An execution that dies after that journal is stored has it
 * applied again by the next one, which reads the range back and writes the changed chunks over it:
 * the day ends as a day without the failure ends, cell for cell.
 */
import type { Emulator } from '../../emulator/harness';
import { PLANS } from '../../bench/workbook';
import type { AuditVerification } from '../../src/shared/api';
import { programTracker } from '../support/program-tracker';
import { OWNER, documentProperties, finishDay } from '../support/emulator';
import {
  callsFromJournal,
  hourlyExecutions,
  type HourlyExecution,
  type HourlyFault,
} from '../support/hourly-executions';

const DAY = 86_400_000;
/** The lead index's column in `_Shadow` (sheets/schema.ts INDEX_COLUMN). */
const INDEX_COL = 8;

/** A 3,000-lead program; the next day folds the index (limits set low), failing at `fault` if given. */
function day(fault?: HourlyFault): { emu: Emulator; executions: HourlyExecution[] } {
  const emu = programTracker({ label: 'fold', partners: 12, leads: 3_000 }, 11, PLANS);
  finishDay(emu);
  emu.rt.advance(DAY);
  finishDay(emu);
  // Two leads approved, the first and the last Submitted: the index's first and last chunks change.
  const leads = emu.sheets().Leads as unknown[][];
  const status = leads[0].indexOf('Status');
  const submitted = leads.filter((r) => r[status] === 'Submitted').map((r) => String(r[0]));
  for (const id of [submitted[0], submitted[submitted.length - 1]])
    emu.call(OWNER, 'reviewLead', id, 'approve', 'fits');
  emu.rt.uncounted(() =>
    documentProperties(emu).setProperty('tracker.leadIndexLimits', JSON.stringify({ chars: 1, rows: 1 })),
  );
  emu.rt.advance(DAY);
  return { emu, executions: hourlyExecutions(emu, fault, 40) };
}

const reference = day();
const folded = reference.executions.findIndex((e) =>
  e.writes.some((w) => w.sheet === '_Shadow' && w.col === INDEX_COL && w.rows > 2),
);
const methods = reference.executions[folded]?.methods ?? [];
/** The index's one write in that execution. */
const indexWrite = reference.executions[folded]?.writes.find(
  (w) => w.col === INDEX_COL && w.sheet === '_Shadow',
);
// The calls from the journal's property write (the commit's step) to the execution's last.
const { first, ks } = callsFromJournal(methods);

const final = (emu: Emulator) => {
  const sheets = emu.sheets();
  return {
    leads: sheets.Leads,
    shadow: (sheets._Shadow as unknown[][]).map((r) => [r[1], r[2], r[INDEX_COL - 1]]),
    log: (sheets['Audit Log'] as unknown[][]).length,
  };
};

describe('the hourly run folding the lead index (its first and last chunks changed)', () => {
  it('writes the index with one setValues, the unchanged chunks between included', () => {
    expect(folded).toBeGreaterThanOrEqual(0);
    const writes = reference.executions[folded].writes.filter(
      (w) => w.sheet === '_Shadow' && w.col === INDEX_COL,
    );
    expect(writes).toHaveLength(1);
    expect(indexWrite!.rows).toBeGreaterThan(5);
    expect(ks.length).toBeGreaterThan(2);
  });

  it.each(ks.map((k) => [k]))(
    'failing at call %i of that execution, ends the day as without the failure',
    (k) => {
      const failed = day({ execution: folded, k });
      expect(final(failed.emu)).toEqual(final(reference.emu));
      expect(failed.emu.call<AuditVerification>(OWNER, 'verifyAuditLog')).toMatchObject({ ok: true });
      // Once its journal is stored, the next run applies it again: it reads the index's range back to
      // write the changed chunks over it (the unchanged ones are not in the journal).
      // (The index's own read reads that range too, once more than in the reference when the fold is
      // made again; the replay's read is one more still.)
      const readsOfIndex = (e: HourlyExecution) =>
        e.reads.filter(
          (r) =>
            r.sheet === '_Shadow' &&
            r.col === INDEX_COL &&
            r.row === indexWrite!.row &&
            r.rows === indexWrite!.rows,
        ).length;
      const extra =
        readsOfIndex(failed.executions[folded + 1]) - readsOfIndex(reference.executions[folded + 1]);
      expect(extra).toBe(k >= first ? 2 : 1);
    },
  );
});
