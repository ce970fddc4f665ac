/**
 * A program of many partners (120; 500 with BACKLOG_PARTNERS=500) on a consumer account (100 MailApp recipients a day): every contact gets its
 * welcome e-mail and every partner its statement over several days, none twice, and what waits for
 * the quota keeps the document properties bounded after every hourly run (checked after each one).
 */
import type { Emulator } from '../../emulator/harness';
import { newEmulator, OWNER } from '../support/emulator';

// 500 in a dedicated run (BACKLOG_PARTNERS=500: several minutes); 120 by default, still over the quota for days
const PARTNERS = Number(process.env.BACKLOG_PARTNERS ?? 120);
/** The whole document store (Google: 500 KB) after every run, with 500 partners' view state in it. */
const STORE_BOUND = 250_000;
/** What waits for the mail quota: the partner outbox, the statements' state, the welcomes owed. */
const WAITING_BOUND = 16_000;

function documentProperties(emu: Emulator): Record<string, string> {
  return emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperties(),
  );
}

function sizes(emu: Emulator): { store: number; waiting: number } {
  let store = 0;
  let waiting = 0;
  for (const [key, value] of Object.entries(documentProperties(emu))) {
    store += Buffer.byteLength(key) + Buffer.byteLength(value);
    if (key.startsWith('tracker.partnerOutbox.') || key === 'tracker.statements')
      waiting += Buffer.byteLength(key) + Buffer.byteLength(value);
    if (key.startsWith('tracker.views.')) {
      for (const entry of Object.values(JSON.parse(value) as Record<string, { w?: string[] }>))
        waiting += entry.w ? JSON.stringify(entry.w).length + 5 : 0;
    }
  }
  return { store, waiting };
}

it('partners on a consumer quota: every welcome and statement goes, once, within a bounded store', () => {
  const emu = newEmulator({ now: '2026-03-27T09:30:00Z', mailQuota: 100 });
  emu.call(OWNER, 'setupTracker');
  emu.call(OWNER, 'savePlan', { name: 'Std', type: 'percent', rate: 10, holdDays: 0 });
  const emails: string[] = [];
  for (let i = 0; i < PARTNERS; i++) {
    const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: `Firm ${i}`,
      contactEmail: `boss${i}@firm${i}.test`,
      type: 'Referral',
      plan: 'Std',
    });
    emu.call(OWNER, 'registerLead', { partnerId: id, company: `Customer of firm ${i}` });
    emails.push(`boss${i}@firm${i}.test`);
  }
  const peak = { store: 0, waiting: 0 };
  // hour by hour to 2026-04-10: views made over days, welcomes and March statements within the quota
  for (let hour = 0; hour < 14 * 24; hour++) {
    emu.advance('PT1H');
    const now = sizes(emu);
    expect(now.store).toBeLessThan(STORE_BOUND);
    expect(now.waiting).toBeLessThan(WAITING_BOUND);
    peak.store = Math.max(peak.store, now.store);
    peak.waiting = Math.max(peak.waiting, now.waiting);
  }
  const mail = emu.services.state.outbox;
  const welcomes = mail.filter((m) => m.subject.endsWith('your partner view')).map((m) => m.to);
  const statements = mail.filter((m) => m.subject.includes('your statement for 2026-03')).map((m) => m.to);
  expect([...welcomes].sort()).toEqual([...emails].sort());
  expect([...statements].sort()).toEqual([...emails].sort());
  process.stderr.write(`peak document properties: ${JSON.stringify(peak)}\n`);
}, 900_000);
