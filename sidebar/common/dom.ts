/**
 * DOM helpers. Text is only ever set through textContent: user text is never parsed as HTML, and
 * nothing in the sidebar assigns innerHTML.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  text?: string;
  /** Attributes set with setAttribute; event-handler attributes (on...) are refused. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  dataset?: Record<string, string>;
  testid?: string;
}

/** Creates an element; string children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.testid) node.setAttribute('data-testid', props.testid);
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttr(node, name, value);
  for (const [key, value] of Object.entries(props.dataset ?? {})) node.dataset[key] = value;
  if (props.text !== undefined) node.textContent = props.text;
  append(node, ...children);
  return node;
}

export function setAttr(
  node: Element,
  name: string,
  value: string | number | boolean | null | undefined,
): void {
  if (/^on/i.test(name)) throw new Error(`Refusing to set the event-handler attribute ${name}`);
  if (value === null || value === undefined || value === false) node.removeAttribute(name);
  else node.setAttribute(name, value === true ? '' : String(value));
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the element's content with the given children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function setText(node: Element, text: string): void {
  node.textContent = text;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no element #${id}`);
  return node as T;
}

export function show(node: HTMLElement, visible = true): void {
  node.hidden = !visible;
}

export interface Choice {
  value: string;
  label?: string;
  disabled?: boolean;
}

/** Fills a select with options (text only), keeping `selected` or the current value when present. */
export function fillSelect(
  select: HTMLSelectElement,
  choices: ReadonlyArray<Choice | string>,
  options: { placeholder?: string; selected?: string } = {},
): void {
  const current = options.selected ?? select.value;
  const nodes: HTMLOptionElement[] = [];
  if (options.placeholder !== undefined)
    nodes.push(h('option', { attrs: { value: '' }, text: options.placeholder }));
  for (const choice of choices) {
    const item = typeof choice === 'string' ? { value: choice } : choice;
    nodes.push(
      h('option', { attrs: { value: item.value, disabled: item.disabled }, text: item.label ?? item.value }),
    );
  }
  select.replaceChildren(...nodes);
  const match = nodes.find((node) => node.value === current && !node.disabled);
  if (match) select.value = current;
}

/** A status chip: the status text with a class for its colour. */
export function chip(status: string, testid = 'status'): HTMLSpanElement {
  const key = status.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return h('span', { className: `chip chip-${key}`, testid, text: status });
}

/** A label/value pair in a description list. */
export function pair(term: string, value: Child, testid?: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  append(fragment, h('dt', { text: term }), h('dd', { testid }, value));
  return fragment;
}
