/**
 * Zero leaks, proven over random programs: partners, leads (some overlapping another partner's),
 * decisions whose notes name other partners, won deals, commissions, payouts paid with references
 * naming others, terminations and contact changes, made through the bundle's public functions; then
 * the views are refreshed and EVERY file the add-on made (live, emptied or replaced) is checked: it
 * holds its own partner's rows and link, and no id, name, domain, company, amount or registration
 * secret of any other partner.
 */
import fc from 'fast-check';
import type { Emulator } from '../../emulator/harness';
import type { DriveFileRecord } from '../../emulator/runtime';
import { dumpSheets, type EmuSpreadsheet } from '../../emulator/spreadsheet';
import type { Commission, Payout } from '../../src/shared/api';
import { newEmulator, OWNER } from '../support/emulator';

interface LeadPlan {
  outcome: 'open' | 'approve' | 'reject' | 'won';
  /** Registers the same domain as this partner index's first lead (an overlap), when set. */
  overlapWith: number | null;
  /** Another partner (index) the decision note names. */
  noteNames: number | null;
}
interface PartnerPlan {
  leads: LeadPlan[];
  ending: 'active' | 'terminated' | 'contactChanged' | 'paused';
}

const leadPlan = fc.record({
  outcome: fc.constantFrom<LeadPlan['outcome']>('open', 'approve', 'reject', 'won', 'won'),
  overlapWith: fc.option(fc.nat(4), { nil: null }),
  noteNames: fc.option(fc.nat(4), { nil: null }),
});
const program = fc.array(
  fc.record({
    leads: fc.array(leadPlan, { minLength: 0, maxLength: 4 }),
    ending: fc.constantFrom<PartnerPlan['ending']>(
      'active',
      'active',
      'terminated',
      'contactChanged',
      'paused',
    ),
  }),
  { minLength: 2, maxLength: 5 },
);

interface Tokens {
  id: string;
  words: Set<string>;
  numbers: Set<number>;
}

function setCell(emu: Emulator, sheet: string, header: string, id: string, value: unknown): void {
  const rows = emu.sheets()[sheet];
  const col = rows[0].indexOf(header);
  const row = rows.findIndex((r) => r[0] === id) + 1;
  const outcome = emu.edit(OWNER, sheet, `${String.fromCharCode(65 + col)}${row}`, [[value]]);
  if (!outcome.ok) throw new Error(outcome.reason);
}

/** Plays a random program through the bundle; returns each partner's own tokens. */
function play(emu: Emulator, plans: PartnerPlan[]): Tokens[] {
  emu.call(OWNER, 'savePlan', { name: 'Std', type: 'percent', rate: 10, holdDays: 0 });
  const names = plans.map((_, i) => `Firm${'QWXYZ'[i]}${i} Ltd`);
  const tokens: Tokens[] = plans.map((_, i) => {
    const { id } = emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: names[i],
      contactEmail: `boss${i}@firm${i}.test`,
      type: 'Referral',
      plan: 'Std',
    });
    return { id, words: new Set([id, names[i], `firm${i}.test`]), numbers: new Set<number>() };
  });
  const firstDomain: string[] = [];
  plans.forEach((plan, i) =>
    plan.leads.forEach((lead, k) => {
      const other = lead.overlapWith !== null && lead.overlapWith !== i ? lead.overlapWith : null;
      const domain = other !== null && firstDomain[other] ? firstDomain[other] : `p${i}lead${k}.example`;
      const company = `Cust${i}x${k} Inc`;
      const made = emu.measure(() =>
        emu.call<{ id: string }>(OWNER, 'registerLead', { partnerId: tokens[i].id, company, domain }),
      );
      if (!made.ok) return;
      const id = made.result!.id;
      firstDomain[i] ??= domain;
      tokens[i].words.add(id).add(company);
      if (other === null) tokens[i].words.add(domain);
      const named = lead.noteNames !== null && lead.noteNames < plans.length ? lead.noteNames : null;
      const note = named === null ? 'ok' : `see ${names[named]} (${tokens[named].id})`;
      if (lead.outcome === 'reject') emu.call(OWNER, 'reviewLead', id, 'reject', note);
      if (lead.outcome === 'approve' || lead.outcome === 'won')
        emu.measure(() => emu.call(OWNER, 'reviewLead', id, 'approve', note));
      if (lead.outcome === 'won') {
        const value = (i + 1) * 1_000_000 + (k + 1) * 1000;
        const closed = emu.measure(() => emu.call(OWNER, 'closeLead', id, 'won', { dealValue: value }));
        if (closed.ok) tokens[i].numbers.add(value);
      }
    }),
  );
  emu.call(OWNER, 'runCommissions');
  const lines = emu.call<Commission[]>(OWNER, 'listCommissions', {});
  for (const line of lines) {
    const owner = tokens.find((t) => t.id === line.partnerId)!;
    owner.words.add(line.id);
    owner.numbers.add(line.amount);
  }
  const eligible = lines.filter((l) => l.status === 'Eligible').map((l) => l.id);
  if (eligible.length) emu.call(OWNER, 'approveCommissions', eligible);
  const payouts = emu.call<Payout[]>(OWNER, 'createPayouts', '2026-12-31');
  for (const payout of payouts) {
    const owner = tokens.findIndex((t) => t.id === payout.partnerId);
    tokens[owner].words.add(payout.id);
    tokens[owner].numbers.add(payout.amount);
    const other = (owner + 1) % tokens.length;
    emu.call(OWNER, 'approvePayout', payout.id);
    emu.call(
      OWNER,
      'markPayoutPaid',
      payout.id,
      `wire for ${names[other]} ${tokens[other].id}`,
      '2026-03-03',
    );
  }
  // First views, then the endings (the files of terminated and changed contacts must empty).
  emu.call(OWNER, 'refreshPartnerViews');
  plans.forEach((plan, i) => {
    if (plan.ending === 'terminated') setCell(emu, 'Partners', 'Status', tokens[i].id, 'Terminated');
    if (plan.ending === 'paused') setCell(emu, 'Partners', 'Status', tokens[i].id, 'Paused');
    if (plan.ending === 'contactChanged')
      setCell(emu, 'Partners', 'Contact Email', tokens[i].id, `new${i}@firm${i}.test`);
  });
  emu.call(OWNER, 'refreshPartnerViews');
  return tokens;
}

function texts(file: DriveFileRecord): { strings: string[]; numbers: number[] } {
  const cells = Object.values(dumpSheets(file.content as EmuSpreadsheet)).flat(2);
  return {
    strings: cells.filter((c): c is string => typeof c === 'string'),
    numbers: cells.filter((c): c is number => typeof c === 'number'),
  };
}

describe('partner views leak nothing', () => {
  it('every file holds only its partner: no id, name, domain, company, amount or link of another', () => {
    fc.assert(
      fc.property(program, (plans) => {
        const emu = newEmulator({ now: '2026-03-02T09:00:00Z' });
        emu.call(OWNER, 'setupTracker');
        const tokens = play(emu, plans);
        // Each partner's registration secret is theirs too: another's file must not show it.
        const secrets = new Map<string, string>();
        for (const t of tokens) {
          const { formUrl } = emu.call<{ formUrl: string }>(OWNER, 'getPartnerLinks', t.id);
          secrets.set(t.id, formUrl.split('=').pop()!);
          t.words.add(secrets.get(t.id)!);
        }
        const files = emu.rt.createdFiles().filter((f) => f.appProperties?.ptPartner);
        // Every partner has a file (and a replaced contact two); every one of them is checked.
        expect(new Set(files.map((f) => f.appProperties!.ptPartner))).toEqual(
          new Set(tokens.map((t) => t.id)),
        );
        for (const file of files) {
          const own = file.appProperties!.ptPartner;
          const { strings, numbers } = texts(file);
          const text = strings.join('\n').toLowerCase();
          for (const other of tokens) {
            if (other.id === own) continue;
            for (const word of other.words)
              expect({ file: file.name, word, found: text.includes(word.toLowerCase()) }).toEqual({
                file: file.name,
                word,
                found: false,
              });
            for (const n of numbers)
              expect(other.numbers.has(n) ? `${file.name} holds ${n} of ${other.id}` : '').toBe('');
          }
          const mine = tokens.find((t) => t.id === own)!;
          const live = file.viewers.size > 0;
          if (live) {
            // A live file shows all the partner's own leads.
            const leadIds = [...mine.words].filter((w) => /^L-\d{6}$/.test(w));
            for (const id of leadIds) expect(strings).toContain(id);
            // and its own registration link
            expect(strings.some((x) => x.endsWith(`=${secrets.get(own)}`))).toBe(true);
          } else {
            // A closed file (terminated, or its contact changed) is empty.
            expect(strings.filter((s) => s !== '')).toEqual([]);
          }
        }
      }),
      { numRuns: 8, seed: 1717 },
    );
  });
});
