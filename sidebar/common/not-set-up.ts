/** Whether the page's last error says the tracker is not set up (the server's "run ... Set up tracker"). */
export function notSetUp(banner: HTMLElement): boolean {
  return !banner.hidden && /Set up tracker/i.test(banner.textContent ?? '');
}
