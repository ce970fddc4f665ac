/**
 * The "Files" switcher: the files the acting person can open (the tracker, the partners' view files
 * shared with them, the registration form at their own link). A view file opens read-only in a
 * panel over the grid; the form opens as the form page a person without a Google login sees.
 */
import { post } from './api';

interface FileEntry {
  id: string;
  name: string;
  kind: 'tracker' | 'spreadsheet' | 'form';
  url?: string;
}
interface FormInfo {
  title: string;
  accepting: boolean;
  questions: Array<{ title: string; required: boolean; value: string }>;
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  testId?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testId) node.dataset.testid = testId;
  return node;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

let files: FileEntry[] = [];

function panel(): HTMLElement {
  return byTestId('file-panel');
}

function closePanel(): void {
  panel().hidden = true;
  panel().replaceChildren();
  (byTestId('files') as HTMLSelectElement).value = 'tracker';
}

async function openSpreadsheet(entry: FileEntry): Promise<void> {
  const file = await getJson<{ name: string; sheets: Record<string, unknown[][]> }>(
    `/api/file?id=${encodeURIComponent(entry.id)}`,
  );
  const body = element('div');
  body.className = 'file-body';
  for (const [title, rows] of Object.entries(file.sheets)) {
    body.append(element('h3', title));
    const table = element('table', undefined, `file-sheet-${title}`);
    table.className = 'file-table';
    for (const row of rows) {
      const tr = element('tr');
      for (const value of row) tr.append(element('td', String(value ?? '')));
      table.append(tr);
    }
    body.append(table);
  }
  show(`${file.name} (view only)`, body);
}

async function openForm(entry: FileEntry, done: (message: string) => void): Promise<void> {
  const form = await getJson<FormInfo>(`/api/form?url=${encodeURIComponent(entry.url ?? '')}`);
  const body = element('form', undefined, 'registration-form');
  body.className = 'file-form';
  if (!form.accepting) body.append(element('p', 'This form is no longer accepting responses.'));
  for (const q of form.questions) {
    const label = element('label', `${q.title}${q.required ? ' *' : ''}`);
    const input = element('input');
    input.name = q.title;
    input.value = q.value;
    input.dataset.question = q.title;
    label.append(input);
    body.append(label);
  }
  const error = element('p', '', 'form-error');
  error.className = 'form-error';
  const submit = element('button', 'Submit', 'form-submit');
  submit.type = 'submit';
  body.append(error, submit);
  body.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers: Record<string, string> = {};
    for (const input of Array.from(body.querySelectorAll<HTMLInputElement>('input[data-question]')))
      if (input.value !== '') answers[input.dataset.question!] = input.value;
    submit.disabled = true;
    void post('/api/form', { url: entry.url, answers })
      .then((outcome) => {
        if (!outcome.ok) {
          error.textContent = outcome.error ?? 'Not sent';
          submit.disabled = false;
          return;
        }
        const thanks = element('p', 'Your response has been recorded.', 'form-done');
        body.replaceChildren(thanks);
        done('Form submitted: the hourly run takes it in');
      })
      .catch((err: unknown) => {
        error.textContent = String(err);
        submit.disabled = false;
      });
  });
  show(form.title, body);
}

function show(title: string, content: HTMLElement): void {
  const head = element('div');
  head.className = 'file-head';
  const close = element('button', 'Back to the tracker', 'file-close');
  close.type = 'button';
  close.addEventListener('click', closePanel);
  head.append(element('h2', title, 'file-title'), close);
  panel().replaceChildren(head, content);
  panel().hidden = false;
}

/** Fills the switcher with the acting person's files. */
export async function refreshFiles(): Promise<void> {
  files = await getJson<FileEntry[]>('/api/files');
  const select = byTestId('files') as HTMLSelectElement;
  const current = select.value;
  select.replaceChildren(
    ...files.map((f) => {
      const option = element('option', f.kind === 'tracker' ? `${f.name} (tracker)` : f.name);
      option.value = f.id;
      return option;
    }),
  );
  select.value = files.some((f) => f.id === current) ? current : 'tracker';
}

export function setupFiles(done: (message: string) => void, failed: (message: string) => void): void {
  byTestId('files').addEventListener('change', (event) => {
    const entry = files.find((f) => f.id === (event.target as HTMLSelectElement).value);
    if (!entry || entry.kind === 'tracker') return closePanel();
    const open = entry.kind === 'form' ? openForm(entry, done) : openSpreadsheet(entry);
    open.catch((err: unknown) => failed(err instanceof Error ? err.message : String(err)));
  });
}
