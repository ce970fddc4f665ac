/**
 * Where a partner manager lands after set-up, and the summary they read there. The landing sheet
 * is ONE constant: the Dashboard (the program at a glance); the playground opens on it too.
 */
import type { SheetKey } from '../../sheets/schema-types';
import type { SetupReport } from './setup-tracker';

export const LANDING_SHEET: SheetKey = 'dashboard';

const WHAT_EACH_SHEET_HOLDS = [
  'Dashboard (open now): the program at a glance, refreshed every day.',
  'Partners: who you work with (type, tier, plan, status).',
  'Leads: registrations, their review and their deals (Submitted > Approved > Won or Lost).',
  'Commissions and Payouts: what each won deal earns, approved and paid in batches.',
  'Plans: how commissions are computed. Settings: the protection window, lists and your Team.',
  'Audit Log: every change, who made it and when.',
];

const NEXT_STEPS = [
  'Add your partners (Extensions > Partnership Tracker > Partners).',
  'Register a lead (Register lead), then approve it in Review leads.',
  'Add teammates in Settings > Team.',
];

/** The alert shown when set-up is done: what it did, what each sheet holds, what to do next. */
export function setupSummary(report: SetupReport): string {
  return [
    report.message,
    '',
    'What each sheet holds:',
    ...WHAT_EACH_SHEET_HOLDS.map((line) => `• ${line}`),
    '',
    'Next:',
    ...NEXT_STEPS.map((line, i) => `${i + 1}. ${line}`),
  ].join('\n');
}
