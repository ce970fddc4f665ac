/** Menu handlers that open a sidebar page (dist/<Name>.html, built from sidebar/pages/<Name>/). */
import { requireMenuAuthorization } from '../sheets/authorization';

export const PAGES = {
  RegisterLead: 'Register lead',
  Partners: 'Partners',
  ReviewLeads: 'Review leads',
  Import: 'Import CSV',
} as const;

export function showPage(name: keyof typeof PAGES): void {
  requireMenuAuthorization('menu');
  const output = HtmlService.createHtmlOutputFromFile(name).setTitle(PAGES[name]);
  SpreadsheetApp.getUi().showSidebar(output);
}
