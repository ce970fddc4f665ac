import { as, setup } from './setup';

describe('MailApp', () => {
  test('sendEmail records the message in the outbox, in both call forms', () => {
    const { rt, globals, state } = setup();
    rt.execute(as('a@example.com'), () => {
      globals.MailApp.sendEmail('p@partner.com', 'Hello', 'Body', { cc: 'c@x.com', htmlBody: '<b>Body</b>' });
      globals.MailApp.sendEmail({ to: 'q@partner.com', subject: 'S', body: 'B', noReply: true });
    });
    expect(state.outbox).toEqual([
      expect.objectContaining({
        from: 'a@example.com',
        to: 'p@partner.com',
        cc: 'c@x.com',
        subject: 'Hello',
        body: 'Body',
        htmlBody: '<b>Body</b>',
        sentAt: '2026-01-01T00:00:00.000Z',
      }),
      expect.objectContaining({ to: 'q@partner.com', subject: 'S', noReply: true }),
    ]);
  });

  test('MailApp counts recipients against the daily quota', () => {
    const { rt, globals, state } = setup({ mailQuota: 5 });
    globals.MailApp.sendEmail({
      to: 'a@x.com, b@x.com',
      cc: 'c@x.com',
      bcc: 'd@x.com',
      subject: 's',
      body: 'b',
    });
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => globals.MailApp.sendEmail('e@x.com, f@x.com', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(state.outbox).toHaveLength(1);
    rt.setNow('2026-01-02T00:00:00Z');
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(5);
  });

  test('MailApp is not allowed in a simple trigger', () => {
    const { rt, globals, state } = setup();
    rt.execute(as('a@example.com', 'LIMITED', 'simpleTrigger'), () => {
      expect(() => globals.MailApp.sendEmail('p@x.com', 's', 'b')).toThrow(
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
    });
    expect(state.outbox).toHaveLength(0);
  });
});

describe('UrlFetchApp', () => {
  test('a routed fetch reaches the handler with method, headers and form-encoded payload, and is logged', () => {
    const { globals, state } = setup();
    state.fetchRouter.register('https://api.example.com/', (req) => ({
      status: 201,
      body: JSON.stringify({ got: req.payload, method: req.method, type: req.headers['Content-Type'] }),
      headers: { 'Content-Type': 'application/json' },
    }));
    const res = globals.UrlFetchApp.fetch('https://api.example.com/leads', {
      method: 'post',
      payload: { name: 'A B', n: 1 },
      headers: { Authorization: 'Bearer t' },
    });
    expect(res.getResponseCode()).toBe(201);
    expect(JSON.parse(res.getContentText())).toEqual({
      got: 'name=A%20B&n=1',
      method: 'POST',
      type: 'application/x-www-form-urlencoded',
    });
    expect(res.getHeaders()).toEqual({ 'Content-Type': 'application/json' });
    expect(res.getBlob().getContentType()).toBe('application/json');
    expect(state.fetches).toEqual([
      expect.objectContaining({
        url: 'https://api.example.com/leads',
        method: 'POST',
        body: 'name=A%20B&n=1',
        status: 201,
      }),
    ]);
    expect(state.fetches[0].headers.Authorization).toBe('Bearer t');
  });

  test('an unrouted fetch throws', () => {
    const { globals } = setup();
    let error: unknown;
    try {
      globals.UrlFetchApp.fetch('https://nowhere.example/x');
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe('Exception: DNS error: https://nowhere.example/x');
  });

  test('a 500 throws unless muteHttpExceptions', () => {
    const { globals, state } = setup();
    state.fetchRouter.register(/\/boom$/, () => ({ status: 500, body: 'server fell over' }));
    expect(() => globals.UrlFetchApp.fetch('https://api.example.com/boom')).toThrow(
      'Request failed for https://api.example.com/boom returned code 500. Truncated server response: server fell over (use muteHttpExceptions option to examine full response)',
    );
    const res = globals.UrlFetchApp.fetch('https://api.example.com/boom', { muteHttpExceptions: true });
    expect([res.getResponseCode(), res.getContentText()]).toEqual([500, 'server fell over']);
  });

  test('redirects are followed unless followRedirects is false', () => {
    const { globals, state } = setup();
    state.fetchRouter.register('https://a.example/old', () => ({
      status: 302,
      headers: { Location: '/new' },
    }));
    state.fetchRouter.register('https://a.example/new', () => ({ body: 'moved here' }));
    expect(globals.UrlFetchApp.fetch('https://a.example/old').getContentText()).toBe('moved here');
    expect(
      globals.UrlFetchApp.fetch('https://a.example/old', { followRedirects: false }).getResponseCode(),
    ).toBe(302);
  });

  test('fetchAll runs each request; the daily quota counts every call', () => {
    const { globals, state } = setup({ fetchQuota: 3 });
    state.fetchRouter.register('https://a.example/', (req) => ({ body: req.url }));
    const texts = globals.UrlFetchApp.fetchAll([
      'https://a.example/1',
      { url: 'https://a.example/2', method: 'get' },
    ]).map((r) => r.getContentText());
    expect(texts).toEqual(['https://a.example/1', 'https://a.example/2']);
    globals.UrlFetchApp.fetch('https://a.example/3');
    expect(() => globals.UrlFetchApp.fetch('https://a.example/4')).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
  });

  test('UrlFetchApp is not allowed in a simple trigger', () => {
    const { rt, globals, state } = setup();
    state.fetchRouter.register('https://a.example/', () => ({ body: 'x' }));
    rt.execute(as('a@example.com', 'LIMITED', 'simpleTrigger'), () => {
      expect(() => globals.UrlFetchApp.fetch('https://a.example/')).toThrow(
        'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
      );
    });
    expect(state.fetches).toHaveLength(0);
  });
});
