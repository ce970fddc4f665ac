import fc from 'fast-check';
import { isDomainName, normalizeDomain } from '../../src/shared/schema';

test.each([
  ['acme.com', 'acme.com'],
  ['ACME.com', 'acme.com'],
  ['https://www.acme.com/pricing?x=1#top', 'acme.com'],
  ['http://Acme.com:8080', 'acme.com'],
  ['//www.acme.co.uk/', 'acme.co.uk'],
  ['www.www.acme.com', 'acme.com'],
  ['bob@Acme.com', 'acme.com'],
  ['mailto:bob@acme.com', 'acme.com'],
  ['https://user:pw@acme.com/x', 'acme.com'],
  ['acme.com.', 'acme.com'],
  ['  shop.acme.com  ', 'shop.acme.com'],
  ['acme.com:80.', 'acme.com'],
])('normalizeDomain(%p) = %p', (raw, expected) => {
  expect(normalizeDomain(raw)).toBe(expected);
});

test.each([
  ['acme.com', true],
  ['shop.acme.co.uk', true],
  ['xn--bcher-kva.example', true],
  ['my-company.io', true],
  ['acme', false],
  ['-acme.com', false],
  ['acme-.com', false],
  ['acme..com', false],
  ['acme.c', false],
  ['acme.123', false],
  ['ac me.com', false],
  ['', false],
])('isDomainName(%p) = %p', (value, expected) => {
  expect(isDomainName(value)).toBe(expected);
});

test('normalizeDomain is idempotent', () => {
  const piece = fc.constantFrom(
    'www.',
    'http://',
    'https://',
    '//',
    '@',
    ':',
    ':80',
    '/',
    '.',
    ' ',
    'Acme',
    'com',
    '?',
    'mailto:',
    '#',
  );
  const input = fc.oneof(
    fc.string(),
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  );
  fc.assert(
    fc.property(input, (raw) => {
      const once = normalizeDomain(raw);
      expect(normalizeDomain(once)).toBe(once);
    }),
    { numRuns: 2000 },
  );
});
