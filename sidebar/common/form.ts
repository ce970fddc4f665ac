/**
 * Forms: reading values, showing field errors next to their fields (aria-invalid,
 * aria-describedby), the page banner and the busy state.
 */
import { h, replace } from './dom';
import { groupByField, type FieldError, type FieldLabel } from './errors';
import { readAll, readEntries } from './values';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The form's non-empty text values by field name (trimmed). */
export function readForm(form: HTMLFormElement): Record<string, string> {
  return readEntries(new FormData(form).entries());
}

/** The values of every checked checkbox of this name in the form. */
export function readChecked(form: HTMLFormElement, name: string): string[] {
  return readAll(new FormData(form).entries(), name);
}

/**
 * Sets the form's named controls from a record (missing keys clear the control). A checkbox group
 * takes a comma-separated list ("CRM, Analytics"); a radio group takes its value.
 */
export function fillForm(form: HTMLFormElement, values: Record<string, unknown>): void {
  for (const control of controls(form)) {
    if (!control.name || control.type === 'file') continue;
    const raw = values[control.name];
    const value = raw === null || raw === undefined ? '' : String(raw);
    if (control instanceof HTMLInputElement && control.type === 'checkbox')
      control.checked = value.split(',').some((item) => item.trim() === control.value);
    else if (control instanceof HTMLInputElement && control.type === 'radio')
      control.checked = value === control.value;
    else control.value = value;
  }
}

function controls(form: HTMLFormElement): Control[] {
  return Array.from(form.elements).filter(
    (el): el is Control =>
      el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement,
  );
}

function controlFor(form: HTMLFormElement, field: string): Control | null {
  return controls(form).find((el) => el.name === field) ?? null;
}

/** Each named control's label text (from its <label for>), for mapping server messages to fields. */
export function labelsOf(form: HTMLFormElement): FieldLabel[] {
  const out: FieldLabel[] = [];
  for (const control of controls(form)) {
    if (!control.name || out.some((entry) => entry.field === control.name)) continue;
    const label = control.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    out.push({ field: control.name, label: label || control.name });
  }
  return out;
}

function errorId(form: HTMLFormElement, field: string): string {
  return `${form.id || 'form'}-${field}-error`;
}

/** Removes every field error of the form. */
export function clearFieldErrors(form: HTMLFormElement): void {
  for (const node of Array.from(form.querySelectorAll('.field-error'))) node.remove();
  for (const control of controls(form)) {
    if (control.getAttribute('aria-invalid') !== 'true') continue;
    control.removeAttribute('aria-invalid');
    const rest = (control.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id && id !== errorId(form, control.name));
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

/**
 * Shows each error under its field and focuses the first invalid field. Returns the messages of
 * errors whose field is not in the form (for the banner).
 */
export function showFieldErrors(form: HTMLFormElement, errors: readonly FieldError[]): string[] {
  clearFieldErrors(form);
  const unplaced: string[] = [];
  let first: Control | null = null;
  for (const [field, messages] of groupByField(errors)) {
    const control = controlFor(form, field);
    if (!control) {
      unplaced.push(...messages);
      continue;
    }
    const id = errorId(form, field);
    const note = h('p', { className: 'field-error', id, testid: `error-${field}` }, messages.join(' '));
    (control.closest('.field') ?? control).insertAdjacentElement('beforeend', note);
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    control.setAttribute('aria-describedby', [...described, id].join(' '));
    first = first ?? control;
  }
  first?.focus();
  return unplaced;
}

export type BannerKind = 'error' | 'success' | 'info';

/** The page's message area (#banner, role=alert): server errors and confirmations. */
export class Banner {
  constructor(private readonly node: HTMLElement) {}

  show(kind: BannerKind, ...lines: string[]): void {
    this.node.className = `banner banner-${kind}`;
    this.node.dataset.kind = kind;
    replace(this.node, ...lines.map((line) => h('p', { text: line })));
    this.node.hidden = lines.length === 0;
  }

  error(...lines: string[]): void {
    this.show('error', ...lines);
  }

  success(...lines: string[]): void {
    this.show('success', ...lines);
  }

  clear(): void {
    this.node.hidden = true;
    this.node.replaceChildren();
    delete this.node.dataset.kind;
  }
}

const BUSY_MARK = 'data-busy-disabled';

/**
 * The busy state of the page's <main>: aria-busy, the progress bar shown, and every enabled control
 * disabled (and put back afterwards, with focus returned where it was). Nested calls are counted.
 */
/** Controls that stay enabled while busy (a search typed as you go). */
export const KEEP_ENABLED = 'data-keep-enabled';

export class Busy {
  private count = 0;
  private focused: HTMLElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly progress: HTMLElement | null,
  ) {}

  get active(): boolean {
    return this.count > 0;
  }

  start(): void {
    if (this.count++ > 0) return;
    this.focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.root.setAttribute('aria-busy', 'true');
    if (this.progress) this.progress.hidden = false;
    for (const el of Array.from(
      this.root.querySelectorAll<HTMLButtonElement>('button, input, select, textarea'),
    )) {
      // A search box stays usable: typing on while a page loads sends the next search.
      if (el.disabled || el.hasAttribute(KEEP_ENABLED)) continue;
      el.disabled = true;
      el.setAttribute(BUSY_MARK, '');
    }
  }

  stop(): void {
    if (this.count === 0 || --this.count > 0) return;
    this.root.setAttribute('aria-busy', 'false');
    if (this.progress) this.progress.hidden = true;
    for (const el of Array.from(this.root.querySelectorAll<HTMLButtonElement>(`[${BUSY_MARK}]`))) {
      el.disabled = false;
      el.removeAttribute(BUSY_MARK);
    }
    const back = this.focused;
    this.focused = null;
    if (back?.isConnected && (document.activeElement === document.body || !document.activeElement))
      back.focus();
  }
}
