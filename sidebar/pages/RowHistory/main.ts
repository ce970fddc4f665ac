import type { HistoryEntry, RowHistory } from '../../../src/shared/api';
import { byId, chip, h, replace, setText } from '../../common/dom';
import { startPage } from '../../common/page';
import { formatInstant } from '../../common/values';

const page = startPage();

function value(text: string, className: string, testid: string): HTMLSpanElement {
  return text === ''
    ? h('span', { className: 'blank', testid, text: '(empty)' })
    : h('span', { className, testid, text });
}

function entryItem(entry: HistoryEntry): HTMLLIElement {
  return h(
    'li',
    { className: 'card', testid: 'history-entry' },
    h(
      'div',
      { className: 'card-head' },
      h('div', { className: 'card-title', testid: 'field', text: entry.field || entry.cell }),
      chip(entry.source, 'source'),
    ),
    h(
      'p',
      { className: 'change' },
      value(entry.oldValue, 'old', 'old-value'),
      h('span', { className: 'arrow', text: '→', attrs: { 'aria-label': 'changed to' } }),
      value(entry.newValue, 'new', 'new-value'),
    ),
    h('div', {
      className: 'card-sub',
      testid: 'when',
      text: `${formatInstant(entry.timestamp)} · ${entry.user}${entry.cell ? ` · ${entry.cell}` : ''}`,
    }),
  );
}

function archiveNote(history: RowHistory): void {
  const note = byId('archive-note');
  if (!history.archivedIn) {
    note.hidden = true;
    return;
  }
  const where = history.archivedIn;
  // Only a Google Sheets address becomes a link; anything else is shown as text.
  const target = /^https:\/\/docs\.google\.com\/spreadsheets\//.test(where)
    ? h('a', { text: 'the archive spreadsheet', attrs: { href: where, target: '_blank', rel: 'noopener' } })
    : h('strong', { text: where });
  replace(note, 'Older history of this record is in ', target, '.');
  note.hidden = false;
}

async function load(): Promise<void> {
  const history = await page.run(() => page.client.call('getRowHistory'));
  if (!history) {
    replace(byId('entries'));
    setText(byId('count'), '');
    byId('archive-note').hidden = true;
    byId('empty').hidden = false;
    return;
  }
  setText(
    byId('record'),
    history.recordId ? `${history.recordId} · ${history.sheet}` : history.sheet || 'History',
  );
  // The server lists them newest first (the log read from its last row up): shown in that order.
  const entries = history.entries;
  replace(byId('entries'), ...entries.map(entryItem));
  byId('empty').hidden = entries.length > 0;
  setText(
    byId('count'),
    entries.length ? `${entries.length} change${entries.length === 1 ? '' : 's'}, newest first` : '',
  );
  archiveNote(history);
}

byId('refresh').addEventListener('click', () => void load());
void load();
