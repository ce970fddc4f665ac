/**
 * The hourly trigger's account (the actor of what the day's jobs write) is asked of Apps Script
 * (Session.getEffectiveUser) once per trigger, not once per day: a trigger runs as the account that
 * created it for as long as it exists, and its events carry its id (triggerUid). Another trigger, or
 * a run with no trigger id, asks again.
 */
import type { Emulator } from '../../emulator/harness';
import { OWNER, addPartner, lead, register, setSetting, tracker } from './leads-fixture';

const ASK = 'Session.getEffectiveUser';

function asked(emu: Emulator, run: () => unknown): number {
  const before = emu.rt.snapshot().byMethod[ASK] ?? 0;
  run();
  return (emu.rt.snapshot().byMethod[ASK] ?? 0) - before;
}

function property(emu: Emulator, key: string): string | null {
  return emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty(key),
  );
}

describe("the hourly trigger's account", () => {
  it('is asked on the first day a trigger writes, then taken from the document for the same trigger', () => {
    const emu = tracker();
    const partner = addPartner(emu, { partnerName: 'Beta Partners' });
    setSetting(emu, 'Protection Window Days', 2);
    const clock = emu.services.state.triggers.ofUser(OWNER).find((t) => t.eventType === 'CLOCK');
    expect(clock).toBeDefined();

    // Day 1: a lead expires (an audited write by the trigger's account): asked once.
    const first = register(emu, { partnerId: partner, company: 'Acme', domain: 'acme.com' }).id;
    let fired: Array<{ ok: boolean }> = [];
    expect(asked(emu, () => (fired = emu.advance('P3D')))).toBe(1);
    expect(fired.filter((f) => !f.ok)).toEqual([]);
    expect(lead(emu, first).status).toBe('Expired');
    expect(property(emu, 'tracker.triggerActor')).toBe(OWNER);
    expect(property(emu, 'tracker.triggerActorUid')).toBe(clock!.uid);

    // Days later, another lead expires under the same trigger: not asked, and written as its account.
    const second = register(emu, { partnerId: partner, company: 'Initech', domain: 'initech.com' }).id;
    expect(asked(emu, () => (fired = emu.advance('P3D')))).toBe(0);
    expect(fired.filter((f) => !f.ok)).toEqual([]);
    expect(lead(emu, second).status).toBe('Expired');
    const log = emu.sheets()['Audit Log'];
    const header = log[0].map(String);
    const expiredRow = log.find((row) => row.includes(second) && row.map(String).includes('Expired'));
    expect(expiredRow?.[header.indexOf('User')]).toBe(OWNER);
    expect(expiredRow?.[header.indexOf('Source')]).toBe('trigger');

    // A run for another trigger (or none) asks again, and remembers that trigger.
    const third = register(emu, { partnerId: partner, company: 'Hooli', domain: 'hooli.com' }).id;
    emu.rt.advance(3 * 86_400_000);
    const other = () =>
      emu.invoke('onHourlyTrigger', [{ triggerUid: 'another-trigger' }], {
        kind: 'timeTrigger',
        activeUser: OWNER,
        effectiveUser: OWNER,
        authMode: 'FULL',
      });
    expect(asked(emu, other)).toBe(1);
    expect(lead(emu, third).status).toBe('Expired');
    expect(property(emu, 'tracker.triggerActorUid')).toBe('another-trigger');
  });
});
