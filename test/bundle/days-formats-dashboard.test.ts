/**
 * Days in the spreadsheet's time zone (one helper for every date column), the Plans sheet's rate
 * format, and the Dashboard menu item, through the bundle.
 */
import type { Emulator } from '../../emulator/harness';
import type { Lead } from '../../src/shared/api';
import { OWNER, addPartner, leadCell, register, tracker } from './leads-fixture';

function display(emu: Emulator, sheet: string, a1: string): string {
  return emu.rt.uncounted(() => emu.spreadsheet.getSheetByName(sheet)!.getRange(a1).getDisplayValue());
}

describe('a workbook in America/Los_Angeles', () => {
  // 05:00 UTC on 3 March is 21:00 on 2 March in Los Angeles: the day there is 2026-03-02.
  const emu = tracker({ timeZone: 'America/Los_Angeles', now: '2026-03-03T05:00:00Z' });
  const partnerId = addPartner(emu, { partnerName: 'Beta Partners' });
  const { id, expiresOn } = register(emu, { partnerId, company: 'Acme Inc', domain: 'acme.com' });

  it('shows Registered On and Expires On as the days the tracker decided', () => {
    expect(expiresOn).toBe('2026-05-31');
    expect(display(emu, 'Leads', leadCell(emu, id, 'Registered On'))).toBe('2026-03-02');
    expect(display(emu, 'Leads', leadCell(emu, id, 'Expires On'))).toBe('2026-05-31');
  });

  it('getLead reads the same ISO days back', () => {
    expect(emu.call<Lead>(OWNER, 'getLead', id)).toMatchObject({
      registeredOn: '2026-03-02',
      expiresOn: '2026-05-31',
    });
  });

  it('a closing day and a partner joining day show and read back as given', () => {
    emu.call(OWNER, 'reviewLead', id, 'approve', 'fine');
    const closed = emu.call<Lead>(OWNER, 'closeLead', id, 'won', { dealValue: 1000, closedOn: '2026-03-01' });
    expect(closed.closedOn).toBe('2026-03-01');
    expect(display(emu, 'Leads', leadCell(emu, id, 'Closed On'))).toBe('2026-03-01');
    const partners = emu.call<Array<{ id: string; joinedOn: string }>>(OWNER, 'listPartners');
    expect(partners.find((p) => p.id === partnerId)!.joinedOn).toBe('2026-03-02');
  });
});

describe('the Plans sheet', () => {
  it('shows a 12% plan rate as 12.00 (a percent number, not 1200%), and the header note says so', () => {
    const emu = tracker();
    emu.call(OWNER, 'savePlan', {
      name: 'Recurring 12',
      type: 'recurring',
      rate: 12,
      months: 12,
      firstMonths: 3,
      thenRate: 7.5,
    });
    const [headers] = emu.sheets().Plans;
    const letter = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
    expect(display(emu, 'Plans', `${letter('Rate')}2`)).toBe('12.00');
    expect(display(emu, 'Plans', `${letter('Then Rate')}2`)).toBe('7.50');
    const note = emu.rt.uncounted(() =>
      emu.spreadsheet
        .getSheetByName('Plans')!
        .getRange(`${letter('Rate')}1`)
        .getNote(),
    );
    expect(note).toMatch(/12 for 12%/);
  });
});

describe('the Dashboard menu item', () => {
  it('brings the Dashboard sheet to the front', () => {
    const emu = tracker();
    emu.open(OWNER);
    emu.rt.uncounted(() => emu.spreadsheet.getSheetByName('Leads')!.activate());
    emu.menu(OWNER, 'Dashboard');
    expect(emu.rt.uncounted(() => emu.spreadsheet.getActiveSheet().getName())).toBe('Dashboard');
  });
});
