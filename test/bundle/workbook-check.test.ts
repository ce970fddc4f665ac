/**
 * The hourly run's daily look at what no trigger reports (app/triggers/workbook-check.ts): the
 * Settings sheet and the spreadsheet's time zone are read by a day's job of their own and by an idle
 * hour, once half a day has passed since the last look; the day's first execution (which holds the
 * day's heaviest job) asks neither. A time zone changed with no trigger to see it is taken within a day.
 */
import type { Emulator } from '../../emulator/harness';
import { addPartner, register, setSetting, tracker } from './leads-fixture';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TZ = 'Spreadsheet.getSpreadsheetTimeZone';
const AUTH = 'ScriptApp.getAuthorizationInfo';

function property(emu: Emulator, key: string): string | null {
  return emu.rt.uncounted(() =>
    (emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .getProperty(key),
  );
}

/** One hour of the clock: the hourly run it fired, what it asked, whether it looked at the workbook. */
function hour(emu: Emulator): { ok: boolean; first: boolean; tz: number; checked: boolean } {
  const before = emu.rt.snapshot().byMethod;
  const checkedAt = property(emu, 'tracker.settingsReadAt');
  const fired = emu.advance(HOUR);
  const after = emu.rt.snapshot().byMethod;
  const delta = (m: string) => (after[m] ?? 0) - (before[m] ?? 0);
  return {
    ok: fired.length === 1 && fired.every((f) => f.ok),
    // Only the day's first execution with work due asks for the authorization.
    first: delta(AUTH) > 0,
    tz: delta(TZ),
    checked: property(emu, 'tracker.settingsReadAt') !== checkedAt,
  };
}

/** A tracker whose next day has work (a lead expires), the clock at the end of its first day. */
function trackerWithWorkTomorrow(): Emulator {
  const emu = tracker();
  const partner = addPartner(emu, { partnerName: 'Beta Partners' });
  setSetting(emu, 'Protection Window Days', 1);
  register(emu, { partnerId: partner, company: 'Acme', domain: 'acme.com' });
  emu.advance(DAY - (emu.rt.nowMillis() % DAY) - 1);
  return emu;
}

describe('the workbook check', () => {
  it("is not made by the day's first execution, and is made once half a day passed, by a later one", () => {
    const emu = trackerWithWorkTomorrow();
    const hours = Array.from({ length: 24 }, () => hour(emu));
    expect(hours.every((h) => h.ok)).toBe(true);
    const first = hours.findIndex((h) => h.first);
    expect(first).toBe(0);
    expect(hours[first]).toMatchObject({ tz: 0, checked: false });
    // A later execution looks (the day's job, or an idle hour): at least once, at most twice a day.
    const looks = hours.filter((h) => h.checked);
    expect(looks.length).toBeGreaterThanOrEqual(1);
    expect(looks.length).toBeLessThanOrEqual(2);
    // Each look asks the time zone once; no other execution asks it.
    expect(hours.filter((h) => h.tz > 0)).toEqual(looks);
    expect(looks.every((h) => h.tz === 1)).toBe(true);
  });

  it('takes a time zone changed with no trigger to see it within a day', () => {
    const emu = trackerWithWorkTomorrow();
    expect(property(emu, 'tracker.timeZone')).not.toBe('Asia/Tokyo');
    emu.rt.uncounted(() => emu.spreadsheet.setSpreadsheetTimeZone('Asia/Tokyo'));
    for (let i = 0; i < 24; i++) expect(hour(emu).ok).toBe(true);
    expect(property(emu, 'tracker.timeZone')).toBe('Asia/Tokyo');
  });
});
