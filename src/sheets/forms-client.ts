/**
 * The Google Forms API (REST, v1) through UrlFetchApp with the script's own OAuth token. Chosen over
 * FormApp because FormApp needs the `forms` scope (every form of the user), while the Forms API
 * accepts `drive.file` for forms the add-on created (forms.create, batchUpdate, setPublishSettings,
 * responses.list: https://developers.google.com/workspace/forms/api/reference/rest/v1), plus
 * `script.external_request` for UrlFetchApp itself. There is no Forms advanced service.
 */
const API = 'https://forms.googleapis.com/v1/forms';

export interface CreatedForm {
  formId: string;
  responderUri: string;
}

export interface FormAnswerSet {
  responseId: string;
  lastSubmittedTime: string;
  /** questionId -> the answer's text. */
  answers: Record<string, string>;
}

function call(method: 'get' | 'post', url: string, body?: unknown): Record<string, unknown> {
  const response = UrlFetchApp.fetch(url, {
    method,
    contentType: 'application/json',
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });
  const code = response.getResponseCode();
  const text = response.getContentText();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text || '{}') as Record<string, unknown>;
  } catch {
    // not JSON: reported below with the status
  }
  if (code < 200 || code >= 300) {
    const message = (parsed.error as { message?: string } | undefined)?.message ?? text.slice(0, 200);
    throw new Error(`Google Forms API: ${code} ${message}`);
  }
  return parsed;
}

/** Creates an empty form (one call): created through the API, it starts unpublished. */
export function createFormShell(title: string): CreatedForm {
  const form = call('post', API, { info: { title, documentTitle: title } });
  return { formId: String(form.formId), responderUri: String(form.responderUri) };
}

/** The form's questions, in order: title and question id (one call). */
export function formQuestions(formId: string): Array<{ title: string; questionId: string }> {
  const form = call('get', `${API}/${encodeURIComponent(formId)}`);
  return (
    (form.items ?? []) as Array<{ title?: string; questionItem?: { question?: { questionId?: string } } }>
  )
    .filter((i) => i.questionItem?.question?.questionId)
    .map((i) => ({ title: String(i.title ?? ''), questionId: String(i.questionItem!.question!.questionId) }));
}

/** Adds the description and the text questions (one call); returns their question ids in order. */
export function addQuestions(
  formId: string,
  description: string,
  questions: ReadonlyArray<{ title: string; required: boolean; paragraph?: boolean }>,
): string[] {
  const updated = call('post', `${API}/${encodeURIComponent(formId)}:batchUpdate`, {
    requests: [
      { updateFormInfo: { info: { description }, updateMask: 'description' } },
      ...questions.map((q, index) => ({
        createItem: {
          item: {
            title: q.title,
            questionItem: {
              question: { required: q.required, textQuestion: { paragraph: Boolean(q.paragraph) } },
            },
          },
          location: { index },
        },
      })),
    ],
  });
  const replies = (updated.replies ?? []) as Array<{ createItem?: { questionId?: string[] } }>;
  return replies.slice(1).map((r) => String(r.createItem?.questionId?.[0] ?? ''));
}

/** Publishes the form, accepting responses (one call; doing it again changes nothing). */
export function publishForm(formId: string): void {
  call('post', `${API}/${encodeURIComponent(formId)}:setPublishSettings`, {
    publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
  });
}

/** The responses submitted at or after `since` (RFC 3339; '' for all), every page. */
export function listResponses(formId: string, since: string): FormAnswerSet[] {
  const out: FormAnswerSet[] = [];
  let pageToken = '';
  do {
    const params = [
      ...(since ? [`filter=${encodeURIComponent(`timestamp >= ${since}`)}`] : []),
      ...(pageToken ? [`pageToken=${encodeURIComponent(pageToken)}`] : []),
    ];
    const page = call(
      'get',
      `${API}/${encodeURIComponent(formId)}/responses${params.length ? `?${params.join('&')}` : ''}`,
    );
    for (const r of (page.responses ?? []) as Array<Record<string, unknown>>) {
      const answers: Record<string, string> = {};
      for (const [qid, a] of Object.entries(
        (r.answers ?? {}) as Record<string, { textAnswers?: { answers?: Array<{ value?: string }> } }>,
      ))
        answers[qid] = String(a.textAnswers?.answers?.[0]?.value ?? '');
      out.push({ responseId: String(r.responseId), lastSubmittedTime: String(r.lastSubmittedTime), answers });
    }
    pageToken = String(page.nextPageToken ?? '');
  } while (pageToken);
  return out;
}

/** The entry number a pre-filled link uses for a question (its id read as hexadecimal). */
export function entryNumber(questionId: string): string {
  return String(parseInt(questionId, 16));
}
