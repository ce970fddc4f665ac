import {
  escapeHtml,
  notificationEmail,
  planSends,
  type NotificationEvent,
} from '../../../src/domain/notifications';

const lead = {
  id: 'L-000012',
  company: 'Acme <script>alert("x")</script> & Sons',
  expiresOn: '2026-05-02',
  decisionNote: '',
  dealValue: null,
  currency: 'USD',
};
const partner = { partnerName: 'Beta Partners', contactName: "O'Brien <b>", contactEmail: 'ob@beta.io' };

test.each([
  ['<b>"Tom" & \'Jerry\'</b>', '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;'],
  ['plain', 'plain'],
  ['&amp;', '&amp;amp;'],
])('escapeHtml(%p)', (text, expected) => {
  expect(escapeHtml(text)).toBe(expected);
});

describe('notificationEmail', () => {
  test.each<[NotificationEvent, object, string, string]>([
    ['received', {}, 'Lead registration received: ', 'It is protected until 2026-05-02 while we review it.'],
    ['approved', { decisionNote: 'Go <for> it' }, 'Lead approved: ', 'Note from the reviewer: Go <for> it'],
    ['rejected', { decisionNote: 'Direct deal' }, 'Lead not approved: ', 'was not approved.'],
    ['won', { dealValue: 2500.5 }, 'Deal won: ', 'is won for 2500.5 USD.'],
    ['expiring', {}, 'Protection ends on 2026-05-02: ', 'Ask us for an extension'],
  ])('%s', (event, change, subjectStart, bodyText) => {
    const email = notificationEmail({
      event,
      lead: { ...lead, ...change },
      partner,
      programName: 'Acme & Co partner team',
    });
    expect(email.to).toBe('ob@beta.io');
    expect(email.subject).toBe(`${subjectStart}${lead.company} (L-000012)`);
    expect(email.body).toContain(bodyText);
    expect(email.body).toContain(lead.company);
    expect(email.body.startsWith("Hello O'Brien <b>,")).toBe(true);
    // No user text reaches the HTML unescaped.
    expect(email.htmlBody).not.toMatch(/<script|<b>|<for>|"x"/);
    expect(email.htmlBody).toContain('Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(email.htmlBody).toContain('Hello O&#39;Brien &lt;b&gt;,');
    expect(email.htmlBody).toContain('Acme &amp; Co partner team');
    expect(email.htmlBody.match(/<p>/g)?.length).toBe(email.body.split('\n\n').length);
  });

  test('no note, no note line; greeting falls back to the partner name; subject stays on one line', () => {
    const email = notificationEmail({
      event: 'approved',
      lead: { ...lead, company: 'Multi\r\nLine' },
      partner: { partnerName: 'Beta Partners', contactEmail: 'b@beta.io' },
    });
    expect(email.body).not.toContain('Note from the reviewer');
    expect(email.body.startsWith('Hello Beta Partners,')).toBe(true);
    expect(email.body.endsWith('The partner team')).toBe(true);
    expect(email.subject).toBe('Lead approved: Multi Line (L-000012)');
  });
});

describe('planSends', () => {
  const m = (id: string, to: string) => ({ id, to });
  test.each<[string, Array<{ id: string; to: string }>, number, string[], string[], string[], number]>([
    ['all fit', [m('a', 'x@a.io'), m('b', 'y@b.io')], 10, ['a', 'b'], [], [], 8],
    [
      'quota reached: the rest waits for tomorrow',
      [m('a', 'x@a.io'), m('b', 'y@b.io'), m('c', 'z@c.io')],
      2,
      ['a', 'b'],
      ['c'],
      [],
      0,
    ],
    ['counted per recipient', [m('a', 'x@a.io, y@a.io, z@a.io'), m('b', 'w@b.io')], 3, ['a'], ['b'], [], 0],
    [
      'a smaller later message still goes',
      [m('a', 'x@a.io, y@a.io'), m('b', 'w@b.io')],
      1,
      ['b'],
      ['a'],
      [],
      0,
    ],
    ['no quota', [m('a', 'x@a.io')], 0, [], ['a'], [], 0],
    ['negative quota is none', [m('a', 'x@a.io')], -5, [], ['a'], [], 0],
    ['no recipient', [m('a', ' , '), m('b', 'w@b.io')], 5, ['b'], [], ['a'], 4],
  ])('%s', (_name, queue, quota, sendNow, keep, undeliverable, left) => {
    const plan = planSends(queue, quota);
    expect(plan.sendNow.map((x) => x.id)).toEqual(sendNow);
    expect(plan.keep.map((x) => x.id)).toEqual(keep);
    expect(plan.undeliverable.map((x) => x.id)).toEqual(undeliverable);
    expect(plan.quotaLeft).toBe(left);
  });
});
