/**
 * Company domains. `normalizeDomain` turns what a person types or pastes (a URL, "www.Acme.com",
 * an email address) into the bare lower-case host "acme.com"; `isDomainName` says whether the
 * result is a well-formed name. Shared by the schema and the conflict matcher (domain/leads).
 */
function normalizeOnce(raw: string): string {
  let text = raw.trim().toLowerCase();
  text = text.replace(/^mailto:/, '');
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  text = text.split(/[/?#\s]/)[0];
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  text = text.replace(/:\d*$/, '').replace(/\.+$/, '');
  while (text.startsWith('www.')) text = text.slice(4);
  return text;
}

/** Applied until nothing changes, so normalizing twice gives what normalizing once gave. */
export function normalizeDomain(raw: string): string {
  let current = raw;
  for (let i = 0; i < 10; i++) {
    const next = normalizeOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function isDomainName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => LABEL.test(label)) && TOP_LEVEL.test(labels[labels.length - 1]);
}
