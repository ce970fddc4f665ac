import { Runtime } from '../../../emulator/runtime';
import {
  createSpreadsheetApp,
  createSpreadsheetFile,
  type EmuSpreadsheet,
} from '../../../emulator/spreadsheet';

export const OWNER = 'owner@example.com';
export const EDITOR = 'ed@example.com';
export const VIEWER = 'viewer@example.com';

export function setup(options: { timeZone?: string; locale?: string } = {}) {
  const rt = new Runtime(OWNER, '2026-03-02T10:00:00Z');
  const ss: EmuSpreadsheet = createSpreadsheetFile(rt, {
    name: 'Tracker',
    owner: OWNER,
    timeZone: options.timeZone ?? 'America/New_York',
    locale: options.locale ?? 'en_US',
    editors: [EDITOR],
    viewers: [VIEWER],
  });
  const app = createSpreadsheetApp(rt, { getUi: () => ({ ui: true }), active: ss });
  return { rt, ss, app, sheet: ss.getSheets()[0] };
}

/** Runs fn as an execution of `user` (effective and active). */
export function as<T>(rt: Runtime, user: string, fn: () => T, authMode: 'LIMITED' | 'FULL' = 'FULL'): T {
  return rt.execute({ kind: 'call', activeUser: user, effectiveUser: user, authMode }, fn);
}
