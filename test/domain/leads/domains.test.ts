import { companyDomainOf, isFreeMailDomain } from '../../../src/domain/leads';

test.each([
  ['gmail.com', true],
  ['GoogleMail.com', true],
  ['yahoo.com', true],
  ['yahoo.co.uk', true],
  ['hotmail.fr', true],
  ['outlook.com', true],
  ['live.com', true],
  ['icloud.com', true],
  ['me.com', true],
  ['aol.com', true],
  ['proton.me', true],
  ['protonmail.com', true],
  ['gmx.de', true],
  ['gmx.net', true],
  ['mail.ru', true],
  ['yandex.ru', true],
  ['qq.com', true],
  ['163.com', true],
  ['acme.com', false],
  ['yahoo-partners.com', false],
  ['mail.acme.com', false],
  ['live.acme.com', false],
])('isFreeMailDomain(%p) = %p', (domain, expected) => {
  expect(isFreeMailDomain(domain)).toBe(expected);
});

test.each([
  [{ domain: 'https://www.Acme.com/x', contactEmail: 'bob@other.com' }, 'acme.com'],
  [{ domain: '', contactEmail: 'Bob@Acme.com' }, 'acme.com'],
  [{ contactEmail: 'bob@gmail.com' }, null],
  [{ domain: 'gmail.com' }, null],
  [{ domain: '', contactEmail: 'not an email' }, null],
  [{}, null],
])('companyDomainOf(%p) = %p', (lead, expected) => {
  expect(companyDomainOf(lead)).toBe(expected);
});
