/**
 * The Google Forms API (v1) as UrlFetchApp reaches it (https://forms.googleapis.com/v1/...), with the
 * script's OAuth token (ScriptApp.getOAuthToken), and a person answering a form without a Google
 * login. Only what the add-on uses is emulated; anything else answers 400 "not emulated". As Google
 * documents it (https://developers.google.com/workspace/forms/api/reference/rest/v1):
 * - forms.create accepts only info.title and info.documentTitle; a form created through the API
 *   starts unpublished (not accepting responses) and is published with forms.setPublishSettings
 *   (https://developers.google.com/workspace/forms/api/guides/publish-settings).
 * - forms.batchUpdate: createItem (a text question: title, required, paragraph) and updateFormInfo
 *   (description); replies carry the new item's itemId and questionId.
 * - forms.responses.list with `filter=timestamp > T` or `timestamp >= T` (RFC 3339), paged.
 * - Scopes (each method's page): create and batchUpdate accept drive, drive.file or forms.body;
 *   responses.list also drive.readonly, forms.body.readonly, forms.responses.readonly. Under
 *   drive.file a form is reachable only by the user whose app created it.
 * - A pre-filled link names a question as entry.<n>, n being the question id read as hexadecimal
 *   (as users report it; Google documents the "Get pre-filled link" button, not the mapping).
 * Errors come back as Google's JSON error body ({error: {code, message, status}}).
 */
import { MIME_FORMS, type Runtime } from '../runtime';
import { Scope } from '../scopes';
import type { FetchReply, FetchRequest, FetchRouter } from './fetch-router';

export const FORMS_API = 'https://forms.googleapis.com/v1/';

interface Question {
  itemId: string;
  questionId: string;
  title: string;
  required: boolean;
  paragraph: boolean;
}
export interface FormResponseRecord {
  responseId: string;
  createTime: string;
  lastSubmittedTime: string;
  answers: Record<string, string>;
}
export interface FormModel {
  formId: string;
  responderId: string;
  title: string;
  documentTitle: string;
  description: string;
  items: Question[];
  published: boolean;
  accepting: boolean;
  responses: FormResponseRecord[];
}

const WRITE_SCOPES = [Scope.drive, Scope.driveFile, Scope.formsBody];
const READ_SCOPES = [
  ...WRITE_SCOPES,
  Scope.driveReadonly,
  Scope.formsBodyReadonly,
  Scope.formsResponsesReadonly,
];

function json(status: number, body: unknown): FetchReply {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
  };
}
function error(code: number, status: string, message: string): FetchReply {
  return json(code, { error: { code, message, status } });
}

export function responderUrl(form: FormModel): string {
  return `https://docs.google.com/forms/d/e/${form.responderId}/viewform`;
}

function formResource(form: FormModel): Record<string, unknown> {
  return {
    formId: form.formId,
    info: { title: form.title, documentTitle: form.documentTitle, description: form.description },
    items: form.items.map((q) => ({
      itemId: q.itemId,
      title: q.title,
      questionItem: {
        question: {
          questionId: q.questionId,
          required: q.required,
          textQuestion: { paragraph: q.paragraph },
        },
      },
    })),
    responderUri: responderUrl(form),
    publishSettings: { publishState: { isPublished: form.published, isAcceptingResponses: form.accepting } },
    revisionId: `r${form.items.length}`,
  };
}

export class FormsApi {
  constructor(private readonly rt: Runtime) {}

  install(router: FetchRouter): void {
    router.register(FORMS_API, (request) => this.handle(request));
  }

  forms(): FormModel[] {
    return [...this.rt.files.values()]
      .filter((f) => f.mimeType === MIME_FORMS)
      .map((f) => f.content as FormModel);
  }

  private user(request: FetchRequest): string | null {
    const header =
      Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
    const m = /^Bearer ya29\.emulated\.([A-Za-z0-9_-]+)$/.exec(header);
    return m ? Buffer.from(m[1], 'base64url').toString('utf8') : null;
  }

  private handle(request: FetchRequest): FetchReply {
    const user = this.user(request);
    if (!user)
      return error(
        401,
        'UNAUTHENTICATED',
        'Request is missing required authentication credential. Expected OAuth 2 access token.',
      );
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/v1\//, '');
    const method = request.method.toUpperCase();
    const body = (): Record<string, unknown> => {
      try {
        return JSON.parse(request.payload || '{}') as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === 'forms') return this.create(user, body());
    if (method === 'POST' && (m = /^forms\/([^/:]+):batchUpdate$/.exec(path)))
      return this.batchUpdate(user, m[1], body());
    if (method === 'POST' && (m = /^forms\/([^/:]+):setPublishSettings$/.exec(path)))
      return this.publish(user, m[1], body());
    if (method === 'GET' && (m = /^forms\/([^/:]+)\/responses$/.exec(path)))
      return this.responses(user, m[1], url.searchParams);
    if (method === 'GET' && (m = /^forms\/([^/:]+)$/.exec(path))) {
      const form = this.reach(user, m[1], READ_SCOPES);
      return 'formId' in form ? json(200, formResource(form)) : form;
    }
    return error(400, 'INVALID_ARGUMENT', `Emulator: ${method} ${path} is not emulated`);
  }

  private scoped(scopes: readonly string[]): boolean {
    return scopes.some((s) => this.rt.hasScope(s));
  }

  private reach(user: string, id: string, scopes: readonly string[]): FormModel | FetchReply {
    if (!this.scoped(scopes))
      return error(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.');
    const record = this.rt.files.get(id);
    const wide = this.rt.hasScope(Scope.drive) || this.rt.hasScope(Scope.formsBody);
    const mine = record && (record.owner === user || record.editors.has(user));
    if (
      !record ||
      record.mimeType !== MIME_FORMS ||
      record.trashed ||
      !mine ||
      (!wide && !this.rt.appCanReach(id, user))
    )
      return error(404, 'NOT_FOUND', 'Requested entity was not found.');
    return record.content as FormModel;
  }

  private create(user: string, body: Record<string, unknown>): FetchReply {
    if (!this.scoped(WRITE_SCOPES))
      return error(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.');
    const info = (body.info ?? {}) as Record<string, unknown>;
    const extra = Object.keys(body).filter((k) => k !== 'info');
    const extraInfo = Object.keys(info).filter((k) => k !== 'title' && k !== 'documentTitle');
    if (extra.length || extraInfo.length || typeof info.title !== 'string')
      return error(400, 'INVALID_ARGUMENT', 'Only info.title and info.documentTitle may be set on create.');
    const formId = this.rt.newId('form-');
    const form: FormModel = {
      formId,
      responderId: `1FAIpQL${Buffer.from(formId).toString('hex')}`,
      title: info.title,
      documentTitle: typeof info.documentTitle === 'string' ? info.documentTitle : info.title,
      description: '',
      items: [],
      published: false,
      accepting: false,
      responses: [],
    };
    this.rt.files.set(formId, {
      id: formId,
      name: form.documentTitle,
      mimeType: MIME_FORMS,
      owner: user,
      editors: new Set(),
      viewers: new Set(),
      createdMs: this.rt.nowMillis(),
      trashed: false,
      content: form,
    });
    this.rt.scriptCreatedFile(formId, user);
    return json(200, formResource(form));
  }

  private batchUpdate(user: string, id: string, body: Record<string, unknown>): FetchReply {
    const form = this.reach(user, id, WRITE_SCOPES);
    if (!('formId' in form)) return form;
    const requests = (body.requests ?? []) as Array<Record<string, Record<string, unknown>>>;
    const staged = [...form.items];
    const replies: unknown[] = [];
    let description = form.description;
    for (const [i, request] of requests.entries()) {
      const kind = Object.keys(request)[0];
      if (kind === 'createItem') {
        const item = (request.createItem.item ?? {}) as Record<string, unknown>;
        const question = ((item.questionItem as Record<string, unknown> | undefined)?.question ??
          null) as Record<string, unknown> | null;
        if (!question || !('textQuestion' in question))
          return error(
            400,
            'INVALID_ARGUMENT',
            `Emulator: requests[${i}].createItem: only text questions are emulated`,
          );
        const index = Number((request.createItem.location as { index?: number } | undefined)?.index ?? NaN);
        if (!Number.isInteger(index) || index < 0 || index > staged.length)
          return error(
            400,
            'INVALID_ARGUMENT',
            `Invalid requests[${i}].createItem: location.index is out of range.`,
          );
        const n = parseInt(this.rt.newId(''), 36);
        const q: Question = {
          itemId: (0x10000000 + n * 7919).toString(16).slice(-8),
          questionId: (0x20000000 + n * 104729).toString(16).slice(-8),
          title: String(item.title ?? ''),
          required: Boolean(question.required),
          paragraph: Boolean((question.textQuestion as { paragraph?: boolean }).paragraph),
        };
        staged.splice(index, 0, q);
        replies.push({ createItem: { itemId: q.itemId, questionId: [q.questionId] } });
      } else if (kind === 'updateFormInfo') {
        const mask = String(request.updateFormInfo.updateMask ?? '');
        if (mask !== 'description')
          return error(
            400,
            'INVALID_ARGUMENT',
            `Emulator: updateFormInfo updateMask ${mask} is not emulated`,
          );
        description = String(
          (request.updateFormInfo.info as { description?: string } | undefined)?.description ?? '',
        );
        replies.push({});
      } else return error(400, 'INVALID_ARGUMENT', `Emulator: request ${kind} is not emulated`);
    }
    form.items = staged;
    form.description = description;
    return json(200, { replies, writeControl: { requiredRevisionId: `r${form.items.length}` } });
  }

  private publish(user: string, id: string, body: Record<string, unknown>): FetchReply {
    const form = this.reach(user, id, WRITE_SCOPES);
    if (!('formId' in form)) return form;
    const state = ((body.publishSettings as Record<string, unknown> | undefined)?.publishState ?? null) as {
      isPublished?: boolean;
      isAcceptingResponses?: boolean;
    } | null;
    if (!state || typeof state.isPublished !== 'boolean')
      return error(400, 'INVALID_ARGUMENT', 'publishSettings.publishState.isPublished is required.');
    if (!state.isPublished && state.isAcceptingResponses)
      return error(400, 'INVALID_ARGUMENT', 'An unpublished form cannot accept responses.');
    form.published = state.isPublished;
    form.accepting = state.isAcceptingResponses ?? state.isPublished;
    return json(200, {
      formId: form.formId,
      publishSettings: {
        publishState: { isPublished: form.published, isAcceptingResponses: form.accepting },
      },
    });
  }

  private responses(user: string, id: string, params: URLSearchParams): FetchReply {
    const form = this.reach(user, id, READ_SCOPES);
    if (!('formId' in form)) return form;
    const filter = params.get('filter');
    let test = (_r: FormResponseRecord) => true;
    if (filter) {
      const m = /^timestamp\s*(>=|>)\s*(\S+)$/.exec(filter.trim());
      if (!m || Number.isNaN(Date.parse(m[2])))
        return error(400, 'INVALID_ARGUMENT', `Invalid filter: ${filter}`);
      const at = Date.parse(m[2]);
      test = (r) =>
        m[1] === '>' ? Date.parse(r.lastSubmittedTime) > at : Date.parse(r.lastSubmittedTime) >= at;
    }
    const pageSize = Math.min(5000, Number(params.get('pageSize') ?? 5000) || 5000);
    const from = Number(params.get('pageToken') ?? 0) || 0;
    const all = form.responses.filter(test);
    const page = all.slice(from, from + pageSize).map((r) => ({
      formId: form.formId,
      responseId: r.responseId,
      createTime: r.createTime,
      lastSubmittedTime: r.lastSubmittedTime,
      answers: Object.fromEntries(
        Object.entries(r.answers).map(([qid, value]) => [
          qid,
          { questionId: qid, textAnswers: { answers: [{ value }] } },
        ]),
      ),
    }));
    return json(200, {
      ...(page.length && { responses: page }),
      ...(from + pageSize < all.length && { nextPageToken: String(from + pageSize) }),
    });
  }

  /**
   * A person without a Google login answers the form at `url` (its responder address, with any
   * pre-filled entry.<n> answers): `answers` by question title override them. Refused as the form
   * page refuses: unknown or closed form, a required question left empty.
   */
  submit(url: string, answers: Record<string, string>): { responseId: string } {
    const parsed = new URL(url);
    const m = /^\/forms\/d\/e\/([^/]+)\/viewform$/.exec(parsed.pathname);
    const form = m ? this.forms().find((f) => f.responderId === m[1]) : undefined;
    const record = form ? this.rt.files.get(form.formId) : undefined;
    if (!form || !record || record.trashed)
      throw new Error('Sorry, the file you have requested does not exist.');
    if (!form.published || !form.accepting)
      throw new Error(`The form ${form.title} is no longer accepting responses.`);
    const given: Record<string, string> = {};
    for (const [key, value] of parsed.searchParams) {
      const e = /^entry\.(\d+)$/.exec(key);
      const q = e && form.items.find((i) => parseInt(i.questionId, 16) === Number(e[1]));
      if (q) given[q.questionId] = value;
    }
    for (const [title, value] of Object.entries(answers)) {
      const q = form.items.find((i) => i.title === title);
      if (!q) throw new Error(`The form has no question "${title}".`);
      given[q.questionId] = String(value);
    }
    for (const q of form.items) {
      const value = (given[q.questionId] ?? '').trim();
      if (!value) delete given[q.questionId];
      if (!value && q.required) throw new Error(`${q.title}: This is a required question`);
    }
    const now = this.rt.now().toISOString();
    const responseId = `ACYDBN${this.rt.newId('').replace(/\W/g, '')}`;
    form.responses.push({ responseId, createTime: now, lastSubmittedTime: now, answers: given });
    return { responseId };
  }
}
