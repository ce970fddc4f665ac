import type { SheetDef } from '../schema-types';

/** Filled by the dashboard feature; set-up only creates the tab. */
export const DASHBOARD: SheetDef = {
  key: 'dashboard',
  name: 'Dashboard',
  identifying: '',
  protection: 'none',
  tracked: false,
  banded: false,
  columns: [],
};
