/**
 * The sheet grid: column letters and row numbers, the frozen header, display values, notes on
 * hover, dropdowns for list validation, protected cells hatched. Selecting and editing work with
 * the mouse and the keyboard as in Sheets (arrows, Enter/F2 or typing to edit, Enter/Tab to commit,
 * Escape to cancel, Delete to clear).
 */
import type { SheetView } from '../view-types';
import { a1, byTestId, columnLetters, el } from './dom';
import { drawCharts } from './charts';

const ROW_HEIGHT = 22;
const ROWHEAD_WIDTH = 47;

export interface GridHandlers {
  edit(a1: string, value: string, cell: { locked: boolean; warned: boolean }): Promise<void>;
  select(a1: string, raw: string): void;
}

export class Grid {
  private view: SheetView | null = null;
  private row = 1;
  private col = 1;
  private editor: HTMLInputElement | HTMLSelectElement | null = null;
  private readonly table = byTestId<HTMLTableElement>('grid');
  private readonly wrap = byTestId('grid-wrap');
  private readonly popup = byTestId('note-popup');

  constructor(private readonly handlers: GridHandlers) {
    this.wrap.tabIndex = 0;
    this.wrap.setAttribute('aria-label', 'Sheet grid: arrows move, Enter edits');
    this.table.addEventListener('mousedown', (event) => this.onMouseDown(event));
    this.table.addEventListener('dblclick', (event) => {
      const cell = this.cellOf(event.target);
      if (cell) this.startEdit();
    });
    this.table.addEventListener('mouseover', (event) => this.onHover(event));
    this.table.addEventListener('mouseleave', () => (this.popup.hidden = true));
    this.wrap.addEventListener('keydown', (event) => this.onKey(event));
  }

  get sheetName(): string | null {
    return this.view?.name ?? null;
  }

  get selection(): string {
    return a1(this.row, this.col);
  }

  render(view: SheetView, keepSelection: boolean): void {
    this.popup.hidden = true;
    this.editor = null;
    if (!keepSelection || this.view?.name !== view.name) {
      this.row = Math.min(view.frozenRows + 1, view.rows);
      this.col = 1;
    }
    this.view = view;
    this.row = Math.min(this.row, view.rows);
    this.col = Math.min(this.col, view.cols);
    const lefts: number[] = [];
    let left = ROWHEAD_WIDTH;
    for (let c = 0; c < view.cols; c++) {
      lefts.push(left);
      left += view.columnWidths[c] ?? 100;
    }
    const colgroup = el('colgroup');
    colgroup.append(el('col', { style: `width:${ROWHEAD_WIDTH - 1}px` }));
    for (let c = 0; c < view.cols; c++)
      colgroup.append(el('col', { style: `width:${view.columnWidths[c] ?? 100}px` }));
    const head = el('thead');
    const headRow = el('tr');
    headRow.append(el('th', { class: 'rowhead corner' }));
    for (let c = 1; c <= view.cols; c++)
      headRow.append(el('th', { 'data-col': String(c) }, columnLetters(c)));
    head.append(headRow);
    const body = el('tbody');
    for (let r = 1; r <= view.rows; r++) {
      const tr = el('tr', { 'data-row': String(r) });
      const frozen = r <= view.frozenRows;
      if (frozen) tr.className = r === view.frozenRows ? 'frozen frozen-last' : 'frozen';
      const rowhead = el('th', { class: 'rowhead' }, String(r));
      if (frozen) rowhead.style.top = `${ROW_HEIGHT * r}px`;
      tr.append(rowhead);
      for (let c = 1; c <= view.cols; c++) tr.append(this.cell(view, r, c, frozen, lefts[c - 1]));
      body.append(tr);
    }
    this.table.replaceChildren(colgroup, head, body);
    this.mark();
    // Each chart at its anchor cell as drawn (the table's own layout decides where that is).
    drawCharts(this.chartLayer(), view.charts ?? [], (row, col) => {
      const anchor = this.td(Math.min(row, view.rows), Math.min(col, view.cols));
      return anchor
        ? { left: anchor.offsetLeft, top: anchor.offsetTop }
        : { left: lefts[0] ?? ROWHEAD_WIDTH, top: ROW_HEIGHT * row };
    });
  }

  /** The layer the sheet's charts float in, over the grid (made once). */
  private chartLayer(): HTMLElement {
    let layer = this.table.parentElement!.querySelector<HTMLElement>('.chart-layer');
    if (!layer) {
      layer = el('div', { class: 'chart-layer', 'data-testid': 'chart-layer' });
      this.table.after(layer);
    }
    return layer;
  }

  private cell(
    view: SheetView,
    r: number,
    c: number,
    frozenRow: boolean,
    left: number,
  ): HTMLTableCellElement {
    const td = el('td', { 'data-r': String(r), 'data-c': String(c) }, view.display[r - 1][c - 1]);
    const classes: string[] = [];
    const kind = view.kinds[r - 1][c - 1];
    if (kind === 'n') classes.push('num');
    if (kind === 'b') classes.push('bool');
    if (view.bold[r - 1][c - 1]) classes.push('bold');
    if (view.notes[r - 1][c - 1]) classes.push('has-note');
    if (view.locked[r - 1][c - 1]) {
      classes.push('locked');
      td.dataset.locked = 'true';
      if (!view.notes[r - 1][c - 1]) td.title = 'Protected: you cannot edit this cell';
    }
    if (view.warned[r - 1][c - 1]) td.dataset.warned = 'true';
    if (c <= view.frozenCols) {
      classes.push(c === view.frozenCols ? 'frozen-col frozen-col-last' : 'frozen-col');
      td.style.left = `${left}px`;
    }
    if (frozenRow) td.style.top = `${ROW_HEIGHT * r}px`;
    const background = view.backgrounds[r - 1][c - 1];
    if (background) td.style.backgroundColor = background;
    if (view.lists[r - 1][c - 1]) {
      classes.push('has-list');
      td.append(el('span', { class: 'dropdown', 'aria-hidden': 'true' }, '\u25BE'));
    }
    td.className = classes.join(' ');
    return td;
  }

  private td(r: number, c: number): HTMLTableCellElement | null {
    return this.table.querySelector<HTMLTableCellElement>(`td[data-r="${r}"][data-c="${c}"]`);
  }

  private cellOf(target: EventTarget | null): HTMLTableCellElement | null {
    const node = target instanceof Element ? target.closest('td') : null;
    return node && this.table.contains(node) ? (node as HTMLTableCellElement) : null;
  }

  private mark(): void {
    for (const old of Array.from(this.table.querySelectorAll('.selected, th.active'))) {
      old.classList.remove('selected', 'active');
    }
    const td = this.td(this.row, this.col);
    td?.classList.add('selected');
    this.table.querySelector(`thead th[data-col="${this.col}"]`)?.classList.add('active');
    this.table.querySelector(`tr[data-row="${this.row}"] .rowhead`)?.classList.add('active');
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const raw = this.view ? this.view.raw[this.row - 1][this.col - 1] : '';
    this.handlers.select(this.selection, raw);
  }

  private move(dr: number, dc: number): void {
    if (!this.view) return;
    this.row = Math.max(1, Math.min(this.view.rows, this.row + dr));
    this.col = Math.max(1, Math.min(this.view.cols, this.col + dc));
    this.mark();
  }

  private onMouseDown(event: MouseEvent): void {
    const td = this.cellOf(event.target);
    if (!td || td.classList.contains('editing')) return;
    event.preventDefault();
    this.wrap.focus({ preventScroll: true });
    const r = Number(td.dataset.r);
    const c = Number(td.dataset.c);
    const again = r === this.row && c === this.col;
    this.row = r;
    this.col = c;
    this.mark();
    const rect = td.getBoundingClientRect();
    if (td.classList.contains('has-list') && (again || event.clientX > rect.right - 18)) this.startEdit();
  }

  private onHover(event: MouseEvent): void {
    const td = this.cellOf(event.target);
    const note = td && this.view ? this.view.notes[Number(td.dataset.r) - 1][Number(td.dataset.c) - 1] : '';
    if (!td || !note) {
      this.popup.hidden = true;
      return;
    }
    const rect = td.getBoundingClientRect();
    this.popup.textContent = note;
    this.popup.style.left = `${Math.min(rect.right + 4, window.innerWidth - 290)}px`;
    this.popup.style.top = `${rect.top}px`;
    this.popup.hidden = false;
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editor || !this.view) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (moves[event.key]) {
      event.preventDefault();
      this.move(...moves[event.key]);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      this.move(0, event.shiftKey ? -1 : 1);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void this.commit('');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  }

  /** Opens the editor on the selected cell: a dropdown for list cells, a text box otherwise. */
  startEdit(typed?: string): void {
    if (!this.view || this.editor) return;
    const td = this.td(this.row, this.col);
    if (!td) return;
    const raw = this.view.raw[this.row - 1][this.col - 1];
    const list = this.view.lists[this.row - 1][this.col - 1];
    let editor: HTMLInputElement | HTMLSelectElement;
    if (list && typed === undefined) {
      const select = el('select', {
        class: 'cell-editor',
        'data-testid': 'cell-editor',
        'aria-label': `Value of ${this.selection}`,
      });
      const options = list.includes(raw) || raw === '' ? list : [raw, ...list];
      select.append(el('option', { value: '' }, ''));
      for (const option of options) select.append(el('option', { value: option }, option));
      select.value = raw;
      select.addEventListener('change', () => void this.commit(select.value));
      editor = select;
    } else {
      const input = el('input', {
        class: 'cell-editor',
        'data-testid': 'cell-editor',
        'aria-label': `Value of ${this.selection}`,
      });
      input.value = typed ?? raw;
      editor = input;
    }
    editor.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
      } else if (key === 'Enter' || key === 'Tab') {
        event.preventDefault();
        void this.commit(editor.value, key === 'Tab' ? [0, 1] : [1, 0]);
      }
    });
    editor.addEventListener('blur', () => {
      if (this.editor === editor) this.cancelEdit();
    });
    td.classList.add('editing');
    td.append(editor);
    this.editor = editor;
    editor.focus();
    if (editor instanceof HTMLInputElement)
      editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  private cancelEdit(): void {
    const editor = this.editor;
    this.editor = null;
    editor?.parentElement?.classList.remove('editing');
    editor?.remove();
    this.wrap.focus({ preventScroll: true });
  }

  private async commit(value: string, then: [number, number] = [0, 0]): Promise<void> {
    if (!this.view) return;
    const r = this.row;
    const c = this.col;
    const cell = { locked: !!this.view.locked[r - 1][c - 1], warned: !!this.view.warned[r - 1][c - 1] };
    this.cancelEdit();
    await this.handlers.edit(a1(r, c), value, cell);
    this.move(...then);
  }
}
