/** Menu handlers that open a sidebar page (dist/<Name>.html, built from sidebar/pages/<Name>/). */
export const PAGES = {
  RegisterLead: 'Register lead',
  Partners: 'Partners',
  ReviewLeads: 'Review leads',
  Import: 'Import CSV',
} as const;

export function showPage(name: keyof typeof PAGES): void {
  const output = HtmlService.createHtmlOutputFromFile(name).setTitle(PAGES[name]);
  SpreadsheetApp.getUi().showSidebar(output);
}
