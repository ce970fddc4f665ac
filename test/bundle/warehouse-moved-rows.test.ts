/**
 * The warehouse's first load while rows move (issue 22): the first load reads each mirrored sheet
 * block by block over several hourly runs; a person who sorts Leads, or deletes or inserts rows,
 * between two blocks moves records across the load's cursor. The load notices (the ids it loaded
 * are no longer the ones above its cursor) and loads that sheet again from row 2; when it is done,
 * every record of every mirrored sheet is in the warehouse's views exactly once, with its values.
 *
 * Each hourly run here has time for one small block of Leads only: on the emulator's simulated
 * clock (the mirror reads its time from it, app/warehouse/mirror.ts) the run's first authorization
 * check costs most of the run's time and a load job the rest.
 */
import type { Emulator } from '../../emulator/harness';
import { runHourly } from '../support/emulator';
import { OWNER, partnerOn } from './commissions-fixture';
import { PLAN, smallProgram, turnOn, warehouseRows, warehouseTracker } from './warehouse-fixture';

const CURSOR = 'tracker.warehouseCursor';
/** The hourly run's budget and the mirror's reserve (triggers/daily.ts RUN_BUDGET_MS, mirror.ts RESERVE_MS). */
const RUN_BUDGET_MS = 270_000;
const RESERVE_MS = 60_000;
/** What a block's fixed cost leaves for a few dozen rows (domain/warehouse/load-plan.ts's estimates). */
const BLOCK_MS = 3_560;
/** A load job's time on the clock: a block's whole time, so a run loads one block. */
const LOAD_JOB_MS = 3_500;
const LEADS = 70;

interface Initial {
  sheet: number;
  next: number;
  pass?: number;
}

function cursor(emu: Emulator): { initial?: Initial } | null {
  const text = emu.services.globals.PropertiesService.getDocumentProperties().getProperty(CURSOR);
  return text ? (JSON.parse(text) as { initial?: Initial }) : null;
}

/** An hourly run with time for about one block of Leads. */
function shortHour(emu: Emulator): void {
  let first = true;
  emu.rt.costModel = (method) => {
    if (method === 'BigQuery.Jobs.insert') return LOAD_JOB_MS;
    if (method !== 'ScriptApp.getAuthorizationInfo' || !first) return 0;
    first = false;
    return RUN_BUDGET_MS - RESERVE_MS - BLOCK_MS;
  };
  try {
    const report = (runHourly(emu).result as { warehouse?: { ok: boolean; message: string } }).warehouse;
    expect(report?.message).toBeDefined();
    expect(report?.ok).toBe(true);
  } finally {
    emu.rt.costModel = null;
  }
}

function sheetRecords(emu: Emulator, name: string, idHeader: string): string[] {
  const [header, ...rows] = emu.sheets()[name] as unknown[][];
  const col = header.indexOf(idHeader);
  return rows
    .map((r) => String(r[col] ?? ''))
    .filter((id) => id !== '')
    .sort();
}

function program(emu: Emulator): void {
  smallProgram(emu, [1000, 250.5]);
  const partner = partnerOn(emu, PLAN.name, 'Movers Ltd');
  for (let i = 0; i < LEADS; i++)
    emu.call(OWNER, 'registerLead', {
      partnerId: partner,
      company: `Company ${100 + i}`,
      domain: `c${i}.test`,
    });
}

const moves: Array<[string, (emu: Emulator) => void]> = [
  [
    'sorts Leads by company, descending',
    (emu) => {
      const [header] = emu.sheets().Leads as unknown[][];
      expect(emu.sortRows(OWNER, 'Leads', 2, header.indexOf('Company') + 1, true).ok).toBe(true);
    },
  ],
  ['deletes rows the load has read', (emu) => expect(emu.deleteRows(OWNER, 'Leads', 3, 4).ok).toBe(true)],
  ['inserts rows above the cursor', (emu) => expect(emu.insertRows(OWNER, 'Leads', 3, 3).ok).toBe(true)],
];

describe('the first load when rows move between its blocks', () => {
  it.each(moves)('a person %s: every record of every sheet in the views exactly once', (_what, move) => {
    const emu = warehouseTracker();
    program(emu);
    expect(turnOn(emu).ok).toBe(true);
    // Short runs until Leads is part loaded; the person moves rows; short runs until Leads is done.
    let moved = false;
    let restarted = false;
    for (let run = 0; run < 40; run++) {
      const c = cursor(emu)?.initial;
      if (c && c.sheet > 1) break;
      if (!moved && c?.sheet === 1 && c.next > 2) {
        // several blocks still to come: the moved rows cross the cursor
        expect(c.next + 10).toBeLessThan(sheetRecords(emu, 'Leads', 'Lead ID').length);
        move(emu);
        moved = true;
      }
      shortHour(emu);
      if (cursor(emu)?.initial?.pass === 1) restarted = true;
    }
    expect(moved).toBe(true);
    // The load saw it and loaded Leads again from row 2 (its second pass, under new batch ids).
    expect(restarted).toBe(true);
    // The rest at the ordinary pace, then the changes made meanwhile.
    for (let run = 0; run < 6 && cursor(emu)?.initial; run++) runHourly(emu);
    expect(cursor(emu)?.initial).toBeUndefined();
    runHourly(emu);
    for (const [sheet, view, idHeader, idColumn] of [
      ['Partners', 'partners', 'Partner ID', 'partner_id'],
      ['Leads', 'leads', 'Lead ID', 'lead_id'],
      ['Commissions', 'commissions', 'Commission ID', 'commission_id'],
      ['Payouts', 'payouts', 'Payout ID', 'payout_id'],
    ]) {
      const inSheet = sheetRecords(emu, sheet, idHeader);
      const inWarehouse = warehouseRows(emu, view, idColumn).map((r) => String(r[0]));
      expect({ view, ids: inWarehouse }).toEqual({ view, ids: inSheet });
    }
    // Each record's values as the sheet holds them (company and status of every lead).
    const [header, ...rows] = emu.sheets().Leads as unknown[][];
    const at = (h: string) => header.indexOf(h);
    expect(warehouseRows(emu, 'leads', 'lead_id, company, status')).toEqual(
      rows
        .filter((r) => r[at('Lead ID')] !== '')
        .map((r) => [String(r[at('Lead ID')]), String(r[at('Company')]), String(r[at('Status')])])
        .sort((a, b) => a[0].localeCompare(b[0])),
    );
  });
});
