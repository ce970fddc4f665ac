/** HtmlService: pages from the built dist/<Name>.html files, inline HTML, and templates. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../runtime';
import { exception, real } from './common';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { EmuHtmlOutput } from './html-output';
import { EmuHtmlTemplate } from './html-template';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

function sourceOf(html: string | GoogleAppsScript.Base.BlobSource | undefined): string {
  if (html === undefined || html === null) return '';
  if (typeof html === 'string') return html;
  return html.getBlob().getDataAsString();
}

export class EmuHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'getUserAgent'
> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly rt: Runtime,
    private readonly distDir: string,
  ) {}

  /** A project file by name, with or without its .html extension. */
  private readFile(name: string): string {
    const file = String(name).endsWith('.html') ? String(name) : `${name}.html`;
    const path = join(this.distDir, file);
    if (!existsSync(path)) throw exception(`No HTML file named ${name} was found.`);
    return readFileSync(path, 'utf8');
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    return this.rt.call('HtmlService.createHtmlOutput', () =>
      real<HtmlOutput>(new EmuHtmlOutput(this.rt, sourceOf(html))),
    );
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return this.rt.call('HtmlService.createHtmlOutputFromFile', () =>
      real<HtmlOutput>(new EmuHtmlOutput(this.rt, this.readFile(filename))),
    );
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    return this.rt.call('HtmlService.createTemplate', () =>
      real<HtmlTemplate>(new EmuHtmlTemplate(this.rt, sourceOf(html))),
    );
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return this.rt.call('HtmlService.createTemplateFromFile', () =>
      real<HtmlTemplate>(new EmuHtmlTemplate(this.rt, this.readFile(filename))),
    );
  }
  getUserAgent(): string {
    return this.rt.call('HtmlService.getUserAgent', () => 'Mozilla/5.0 (emulated) AppsScriptEmulator/1.0');
  }
}
