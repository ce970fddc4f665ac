import {
  createClient,
  MAX_IN_FLIGHT,
  ServerError,
  serverMessage,
  type ScriptRunner,
} from '../../sidebar/common/client';

interface SentCall {
  name: string;
  args: unknown[];
  succeed(value: unknown): void;
  fail(error: unknown): void;
}

/** A fake google.script.run: records each call with its handlers, answered by the test. */
function fakeRun() {
  const sent: SentCall[] = [];
  const make = (onSuccess?: (v: unknown) => void, onFailure?: (e: unknown) => void): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_target, prop: string) {
        if (prop === 'withSuccessHandler') return (fn: (v: unknown) => void) => make(fn, onFailure);
        if (prop === 'withFailureHandler') return (fn: (e: unknown) => void) => make(onSuccess, fn);
        return (...args: unknown[]) => {
          sent.push({
            name: prop,
            args,
            succeed: (value) => onSuccess?.(value),
            fail: (error) => onFailure?.(error),
          });
        };
      },
    });
  return { sent, runner: () => make() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sidebar client over google.script.run', () => {
  test('resolves with the success handler value and passes the arguments', async () => {
    const run = fakeRun();
    const client = createClient(run.runner);
    const promise = client.call('listPartners', { search: 'acme' });
    expect(run.sent).toHaveLength(1);
    expect(run.sent[0].name).toBe('listPartners');
    expect(run.sent[0].args).toEqual([{ search: 'acme' }]);
    run.sent[0].succeed([{ id: 'P-0001' }]);
    await expect(promise).resolves.toEqual([{ id: 'P-0001' }]);
  });

  test('rejects with a ServerError carrying the message without the Error: prefix', async () => {
    const run = fakeRun();
    const client = createClient(run.runner);
    const promise = client.call('registerLead', { partnerId: 'P-0001', company: 'Acme' });
    run.sent[0].fail(new Error("Error: Contact Email 'bob@' is not an email address"));
    await expect(promise).rejects.toBeInstanceOf(ServerError);
    await expect(promise).rejects.toThrow("Contact Email 'bob@' is not an email address");
  });

  test('keeps at most 10 calls in flight and sends the rest in order as slots free', async () => {
    const run = fakeRun();
    const client = createClient(run.runner);
    const results = Array.from({ length: 13 }, (_, i) => client.call('getLead', `L-${i}`));
    expect(MAX_IN_FLIGHT).toBe(10);
    expect(run.sent).toHaveLength(10);
    expect(client.inFlight()).toBe(10);
    expect(client.queued()).toBe(3);

    run.sent[4].succeed('four');
    expect(run.sent).toHaveLength(11);
    expect(run.sent[10].args).toEqual(['L-10']);

    run.sent[0].fail(new Error('gone'));
    expect(run.sent).toHaveLength(12);
    expect(run.sent[11].args).toEqual(['L-11']);
    expect(client.inFlight()).toBe(10);
    expect(client.queued()).toBe(1);

    await expect(results[4]).resolves.toBe('four');
    await expect(results[0]).rejects.toThrow('gone');
    for (const call of run.sent.slice(1)) if (call !== run.sent[4]) call.succeed(call.args[0]);
    await tick();
    expect(run.sent).toHaveLength(13);
    run.sent[12].succeed('last');
    await expect(results[12]).resolves.toBe('last');
    expect(client.inFlight()).toBe(0);
    expect(client.queued()).toBe(0);
  });

  test('a handler called twice settles the call once and frees one slot', async () => {
    const run = fakeRun();
    const client = createClient(run.runner, 1);
    const first = client.call('getLead', 'L-1');
    client.call('getLead', 'L-2');
    client.call('getLead', 'L-3');
    run.sent[0].succeed('a');
    run.sent[0].succeed('b');
    await expect(first).resolves.toBe('a');
    expect(run.sent).toHaveLength(2);
    expect(client.inFlight()).toBe(1);
  });

  test('refuses a Date, a function or a class instance before anything is sent', async () => {
    const run = fakeRun();
    const client = createClient(run.runner);
    const bad: unknown[] = [new Date(0), () => 1, new Map(), NaN];
    for (const value of bad) {
      await expect(
        client.call('closeLead', 'L-000001', 'won', { dealValue: 10, closedOn: value as string }),
      ).rejects.toThrow(/argument 3\.closedOn is/);
    }
    await expect(client.call('exportPayouts', [new Date(0) as unknown as string], 'csv')).rejects.toThrow(
      'argument 1[0] is a Date (send an ISO string)',
    );
    expect(run.sent).toHaveLength(0);
  });

  test('drops undefined optional fields and trailing optional arguments', () => {
    const run = fakeRun();
    const client = createClient(run.runner);
    client.call('reviewLead', 'L-000001', 'approve', undefined);
    client.call('savePartner', {
      partnerName: 'Acme',
      contactEmail: 'a@acme.com',
      type: 'Reseller',
      tier: undefined,
    });
    expect(run.sent[0].args).toEqual(['L-000001', 'approve']);
    expect(run.sent[1].args).toEqual([{ partnerName: 'Acme', contactEmail: 'a@acme.com', type: 'Reseller' }]);
    expect('tier' in (run.sent[1].args[0] as object)).toBe(false);
  });

  test('a runner that throws or lacks the function rejects the call and frees its slot', async () => {
    const client = createClient(() => {
      throw new Error('google.script.run is not available');
    });
    await expect(client.call('listPayouts')).rejects.toThrow('google.script.run is not available');
    expect(client.inFlight()).toBe(0);
    const empty = createClient(() => ({
      withSuccessHandler: () => empty2,
      withFailureHandler: () => empty2,
    }));
    const empty2: ScriptRunner = { withSuccessHandler: () => empty2, withFailureHandler: () => empty2 };
    await expect(empty.call('listPayouts')).rejects.toThrow('The server has no function listPayouts.');
  });

  test('serverMessage reads Error objects, strings and error-like objects', () => {
    expect(serverMessage(new Error('Exception: Lead L-9 was not found'))).toBe('Lead L-9 was not found');
    expect(serverMessage('TypeError: x')).toBe('x');
    expect(serverMessage({ message: 'plain' })).toBe('plain');
    expect(serverMessage(undefined)).toBe('The server call failed.');
  });

  test('serverMessage puts Apps Script’s authorization errors in plain words (a permission not granted)', () => {
    // Apps Script's wording for a call whose scope the person has not granted, and its error in a
    // trigger-like context (https://developers.google.com/apps-script/concepts/scopes).
    const denied = new Error(
      'Exception: You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(serverMessage(denied)).toBe(
      'Partnership Tracker needs a permission you have not granted: to send email as you (notices to partners). Allow it when Google asks (run the menu item again if it does not ask).',
    );
    expect(serverMessage('Exception: Authorization is required to perform that action.')).toBe(
      'Partnership Tracker needs a permission you have not granted. Allow it when Google asks (run the menu item again if it does not ask).',
    );
  });
});
