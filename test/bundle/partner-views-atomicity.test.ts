/**
 * The partner views' refresh dying at EVERY service call k (a fatal fault: that call and every later
 * one of the execution fail), then the next hourly run: the files end as a run that did not fail
 * leaves them, and a retry never makes a second file (one made before the death is found again by
 * its appProperties). Files live outside the workbook, so this compares the files themselves (test/
 * bundle/atomicity.test.ts compares the workbook for the same runs).
 */
import type { Emulator } from '../../emulator/harness';
import { dumpSheets, type EmuSpreadsheet } from '../../emulator/spreadsheet';
import { newEmulator, OWNER, runHourly, settleDay } from '../support/emulator';

const FAULT = 'Service Drive timed out (injected fault)';

function base(): Emulator {
  const emu = newEmulator();
  emu.call(OWNER, 'setupTracker');
  emu.call(OWNER, 'savePlan', { name: 'Ten now', type: 'percent', rate: 10, holdDays: 0 });
  for (const [name, n] of [
    ['Alpha', 2],
    ['Beta', 1],
    ['Gamma', 0],
  ] as const) {
    const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: name,
      contactEmail: `sales@${name.toLowerCase()}.test`,
      type: 'Referral',
      plan: 'Ten now',
    });
    for (let i = 0; i < n; i++)
      emu.call(OWNER, 'registerLead', {
        partnerId: id,
        company: `${name} ${['North', 'South'][i]}`,
        domain: `${name}${['north', 'south'][i]}.test`,
      });
  }
  emu.rt.advance(86_400_000);
  return emu;
}

const LINK =
  /https:\/\/docs\.google\.com\/forms\/d\/e\/[^/]+\/viewform\?usp=pp_url&entry\.\d+=[A-Za-z0-9_-]{22}/g;

/**
 * Each partner's view files as data: who may open them and what they hold. The registration link in
 * a view must be the partner's valid link of now (its secret derives from a random key, which a run
 * that died before storing it draws again): checked, then written as FORM-LINK.
 */
function files(emu: Emulator) {
  const valid = new Set<string>();
  return emu.rt
    .createdFiles()
    .filter((f) => f.appProperties?.ptPartner)
    .map((f) => ({
      partner: f.appProperties!.ptPartner,
      generation: f.appProperties!.ptGeneration,
      trashed: f.trashed,
      viewers: [...f.viewers].sort(),
      editors: [...f.editors],
      copy: f.copyRequiresWriterPermission,
      cells: JSON.parse(
        JSON.stringify(dumpSheets(f.content as EmuSpreadsheet)).replace(LINK, (link) => {
          if (!valid.size)
            for (const id of ['P-0001', 'P-0002', 'P-0003'])
              valid.add(emu.call<{ formUrl: string }>(OWNER, 'getPartnerLinks', id).formUrl);
          return valid.has(link) ? 'FORM-LINK' : `STALE ${link}`;
        }),
      ) as unknown,
    }))
    .sort((a, b) => `${a.partner}${a.generation}`.localeCompare(`${b.partner}${b.generation}`));
}

interface Case {
  name: string;
  prepare: (emu: Emulator) => void;
}

const CASES: Case[] = [
  { name: 'the first run making every view', prepare: () => undefined },
  {
    name: 'a run closing a terminated partner and replacing a changed contact',
    prepare: (emu) => {
      runHourly(emu);
      const rows = emu.sheets().Partners;
      const col = (h: string) => String.fromCharCode(65 + rows[0].indexOf(h));
      emu.edit(OWNER, 'Partners', `${col('Status')}2`, [['Terminated']]);
      emu.edit(OWNER, 'Partners', `${col('Contact Email')}3`, [['new@beta.test']]);
      emu.rt.advance(3_600_000);
    },
  },
];

describe('the partner views, failing at every service call, end as a run that did not fail', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const reference = base();
      c.prepare(reference);
      const start = reference.rt.snapshot().total;
      runHourly(reference);
      const calls = reference.rt.snapshot().total - start;
      const wanted = files(reference);
      expect(calls).toBeGreaterThan(5);
      let tried = 0;
      for (let k = 1; k <= calls; k++) {
        const emu = base();
        c.prepare(emu);
        emu.rt.failCall('*', FAULT, { skip: k, fatal: true });
        try {
          runHourly(emu);
        } catch {
          // the fault ended it
        }
        emu.rt.clearFaults();
        runHourly(emu);
        expect({ k, files: files(emu) }).toEqual({ k, files: wanted });
        tried++;
      }
      expect(tried).toBe(calls);
    });
  }
});

describe('the form intake, failing at every service call, takes each response in exactly once', () => {
  function withResponses(): Emulator {
    const emu = base();
    settleDay(emu); // the day's jobs, then the form and the views
    const link = emu.call<{ formUrl: string }>(OWNER, 'getPartnerLinks', 'P-0001').formUrl;
    emu.submitForm(link, { Company: 'Formed One', Domain: 'formed-one.test' });
    emu.rt.advance(60_000);
    emu.submitForm(link, { Company: 'Formed Two', Domain: 'formed-two.test' });
    emu.submitForm(link.replace(/=[^=]+$/, '=BBBBBBBBBBBBBBBBBBBBBB'), { Company: 'Forged' });
    // Beta's registration of Alpha's first lead's company: that lead's row (far from the rows the
    // lead index's window reads) notes it in its Conflict.
    const beta = emu.call<{ formUrl: string }>(OWNER, 'getPartnerLinks', 'P-0002').formUrl;
    emu.submitForm(beta, { Company: 'Alpha North Europe', Domain: 'alphanorth.test' });
    emu.rt.advance(3_600_000);
    return emu;
  }
  const outcome = (emu: Emulator) => ({
    leads: emu
      .sheets()
      .Leads.slice(1)
      .map((r) => [r[0], r[1], r[3], r[emu.sheets().Leads[0].indexOf('Conflict')]]),
    refused: emu.sheets()['Audit Log'].filter((r) => r[2] === 'form' && String(r[8]).startsWith('refused'))
      .length,
  });

  it('the hourly run registering three responses (one noted on an earlier lead) and refusing a forged one', () => {
    const reference = withResponses();
    const start = reference.rt.snapshot().total;
    runHourly(reference);
    const calls = reference.rt.snapshot().total - start;
    const wanted = outcome(reference);
    expect(wanted.leads.map((l) => l[2])).toEqual(expect.arrayContaining(['Formed One', 'Formed Two']));
    expect(wanted.refused).toBe(1);
    expect(wanted.leads[0][3]).toMatch(/^later registration L-\d+ by Beta is for the same company$/);
    for (let k = 1; k <= calls; k++) {
      const emu = withResponses();
      emu.rt.failCall('*', FAULT, { skip: k, fatal: true });
      try {
        runHourly(emu);
      } catch {
        // the fault ended it
      }
      emu.rt.clearFaults();
      runHourly(emu);
      expect({ k, ...outcome(emu) }).toEqual({ k, ...wanted });
      expect(emu.call<{ ok: boolean }>(OWNER, 'verifyAuditLog').ok).toBe(true);
    }
  });
});
