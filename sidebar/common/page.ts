/**
 * What every page shares: the client, the banner (#banner), the busy state on <main id="page"> with
 * the progress bar (#progress), and `run`, which wraps one server interaction.
 */
import { labelOf } from '../../src/shared/schema/labels';
import { browserClient, type Client } from './client';
import { byId } from './dom';
import { mapServerError, type FieldError, type FieldLabel } from './errors';
import { Banner, Busy, clearFieldErrors, labelsOf, showFieldErrors } from './form';

export interface RunOptions {
  /** Server errors naming one of this form's fields are shown under that field. */
  form?: HTMLFormElement;
  /**
   * Where a failure is shown when it names no field: an element next to what failed (a
   * `.banner` the page placed there), so the message is not scrolled out of sight at the top.
   */
  near?: HTMLElement;
}

export interface Page {
  client: Client;
  main: HTMLElement;
  banner: Banner;
  busy: Busy;
  /** Runs a task in the busy state; a failure is shown (fields or banner) and gives undefined. */
  run<T>(task: () => Promise<T>, options?: RunOptions): Promise<T | undefined>;
  /** Shows client-side validation errors; those naming no field go to the banner. */
  invalid(form: HTMLFormElement, errors: readonly FieldError[]): void;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The form's labels as shown, plus the column headers the server's messages start with. */
export function fieldLabels(form: HTMLFormElement): FieldLabel[] {
  const shown = labelsOf(form);
  return [...shown, ...shown.map(({ field }) => ({ field, label: labelOf(field) }))];
}

export function startPage(client: Client = browserClient()): Page {
  const main = byId('page');
  const banner = new Banner(byId('banner'));
  const busy = new Busy(main, document.getElementById('progress'));

  function invalid(form: HTMLFormElement, errors: readonly FieldError[]): void {
    const rest = showFieldErrors(form, errors);
    if (rest.length) banner.error(...rest);
    else banner.error('Please correct the highlighted fields.');
  }

  async function run<T>(task: () => Promise<T>, options: RunOptions = {}): Promise<T | undefined> {
    banner.clear();
    const near = options.near ? new Banner(options.near) : null;
    near?.clear();
    if (options.form) clearFieldErrors(options.form);
    busy.start();
    let value: T;
    try {
      value = await task();
    } catch (error) {
      busy.stop(); // controls enabled again before the first invalid field takes focus
      showFailure(errorText(error), options.form, near ?? banner);
      if (options.near && !options.near.hidden) options.near.scrollIntoView({ block: 'nearest' });
      return undefined;
    }
    busy.stop();
    return value;
  }

  function showFailure(message: string, form: HTMLFormElement | undefined, where: Banner): void {
    if (!form) {
      where.error(message);
      return;
    }
    const mapped = mapServerError(message, fieldLabels(form));
    if (mapped.fields.length) showFieldErrors(form, mapped.fields);
    if (mapped.general.length) where.error(...mapped.general);
    else where.error('Please correct the highlighted fields.');
  }

  main.setAttribute('aria-busy', 'false');
  return { client, main, banner, busy, run, invalid };
}
