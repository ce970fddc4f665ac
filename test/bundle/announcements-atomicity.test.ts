/**
 * The outbox is part of the commit of the change it announces, for EVERY webhook event type: for each
 * operation that announces one and for every k from 1 to the number of service calls it makes, the
 * execution dies at call k (a fatal fault, as a time-out), then the next executions run (a sidebar
 * call, then the hourly run that delivers what is due). What the endpoint received (each webhook-id
 * once: a delivery cut short after the POST is sent again with the same id, as Standard Webhooks
 * allows) must then be exactly what the operation announces when it ran whole, if its change stands,
 * and nothing at all if it does not: nothing announced that did not happen, nothing that happened left
 * unannounced.
 */
import type { Emulator } from '../../emulator/harness';
import { WEBHOOK_EVENTS } from '../../src/shared/webhooks';
import { finishDay, newEmulator, OWNER, runHourly } from '../support/emulator';

const FAULT = 'Service Spreadsheets timed out while accessing document (injected fault)';
const HOOK = 'https://hooks.example.test/events';

interface Delivered {
  id: string;
  type: string;
  record: string;
}

/** A tracker with an endpoint for every event: L1 approved, L2 submitted, L3 won (C-000001 eligible), C-000002 on PO-0001. */
function base(): { emu: Emulator; got: Map<string, Delivered> } {
  const emu = newEmulator();
  const got = new Map<string, Delivered>();
  emu.services.state.fetchRouter.register(HOOK, (request) => {
    const body = JSON.parse(request.payload) as { type: string; data: Record<string, string> };
    const id = request.headers['webhook-id'];
    const record =
      body.data.leadId && body.type.startsWith('lead.')
        ? body.data.leadId
        : (body.data.commissionId ?? body.data.payoutId ?? body.data.partnerId ?? '');
    got.set(id, { id, type: body.type, record });
    return { status: 200 };
  });
  emu.call(OWNER, 'setupTracker');
  emu.call(OWNER, 'savePlan', { name: 'Ten now', type: 'percent', rate: 10, holdDays: 0 });
  const partner = emu.call<{ id: string }>(OWNER, 'savePartner', {
    partnerName: 'Alpha Partners',
    contactEmail: 'sales@alphapartners.test',
    type: 'Referral',
    plan: 'Ten now',
  }).id;
  const lead = (company: string) =>
    emu.call<{ id: string }>(OWNER, 'registerLead', {
      partnerId: partner,
      company,
      domain: `${company.toLowerCase()}.test`,
    }).id;
  emu.call(OWNER, 'reviewLead', lead('Acme'), 'approve'); // L-000001
  lead('Globex'); // L-000002
  for (const company of ['Initech', 'Umbrella']) {
    const id = lead(company); // L-000003, L-000004
    emu.call(OWNER, 'reviewLead', id, 'approve');
    emu.call(OWNER, 'closeLead', id, 'won', { dealValue: 1000 });
  }
  emu.call(OWNER, 'approveCommissions', ['C-000002']);
  emu.call(OWNER, 'createPayouts', '2026-03-31');
  emu.call(OWNER, 'saveWebhook', { url: HOOK, events: [...WEBHOOK_EVENTS] });
  finishDay(emu, { sameClock: true }); // the day's jobs done: the next hour is idle but for deliveries
  got.clear();
  return { emu, got };
}

interface Operation {
  name: string;
  prepare?: (emu: Emulator) => void;
  run: (emu: Emulator) => void;
  /** The events the operation announces (checked against its fault-free run). */
  announces: string[];
  /** The hourly run: one cut short is finished by the next runs (its checkpoint), so it always happens. */
  finishedByNext?: boolean;
}

const call =
  (name: string, ...args: unknown[]) =>
  (emu: Emulator) => {
    emu.call(OWNER, name, ...args);
  };

const OPERATIONS: Operation[] = [
  {
    name: 'registerLead',
    run: call('registerLead', { partnerId: 'P-0001', company: 'Hooli', domain: 'hooli.test' }),
    announces: ['lead.registered'],
  },
  {
    name: 'reviewLead approve',
    run: call('reviewLead', 'L-000002', 'approve'),
    announces: ['lead.approved'],
  },
  {
    name: 'reviewLead reject',
    run: call('reviewLead', 'L-000002', 'reject', 'duplicate'),
    announces: ['lead.rejected'],
  },
  {
    name: 'closeLead won',
    run: call('closeLead', 'L-000001', 'won', { dealValue: 5000 }),
    announces: ['lead.won', 'commission.created'],
  },
  {
    name: 'closeLead lost',
    run: call('closeLead', 'L-000001', 'lost', { reason: 'budget' }),
    announces: ['lead.lost'],
  },
  {
    name: 'approveCommissions',
    run: call('approveCommissions', ['C-000001']),
    announces: ['commission.approved'],
  },
  { name: 'approvePayout', run: call('approvePayout', 'PO-0001'), announces: ['payout.approved'] },
  {
    name: 'markPayoutPaid',
    prepare: (emu) => emu.call(OWNER, 'approvePayout', 'PO-0001'),
    run: call('markPayoutPaid', 'PO-0001', 'W-1', '2026-03-02'),
    announces: ['payout.paid'],
  },
  {
    name: 'savePartner (the tier changed)',
    run: call('savePartner', {
      id: 'P-0001',
      partnerName: 'Alpha Partners',
      contactEmail: 'sales@alphapartners.test',
      type: 'Referral',
      plan: 'Ten now',
      tier: 'Gold',
    }),
    announces: ['partner.tier_changed'],
  },
  {
    name: 'the hourly run expiring the open leads (a new day)',
    prepare: (emu) => emu.rt.advance(100 * 86_400_000),
    run: (emu) => {
      runHourly(emu);
    },
    announces: ['lead.expired', 'lead.expired'],
    finishedByNext: true,
  },
];

/** The sheets as the person sees them (the record of what happened). */
const sheets = (emu: Emulator) => JSON.stringify(emu.sheets());

/** The next executions: a read-only sidebar call (it finishes a journaled step), then the hourly run. */
function next(emu: Emulator): void {
  emu.measure(() => emu.call(OWNER, 'verifyAuditLog'));
  finishDay(emu, { sameClock: true }); // (a day's run cut short finishes its jobs in the next runs)
}

const sorted = (list: Delivered[]) => list.map((d) => `${d.type} ${d.record}`).sort();

test('every event type has an operation here', () => {
  expect(new Set(OPERATIONS.flatMap((op) => op.announces))).toEqual(new Set(WEBHOOK_EVENTS));
});

for (const op of OPERATIONS) {
  test(`${op.name}: announced exactly when it happened, at every failing call`, () => {
    const reference = base();
    op.prepare?.(reference.emu);
    reference.got.clear();
    const before = sheets(reference.emu);
    const start = reference.emu.rt.snapshot().total;
    op.run(reference.emu);
    const calls = reference.emu.rt.snapshot().total - start;
    next(reference.emu);
    const after = sheets(reference.emu);
    const announced = sorted([...reference.got.values()]);
    expect(announced.map((a) => a.split(' ')[0])).toEqual([...op.announces].sort());
    expect(after).not.toBe(before);

    let happenedCount = 0;
    for (let k = 1; k <= calls; k++) {
      const { emu, got } = base();
      op.prepare?.(emu);
      got.clear();
      emu.rt.failCall('*', FAULT, { skip: k, fatal: true });
      try {
        op.run(emu);
      } catch {
        // the fault ended it
      }
      emu.rt.clearFaults();
      next(emu);
      const state = sheets(emu);
      const happened = state === after;
      if (happened) happenedCount++;
      expect({ k, state: happened || state === before }).toEqual({ k, state: true });
      expect({ k, delivered: sorted([...got.values()]) }).toEqual({
        k,
        delivered: happened ? announced : [],
      });
    }
    // Both outcomes were met (a fault early leaves nothing; late, the change stands), or for the
    // hourly run, every run cut short was finished.
    if (op.finishedByNext) expect(happenedCount).toBe(calls);
    else {
      expect(happenedCount).toBeGreaterThan(0);
      expect(happenedCount).toBeLessThan(calls);
    }
  });
}
