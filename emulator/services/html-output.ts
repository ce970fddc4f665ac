/** HtmlOutput: the page a sidebar or dialog shows, with its title, size and sandbox settings. */
import type { Runtime } from '../runtime';
import { real } from './common';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export interface MetaTag {
  name: string;
  content: string;
}

export class EmuHtmlOutput implements Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  | 'setTitle'
  | 'getTitle'
  | 'setWidth'
  | 'getWidth'
  | 'setHeight'
  | 'getHeight'
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'clear'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
> {
  #title = '';
  #width = 0;
  #height = 0;
  #content: string;
  #sandboxMode = 'IFRAME';
  #xFrameOptionsMode = 'DEFAULT';
  readonly #metaTags: MetaTag[] = [];

  constructor(
    private readonly rt: Runtime,
    content: string,
  ) {
    this.#content = content;
  }

  private local<T>(method: string, fn: () => T): T {
    return this.rt.call(`HtmlOutput.${method}`, fn, { local: true });
  }

  setTitle(title: string): HtmlOutput {
    return this.local('setTitle', () => ((this.#title = String(title)), real<HtmlOutput>(this)));
  }
  getTitle(): string {
    return this.local('getTitle', () => this.#title);
  }
  setWidth(width: number): HtmlOutput {
    return this.local('setWidth', () => ((this.#width = width), real<HtmlOutput>(this)));
  }
  /** 0 until set: the dialog or sidebar then uses its default size. */
  getWidth(): number {
    return this.local('getWidth', () => this.#width);
  }
  setHeight(height: number): HtmlOutput {
    return this.local('setHeight', () => ((this.#height = height), real<HtmlOutput>(this)));
  }
  getHeight(): number {
    return this.local('getHeight', () => this.#height);
  }
  getContent(): string {
    return this.local('getContent', () => this.#content);
  }
  setContent(content: string): HtmlOutput {
    return this.local('setContent', () => ((this.#content = String(content)), real<HtmlOutput>(this)));
  }
  append(addedContent: string): HtmlOutput {
    return this.local('append', () => ((this.#content += String(addedContent)), real<HtmlOutput>(this)));
  }
  clear(): HtmlOutput {
    return this.local('clear', () => ((this.#content = ''), real<HtmlOutput>(this)));
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return this.local('setSandboxMode', () => ((this.#sandboxMode = String(mode)), real<HtmlOutput>(this)));
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return this.local(
      'setXFrameOptionsMode',
      () => ((this.#xFrameOptionsMode = String(mode)), real<HtmlOutput>(this)),
    );
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    return this.local('addMetaTag', () => (this.#metaTags.push({ name, content }), real<HtmlOutput>(this)));
  }

  /** Test-bed view of what the page carries (not an Apps Script method). */
  static describe(output: EmuHtmlOutput): {
    title: string;
    width: number;
    height: number;
    content: string;
    sandboxMode: string;
    xFrameOptionsMode: string;
    metaTags: MetaTag[];
  } {
    return {
      title: output.#title,
      width: output.#width,
      height: output.#height,
      content: output.#content,
      sandboxMode: output.#sandboxMode,
      xFrameOptionsMode: output.#xFrameOptionsMode,
      metaTags: [...output.#metaTags],
    };
  }
}
