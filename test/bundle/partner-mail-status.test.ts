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
    expect(status(emu)).toEqual({ waiting: 0, notKept: 0 });
    register(emu, { partnerId: beta, company: 'One Co' }); // sent: the day's one recipient
    register(emu, { partnerId: beta, company: 'Two Co' });
    register(emu, { partnerId: beta, company: 'Three Co' });
    expect(status(emu)).toEqual({ waiting: 2, notKept: 0 });
  });

  it('counts a lead notice the full queue could not take; the registration itself is made', () => {
    const emu = tracker();
    const beta = addPartner(emu, { partnerName: 'Beta Partners' });
    setProperties(emu, fullNoticeQueue());
    const before = status(emu);
    expect(before.notKept).toBe(0);
    const result = emu.call<{ id: string }>(OWNER, 'registerLead', { partnerId: beta, company: 'Late Co' });
    expect(emu.sheets().Leads.some((r) => r[0] === result.id)).toBe(true);
    expect(status(emu)).toEqual({ waiting: before.waiting, notKept: 1 });
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
    expect(status(emu)).toEqual({ waiting: 400, notKept: 0 });
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
