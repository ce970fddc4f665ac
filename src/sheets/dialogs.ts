/** What the add-on shows a person: alerts, toasts, sidebars built from dist/<Page>.html. */
export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function toast(message: string, title = 'Partnership Tracker'): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title);
}

export function showSidebarPage(page: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(page).setTitle(title));
}

export function showSidebarHtml(html: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle(title));
}
