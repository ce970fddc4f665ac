/** The Commissions sidebar page (menu item "Commissions"). */
import { requireMenuAuthorization } from '../../sheets/authorization';

export function showCommissions(): void {
  requireMenuAuthorization('menu');
  const page = HtmlService.createHtmlOutputFromFile('Commissions').setTitle('Commissions');
  SpreadsheetApp.getUi().showSidebar(page);
}
