/**
 * The add-on menu (Extensions > Partnership Tracker). Built in any AuthMode, including NONE
 * (installed but not enabled in this file), so it touches nothing but the Ui.
 */
export const MENU_ITEMS: ReadonlyArray<{ caption: string; functionName: string } | null> = [
  { caption: 'Set up tracker', functionName: 'setupTracker' },
  null,
  { caption: 'Register lead', functionName: 'showRegisterLead' },
  { caption: 'Partners', functionName: 'showPartners' },
  { caption: 'Review leads', functionName: 'showReviewLeads' },
  { caption: 'Import CSV', functionName: 'showImport' },
  { caption: 'Commissions', functionName: 'showCommissions' },
  { caption: 'Dashboard', functionName: 'showDashboard' },
  null,
  { caption: 'History of this row', functionName: 'showRowHistory' },
  { caption: 'Verify audit log', functionName: 'menuVerifyAuditLog' },
  { caption: 'Help', functionName: 'showHelp' },
];

export function buildAddonMenu(_e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}
