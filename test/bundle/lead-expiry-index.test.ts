/**
 * The daily expiry picks the leads due (expired, or reminded Expiry Warning Days ahead) from the lead
 * index and reads only their rows: the same leads expire, with the same notes, and the same reminders
 * are owed as when it picks them from the whole Leads shadow column (the index gone: it is rebuilt).
 */
import type { Emulator } from '../../emulator/harness';
import type { SentMail } from '../../emulator/services/mail';
import { finishDay, runHourly } from '../support/emulator';
import { OWNER, addPartner, register, rowsOf, setSetting, tracker } from './leads-fixture';
import { deleteIndexState, indexState, usedIndex } from './lead-index-fixture';
import { companyName } from '../support/company-names';
import { rangesRead } from '../support/ranges-read';

const DAY = 86_400_000;

/** The lead notifications sent, by subject (not the partner-view welcomes). */
function mailed(emu: Emulator): string[] {
  return (emu.services.state.outbox as SentMail[])
    .map((m) => `${m.to}: ${m.subject}`)
    .filter((m) => !m.endsWith('your partner view'));
}

interface ExpiryResult {
  expired: string[];
  reminded: string[];
  index: string;
}

function expiryOf(run: { result?: unknown }): ExpiryResult | undefined {
  const jobs = (run.result as { jobs?: Array<{ name: string; result?: unknown }> } | undefined)?.jobs ?? [];
  return jobs.find((j) => j.name === 'lead expiry')?.result as ExpiryResult | undefined;
}

/**
 * Thirty registrations a day apart (20-day window; some approved, one extended, one rejected, one
 * lost), the day's jobs on the last day (some expire); six days later the day's first run, with the
 * index as the jobs left it or gone (`dropIndex`).
 */
function scenario(dropIndex: boolean): {
  emu: Emulator;
  first: ExpiryResult | undefined;
  second: ExpiryResult | undefined;
  indexUsed: boolean;
} {
  const emu = tracker();
  const alpha = addPartner(emu, { partnerName: 'Alpha Partners' });
  const beta = addPartner(emu, { partnerName: 'Beta Partners' });
  setSetting(emu, 'Protection Window Days', 20);
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    if (i > 0) emu.rt.advance(DAY);
    ids.push(
      register(emu, { partnerId: i % 3 ? alpha : beta, company: companyName(i), domain: `c${i}.example` }).id,
    );
  }
  for (const n of [2, 10, 12, 24]) emu.call(OWNER, 'reviewLead', ids[n], 'approve', '');
  emu.call(OWNER, 'extendLead', ids[12]);
  emu.call(OWNER, 'reviewLead', ids[11], 'reject', 'direct deal');
  emu.call(OWNER, 'closeLead', ids[10], 'lost', { reason: 'no budget' });
  const first = expiryOf(finishDay(emu));
  emu.rt.advance(6 * DAY);
  if (dropIndex) deleteIndexState(emu);
  let run!: ReturnType<typeof runHourly>;
  const indexUsed = usedIndex(emu, () => {
    run = runHourly(emu);
  });
  const second = expiryOf(run);
  finishDay(emu);
  return { emu, first, second, indexUsed };
}

describe('lead expiry through the lead index', () => {
  it('expires and reminds the same leads as a pick from the whole shadow column, reading only their rows', () => {
    const indexed = scenario(false);
    const whole = scenario(true);

    expect(indexed.indexUsed).toBe(true);
    expect(whole.indexUsed).toBe(false);
    expect(indexed.second?.index).not.toBe('built');
    expect(whole.second?.index).toBe('built');
    // Something is due on the day compared: leads expire and one is reminded.
    expect(indexed.second?.expired.length).toBeGreaterThan(0);
    expect(indexed.second?.reminded.length).toBeGreaterThan(0);
    expect({ expired: indexed.second?.expired, reminded: indexed.second?.reminded }).toEqual({
      expired: whole.second?.expired,
      reminded: whole.second?.reminded,
    });
    expect(indexed.first).toEqual(whole.first);
    // Every lead as the sheet shows it (Status, Decision Note, every other cell), and the index.
    expect(rowsOf(indexed.emu, 'Leads')).toEqual(rowsOf(whole.emu, 'Leads'));
    expect(indexState(indexed.emu)?.stale).toBeUndefined();
    // The lost, rejected and extended leads did not expire; the approved one past its window did.
    const status = new Map(rowsOf(indexed.emu, 'Leads').map((r) => [r['Lead ID'], r.Status]));
    expect(status.get('L-000011')).toBe('Lost');
    expect(status.get('L-000012')).toBe('Rejected');
    expect(status.get('L-000013')).toBe('Approved');
    expect(status.get('L-000003')).toBe('Expired');
    expect(status.get('L-000015')).toBe('Expired');
    // The reminders are delivered (their leads found through the index) as they are without it.
    expect(mailed(indexed.emu)).toEqual(mailed(whole.emu));
    for (const id of indexed.second?.reminded ?? [])
      expect(mailed(indexed.emu).some((m) => m.includes(`Protection ends on`) && m.includes(id))).toBe(true);
  });

  it('delivers a queued notice of a lead the index does not hold (no longer active) from the whole column', () => {
    const emu = tracker({ mailQuota: 1 });
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    const first = register(emu, { partnerId: beta, company: 'One Co' }).id;
    finishDay(emu); // the index built
    emu.rt.advance(DAY);
    finishDay(emu); // the next day's quota
    const second = register(emu, { partnerId: beta, company: 'Two Co' }).id;
    emu.call(OWNER, 'reviewLead', first, 'reject', 'direct deal');
    emu.call(OWNER, 'reviewLead', second, 'approve', '');
    expect(indexState(emu)).not.toBeNull();
    emu.rt.advance(DAY);
    finishDay(emu);
    emu.rt.advance(DAY);
    finishDay(emu);
    emu.rt.advance(DAY);
    finishDay(emu);
    // Each told once, none dropped: the registration, then the queued rejection (its lead Rejected:
    // not in the index) and approval; over the quota (1) a partner's notices go as one digest.
    const told = (emu.services.state.outbox as SentMail[]).map((m) => `${m.subject}\n${m.body}`);
    expect(told.filter((m) => m.includes('Lead not approved: One Co'))).toHaveLength(1);
    expect(told.filter((m) => m.includes('Lead approved: Two Co'))).toHaveLength(1);
  });

  it("reads the rows it picks with the index's dirty ranges, in one call of the hourly run", () => {
    // 120 leads registered on one day, the index folded; the next day a person pastes new company
    // names over 110 of them (too many to carry: the index notes dirty ranges); 20 days on, every
    // lead not renamed expires: the day's first hourly run picks them with the renamed ones' rows.
    const run = (dropIndex: boolean) => {
      const emu = tracker();
      const partnerId = addPartner(emu, { partnerName: 'Alpha Partners' });
      setSetting(emu, 'Protection Window Days', 20);
      for (let i = 0; i < 120; i++)
        register(emu, { partnerId, company: companyName(i), domain: `c${i}.example` });
      finishDay(emu);
      emu.rt.advance(DAY);
      const header = (emu.sheets().Leads[0] as string[]).indexOf('Company') + 1;
      const column = String.fromCharCode(64 + header);
      const renamed = Array.from({ length: 110 }, (_, i) => [`${companyName(i + 500)} Renamed`]);
      const edit = emu.edit(OWNER, 'Leads', `${column}2:${column}111`, renamed);
      expect(edit.ok && edit.fired.every((f) => f.ok)).toBe(true);
      if (!dropIndex) expect(indexState(emu)?.dirty).toBeDefined();
      emu.rt.advance(20 * DAY);
      if (dropIndex) deleteIndexState(emu);
      let expiry: ExpiryResult | undefined;
      const reads = rangesRead(() => {
        expiry = expiryOf(runHourly(emu));
      });
      finishDay(emu);
      return { emu, expiry, reads };
    };
    const indexed = run(false);
    const whole = run(true);
    expect(indexed.expiry?.expired.length).toBe(120);
    expect(indexed.expiry).toMatchObject({
      expired: whole.expiry?.expired,
      reminded: whole.expiry?.reminded,
    });
    expect(rowsOf(indexed.emu, 'Leads')).toEqual(rowsOf(whole.emu, 'Leads'));
    // The Leads shadow column (the _Shadow sheet's second) read once: the dirty ranges and the
    // picked rows together.
    const leadShadowReads = indexed.reads.filter(
      (r) => r.sheet === '_Shadow' && r.col <= 2 && r.col + r.cols > 2,
    );
    expect(leadShadowReads).toHaveLength(1);
  });
});
