/**
 * What the add-on shows a person: the add-on menu, sidebars (a built page dist/<Page>.html, or
 * markup), alerts and toasts. src/app/ reaches the Ui only through here (src/app/pages.ts opens the
 * sidebar pages).
 */
export interface MenuItem {
  caption: string;
  functionName: string;
}

export interface SubMenu {
  caption: string;
  items: readonly MenuItem[];
}

/** The add-on menu (Extensions > the add-on): `null` is a separator. Touches nothing but the Ui. */
export function addonMenu(items: ReadonlyArray<MenuItem | SubMenu | null>): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  for (const item of items) {
    if (!item) menu.addSeparator();
    else if ('items' in item) {
      const sub = ui.createMenu(item.caption);
      for (const entry of item.items) sub.addItem(entry.caption, entry.functionName);
      menu.addSubMenu(sub);
    } else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

/** A sidebar: a built page (`file`: dist/<file>.html) or markup, with its title. */
export type SidebarContent = { title: string } & ({ file: string } | { html: string });

export function showSidebar(content: SidebarContent, data?: Record<string, string>): void {
  const output =
    'file' in content
      ? HtmlService.createHtmlOutputFromFile(content.file)
      : HtmlService.createHtmlOutput(content.html);
  // What the page opens with (the partner of a scorecard): JSON in an inert script element, with
  // every '<' escaped so no value can end the element.
  if (data)
    output.append(
      `<script type="application/json" id="page-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
    );
  SpreadsheetApp.getUi().showSidebar(output.setTitle(content.title));
}

export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function toast(message: string, title = 'Partnership Tracker'): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title);
}
