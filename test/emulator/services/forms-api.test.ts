/**
 * The Forms API as the emulator serves it to UrlFetchApp, and a person answering a form without a
 * Google login; each test names the reference page it pins.
 */
import { Emulator } from '../../../emulator/harness';
import type { Manifest } from '../../../emulator/manifest';
import { Scope } from '../../../emulator/scopes';

const OWNER = 'owner@acme.test';
const MANIFEST: Manifest = {
  oauthScopes: [Scope.spreadsheetsCurrentOnly, Scope.driveFile, Scope.externalRequest],
};

const CODE = `
var API = 'https://forms.googleapis.com/v1/forms';
function req(method, url, body) {
  var r = UrlFetchApp.fetch(url, { method: method, contentType: 'application/json', muteHttpExceptions: true,
    headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() }, payload: body ? JSON.stringify(body) : undefined });
  return { code: r.getResponseCode(), body: JSON.parse(r.getContentText() || '{}') };
}
function make(title) { return req('post', API, { info: { title: title } }); }
function makeWithItems() { return req('post', API, { info: { title: 'x' }, items: [] }); }
function addQuestions(id) {
  return req('post', API + '/' + id + ':batchUpdate', { requests: [
    { createItem: { item: { title: 'Key', questionItem: { question: { required: true, textQuestion: {} } } }, location: { index: 0 } } },
    { createItem: { item: { title: 'Company', questionItem: { question: { required: true, textQuestion: {} } } }, location: { index: 1 } } },
  ] });
}
function publish(id) { return req('post', API + '/' + id + ':setPublishSettings', { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } } }); }
function responses(id, since) { return req('get', API + '/' + id + '/responses' + (since ? '?filter=' + encodeURIComponent('timestamp >= ' + since) : '')); }
function noToken() { var r = UrlFetchApp.fetch(API, { method: 'post', muteHttpExceptions: true, payload: '{}' }); return r.getResponseCode(); }
`;

function emulator(manifest: Manifest = MANIFEST): Emulator {
  return new Emulator({ owner: OWNER, now: '2026-03-02T09:00:00Z', manifest }).load(CODE);
}
const run = <T>(emu: Emulator, fn: string, ...args: unknown[]) => emu.call<T>(OWNER, fn, ...args);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer read field by field
type Reply = { code: number; body: Record<string, any> };

describe('the Forms API through UrlFetchApp', () => {
  // https://developers.google.com/workspace/forms/api/reference/rest/v1/forms/create: only the title
  // may be set; https://developers.google.com/workspace/forms/api/guides/publish-settings: new forms
  // start unpublished.
  it('creates an unpublished form owned by the caller, accepting only info on create', () => {
    const emu = emulator();
    const made = run<Reply>(emu, 'make', 'Program - register a lead');
    expect(made.code).toBe(200);
    expect(made.body).toMatchObject({
      info: { title: 'Program - register a lead' },
      publishSettings: { publishState: { isPublished: false, isAcceptingResponses: false } },
    });
    expect(made.body.responderUri).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[^/]+\/viewform$/);
    expect(emu.rt.createdFiles()[0]).toMatchObject({
      owner: OWNER,
      mimeType: 'application/vnd.google-apps.form',
    });
    expect(run<Reply>(emu, 'makeWithItems').code).toBe(400);
    expect(() => emu.submitForm(made.body.responderUri, {})).toThrow(/no longer accepting responses/);
  });

  // forms.batchUpdate createItem replies with the question ids; responses.list filters by timestamp.
  it('adds questions, publishes, and lists the responses a person submitted without a login', () => {
    const emu = emulator();
    const { body: form } = run<Reply>(emu, 'make', 'F');
    const added = run<Reply>(emu, 'addQuestions', form.formId);
    const [keyId, companyId] = added.body.replies.map(
      (r: { createItem: { questionId: string[] } }) => r.createItem.questionId[0],
    );
    expect(keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(run<Reply>(emu, 'publish', form.formId).body.publishSettings.publishState.isPublished).toBe(true);
    const prefilled = `${form.responderUri}?usp=pp_url&entry.${parseInt(keyId, 16)}=SECRET`;
    expect(() => emu.submitForm(prefilled, {})).toThrow('Company: This is a required question');
    emu.submitForm(prefilled, { Company: 'Acme' });
    emu.rt.advance(60_000);
    emu.submitForm(prefilled, { Company: 'Later' });
    const all = run<Reply>(emu, 'responses', form.formId, '').body.responses;
    expect(
      all.map((r: { answers: Record<string, { textAnswers: { answers: Array<{ value: string }> } }> }) => [
        r.answers[keyId].textAnswers.answers[0].value,
        r.answers[companyId].textAnswers.answers[0].value,
      ]),
    ).toEqual([
      ['SECRET', 'Acme'],
      ['SECRET', 'Later'],
    ]);
    const since = run<Reply>(emu, 'responses', form.formId, '2026-03-02T09:00:30Z').body.responses;
    expect(since).toHaveLength(1);
  });

  // Scopes: forms.create accepts drive, drive.file or forms.body; UrlFetchApp needs script.external_request.
  it('refuses a token without a forms scope, a request without a token, and UrlFetchApp without its scope', () => {
    expect(run<Reply>(emulator({ oauthScopes: [Scope.externalRequest] }), 'make', 'F').code).toBe(403);
    expect(run<number>(emulator(), 'noToken')).toBe(401);
    const noFetch = emulator({ oauthScopes: [Scope.driveFile] });
    expect(noFetch.measure(() => noFetch.call(OWNER, 'make', 'F')).error).toMatch(
      /Specified permissions are not sufficient to call UrlFetchApp.fetch/,
    );
  });

  // drive.file: a form is reachable only by the user whose app created it.
  it('does not let another user of the app reach a form under drive.file', () => {
    const emu = new Emulator({
      owner: OWNER,
      editors: ['rep@acme.test'],
      now: '2026-03-02T09:00:00Z',
      manifest: MANIFEST,
    }).load(CODE);
    const { body: form } = run<Reply>(emu, 'make', 'F');
    expect(emu.call<Reply>('rep@acme.test', 'responses', form.formId, '').code).toBe(404);
  });
});
