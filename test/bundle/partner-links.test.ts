/**
 * Registration links through the bundle: a random secret per partner, only its hash in the document
 * properties (a copy of them reveals no link), the secret in the owner's user properties and the
 * partner's own view; the Team sees the view address but not the link; rotation gives a new secret,
 * the old link is refused and recorded, and the partner's view shows the new link once updated
 * (refreshPartnerView: one partner's file now). The Summary's progress to the next tier is the tier
 * rules' own (the scorecard's).
 */
import type { Emulator } from '../../emulator/harness';
import type { DriveFileRecord } from '../../emulator/runtime';
import { dumpSheets, type EmuSpreadsheet } from '../../emulator/spreadsheet';
import type { PartnerLinks, PlanInput } from '../../src/shared/api';
import type { PartnerScorecard } from '../../src/shared/dashboard';
import { addToTeam, OWNER, partnerOn, tracker, wonDeal } from './commissions-fixture';
import { runHourly, settleDay, TEAMMATE } from '../support/emulator';

const PLAN: PlanInput = { name: 'Std', type: 'percent', rate: 10, currency: 'USD' };

const links = (emu: Emulator, id: string, who = OWNER) => emu.call<PartnerLinks>(who, 'getPartnerLinks', id);
const secretOf = (url: string) => [...new URL(url).searchParams.values()].pop()!;

function viewOf(emu: Emulator, partnerId: string): DriveFileRecord | undefined {
  return emu.rt
    .createdFiles()
    .find((f) => f.appProperties?.ptPartner === partnerId && !f.trashed && f.viewers.size > 0);
}
function summary(file: DriveFileRecord): Map<string, unknown> {
  const rows = dumpSheets(file.content as EmuSpreadsheet).Summary;
  return new Map(rows.map((r) => [String(r[0]), r[1]]));
}
function documentProperties(emu: Emulator): Record<string, string> {
  return emu.rt.uncounted(() =>
    emu.services.globals.PropertiesService.getDocumentProperties().getProperties(),
  );
}
const userProperties = (emu: Emulator, email: string) =>
  Object.fromEntries(emu.services.state.properties.store(`user:${email}`));

function program() {
  const emu = tracker();
  addToTeam(emu, TEAMMATE);
  const ids = ['Alpha Resellers', 'Beta Agency', 'Gamma Group', 'Delta Works'].map((name, i) =>
    partnerOn(emu, i === 0 ? PLAN : 'Std', name),
  );
  settleDay(emu); // the day's jobs, then the form, every partner's secret and view
  return { emu, ids };
}

describe('registration links', () => {
  it('each partner has a random secret; the document properties and the tracker hold only its hash', () => {
    const { emu, ids } = program();
    const props = JSON.stringify(documentProperties(emu));
    const tracker = JSON.stringify(emu.sheets());
    const secrets = ids.map((id) => secretOf(links(emu, id).formUrl));
    expect(new Set(secrets).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      const secret = secrets[i];
      expect(secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(props).not.toContain(secret);
      expect(tracker).not.toContain(secret);
      // the owner's user properties keep it; the partner's own view shows it; no other view does
      expect(Object.values(userProperties(emu, OWNER))).toContain(secret);
      expect(String(summary(viewOf(emu, id)!).get('How to register a lead'))).toContain(secret);
      for (const other of ids.filter((o) => o !== id))
        expect(JSON.stringify(dumpSheets(viewOf(emu, other)!.content as EmuSpreadsheet))).not.toContain(
          secret,
        );
    }
    // the e-mails sent (welcome) carry no link: a queued one would wait in the document properties
    expect(JSON.stringify(emu.services.state.outbox)).not.toMatch(new RegExp(secrets.join('|')));
    expect(props).not.toContain('tracker.linkKey');
  });

  it('the Team sees the view address but not the link, and may not replace it; the owner may', () => {
    const { emu, ids } = program();
    const mine = links(emu, ids[0]);
    expect(mine).toMatchObject({ keeper: true, note: '' });
    const theirs = links(emu, ids[0], TEAMMATE);
    expect(theirs).toEqual({
      viewUrl: mine.viewUrl,
      formUrl: '',
      keeper: false,
      note: expect.stringMatching(/kept by the spreadsheet's owner \(owner@acme.test\)/),
    });
    for (const fn of ['rotatePartnerLink', 'refreshPartnerView'])
      expect(emu.measure(() => emu.call(TEAMMATE, fn, ids[0]))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/owner \(owner@acme.test\)/),
      });
    expect(userProperties(emu, TEAMMATE)).toEqual({});
  });

  it('rotation: a new secret, the old link refused and recorded, the view updated on demand', () => {
    const { emu, ids } = program();
    const [a, b] = ids;
    const old = links(emu, a).formUrl;
    const otherBefore = links(emu, b).formUrl;
    const rotated = emu.call<PartnerLinks>(OWNER, 'rotatePartnerLink', a);
    expect(rotated.formUrl).not.toBe(old);
    expect(links(emu, a).formUrl).toBe(rotated.formUrl); // shown again to the owner
    expect(links(emu, b).formUrl).toBe(otherBefore); // nobody else's link changes
    expect(JSON.stringify(documentProperties(emu))).not.toContain(secretOf(rotated.formUrl));
    // the partner's view still shows the old link until it is updated: now, for this partner alone
    const file = viewOf(emu, a)!;
    expect(String(summary(file).get('How to register a lead'))).toContain(secretOf(old));
    const updated = emu.call<PartnerLinks>(OWNER, 'refreshPartnerView', a);
    expect(updated).toMatchObject({ viewUrl: rotated.viewUrl, formUrl: rotated.formUrl, note: '' });
    expect(viewOf(emu, a)!.id).toBe(file.id);
    const how = String(summary(viewOf(emu, a)!).get('How to register a lead'));
    expect(how).toContain(secretOf(rotated.formUrl));
    expect(how).not.toContain(secretOf(old));
    emu.submitForm(old, { Company: 'Old Link Co' });
    emu.submitForm(rotated.formUrl, { Company: 'New Link Co' });
    runHourly(emu);
    const leads = emu.sheets().Leads;
    expect(leads.find((r) => r[3] === 'New Link Co')?.[1]).toBe(a);
    expect(leads.some((r) => r[3] === 'Old Link Co')).toBe(false);
    const audit = emu.sheets()['Audit Log'];
    expect(
      audit.filter((r) => r[2] === 'form' && /^refused: the partner key/.test(String(r[8]))),
    ).toHaveLength(1);
    expect(audit.find((r) => r[5] === 'Registration Link' && r[4] === a)).toEqual(
      expect.arrayContaining(['link 1', 'link 2']),
    );
  });

  it('refreshPartnerView makes a new partner its file now, shared with its contact', () => {
    const { emu } = program();
    const c = partnerOn(emu, 'Std', 'Epsilon Labs');
    expect(viewOf(emu, c)).toBeUndefined();
    expect(links(emu, c)).toMatchObject({
      viewUrl: '',
      formUrl: '',
      note: expect.stringMatching(/not made yet/),
    });
    const made = emu.call<PartnerLinks>(OWNER, 'refreshPartnerView', c);
    const file = viewOf(emu, c)!;
    expect([...file.viewers]).toEqual(['epsilon.labs@partner.test']);
    expect(made.viewUrl).toBe(`https://docs.google.com/spreadsheets/d/${file.id}/edit`);
    expect(made.formUrl).toMatch(/=[A-Za-z0-9_-]{22}$/);
    expect(String(summary(file).get('How to register a lead'))).toContain(made.formUrl);
    expect(JSON.stringify(dumpSheets(file.content as EmuSpreadsheet))).not.toMatch(/Alpha|Beta|Gamma|Delta/);
  });
});

describe("the Summary's progress to the next tier", () => {
  it('is the tier rules’ own (as the scorecard shows it), updated as deals are won', () => {
    const emu = tracker();
    emu.call(OWNER, 'savePlan', PLAN);
    const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: 'Tiered Partners',
      contactEmail: 'sales@tiered.test',
      type: 'Referral',
      plan: 'Std',
      tier: 'Registered',
    });
    wonDeal(emu, id, 10000, 'USD', '2026-02-20');
    const { id: open } = emu.call<{ id: string }>(OWNER, 'registerLead', {
      partnerId: id,
      company: 'Open Deal Co',
      domain: 'open-deal.test',
      estimatedValue: 20000,
      currency: 'USD',
    });
    emu.call(OWNER, 'reviewLead', open, 'approve');
    settleDay(emu); // the day's jobs, then the views
    const card = emu.call<PartnerScorecard>(OWNER, 'getPartnerScorecard', id);
    const shown = summary(viewOf(emu, id)!);
    // Silver: 25,000 of won value or 2 won deals over 12 months (the default rule); one won deal of 10,000
    expect(card.tier).toMatchObject({ tier: 'Registered', nextTier: 'Silver', progress: 0.5 });
    expect(shown.get('Tier')).toBe('Registered');
    expect(shown.get('Progress to the next tier')).toBe(
      `50% of the way to Silver. ${card.tier.missing} ${card.tier.forecast}`,
    );
    expect(card.tier.missing).toMatch(/^15,000\.00.* or 1 won deal away from Silver \(over 12 months\)\.$/);
    expect(card.tier.forecast).toBe('If your 1 open approved deal closes, you reach Silver.');
    // a second won deal meets the Silver rule: the view says so at the next hourly run
    emu.call(OWNER, 'closeLead', open, 'won', { dealValue: 20000 });
    emu.advance('PT1H');
    runHourly(emu);
    expect(summary(viewOf(emu, id)!).get('Progress to the next tier')).toBe(
      '100% of the way to Silver. You meet the rule of Silver.',
    );
  });
});
