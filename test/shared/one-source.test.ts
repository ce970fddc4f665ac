/**
 * One source for each fact: a status (or a ledger line's kind) is written as a string in
 * src/shared/statuses.ts only; everywhere else code names it (`LEAD_STATUS.Won`, `COMMISSION_STATUS.Void`),
 * so every rule that compares statuses can be found from there. Likewise ids are formatted and
 * parsed only by src/shared/ids.ts, and cells are never cast to a status type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
  COMMISSION_KINDS,
  COMMISSION_STATUSES,
  LEAD_STATUSES,
  PARTNER_STATUSES,
  PAYOUT_STATUSES,
} from '../../src/shared/statuses';
import { labels } from '../../src/shared/schema/labels';
import { PLAN_COLUMNS } from '../../src/shared/schema/plan';
import { sheetDef, type SheetKey } from '../../src/sheets/schema';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const STATUS_SOURCE = 'src/shared/statuses.ts';
const ID_SOURCE = 'src/shared/ids.ts';

const FACTS = new Set<string>([
  ...PARTNER_STATUSES,
  ...LEAD_STATUSES,
  ...COMMISSION_STATUSES,
  ...PAYOUT_STATUSES,
  ...COMMISSION_KINDS,
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// the server and the sidebar (its pages name statuses the same way)
const files = [...sourceFiles(SRC), ...sourceFiles(join(ROOT, 'sidebar'))].map((path) => ({
  name: relative(ROOT, path).split('\\').join('/'),
  text: readFileSync(path, 'utf8'),
}));

/** Every string literal (in code and in types, not in comments) whose whole text is `wanted`'s. */
function literalsIn(name: string, text: string, wanted: (value: string) => boolean): string[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && wanted(node.text)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push(`${name}:${line + 1}: '${node.text}'`);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

describe('one source for each fact', () => {
  it('reads the source tree', () => {
    expect(files.some((f) => f.name === STATUS_SOURCE)).toBe(true);
    expect(files.length).toBeGreaterThan(100);
  });

  it(`no status or kind is written as a string outside ${STATUS_SOURCE}`, () => {
    const found = files
      .filter((f) => f.name !== STATUS_SOURCE)
      .flatMap((f) => literalsIn(f.name, f.text, (value) => FACTS.has(value)));
    expect(found).toEqual([]);
  });

  it('the check finds a status compared as a string', () => {
    expect(literalsIn('x.ts', "if (lead.status === 'Approved') ok();", (v) => FACTS.has(v))).toEqual([
      "x.ts:1: 'Approved'",
    ]);
    expect(literalsIn('x.ts', "type K = 'Bonus' | 'Other';", (v) => FACTS.has(v))).toEqual([
      "x.ts:1: 'Bonus'",
    ]);
    expect(
      literalsIn('x.ts', "// 'Won' in a comment\nconst m = 'Won needs a Deal Value';", (v) => FACTS.has(v)),
    ).toEqual([]);
  });

  it('no cell is cast to a status or kind type', () => {
    const cast = /\bas (LeadStatus|CommissionStatus|PayoutStatus|PartnerStatus|CommissionKind)\b/;
    const found = files.flatMap((f) =>
      f.text
        .split('\n')
        .flatMap((line, i) => (cast.test(line) ? [`${f.name}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('sheet headers: Plans by PLAN_COLUMNS, Partners and Leads by the form labels', () => {
    const headers = (key: string) => sheetDef(key as SheetKey).columns.map((c) => [c.key, c.header]);
    expect(headers('plans')).toEqual(PLAN_COLUMNS.map((c) => [c.key, c.header]));
    for (const key of ['partners', 'leads'])
      expect(headers(key)).toEqual(headers(key).map(([k]) => [k, (labels as Record<string, string>)[k]]));
  });

  it(`ids are padded and parsed only in ${ID_SOURCE}`, () => {
    const idLike = /padStart\(|['"`/^]+(P|L|C|PO|PL)-/;
    const found = files
      .filter((f) => f.name !== ID_SOURCE && f.name.startsWith('src/'))
      .flatMap((f) =>
        f.text.split('\n').flatMap((line, i) => {
          if (!idLike.test(line)) return [];
          const trimmed = line.trim();
          if (trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('//')) return [];
          return [`${f.name}:${i + 1}: ${trimmed}`];
        }),
      );
    // Padding that is not an id: dates, money digits, rate digits, note hashes, ledger keys' months,
    // the partner views' digests in hex.
    const allowed = [
      /^src\/domain\/dates\.ts:/,
      /^src\/domain\/money\//,
      /^src\/sheets\/days\.ts:/,
      /^src\/app\/commissions\/flag-notes\.ts:\d+: return \(\(h >>> 0\)/,
      /^src\/domain\/commissions\/keys\.ts:/,
      /^src\/domain\/partners\/view-digest\.ts:\d+: return n\.toString\(16\)\.padStart\(8, '0'\);$/,
    ];
    expect(found.filter((hit) => !allowed.some((a) => a.test(hit)))).toEqual([]);
  });
});
