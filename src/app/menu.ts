/**
 * The add-on menu (Extensions > Partnership Tracker). Built in any AuthMode, including NONE
 * (installed but not enabled in this file), so it touches nothing but the Ui. The items' handlers
 * check the permissions they need before anything else (sheets/authorization.ts).
 */
import { addonMenu, type MenuItem, type SubMenu } from '../sheets/ui';

export const MENU_ITEMS: ReadonlyArray<MenuItem | SubMenu | null> = [
  { caption: 'Set up tracker', functionName: 'setupTracker' },
  null,
  { caption: 'Register lead', functionName: 'showRegisterLead' },
  { caption: 'Partners', functionName: 'showPartners' },
  { caption: 'Review leads', functionName: 'showReviewLeads' },
  { caption: 'Import CSV', functionName: 'showImport' },
  { caption: 'Commissions', functionName: 'showCommissions' },
  { caption: 'Plans', functionName: 'showPlans' },
  { caption: 'Dashboard', functionName: 'showDashboard' },
  { caption: 'Integrations', functionName: 'showIntegrations' },
  { caption: 'Refresh dashboard', functionName: 'menuRefreshDashboard' },
  { caption: 'Partner scorecard', functionName: 'showPartnerScorecard' },
  { caption: 'Warehouse', functionName: 'showWarehouse' },
  null,
  { caption: 'History of this row', functionName: 'showRowHistory' },
  { caption: 'Verify audit log', functionName: 'menuVerifyAuditLog' },
  {
    caption: 'Help',
    items: [
      { caption: 'How to use', functionName: 'showHelp' },
      { caption: 'Run self-test', functionName: 'menuRunSelfTest' },
    ],
  },
];

export function buildAddonMenu(_e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  addonMenu(MENU_ITEMS);
}
