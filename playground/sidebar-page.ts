/**
 * A page the add-on showed (sidebar or dialog), served as the HTML the add-on produced with the
 * google.script.run shim put in front of its own scripts.
 */

/** What the shim needs: the page it runs in and the bundle's top-level functions (runner methods). */
export interface ShimConfig {
  page: number;
  functions: string[];
}

/** JSON for a <script> element: nothing in it can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function withShim(html: string, shimJs: string, config: ShimConfig): string {
  const tag =
    `<script>window.__playgroundShim=${scriptJson(config)};</script>\n` +
    `<script>${shimJs.replace(/<\/(script)/gi, '<\\/$1')}</script>\n`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + '\n' + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
