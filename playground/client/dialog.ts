/** The playground's dialog: Sheets-style messages, confirmations, and the add-on's modal pages. */
import { byTestId } from './dom';

export interface DialogOptions {
  title: string;
  message?: string;
  /** Shows Cancel too; resolves true for OK. */
  confirm?: boolean;
  okLabel?: string;
  /** A third choice between Cancel and OK: resolves 'alt'. */
  altLabel?: string;
  /** A page of the add-on (showModalDialog) to show in the dialog. */
  pageUrl?: string;
  width?: number;
  height?: number;
}

type Choice = boolean | 'alt';
let settle: ((ok: Choice) => void) | null = null;

function close(ok: Choice): void {
  const overlay = byTestId('dialog');
  overlay.hidden = true;
  const frame = byTestId<HTMLIFrameElement>('dialog-frame');
  frame.hidden = true;
  frame.removeAttribute('src');
  const done = settle;
  settle = null;
  done?.(ok);
}

export function setupDialog(): void {
  byTestId('dialog-ok').addEventListener('click', () => close(true));
  byTestId('dialog-cancel').addEventListener('click', () => close(false));
  byTestId('dialog-alt').addEventListener('click', () => close('alt'));
  byTestId('dialog').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close(false);
  });
}

export function closeDialog(): void {
  if (!byTestId('dialog').hidden) close(false);
}

export function showDialog(options: DialogOptions & { altLabel: string }): Promise<Choice>;
export function showDialog(options: DialogOptions): Promise<boolean>;
export function showDialog(options: DialogOptions): Promise<Choice> {
  if (settle) close(false);
  byTestId('dialog-title').textContent = options.title;
  const message = byTestId('dialog-message');
  message.textContent = options.message ?? '';
  message.hidden = !options.message;
  const frame = byTestId<HTMLIFrameElement>('dialog-frame');
  frame.hidden = !options.pageUrl;
  if (options.pageUrl) {
    frame.style.width = `${options.width ?? 600}px`;
    frame.style.height = `${options.height ?? 400}px`;
    frame.src = options.pageUrl;
  }
  byTestId('dialog-cancel').hidden = !options.confirm;
  const alt = byTestId('dialog-alt');
  alt.hidden = !options.altLabel;
  alt.textContent = options.altLabel ?? '';
  const ok = byTestId('dialog-ok');
  ok.textContent = options.okLabel ?? (options.pageUrl ? 'Close' : 'OK');
  byTestId('dialog').hidden = false;
  ok.focus();
  return new Promise((resolve) => (settle = resolve));
}
