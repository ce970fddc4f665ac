import type { ImportKind, ImportPreview, ImportRowReport } from '../../../src/shared/api';
import { byId, fillSelect, h, replace, setText } from '../../common/dom';
import { clearFieldErrors, readForm } from '../../common/form';
import { startPage } from '../../common/page';
import { readFileText } from '../../common/file-text';
import { fieldChoices } from './fields';

/** Larger files are refused before reading: split them. */
const MAX_BYTES = 10 * 1024 * 1024;

const page = startPage();
const fileForm = byId<HTMLFormElement>('file-form');
const mappingForm = byId<HTMLFormElement>('mapping-form');
const fileInput = byId<HTMLInputElement>('file');
let kind: ImportKind = 'partners';
let csv = '';
let preview: ImportPreview | null = null;

function reportItem(row: ImportRowReport): HTMLLIElement {
  return h(
    'li',
    {
      className: row.ok ? 'report warn' : 'report',
      testid: 'row-report',
      dataset: { line: String(row.line), outcome: row.ok ? 'imported' : 'skipped' },
    },
    h('strong', { text: `Line ${row.line}` }),
    h(
      'ul',
      {},
      ...row.errors.map((error) => h('li', { testid: 'row-error', text: error })),
      ...row.conflicts.map((conflict) => h('li', { testid: 'row-conflict', text: `Conflict: ${conflict}` })),
    ),
  );
}

/**
 * The rows worth a look, told apart as the import treats them: rows with errors are skipped; rows
 * with only a conflict ARE imported (as Submitted, the conflict noted for the reviewer).
 */
function reportLists(rows: readonly ImportRowReport[], verb: { skipped: string; imported: string }): Node[] {
  const byLine = [...rows].sort((a, b) => a.line - b.line);
  const skipped = byLine.filter((row) => !row.ok);
  const flagged = byLine.filter((row) => row.ok && row.conflicts.length);
  const list = (title: string, testid: string, items: ImportRowReport[]) =>
    items.length
      ? [
          h('h3', { className: 'gap', text: title, testid: `${testid}-title` }),
          h('ul', { className: 'list', testid }, ...items.map(reportItem)),
        ]
      : [];
  return [
    ...list(`${verb.skipped} (${skipped.length}): rows with errors`, 'skipped-rows', skipped),
    ...list(
      `${verb.imported} with a conflict (${flagged.length}): a reviewer decides`,
      'conflict-rows',
      flagged,
    ),
  ];
}

function renderMapping(result: ImportPreview): void {
  const choices = fieldChoices(result.kind, result.mapping);
  replace(
    byId('mapping-fields'),
    ...result.headers.map((header, i) => {
      const select = h('select', {
        id: `map-${i}`,
        attrs: { name: `map-${i}` },
        dataset: { header },
        testid: 'mapping-select',
      });
      fillSelect(select, choices, { placeholder: 'Not imported', selected: result.mapping[header] ?? '' });
      return h(
        'div',
        { className: 'field' },
        h('label', { attrs: { for: `map-${i}` }, text: header }),
        select,
      );
    }),
  );
}

function currentMapping(): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const select of Array.from(mappingForm.querySelectorAll<HTMLSelectElement>('select[data-header]')))
    if (select.value) mapping[select.dataset.header as string] = select.value;
  return mapping;
}

function renderPreview(result: ImportPreview): void {
  preview = result;
  const total = result.rows.length;
  const flagged = result.rows.filter((row) => row.ok && row.conflicts.length).length;
  setText(
    byId('summary'),
    total === 0
      ? 'The file has no data rows.'
      : `${total} row${total === 1 ? '' : 's'}: ${result.valid} will be imported` +
          (flagged ? ` (${flagged} with a conflict, for a reviewer)` : '') +
          `; ${result.invalid} will be skipped (errors).`,
  );
  replace(
    byId('rows'),
    ...reportLists(result.rows, { skipped: 'Will be skipped', imported: 'Will be imported' }),
  );
  const run = byId<HTMLButtonElement>('run');
  setText(run, `Import ${result.valid} valid row${result.valid === 1 ? '' : 's'}`);
  run.hidden = result.valid === 0;
  byId('preview').hidden = false;
  byId('empty').hidden = true;
}

async function check(mapping?: Record<string, string>): Promise<void> {
  const result = await page.run(() => page.client.call('previewImport', kind, csv, mapping), {
    form: mapping ? mappingForm : fileForm,
  });
  if (!result) return;
  if (!mapping) renderMapping(result);
  renderPreview(result);
  byId('preview-title').focus();
}

fileForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (page.busy.active) return;
  page.banner.clear();
  clearFieldErrors(fileForm);
  kind = readForm(fileForm).kind === 'leads' ? 'leads' : 'partners';
  const file = fileInput.files?.[0];
  if (!file) return page.invalid(fileForm, [{ field: 'file', message: 'Choose a CSV file to import' }]);
  if (file.size > MAX_BYTES)
    return page.invalid(fileForm, [
      {
        field: 'file',
        message: `CSV file ${file.name} is ${(file.size / 1048576).toFixed(1)} MB; split it into files of at most 10 MB`,
      },
    ]);
  const text = await page.run(() => readFileText(file), { form: fileForm });
  if (text === undefined) return;
  if (!text.trim())
    return page.invalid(fileForm, [{ field: 'file', message: `CSV file ${file.name} is empty` }]);
  csv = text;
  byId('done').hidden = true;
  await check();
});

/** A new file or kind makes the shown preview stale. */
function stale(): void {
  preview = null;
  byId('preview').hidden = true;
  byId('done').hidden = true;
  byId('empty').hidden = false;
}
fileInput.addEventListener('change', stale);
for (const radio of Array.from(fileForm.querySelectorAll('input[name="kind"]')))
  radio.addEventListener('change', stale);

mappingForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!page.busy.active && csv) void check(currentMapping());
});

byId('run').addEventListener('click', async () => {
  if (page.busy.active || !preview) return;
  const mapping = currentMapping();
  const result = await page.run(() => page.client.call('runImport', kind, csv, mapping));
  if (!result) return;
  setText(
    byId('done-summary'),
    `Imported ${result.imported} row${result.imported === 1 ? '' : 's'}` +
      (result.ids.length
        ? ` (${result.ids[0]}${result.ids.length > 1 ? ` to ${result.ids[result.ids.length - 1]}` : ''})`
        : '') +
      `; skipped ${result.skipped}.`,
  );
  replace(byId('done-rows'), ...reportLists(result.rows, { skipped: 'Skipped', imported: 'Imported' }));
  byId('preview').hidden = true;
  fileForm.hidden = true;
  byId('done').hidden = false;
  byId('done-title').focus();
});

byId('again').addEventListener('click', () => {
  fileForm.reset();
  csv = '';
  stale();
  fileForm.hidden = false;
  page.banner.clear();
  fileInput.focus();
});
