/**
 * Company domains for conflict matching: the explicit Domain, else the contact email's domain,
 * except free-mail providers (a gmail.com address says nothing about the company).
 */
import { normalizeDomain } from '../../shared/schema/domainName';

export { normalizeDomain };

/** Exact free-mail domains. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'mail.com',
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'qq.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'naver.com',
  'daum.net',
  'zoho.com',
  'tutanota.com',
  'fastmail.com',
  'hey.com',
  'web.de',
  't-online.de',
  'libero.it',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'rediffmail.com',
  'rocketmail.com',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
]);

/** Providers with a domain per country: yahoo.com, yahoo.co.uk, hotmail.fr, gmx.de, yandex.ru ... */
const FREE_MAIL_BRANDS = new Set([
  'yahoo',
  'ymail',
  'hotmail',
  'outlook',
  'live',
  'windowslive',
  'gmx',
  'yandex',
  'aol',
]);

export function isFreeMailDomain(domain: string): boolean {
  const host = normalizeDomain(domain);
  if (FREE_MAIL.has(host)) return true;
  const brand = host.split('.')[0];
  return FREE_MAIL_BRANDS.has(brand) && /^[a-z]+(?:\.[a-z]{2,3}){1,2}$/.test(host);
}

/** The domain that identifies the company of a lead, or null when there is none (or only free mail). */
export function companyDomainOf(lead: { domain?: string; contactEmail?: string }): string | null {
  const explicit = normalizeDomain(lead.domain ?? '');
  if (explicit !== '') return isFreeMailDomain(explicit) ? null : explicit;
  const email = (lead.contactEmail ?? '').trim();
  if (!email.includes('@')) return null;
  const fromEmail = normalizeDomain(email);
  return fromEmail === '' || isFreeMailDomain(fromEmail) ? null : fromEmail;
}
