/**
 * A partner's link used a thousand times within two hours (a chain's stores registered one by one,
 * or a link passed around) on a consumer account (100 e-mails a day): every submission is
 * registered, every hourly run keeps working, the document store stays bounded, the Conflict cells
 * stay readable and within a cell, and the partner is told of every update: one by one within the
 * quota, the rest in one digest once the outbox outgrows its room (domain/notifications/outbox-digest.ts).
 * Before: the 50,000-character Conflict cell was refused and its journal failed every later run; with
 * that fixed, the outbox, one rendered message per submission, overflowed the property store and every
 * later hourly run failed.
 */
import type { Emulator } from '../../emulator/harness';
import { OUTBOX_BYTES } from '../../src/sheets/partner-outbox';
import { newEmulator, OWNER, runHourly, settleDay } from '../support/emulator';

const ROUNDS = 2;
const PER_ROUND = 500;
const CONTACT = 'boss@alpha.test';

function storeBytes(emu: Emulator): { store: number; outbox: number } {
  const props = emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperties(),
  );
  let store = 0;
  let outbox = 0;
  for (const [key, value] of Object.entries(props)) {
    const n = Buffer.byteLength(key) + Buffer.byteLength(value);
    store += n;
    if (key.startsWith('tracker.partnerOutbox.')) outbox += n;
  }
  return { store, outbox };
}

/** The updates the mails to the partner stand for (a digest says how many). */
function updatesTold(emu: Emulator): number {
  return emu.services.state.outbox
    .filter(
      (m) => m.to === CONTACT && /^(Lead registration|\d+ updates? on your partnership)/.test(m.subject),
    )
    .reduce((n, m) => n + Number(/^(\d+) updates? on your partnership$/.exec(m.subject)?.[1] ?? 1), 0);
}

it('a thousand form submissions in two hours: all registered, the runs go on, the partner told of each', () => {
  const emu = newEmulator({ now: '2026-03-02T09:00:00Z', mailQuota: 100 });
  emu.call(OWNER, 'setupTracker');
  const partnerId = emu.call<{ id: string }>(OWNER, 'savePartner', {
    partnerName: 'Alpha Stores',
    contactEmail: CONTACT,
    type: 'Referral',
  }).id;
  settleDay(emu); // the form and the partner's view
  const link = emu.call<{ formUrl: string }>(OWNER, 'getPartnerLinks', partnerId).formUrl;

  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < PER_ROUND; i++) {
      emu.rt.advance(1000);
      emu.submitForm(link, {
        Company: `Alpha Stores customer ${round}-${i} of the north-west region Ltd`,
        Domain: `store-${round}-${i}.test`,
      });
    }
    const run = runHourly(emu).result as {
      hourly: Array<{ name: string; ok: boolean; result?: { registered: string[] }; error?: string }>;
    };
    const intake = run.hourly.find((job) => job.name === 'registration form');
    expect(intake).toMatchObject({ ok: true });
    expect(intake?.result?.registered).toHaveLength(PER_ROUND);
    const { store, outbox } = storeBytes(emu);
    expect(outbox).toBeLessThanOrEqual(OUTBOX_BYTES);
    expect(store).toBeLessThan(250_000);
  }

  const leads = emu.sheets().Leads;
  const header = leads[0] as string[];
  const rows = leads.slice(1).filter((r) => r[header.indexOf('Lead ID')]);
  expect(rows).toHaveLength(ROUNDS * PER_ROUND);
  const conflicts = rows.map((r) => String(r[header.indexOf('Conflict')] ?? ''));
  expect(Math.max(...conflicts.map((c) => c.length))).toBeLessThan(10_000);
  expect(conflicts.at(-1)).toMatch(/; and \d+ more possible conflicts$/);
  expect(conflicts[0]).toMatch(/; and \d+ more later registrations for the same company$/);

  // The days after: within the quota, until nothing waits; every submission told, none twice.
  for (let day = 0; day < 3; day++) {
    emu.rt.advance(24 * 3_600_000);
    settleDay(emu);
  }
  expect(storeBytes(emu).outbox).toBeLessThan(200);
  expect(updatesTold(emu)).toBe(ROUNDS * PER_ROUND);
  const digest = emu.services.state.outbox.find(
    (m) => m.to === CONTACT && /updates on your partnership$/.test(m.subject),
  );
  expect(digest?.body).toContain('Your partner view lists every registration and its status.');
});
