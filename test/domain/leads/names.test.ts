import { editDistance, namesMatch, normalizeCompanyName } from '../../../src/domain/leads';

test.each([
  ['Acme Corp', 'acme'],
  ['ACME Corporation', 'acme'],
  ['Acme, Inc.', 'acme'],
  ['Acme Incorporated', 'acme'],
  ['Acme L.L.C.', 'acme'],
  ['Acme Pty Ltd', 'acme'],
  ['Société Générale S.A.', 'societe generale'],
  ['Müller GmbH', 'muller'],
  ['Nokia Oyj', 'nokia'],
  ['Volvo AB', 'volvo'],
  ['The Acme Company', 'acme'],
  ['Smith & Co.', 'smith'],
  ['AT&T Inc.', 'at and t'],
  ['  Acme   Labs  ', 'acme labs'],
  ['Co', 'co'],
  ['=HYPERLINK("x")', 'hyperlink x'],
])('normalizeCompanyName(%p) = %p', (name, expected) => {
  expect(normalizeCompanyName(name)).toBe(expected);
});

describe('namesMatch', () => {
  test.each([
    ['Acme Corp', 'ACME Corporation'],
    ['ACME Corporation', 'Acme, Inc.'],
    ['Acme Corp', 'Acme, Inc.'],
    ['Globex', 'Globexx'],
    ['Globex Corporation', 'Globx Corp'],
    ['Initech', 'Initehc'],
    ['Micro Soft', 'Microsoft Corp'],
    ['Umbrella Corporation', 'Umbrela Corp'],
    ['Wayne Enterprises', 'Wayne Enterprizes Inc'],
    ['Consolidated Widgets', 'Consolidatd Widgetz Ltd'],
    ['Müller GmbH', 'Muller AG'],
  ])('%p ~ %p', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
    expect(namesMatch(b, a)).toBe(true);
  });

  test.each([
    ['Acme', 'Acne Studios'],
    ['Acme', 'Acne'],
    ['Acme', 'Acme Studios'],
    ['Beta', 'Betas'],
    ['Northwind Traders', 'Northwind Trading'],
    ['Umbra', 'Umbrella'],
    ['Delta', 'Delta Airlines'],
    ['Stark Industries', 'Stark Logistics'],
    ['Crystal Motors', 'Coastal Motors'],
    ['', ''],
    ['Inc', 'Ltd'],
  ])('%p !~ %p', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
  });
});

test.each([
  ['globex', 'globexx', 1],
  ['initech', 'initehc', 1],
  ['kitten', 'sitting', 3],
  ['', 'abc', 3],
  ['same', 'same', 0],
])('editDistance(%p, %p) = %i', (a, b, expected) => {
  expect(editDistance(a, b)).toBe(expected);
});
