/**
 * The dashboard's memo through the bundle (2,500 leads: three chunks of Leads): after every kind of
 * change a refresh that uses the memo fills the Dashboard and the metrics sheet exactly as a refresh
 * without it (its document properties removed: a cold refresh) does, and within 20 calls; a forged
 * shadow row still makes the read fall back to the visible sheet; a hand edit of the memo or its
 * sheet deleted is caught; and a chunk the memo matches really is taken from it (not decoded again).
 */
import { createHash } from 'node:crypto';
import { Emulator } from '../../emulator/harness';
import { programTracker } from '../support/program-tracker';
import { OWNER, runHourly, documentProperties } from '../support/emulator';

const MEMO_SHEET = '_DashboardMemo';
const MEMO_PROPERTY = 'tracker.dashboardMemo';

function tracker(): Emulator {
  const emu = programTracker({ label: 'memo', partners: 15, leads: 2500 }, 11, [
    { name: 'Ten now', type: 'percent', rate: 10, holdDays: 0 },
  ]);
  emu.call(OWNER, 'runCommissions');
  return emu;
}

const props = documentProperties;

/** What a refresh shows: the Dashboard (its "updated" time aside) and the metrics sheet. */
function shown(emu: Emulator): string {
  const sheets = emu.sheets();
  return JSON.stringify([sheets.Dashboard, sheets._Metrics]).replace(
    /\d{4}-\d\d-\d\d \d\d:\d\d UTC/g,
    'time',
  );
}

/** A refresh with the memo, then one without it: both show the same; the warm one's call count. */
function warmEqualsCold(emu: Emulator): { calls: number; warm: string } {
  const run = emu.measure(() => emu.call(OWNER, 'refreshDashboard'));
  const warm = shown(emu);
  const store = props(emu);
  const saved = ['leads', 'commissions'].map((t) => [t, store.getProperty(`${MEMO_PROPERTY}.${t}`)] as const);
  for (const [t] of saved) store.deleteProperty(`${MEMO_PROPERTY}.${t}`);
  emu.call(OWNER, 'refreshDashboard');
  expect(shown(emu)).toBe(warm);
  return { calls: run.calls, warm };
}

function memoRows(emu: Emulator): string[][] {
  return (emu.sheets()[MEMO_SHEET] as unknown[][]).map((r) => r.map(String));
}

function column(emu: Emulator, sheet: string, header: string): string {
  const index = (emu.sheets()[sheet] as unknown[][])[0].indexOf(header);
  if (index < 0) throw new Error(`no ${header}`);
  return String.fromCharCode(65 + index);
}

/** The `_Shadow` column letter of a sheet's shadow (from the layout set-up stored). */
function shadowColumn(emu: Emulator, key: string): string {
  const layout = JSON.parse(props(emu).getProperty('tracker.layout')!) as {
    shadow: { cols: Record<string, number> };
  };
  return String.fromCharCode(64 + layout.shadow.cols[key]);
}

function setCell(emu: Emulator, sheet: string, a1: string, value: unknown): void {
  emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(sheet)!.getRange(a1).setValue(value));
}

function cell(emu: Emulator, sheet: string, a1: string): string {
  return String(emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(sheet)!.getRange(a1).getValue()));
}

/** A won lead's row in the third chunk (rows 2002..) and its Deal Value column. */
function wonRow(emu: Emulator): number {
  const leads = emu.sheets().Leads as unknown[][];
  const status = leads[0].indexOf('Status');
  for (let i = 2100; i < leads.length; i++) if (leads[i][status] === 'Won') return i + 1;
  throw new Error('no won lead');
}

describe('the dashboard memo', () => {
  const emu = tracker();
  emu.edit(OWNER, 'Dashboard', 'B2', [['All time']]);
  const first = emu.measure(() => emu.call(OWNER, 'refreshDashboard'));

  it('is made by the first refresh: a hidden sheet, a digest per chunk in a property', () => {
    expect(first.calls).toBeLessThanOrEqual(20);
    const hidden = emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(MEMO_SHEET)!.isSheetHidden());
    expect(hidden).toBe(true);
    // trimmed to the two tables' regions of 120 chunks and the cells a chunk uses
    const size = emu.rt.uncounted(() => {
      const sheet = emu.spreadsheet.getSheetByName(MEMO_SHEET)!;
      return [sheet.getMaxRows(), sheet.getMaxColumns()];
    });
    const used = Math.max(...memoRows(emu).map((r) => r.filter((c) => c !== '').length));
    expect(used).toBeGreaterThanOrEqual(2);
    expect(size).toEqual([240, used]);
    for (const row of memoRows(emu)) for (const text of row) expect(text.length).toBeLessThanOrEqual(45_000);
    const memo = JSON.parse(props(emu).getProperty(`${MEMO_PROPERTY}.leads`)!) as { k: number; d: string[] };
    expect(memo.k).toBe(1000);
    expect(memo.d).toHaveLength(3);
    // a memo row: its tag, then JSON arrays of one row per lead (the seal it noted, its fields)
    expect(memoRows(emu)[2][0]).toMatch(/^#[0-9a-f]{16}$/);
    expect(memoRows(emu)[2][1]).toMatch(/^\[\["[0-9a-f]{16}","L-/);
  });

  it("a person's edit of a lead: the same figures as a cold refresh, in at most 20 calls", () => {
    const row = wonRow(emu);
    expect(emu.edit(OWNER, 'Leads', `${column(emu, 'Leads', 'Deal Value')}${row}`, [[123456]]).ok).toBe(true);
    const before = memoRows(emu);
    const { calls } = warmEqualsCold(emu);
    expect(calls).toBeLessThanOrEqual(20);
    // only the third chunk's memo was made again
    expect(memoRows(emu)[0]).toEqual(before[0]);
    expect(memoRows(emu)[2]).not.toEqual(before[2]);
  });

  it('registerLead (a row appended to the last chunk)', () => {
    const partner = String((emu.sheets().Partners as unknown[][])[1][0]);
    emu.call(OWNER, 'registerLead', {
      partnerId: partner,
      company: 'Memo Widgets',
      domain: 'memo-widgets.test',
    });
    const { calls, warm } = warmEqualsCold(emu);
    expect(calls).toBeLessThanOrEqual(20);
    expect(warm).not.toBe('');
  });

  it('a forged shadow row still makes the read fall back to the visible sheet', () => {
    const row = wonRow(emu);
    const shadowCol = shadowColumn(emu, 'leads');
    const text = cell(emu, '_Shadow', `${shadowCol}${row}`);
    const deal = cell(emu, 'Leads', `${column(emu, 'Leads', 'Deal Value')}${row}`);
    const before = shown(emu);
    // the claimed deal value changed under the row's old seal: not used (the sheet's value is)
    const forged = text.replace(`${deal}`, `${Number(deal) + 999}`);
    expect(forged).not.toBe(text);
    setCell(emu, '_Shadow', `${shadowCol}${row}`, forged);
    const { warm } = warmEqualsCold(emu);
    expect(warm).toBe(before);
    // (a refresh writes no table, so it heals no shadow row: put back as the tracker wrote it)
    setCell(emu, '_Shadow', `${shadowCol}${row}`, text);
  });

  it('a hand edit of a memo cell is caught: the chunk is decoded again', () => {
    const text = cell(emu, MEMO_SHEET, 'B1');
    const tampered = text.replace(/"Won"/g, '"Lost"');
    expect(tampered).not.toBe(text);
    setCell(emu, MEMO_SHEET, 'B1', tampered);
    const before = shown(emu);
    warmEqualsCold(emu);
    expect(shown(emu)).toBe(before);
    expect(cell(emu, MEMO_SHEET, 'B1')).toBe(text);
  });

  it('the memo sheet deleted: made again', () => {
    emu.rt.uncounted(() => emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(MEMO_SHEET)!));
    warmEqualsCold(emu);
    expect(memoRows(emu)[0][1]).toMatch(/^\[\["[0-9a-f]{16}","L-/);
    // cut short by a person: grown again
    emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(MEMO_SHEET)!.deleteRows(2, 200));
    warmEqualsCold(emu);
    expect(emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(MEMO_SHEET)!.getMaxRows())).toBe(240);
    expect(memoRows(emu)[0][1]).toMatch(/^\[\["[0-9a-f]{16}","L-/);
  });

  it('rows inserted and deleted in Leads', () => {
    expect(emu.insertRows(OWNER, 'Leads', 1500, 2).ok).toBe(true);
    warmEqualsCold(emu);
    expect(emu.deleteRows(OWNER, 'Leads', 700, 3).ok).toBe(true);
    warmEqualsCold(emu);
  });

  it('in a chunk that changed, a row whose cell keeps the seal its memo row noted is taken from the memo', () => {
    emu.call(OWNER, 'refreshDashboard');
    const leads = emu.sheets().Leads as unknown[][];
    const status = leads[0].indexOf('Status');
    const idCol = leads[0].indexOf('Lead ID');
    const won = leads.flatMap((r, i) => (i >= 2001 && r[status] === 'Won' ? [i + 1] : []));
    const [kept, edited] = won;
    const ids = [kept, edited].map((row) => String(leads[row - 1][idCol]));
    const leadsMemo = JSON.parse(props(emu).getProperty(`${MEMO_PROPERTY}.leads`)!) as { k: number };
    const index = Math.floor((kept - 2) / leadsMemo.k);
    expect(Math.floor((edited - 2) / leadsMemo.k)).toBe(index);
    // What only the script could do: both won leads' memo rows say Lost, under a tag made for them
    // with the audit key (so they read as the tracker's).
    const row = memoRows(emu)[index];
    const memoCells = row.filter((c) => c !== '').slice(1);
    const changed = memoCells.map((text) =>
      JSON.stringify(
        (JSON.parse(text) as unknown[][]).map((r) =>
          ids.includes(String(r[1])) ? r.map((v) => (v === 'Won' ? 'Lost' : v)) : r,
        ),
      ),
    );
    expect(changed).not.toEqual(memoCells);
    const key = props(emu).getProperty('tracker.auditKey')!;
    const tag = `#${createHash('sha256')
      .update(['memo cells', key, ...changed].join('\n'), 'utf8')
      .digest('hex')
      .slice(0, 16)}`;
    [tag, ...changed].forEach((c, i) =>
      setCell(emu, MEMO_SHEET, `${String.fromCharCode(65 + i)}${index + 1}`, c),
    );
    // A person's edit of the second one: its cell has a new seal, so its row is decoded again.
    expect(emu.edit(OWNER, 'Leads', `${column(emu, 'Leads', 'Deal Value')}${edited}`, [[4321]]).ok).toBe(
      true,
    );
    const counts = () => {
      const metrics = emu.sheets()._Metrics as unknown[][];
      const of = (label: string) => Number(metrics.find((r) => r[0] === label)?.[1]);
      return { won: of('Won'), lost: of('Lost') };
    };
    emu.call(OWNER, 'refreshDashboard');
    const warm = counts();
    for (const t of ['leads', 'commissions']) props(emu).deleteProperty(`${MEMO_PROPERTY}.${t}`);
    emu.call(OWNER, 'refreshDashboard');
    const cold = counts();
    // the first from the memo (Lost there), the edited one from its shadow (Won)
    expect(warm).toEqual({ won: cold.won - 1, lost: cold.lost + 1 });
  });

  it('the time zone changed (seen by the hourly run): the days converted again', () => {
    emu.rt.uncounted(() => emu.spreadsheet.setSpreadsheetTimeZone('Pacific/Auckland'));
    runHourly(emu);
    warmEqualsCold(emu);
  });

  it('a chunk whose digest matches is taken from the memo, not decoded again', () => {
    emu.call(OWNER, 'refreshDashboard');
    const wonBefore = shown(emu);
    // What only the script could do: a memo cell changed AND its digest stored for it.
    const leadsMemo = JSON.parse(props(emu).getProperty(`${MEMO_PROPERTY}.leads`)!) as { d: string[] };
    const shadowCol = shadowColumn(emu, 'leads');
    const source = (emu.sheets()._Shadow as unknown[][])
      .slice(1, 1001)
      .map((r) => String(r[shadowCol.charCodeAt(0) - 65] ?? ''));
    const memoCells = memoRows(emu)[0].filter((c) => c !== '');
    const changed = memoCells.map((c) => c.replace(/"Won"/g, '"Lost"'));
    expect(changed).not.toEqual(memoCells);
    changed.forEach((c, i) => setCell(emu, MEMO_SHEET, `${String.fromCharCode(65 + i)}1`, c));
    leadsMemo.d[0] = createHash('sha256')
      .update([...source, ...changed].join('\n'), 'utf8')
      .digest('hex')
      .slice(0, 32);
    props(emu).setProperty(`${MEMO_PROPERTY}.leads`, JSON.stringify(leadsMemo));
    emu.call(OWNER, 'refreshDashboard');
    expect(shown(emu)).not.toBe(wonBefore);
    // (that memo forgotten: the next refresh makes it again from the shadow)
    props(emu).deleteProperty(`${MEMO_PROPERTY}.leads`);
  });

  it('a refresh dying at any of its calls leaves a memo the next refresh shows right', () => {
    const FAULT = 'Service Spreadsheets timed out while accessing document (injected fault)';
    const partner = String((emu.sheets().Partners as unknown[][])[1][0]);
    const change = (n: number) => {
      emu.call(OWNER, 'registerLead', {
        partnerId: partner,
        company: `Fault ${n}`,
        domain: `fault-${n}.test`,
      });
      const row = wonRow(emu) + n;
      emu.edit(OWNER, 'Leads', `${column(emu, 'Leads', 'Deal Value')}${row}`, [[1000 + n]]);
    };
    change(0);
    const calls = emu.measure(() => emu.call(OWNER, 'refreshDashboard')).calls;
    expect(calls).toBeGreaterThan(5);
    for (let k = 1; k <= calls; k++) {
      change(k);
      emu.rt.failCall('*', FAULT, { skip: k, fatal: true });
      try {
        emu.call(OWNER, 'refreshDashboard');
      } catch {
        // the fault ended it
      }
      emu.rt.clearFaults();
      expect({ k, calls: warmEqualsCold(emu).calls <= 20 }).toEqual({ k, calls: true });
    }
  });
});
