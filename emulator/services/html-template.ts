/**
 * HtmlTemplate: `<?= expr ?>` prints the value HTML-escaped, `<?!= expr ?>` prints it raw, and
 * `<? code ?>` runs code; the template's own properties are the variables the code sees.
 */
import type { Runtime } from '../runtime';
import { real } from './common';
import { EmuHtmlOutput } from './html-output';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Compiles a template to the body of a function of (output, escape, data). */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match.index > last) lines.push(`output.append(${JSON.stringify(source.slice(last, match.index))});`);
    const [, kind, code] = match;
    if (kind === '=') lines.push(`output.appendUntrusted(${code.trim()});`);
    else if (kind === '!=') lines.push(`output.append(${code.trim()});`);
    else lines.push(code);
    last = pattern.lastIndex;
  }
  if (last < source.length) lines.push(`output.append(${JSON.stringify(source.slice(last))});`);
  return lines.join('\n');
}

export class EmuHtmlTemplate implements Pick<
  GoogleAppsScript.HTML.HtmlTemplate,
  'evaluate' | 'getCode' | 'getRawContent'
> {
  // Properties a script sets on the template (`t.partner = ...`) become template variables.
  [propName: string]: unknown;
  readonly #rt: Runtime;
  readonly #source: string;

  constructor(rt: Runtime, source: string) {
    this.#rt = rt;
    this.#source = source;
  }

  getRawContent(): string {
    return this.#rt.call('HtmlTemplate.getRawContent', () => this.#source, { local: true });
  }
  getCode(): string {
    return this.#rt.call('HtmlTemplate.getCode', () => compileTemplate(this.#source), { local: true });
  }
  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    return this.#rt.call('HtmlTemplate.evaluate', () => {
      let html = '';
      const output = {
        append: (value: unknown) => void (html += value === undefined || value === null ? '' : String(value)),
        appendUntrusted: (value: unknown) =>
          void (html += value === undefined || value === null ? '' : escapeHtml(value)),
      };
      const data: Record<string, unknown> = { ...this };
      // Sloppy-mode function so `with` can expose the template's properties as variables.
      const run = new Function('output', 'data', `with (data) {\n${compileTemplate(this.#source)}\n}`);
      run(output, data);
      return real<GoogleAppsScript.HTML.HtmlOutput>(new EmuHtmlOutput(this.#rt, html));
    });
  }
}
