/**
 * Every Apps Script method the shipped bundle (dist/Code.js) calls, recorded at run time over a
 * representative run (set-up on a workbook with data, the menu and every sidebar, partners, plans,
 * leads registered / reviewed / extended / closed, a CSV import, a person's edits and row inserts,
 * commissions, payouts, the hourly runs with expiry, emails and an audit rotation spanning two runs,
 * the BigQuery warehouse turned on, mirrored and verified),
 * and for each the scope of appsscript.json that allows it, with Google's reference page.
 *
 * The list is kept in docs/SCOPES.md: this test fails when a called method is not allowed by the
 * manifest, when the manifest requests a scope no called method needs, or when the document is out
 * of date (UPDATE_SCOPES_DOC=1 npx jest test/emulator/scopes/bundle-scopes rewrites it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../../emulator/harness';
import { readManifest } from '../../../emulator/manifest';
import { scopeRule } from '../../../emulator/scopes';
import { newEmulator, OWNER, TEAMMATE } from '../../support/emulator';

const DOC = path.resolve(__dirname, '../../../docs/SCOPES.md');

const PARTNERS_CSV = ['Name,Email,Partner Type', 'Beta Partners,sales@beta.test,Reseller'].join('\r\n');

function representativeRun(): { emu: Emulator; failures: string[] } {
  const emu = newEmulator({
    sheets: {
      Partners: [
        ['Partner Name', 'Contact Email', 'Type'],
        ['Acme Resellers', 'pay@acme-resellers.test', 'Reseller'],
      ],
    },
  });
  const failures: string[] = [];
  // The hourly run reports each daily job; a job that failed (a refused scope, say) is a failure here.
  const invoke = emu.invoke.bind(emu);
  emu.invoke = (name, args, options) => {
    const result = invoke(name, args, options);
    if (name === 'onHourlyTrigger') {
      const jobs = (result as { jobs?: Array<{ name: string; ok: boolean; error?: string }> }).jobs ?? [];
      for (const job of jobs) if (!job.ok) failures.push(`daily job ${job.name}: ${job.error}`);
    }
    return result;
  };
  const step = <T>(label: string, fn: () => T): T | undefined => {
    const out = emu.measure(fn);
    if (!out.ok) failures.push(`${label}: ${out.error}`);
    const fired = (out.result as { fired?: Array<{ ok: boolean; error?: string }> } | undefined)?.fired ?? [];
    for (const f of fired) if (!f.ok) failures.push(`${label} (trigger): ${f.error}`);
    return out.result;
  };
  const edit = (user: string, sheet: string, a1: string, value: unknown) =>
    step(`${user} edits ${sheet}!${a1}`, () => {
      const outcome = emu.edit(user, sheet, a1, [[value]]);
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome;
    });
  const hourly = (label: string): unknown =>
    step(label, () => {
      const fired = emu.advance('PT1H');
      for (const f of fired) if (!f.ok) throw new Error(f.error);
      return null;
    });

  emu.open(OWNER, 'NONE');
  step('Set up tracker', () => emu.menu(OWNER, 'Set up tracker'));
  step('continueSetup', () => emu.call(OWNER, 'continueSetup'));
  emu.open(OWNER, 'LIMITED');
  const settings = emu.sheets().Settings;
  const teamCol = String.fromCharCode(65 + settings[0].indexOf('Team'));
  edit(OWNER, 'Settings', `${teamCol}3`, TEAMMATE);
  for (const caption of [
    'Register lead',
    'Partners',
    'Review leads',
    'Import CSV',
    'Commissions',
    'Dashboard',
    'How to use',
  ])
    step(caption, () => emu.menu(OWNER, caption));

  step('getFormOptions', () => emu.call(OWNER, 'getFormOptions'));
  step('savePlan', () => emu.call(OWNER, 'savePlan', { name: 'Gold 12%', type: 'percent', rate: 12 }));
  step('listPlans', () => emu.call(OWNER, 'listPlans'));
  const partner = step('savePartner', () =>
    emu.call<{ id: string }>(OWNER, 'savePartner', {
      partnerName: 'Northwind Partners',
      contactEmail: 'deals@northwind.test',
      type: 'Referral',
      plan: 'Gold 12%',
    }),
  );
  step('listPartners', () => emu.call(OWNER, 'listPartners'));
  // Outbound webhooks: UrlFetchApp.fetchAll needs script.external_request
  // (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetchAll(Object));
  // signing uses Utilities (https://developers.google.com/apps-script/reference/utilities/utilities,
  // no scope). The receiver answers in-process here; test/bundle/webhooks.test.ts uses real HTTP.
  emu.services.state.fetchRouter.register('https://hooks.northwind-crm.test/', () => ({ status: 204 }));
  step('saveWebhook', () =>
    emu.call(OWNER, 'saveWebhook', {
      url: 'https://hooks.northwind-crm.test/events',
      events: ['lead.registered', 'lead.won', 'commission.created', 'payout.paid'],
    }),
  );
  step('listWebhooks', () => emu.call(OWNER, 'listWebhooks'));
  step('previewImport', () => emu.call(OWNER, 'previewImport', 'partners', PARTNERS_CSV));
  step('runImport', () => emu.call(OWNER, 'runImport', 'partners', PARTNERS_CSV));
  // Protection of 20 days: leads expire within the month of hourly runs below.
  edit(OWNER, 'Settings', 'B3', 20);
  const won = step('registerLead', () =>
    emu.call<{ id: string }>(TEAMMATE, 'registerLead', {
      partnerId: partner?.id,
      company: 'Globex',
      domain: 'globex.test',
      contactEmail: 'cto@globex.test',
      currency: 'USD',
      estimatedValue: 12000,
    }),
  );
  const other = step('registerLead (second)', () =>
    emu.call<{ id: string }>(TEAMMATE, 'registerLead', {
      partnerId: partner?.id,
      company: 'Initech',
      domain: 'initech.test',
      currency: 'USD',
    }),
  );
  step('listLeads', () => emu.call(OWNER, 'listLeads'));
  step('getLead', () => emu.call(OWNER, 'getLead', won?.id));
  step('reviewLead approve', () => emu.call(OWNER, 'reviewLead', won?.id, 'approve'));
  step('reviewLead approve (second)', () => emu.call(OWNER, 'reviewLead', other?.id, 'approve'));
  step('extendLead', () => emu.call(OWNER, 'extendLead', other?.id));
  // Three more approved leads, the middle one extended: the other two expire together around it,
  // their statuses set with range lists (sheets/scattered-cells.ts).
  const more = ['Hooli', 'Pied Piper', 'Aviato'].map((company) =>
    step(`registerLead ${company}`, () =>
      emu.call<{ id: string }>(OWNER, 'registerLead', {
        partnerId: partner?.id,
        company,
        domain: `${company.replace(' ', '').toLowerCase()}.test`,
        currency: 'USD',
      }),
    ),
  );
  for (const lead of more)
    step('reviewLead approve (more)', () => emu.call(OWNER, 'reviewLead', lead?.id, 'approve'));
  step('extendLead (the middle one)', () => emu.call(OWNER, 'extendLead', more[1]?.id));
  step('closeLead', () =>
    emu.call(OWNER, 'closeLead', won?.id, 'won', { dealValue: 12000, closedOn: '2026-03-02' }),
  );
  edit(TEAMMATE, 'Leads', 'S3', 'Called the CTO');
  step('insertRows', () => emu.insertRows(TEAMMATE, 'Leads', 5, 1));
  step('deleteRows', () => emu.deleteRows(TEAMMATE, 'Leads', 5, 1));
  emu.select(OWNER, 'Leads', 'A2');
  step('History of this row', () => emu.menu(OWNER, 'History of this row'));
  step('getRowHistory', () => emu.call(OWNER, 'getRowHistory'));
  step('runCommissions', () => emu.call(OWNER, 'runCommissions'));
  step('listCommissions', () => emu.call(OWNER, 'listCommissions', {}));

  // The hourly trigger over a month: the day's jobs (expiry, emails, the ledger, rotation).
  step('a month of hourly runs', () => {
    const fired = emu.advance('P31D');
    for (const f of fired) if (!f.ok) throw new Error(f.error);
    return null;
  });
  const lines =
    step('listCommissions', () => emu.call<Array<{ id: string }>>(OWNER, 'listCommissions', {})) ?? [];
  step('approveCommissions', () =>
    emu.call(
      OWNER,
      'approveCommissions',
      lines.map((l) => l.id),
    ),
  );
  const payouts =
    step('createPayouts', () => emu.call<Array<{ id: string }>>(OWNER, 'createPayouts', '2026-04-30')) ?? [];
  step('listPayouts', () => emu.call(OWNER, 'listPayouts'));
  // a Team of two: the second person approves what the owner created (Settings > Payout Approval)
  step('approvePayout', () => emu.call(TEAMMATE, 'approvePayout', payouts[0]?.id));
  step('markPayoutPaid', () => emu.call(OWNER, 'markPayoutPaid', payouts[0]?.id, 'WIRE-1', '2026-04-03'));
  step('exportPayouts', () => emu.call(OWNER, 'exportPayouts', [payouts[0]?.id], 'csv'));

  // Audit rotation: a small Audit Row Limit, a first run cut short after one step, the next run
  // continuing into the same archive (it reads the archive's end back).
  const limitRow = settings.findIndex((r) => r[0] === 'Audit Row Limit') + 1;
  edit(OWNER, 'Settings', `B${limitRow}`, 20);
  // Slow calls (30 s each) make each hourly run stop after one rotation step; the next day's runs
  // start the rotation and continue it until the archive has been reopened once.
  for (let hour = 0; hour < 48 && !emu.rt.scriptCalls().has('Sheets.Spreadsheets.Values.get'); hour++) {
    emu.rt.costModel = () => 30_000;
    try {
      hourly(`hourly run ${hour + 1} with slow calls`);
    } finally {
      emu.rt.costModel = null;
    }
  }
  hourly('an hourly run at normal speed');
  step('Verify audit log', () => emu.menu(OWNER, 'Verify audit log'));
  step('verifyAuditLog', () => emu.call(OWNER, 'verifyAuditLog'));

  // The warehouse: turned on (the dataset, tables and views made), an hourly mirror, the chain checked in it.
  emu.bigquery.addProject('acme-data', { [OWNER]: 'OWNER' });
  step('saveWarehouse', () =>
    emu.call(OWNER, 'saveWarehouse', { projectId: 'acme-data', dataset: 'tracker' }),
  );
  step('getWarehouse', () => emu.call(OWNER, 'getWarehouse'));
  hourly('an hourly run mirroring into the warehouse');
  step('verifyWarehouseChain', () => emu.call(OWNER, 'verifyWarehouseChain'));
  step('getWarehouseFigures', () => emu.call(OWNER, 'getWarehouseFigures'));
  step('connectWarehouseSheets', () => emu.call(OWNER, 'connectWarehouseSheets'));
  return { emu, failures };
}

interface Row {
  method: string;
  calls: number;
  allowedBy: string[];
  accepts: readonly string[];
  reference: string;
}

function short(scope: string): string {
  return scope.replace('https://www.googleapis.com/auth/', '');
}

function render(rows: Row[], manifestScopes: string[]): string {
  const lines = [
    '# Apps Script methods the add-on calls, and the scope that allows each',
    '',
    'Generated by `test/emulator/scopes/bundle-scopes.test.ts` from a representative run of `dist/Code.js`',
    'in the emulator (set-up, menus and sidebars, partners, plans, leads, a CSV import, edits, commissions,',
    'payouts, webhooks, the hourly runs with emails and an audit rotation). Regenerate with',
    '`UPDATE_SCOPES_DOC=1 npx jest test/emulator/scopes/bundle-scopes` after `npm run build`.',
    '',
    `Scopes requested by appsscript.json: ${manifestScopes.map((s) => `\`${short(s)}\``).join(', ')}.`,
    '',
    '| method | allowed by (appsscript.json) | Google reference |',
    '|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.method}\` | ${r.allowedBy.length ? r.allowedBy.map((s) => `\`${short(s)}\``).join(', ') : 'no scope needed'} | ${r.reference} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

describe('the scopes the bundle needs', () => {
  const manifest = readManifest();
  const granted = new Set(manifest.oauthScopes ?? []);
  const { emu, failures } = representativeRun();
  const rows: Row[] = [...emu.rt.scriptCalls()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([method, calls]) => {
      const rule = scopeRule(method)!;
      return {
        method,
        calls,
        accepts: rule.scopes,
        allowedBy: rule.scopes.filter((s) => granted.has(s)),
        reference: rule.reference,
      };
    });

  it('the representative run succeeds step by step (a refused scope would show here)', () => {
    expect(failures).toEqual([]);
  });

  it('covers the add-on as a whole: sheets, the archive through the Sheets API, triggers, mail, users, menus', () => {
    const called = rows.map((r) => r.method);
    expect(called).toEqual(
      expect.arrayContaining([
        'SpreadsheetApp.getActiveSpreadsheet',
        'Range.setValues',
        'Sheets.Spreadsheets.create',
        'Sheets.Spreadsheets.Values.update',
        'Sheets.Spreadsheets.Values.get',
        'Sheets.Spreadsheets.batchUpdate',
        'Drive.Files.create',
        'Drive.Permissions.create',
        'ScriptApp.newTrigger',
        'MailApp.sendEmail',
        'Session.getActiveUser',
        'Ui.showSidebar',
        'Properties.getProperties',
      ]),
    );
    // The partners' own views and the archive the rotation made: the add-on's files, all the owner's.
    expect(emu.rt.createdFiles().map((f) => [f.name, f.owner])).toEqual([
      ['Partner Program - register a lead', OWNER],
      ['Partner Program - Acme Resellers', OWNER],
      ['Partner Program - Northwind Partners', OWNER],
      ['Partner Program - Beta Partners', OWNER],
      [expect.stringMatching(/^Partner Program Audit Log /), OWNER],
    ]);
  });

  it('calls no method the manifest does not allow', () => {
    const refused = rows.filter((r) => r.accepts.length > 0 && r.allowedBy.length === 0);
    expect(refused.map((r) => `${r.method} needs one of ${r.accepts.join(', ')}`)).toEqual([]);
    // SpreadsheetApp.create / openById would need the `spreadsheets` scope: not called any more.
    expect(rows.map((r) => r.method)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^SpreadsheetApp\.(create|openById|openByUrl)$/)]),
    );
  });

  it('requests only scopes some called method needs (the narrowest set)', () => {
    const used = new Set(rows.flatMap((r) => r.allowedBy));
    expect([...granted].filter((s) => !used.has(s))).toEqual([]);
  });

  it('a static scan of dist/Code.js finds no call on a service global the manifest does not allow', () => {
    // Methods called on the services' globals anywhere in the bundle (reached by the run or not);
    // calls on handles (a Range, a Sheet) are resolved at run time only, above.
    const code = readFileSync(path.resolve(__dirname, '../../../dist/Code.js'), 'utf8');
    const globals =
      /(?<![.\w$])(SpreadsheetApp|DriveApp|UrlFetchApp|MailApp|GmailApp|ScriptApp|Session|PropertiesService|LockService|CacheService|HtmlService|Utilities|Logger)\.([a-z]\w*)/g;
    const found = new Set([...code.matchAll(globals)].map((m) => `${m[1]}.${m[2]}`));
    expect(found.size).toBeGreaterThan(10);
    const problems = [...found].flatMap((method) => {
      const rule = scopeRule(method);
      if (!rule) return [`${method}: not emulated`];
      if (rule.scopes.length && !rule.scopes.some((s) => granted.has(s)))
        return [`${method} needs one of ${rule.scopes.join(', ')}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('is listed, with the reference page of each method, in docs/SCOPES.md', () => {
    const text = render(rows, manifest.oauthScopes ?? []);
    if (process.env.UPDATE_SCOPES_DOC) writeFileSync(DOC, text);
    expect(readFileSync(DOC, 'utf8')).toBe(text);
  });
});
