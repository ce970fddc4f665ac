/** The set-up progress dialog: dist/SetupProgress.html (sidebar/pages/SetupProgress) as a modal dialog. */
export function showSetupProgress(): void {
  const page = HtmlService.createHtmlOutputFromFile('SetupProgress').setWidth(460).setHeight(260);
  SpreadsheetApp.getUi().showModalDialog(page, 'Setting up the tracker');
}
