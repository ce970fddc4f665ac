/** The Partners page's "Partner e-mail" texts (mail-status.ts; the browser test reads them too). */
const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const mailText = {
  checking: 'Checking what waits to be sent…',
  waiting: (n: number) =>
    n
      ? `${count(n, 'update waits', 'updates wait')} to be e-mailed to partners: the next hourly run sends them, within the day's e-mail quota.`
      : 'Nothing waits to be e-mailed to partners.',
  notKept: (n: number) =>
    `${count(n, 'update', 'updates')} to partners could not be kept: the e-mail queue was full. Each partner's own view shows the current status of every lead.`,
  failed: (message: string) => `Could not check partner e-mail: ${message}`,
  dismiss: 'Dismiss',
  dismissing: 'Dismissing…',
  dismissFailed: (shown: string, message: string) => `${shown} Could not dismiss: ${message}`,
} as const;
