/**
 * Company names for conflict matching: case, accents, punctuation and legal suffixes ignored, so
 * "ACME Corporation", "Acme, Inc." and "Acme Corp" all become "acme".
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'cos',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ug',
  'sa',
  'sas',
  'sarl',
  'sasu',
  'spa',
  'srl',
  'sl',
  'bv',
  'nv',
  'pty',
  'plc',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  'kk',
  'pte',
  'pvt',
  'sdn',
  'bhd',
  'kft',
  'zrt',
  'sro',
  'doo',
]);

/** Words that follow a company name without naming it: "Acme & Co", "Acme Group Ltd" keeps "group". */
const CONNECTORS = new Set(['and', '&']);

export function companyNameTokens(name: string): string[] {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '');
  const tokens = ascii.split(/[^a-z0-9]+/).filter((token) => token !== '');
  const kept = [...tokens];
  while (
    kept.length > 1 &&
    (LEGAL_SUFFIXES.has(kept[kept.length - 1]) || CONNECTORS.has(kept[kept.length - 1]))
  )
    kept.pop();
  if (kept.length > 1 && kept[0] === 'the') kept.shift();
  return kept;
}

/** The comparable form of a company name: tokens joined by one space ("acme labs"). */
export function normalizeCompanyName(name: string): string {
  return companyNameTokens(name).join(' ');
}
