/**
 * Ui (SpreadsheetApp.getUi()): menus, the sidebar, dialogs, alerts and prompts. What the script
 * shows is recorded in UiState; alert/prompt answers come from a queue the test scripts (default OK).
 */
import type { Runtime } from '../runtime';
import { Scopes, exception, real, requireAuth } from './common';
import { Button, ButtonSet } from './enums';
import { EmuHtmlOutput } from './html-output';

type Menu = GoogleAppsScript.Base.Menu;
type ButtonValue = GoogleAppsScript.Base.Button;
type ButtonSetValue = GoogleAppsScript.Base.ButtonSet;

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}
export type MenuEntry = MenuItemRecord | { separator: true } | { subMenu: MenuRecord };
export interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}
export interface ShownPage {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number;
  height: number;
  user: string;
}
export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: string;
  responseText?: string;
}
export interface ScriptedResponse {
  button: string;
  text?: string;
}

export class UiState {
  /** Menus added with addToUi, latest last (a second addToUi of the same caption replaces it). */
  readonly menus: MenuRecord[] = [];
  readonly pages: ShownPage[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly responses: ScriptedResponse[] = [];
  /** Google's consent prompts shown (ScriptApp.requireScopes): whose, and the scopes it asked for. */
  readonly consentPrompts: Array<{ user: string; scopes: string[] }> = [];

  /** Queues the person's answer to the next alert or prompt. */
  respond(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE', text = ''): void {
    this.responses.push({ button, text });
  }
  get sidebar(): ShownPage | undefined {
    return [...this.pages].reverse().find((page) => page.kind === 'sidebar');
  }
  /** The items of the menus added (the add-on menu first), submenus flattened, no separators. */
  menuItems(): MenuItemRecord[] {
    const items: MenuItemRecord[] = [];
    const walk = (entries: MenuEntry[]) => {
      for (const entry of entries) {
        if ('subMenu' in entry) walk(entry.subMenu.items);
        else if ('functionName' in entry)
          items.push({ caption: entry.caption, functionName: entry.functionName });
      }
    };
    for (const menu of [...this.menus].sort((a, b) => Number(b.addon) - Number(a.addon))) walk(menu.items);
    return items;
  }
  menu(caption: string): MenuRecord | undefined {
    return this.menus.find((menu) => menu.caption === caption);
  }
}

export class EmuMenu implements Pick<
  GoogleAppsScript.Base.Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  readonly #record: MenuRecord;
  constructor(
    private readonly rt: Runtime,
    private readonly state: UiState,
    caption: string,
    addon: boolean,
  ) {
    this.#record = { caption, addon, items: [] };
  }
  addItem(caption: string, functionName: string): Menu {
    return this.rt.call(
      'Menu.addItem',
      () => (this.#record.items.push({ caption, functionName }), real<Menu>(this)),
      {
        local: true,
      },
    );
  }
  addSeparator(): Menu {
    return this.rt.call(
      'Menu.addSeparator',
      () => (this.#record.items.push({ separator: true }), real<Menu>(this)),
      {
        local: true,
      },
    );
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): Menu {
    return this.rt.call('Menu.addSubMenu', () => {
      if (!(menu instanceof EmuMenu)) throw exception('Invalid argument: menu');
      this.#record.items.push({ subMenu: menu.#record });
      return real<Menu>(this);
    });
  }
  addToUi(): void {
    this.rt.call('Menu.addToUi', () => {
      const at = this.state.menus.findIndex((m) => m.caption === this.#record.caption);
      const copy = structuredClone(this.#record);
      if (at >= 0) this.state.menus[at] = copy;
      else this.state.menus.push(copy);
    });
  }
}

export class EmuPromptResponse implements Pick<
  GoogleAppsScript.Base.PromptResponse,
  'getResponseText' | 'getSelectedButton'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.rt.call('PromptResponse.getResponseText', () => this.text, { local: true });
  }
  getSelectedButton(): ButtonValue {
    return this.rt.call('PromptResponse.getSelectedButton', () => this.button as unknown as ButtonValue, {
      local: true,
    });
  }
}

/** Default titles and sizes of editor sidebars and dialogs. */
const SIDEBAR_WIDTH = 300;

export class EmuUi implements Pick<
  GoogleAppsScript.Base.Ui,
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'prompt'
  | 'createAddonMenu'
  | 'createMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly rt: Runtime,
    private readonly state: UiState,
    private readonly addonName = 'Partnership Tracker',
  ) {}

  /** Works in every auth mode, AuthMode.NONE included (onOpen of an installed, not enabled add-on). */
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return this.rt.call('Ui.createAddonMenu', () =>
      real(new EmuMenu(this.rt, this.state, this.addonName, true)),
    );
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return this.rt.call('Ui.createMenu', () =>
      real(new EmuMenu(this.rt, this.state, String(caption), false)),
    );
  }

  private show(
    kind: ShownPage['kind'],
    method: string,
    page: GoogleAppsScript.HTML.HtmlOutput,
    title?: string,
  ): void {
    this.rt.call(`Ui.${method}`, () => {
      requireAuth(this.rt, `Ui.${method}`, Scopes.containerUi, ['LIMITED', 'FULL']);
      noPersonPresent(this.rt);
      const described =
        page instanceof EmuHtmlOutput
          ? EmuHtmlOutput.describe(page)
          : {
              title: page.getTitle(),
              width: page.getWidth(),
              height: page.getHeight(),
              content: page.getContent(),
            };
      this.state.pages.push({
        kind,
        title: title ?? described.title,
        html: described.content,
        width: kind === 'sidebar' ? SIDEBAR_WIDTH : described.width,
        height: described.height,
        user: this.rt.current().activeUser,
      });
    });
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show('sidebar', 'showSidebar', userInterface);
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modal', 'showModalDialog', userInterface, String(title));
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modeless', 'showModelessDialog', userInterface, String(title));
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(a: string, b?: string | ButtonSetValue, c?: ButtonSetValue): ButtonValue {
    return this.rt.call('Ui.alert', () => {
      const { title, prompt, buttons } = dialogArgs(a, b, c);
      const answer = this.answer(buttons);
      this.state.alerts.push({ kind: 'alert', title, prompt, buttons, answer: answer.button });
      return answer.button as unknown as ButtonValue;
    });
  }
  prompt(a: string, b?: string | ButtonSetValue, c?: ButtonSetValue): GoogleAppsScript.Base.PromptResponse {
    return this.rt.call('Ui.prompt', () => {
      const { title, prompt, buttons } = dialogArgs(a, b, c);
      const answer = this.answer(buttons);
      const text = answer.text ?? '';
      this.state.alerts.push({
        kind: 'prompt',
        title,
        prompt,
        buttons,
        answer: answer.button,
        responseText: text,
      });
      return real(new EmuPromptResponse(this.rt, text, answer.button));
    });
  }

  private answer(buttons: string): ScriptedResponse {
    noPersonPresent(this.rt);
    const scripted = this.state.responses.shift() ?? { button: buttons.startsWith('YES') ? 'YES' : 'OK' };
    return scripted;
  }
}

/** A time-driven trigger has no editor open to show anything in. */
function noPersonPresent(rt: Runtime): void {
  if (rt.current().kind === 'timeTrigger')
    throw exception('Cannot call SpreadsheetApp.getUi() from this context.');
}

function dialogArgs(
  a: string,
  b?: string | ButtonSetValue,
  c?: ButtonSetValue,
): { title: string; prompt: string; buttons: string } {
  if (c !== undefined) return { title: String(a), prompt: String(b), buttons: String(c) };
  if (b !== undefined) return { title: '', prompt: String(a), buttons: String(b) };
  return { title: '', prompt: String(a), buttons: 'OK' };
}
