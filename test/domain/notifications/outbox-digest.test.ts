/**
 * The partner outbox kept within its room, and a delivery over the quota made of digests
 * (domain/notifications/outbox-digest.ts): checked for every generated outbox, not a sample.
 */
import fc from 'fast-check';
import {
  batchForQuota,
  boundOutbox,
  DIGEST_NAMED,
  type OutboxMessage,
} from '../../../src/domain/notifications/outbox-digest';

const mail = (to: string, i: number, bodyLength = 200): OutboxMessage => ({
  to,
  subject: `Lead registration received: Company ${i}`,
  body: `We received your registration of Company ${i}. ${'x'.repeat(bodyLength)}`,
  htmlBody: `<p>We received your registration of Company ${i}. ${'x'.repeat(bodyLength)}</p>`,
});

const size = (mails: readonly OutboxMessage[]) => mails.reduce((n, m) => n + JSON.stringify(m).length + 1, 2);
/** The updates a message stands for. */
const updates = (m: OutboxMessage) => m.digest?.count ?? 1;

const outboxes = fc.array(
  fc.record({ to: fc.integer({ min: 0, max: 40 }), body: fc.integer({ min: 0, max: 3000 }) }),
  { maxLength: 400, size: 'max' },
);

describe('the partner outbox within its room', () => {
  it('fits its room, each message fits one stored value, and every update is kept or counted dropped', () => {
    fc.assert(
      fc.property(outboxes, fc.integer({ min: 4_000, max: 60_000 }), (spec, budget) => {
        const mails = spec.map((s, i) => mail(`partner${s.to}@p.test`, i, s.body));
        const { mails: out, dropped } = boundOutbox(mails, budget, 7_998);
        if (size(mails) <= budget) {
          expect(out).toEqual(mails);
          expect(dropped).toBe(0);
          return;
        }
        expect(size(out)).toBeLessThanOrEqual(budget);
        for (const m of out) expect(JSON.stringify(m).length + 1).toBeLessThanOrEqual(7_998);
        // Nothing lost silently: what is kept plus what is counted dropped is every update.
        expect(out.reduce((n, m) => n + updates(m), 0) + dropped).toBe(mails.length);
        // One message per recipient, in the order of their oldest message.
        const recipients = out.map((m) => m.to);
        expect(new Set(recipients).size).toBe(recipients.length);
        const firstSeen = [...new Set(mails.map((m) => m.to))];
        expect(recipients).toEqual(firstSeen.slice(firstSeen.length - recipients.length));
      }),
      { numRuns: 200 },
    );
  });

  it('merged again as more arrive, a digest keeps the count of what it stood for', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 8 }), (batches) => {
        let outbox: OutboxMessage[] = [];
        let sent = 0;
        for (const n of batches) {
          const more = Array.from({ length: n }, (_, i) => mail('boss@alpha.test', sent + i));
          sent += n;
          // (Through JSON, as the property store keeps it.)
          outbox = JSON.parse(JSON.stringify(boundOutbox([...outbox, ...more], 16_000, 7_998).mails));
        }
        expect(outbox.reduce((n, m) => n + updates(m), 0)).toBe(sent);
      }),
      { numRuns: 100 },
    );
  });

  it('a digest names the first updates in full, then how many more, and points to the partner view', () => {
    const mails = Array.from({ length: 60 }, (_, i) => mail('boss@alpha.test', i, 20));
    const [digest] = boundOutbox(mails, 12_000, 7_998).mails;
    expect(digest.subject).toBe('60 updates on your partnership');
    expect(digest.digest?.named).toHaveLength(DIGEST_NAMED);
    expect(digest.body).toContain('Lead registration received: Company 0\nWe received your registration');
    expect(digest.body).toContain('...and 50 more.');
    expect(digest.body).toContain('Your partner view lists every registration and its status.');
    expect(digest.htmlBody).toContain('<h3>Lead registration received: Company 9</h3>');
    expect(digest.htmlBody).not.toContain('Company 10<');
  });

  it('names only the subjects when the updates in full would not fit one stored value', () => {
    const mails = Array.from({ length: 60 }, (_, i) => mail('boss@alpha.test', i, 2_000));
    const [digest] = boundOutbox(mails, 12_000, 7_998).mails;
    expect(digest.body.split('\n\n').slice(0, 2)).toEqual([
      '- Lead registration received: Company 0',
      '- Lead registration received: Company 1',
    ]);
    expect(digest.body).not.toContain('xxxx');
  });

  it('escapes the subjects it names in HTML', () => {
    const mails = Array.from({ length: 30 }, (_, i) => ({
      ...mail('boss@alpha.test', i),
      subject: `Lead registration received: <b>Evil & Co</b> ${i}`,
    }));
    const [digest] = boundOutbox(mails, 8_000, 7_998).mails;
    expect(digest.htmlBody).toContain('&lt;b&gt;Evil &amp; Co&lt;/b&gt;');
    expect(digest.htmlBody).not.toContain('<b>Evil');
  });
});

describe("a delivery over today's quota", () => {
  const items = fc.array(fc.record({ to: fc.integer({ min: 0, max: 12 }), id: fc.nat() }), {
    maxLength: 80,
    size: 'max',
  });

  it('every item in one batch; as they are within the quota; one batch a recipient past it', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 100 }), (spec, quota) => {
        const list = spec.map((s, i) => {
          const to = `partner${s.to}@p.test`;
          return { id: i, to, mail: mail(to, i, 20) };
        });
        const batches = batchForQuota(list, quota);
        expect(batches.flatMap((b) => b.items.map((i) => i.id)).sort((a, b) => a - b)).toEqual(
          list.map((i) => i.id),
        );
        for (const b of batches) for (const i of b.items) expect(i.to).toBe(b.to);
        if (list.length <= quota) {
          expect(batches.map((b) => b.mail)).toEqual(list.map((i) => i.mail));
          return;
        }
        expect(batches.map((b) => b.to)).toEqual([...new Set(list.map((i) => i.to))]);
        for (const b of batches) {
          if (b.items.length === 1) expect(b.mail).toEqual(b.items[0].mail);
          else expect(b.mail.subject).toBe(`${b.items.length} updates on your partnership`);
        }
      }),
    );
  });
});
