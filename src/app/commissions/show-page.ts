/** The Commissions sidebar page (menu item "Commissions"). */
export function showCommissions(): void {
  const page = HtmlService.createHtmlOutputFromFile('Commissions').setTitle('Commissions');
  SpreadsheetApp.getUi().showSidebar(page);
}
