/**
 * Partner e-mail as the Partners page shows it (getPartnerMailStatus): the updates waiting to be sent,
 * and the updates the tracker could not keep because their store was full, counted rather than lost
 * in silence: a lead notice past the notice queue's 256 KB, outbox updates no digest could keep.
 */
import type { Emulator } from '../../emulator/harness';
import type { PartnerMailStatus } from '../../src/shared/api';
import { runHourly, TEAMMATE } from '../support/emulator';
import { fullNoticeQueue, propertyShards } from '../support/mail-queue';
import { addToTeam } from './commissions-fixture';
import { addPartner, register, tracker, OWNER } from './leads-fixture';

function setProperties(emu: Emulator, values: Record<string, string>): void {
  emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .setProperties(values),
  );
}

function properties(emu: Emulator): Record<string, string> {
  return emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperties(),
  );
}

const status = (emu: Emulator, as = OWNER) => emu.call<PartnerMailStatus>(as, 'getPartnerMailStatus');

describe('partner e-mail status', () => {
  it('says what waits to be sent; nothing is counted as lost while the stores have room', () => {
    const emu = tracker({ mailQuota: 1 });
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    expect(status(emu)).toEqual({ waiting: 0, notKept: 0, notKeptThrough: 0 });
    register(emu, { partnerId: beta, company: 'One Co' }); // sent: the day's one recipient
    register(emu, { partnerId: beta, company: 'Two Co' });
    register(emu, { partnerId: beta, company: 'Three Co' });
    expect(status(emu)).toEqual({ waiting: 2, notKept: 0, notKeptThrough: 0 });
  });

  it('counts a lead notice the full queue could not take; the registration itself is made', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    setProperties(emu, fullNoticeQueue());
    const before = status(emu);
    expect(before.notKept).toBe(0);
    const result = emu.call<{ id: string }>(OWNER, 'registerLead', { partnerId: beta, company: 'Late Co' });
    expect(emu.sheets().Leads.some((r) => r[0] === result.id)).toBe(true);
    expect(status(emu)).toEqual({ waiting: before.waiting, notKept: 1, notKeptThrough: 1 });
    // The Team sees it too.
    addToTeam(emu, TEAMMATE);
    expect(status(emu, TEAMMATE).notKept).toBe(1);
  });

  it("counts the partner outbox's updates no digest could keep (hundreds of partners each owed one)", () => {
    const emu = tracker({ mailQuota: 0 });
    const mails = Array.from({ length: 400 }, (_, i) => ({
      to: `contact${i}@partner${i}.test`,
      subject: `Lead registration received: Company ${i}`,
      body: `We received your registration of Company ${i}. `.repeat(6),
      htmlBody: `<p>We received your registration of Company ${i}.</p>`.repeat(6),
    }));
    setProperties(emu, propertyShards('tracker.partnerOutbox.', mails));
    expect(status(emu)).toEqual({ waiting: 400, notKept: 0, notKeptThrough: 0 });
    runHourly(emu); // the partner mail job: nothing can be sent today, the outbox kept within its room
    const after = status(emu);
    expect(after.notKept).toBeGreaterThan(0);
    expect(after.waiting + after.notKept).toBe(400);
    const size = Object.entries(properties(emu))
      .filter(([k]) => k.startsWith('tracker.partnerOutbox.'))
      .reduce((n, [, v]) => n + v.length, 0);
    expect(size).toBeLessThanOrEqual(96 * 1024);
  });
});

describe('dismissing the updates not kept (dismissMailNotKept)', () => {
  const COLLEAGUE = 'colleague@acme.test';
  const emu = tracker({ editors: [TEAMMATE, COLLEAGUE] });
  addToTeam(emu, TEAMMATE);
  const dismiss = (through: unknown, as = OWNER) =>
    emu.call<PartnerMailStatus>(as, 'dismissMailNotKept', through);

  it('dismisses what the page showed; updates counted since stay shown; a retry changes nothing', () => {
    setProperties(emu, { 'tracker.mailNotKept': '3' });
    const shown = status(emu, TEAMMATE);
    expect(shown).toMatchObject({ notKept: 3, notKeptThrough: 3 });
    setProperties(emu, { 'tracker.mailNotKept': '5' }); // two more counted after the page loaded
    expect(dismiss(shown.notKeptThrough, TEAMMATE)).toMatchObject({ notKept: 2, notKeptThrough: 5 });
    // the same click again (its answer lost): nothing more is dismissed, nothing is written
    const retry = emu.measure(() => dismiss(shown.notKeptThrough, TEAMMATE));
    expect(retry.result).toMatchObject({ notKept: 2, notKeptThrough: 5 });
    expect(retry.stats.byMethod['Properties.setProperties'] ?? 0).toBe(0);
    expect(dismiss(5)).toMatchObject({ notKept: 0, notKeptThrough: 5 });
    // a count from another page past what was counted dismisses no later update
    expect(dismiss(9)).toMatchObject({ notKept: 0, notKeptThrough: 5 });
    setProperties(emu, { 'tracker.mailNotKept': '6' });
    expect(status(emu)).toMatchObject({ notKept: 1, notKeptThrough: 6 });
  });

  it('is for the Team: an editor off it is refused and nothing is written', () => {
    const before = properties(emu);
    const outcome = emu.measure(() => dismiss(6, COLLEAGUE));
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `${COLLEAGUE} is not on the tracker's team: ask the owner to add you in Settings > Team.`,
    );
    expect(properties(emu)).toEqual(before);
    expect(status(emu).notKept).toBe(1);
  });

  it.each([
    [-1, "Updates not kept '-1' must be 0 or more"],
    [1.5, "Updates not kept '1.5' is not a whole number"],
    ['6', "Updates not kept '6' is not a number (use digits and a dot: 1234.56)"],
  ])('refuses %p naming the field, and writes nothing', (through, message) => {
    const outcome = emu.measure(() => dismiss(through));
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain(message);
    expect(outcome.stats.byMethod['Properties.setProperties'] ?? 0).toBe(0);
    expect(status(emu).notKept).toBe(1);
  });
});
