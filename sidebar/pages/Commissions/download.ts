import type { FileDownload } from '../../../src/shared/api';

let current: string | null = null;

/**
 * Offers the server's file as a download from a Blob URL in the page (the previous one is
 * released), and starts it once; the link stays for another try.
 */
export function offerDownload(file: FileDownload, link: HTMLAnchorElement, area: HTMLElement): void {
  if (current) URL.revokeObjectURL(current);
  current = URL.createObjectURL(new Blob([file.content], { type: file.mimeType || 'text/csv' }));
  link.href = current;
  link.download = file.filename;
  link.textContent = `Download ${file.filename}`;
  area.hidden = false;
  link.click();
  link.focus();
}
