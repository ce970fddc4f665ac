/**
 * The sidebar pages the menu opens, and THE way to open one (`showPage`): the permissions the menu
 * needs checked first, then dist/<Name>.html (built from sidebar/pages/<Name>/), or Help's markup.
 */
import { requireMenuAuthorization } from '../sheets/authorization';
import { showSidebar } from '../sheets/ui';

const HELP = `<div style="font:13px Arial,sans-serif;padding:8px">
<p><b>Partnership Tracker</b> keeps partners, lead registrations, commissions and payouts in this workbook.</p>
<ol><li>Run <b>Set up tracker</b> once (again any time: it only repairs what is missing).</li>
<li>Add partners, register leads and review them from the menu, or type in the sheets.</li>
<li>Every change is recorded in <b>Audit Log</b>; <b>Verify audit log</b> checks nobody altered it.</li>
<li><b>History of this row</b> shows the selected record's changes.</li>
<li><b>Help &gt; Run self-test</b> (the owner) checks each permission, the triggers and the services on this document.</li></ol>
<p>Grey columns are filled by the tracker; Settings holds the lists behind the dropdowns.</p></div>`;

/** Each page's title; a page with `html` is that markup, the others their built file. */
export const PAGES = {
  RegisterLead: { title: 'Register lead' },
  Partners: { title: 'Partners' },
  ReviewLeads: { title: 'Review leads' },
  Import: { title: 'Import CSV' },
  Commissions: { title: 'Commissions' },
  Plans: { title: 'Plans' },
  RowHistory: { title: 'History of this row' },
  Integrations: { title: 'Integrations' },
  PartnerScorecard: { title: 'Partner scorecard' },
  Warehouse: { title: 'Warehouse' },
  Help: { title: 'Help', html: HELP },
} as const satisfies Record<string, { title: string; html?: string }>;

export type PageName = keyof typeof PAGES;

export function showPage(name: PageName, data?: Record<string, string>): void {
  requireMenuAuthorization('menu');
  const page: { title: string; html?: string } = PAGES[name];
  showSidebar(
    page.html === undefined ? { file: name, title: page.title } : { html: page.html, title: page.title },
    data,
  );
}
