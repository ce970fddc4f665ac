/**
 * An amount as a person writes it, to a plain decimal ("$25,000" -> "25000", "51,250.50" ->
 * "51250.50", "51.250,50" with a comma locale -> "51250.50", "USD 1,200" -> "1200"): a currency symbol
 * or a three-letter code before or after the number, and group separators where the locale puts
 * them (every three digits). Anything else (a misplaced separator, "1,5" in a point locale, two
 * numbers) is not read: null, and the field's usual message names the value.
 */
export type DecimalSeparator = '.' | ',';

const WRAPPED =
  /^([A-Za-z]{0,3})\s*(\p{Sc}?)\s*([+-]?)\s*(\p{Sc}?)\s*([\d.,'\s\u00a0\u202f]+?)\s*(\p{Sc}?)\s*([A-Za-z]{0,3})$/u;

export function plainAmount(text: string, decimal: DecimalSeparator = '.'): string | null {
  const match = WRAPPED.exec(text.trim());
  if (!match) return null;
  const [, before, sym1, sign, sym2, number, sym3, after] = match;
  if ([sym1, sym2, sym3].filter(Boolean).length > 1) return null;
  if (before && after) return null;
  if ((before && before.length === 1) || (after && after.length === 1)) return null;
  const group = decimal === '.' ? ',' : '.';
  const compact = number.replace(/[\s\u00a0\u202f']/g, (space) => (space === "'" ? group : group));
  const parts = compact.split(decimal);
  if (parts.length > 2) return null;
  const [whole, fraction] = parts;
  if (fraction !== undefined && !/^\d*$/.test(fraction)) return null;
  const groups = whole.split(group);
  const grouped = groups.length > 1;
  if (grouped && !(/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g))))
    return null;
  if (!grouped && !/^\d*$/.test(whole)) return null;
  const digits = groups.join('');
  if (digits === '' && !fraction) return null;
  return `${sign === '-' ? '-' : ''}${digits || '0'}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** The decimal separator of a spreadsheet locale ("en_US" -> ".", "de_DE" -> ","). */
export function decimalSeparatorOf(locale: string): DecimalSeparator {
  try {
    const parts = new Intl.NumberFormat(locale.replace(/_/g, '-')).formatToParts(1.5);
    return parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}
