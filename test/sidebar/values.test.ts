import {
  formatAmount,
  formatInstant,
  fromScaled,
  groupBy,
  isoDay,
  localIsoDay,
  pick,
  readAll,
  readEntries,
  toScaled,
  totalsByCurrency,
} from '../../sidebar/common/values';

describe('reading form values', () => {
  test('trims text, leaves out empty fields and files', () => {
    const file = { name: 'x.csv' };
    const values = readEntries([
      ['company', '  Acme Inc  '],
      ['domain', '   '],
      ['notes', ''],
      ['upload', file],
      ['estimatedValue', '1200.50'],
    ]);
    expect(values).toEqual({ company: 'Acme Inc', estimatedValue: '1200.50' });
  });

  test('text that looks like markup or a formula is kept exactly as typed', () => {
    const values = readEntries([
      ['company', '<img src=x onerror=alert(1)>'],
      ['notes', '=HYPERLINK("x")'],
    ]);
    expect(values.company).toBe('<img src=x onerror=alert(1)>');
    expect(values.notes).toBe('=HYPERLINK("x")');
  });

  test('readAll returns every checked value of a name; pick keeps the listed keys', () => {
    const entries: Array<[string, unknown]> = [
      ['ids', 'C-1'],
      ['reason', 'dup'],
      ['ids', 'C-3'],
    ];
    expect(readAll(entries, 'ids')).toEqual(['C-1', 'C-3']);
    expect(pick({ a: '1', b: '2', c: '3' }, ['c', 'a', 'z'])).toEqual({ c: '3', a: '1' });
  });

  test('localIsoDay gives the yyyy-mm-dd an input type=date holds', () => {
    expect(localIsoDay(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02');
  });
});

describe('display helpers', () => {
  test('amounts use the currency decimals and never lose digits', () => {
    expect(formatAmount(12000, 'USD')).toBe('12,000.00 USD');
    expect(formatAmount('1234.5', 'KWD')).toBe('1,234.500 KWD');
    expect(formatAmount(5000, 'JPY')).toBe('5,000 JPY');
    expect(formatAmount('999999999999.99', 'USD')).toBe('999,999,999,999.99 USD');
    expect(formatAmount(null, 'USD')).toBe('');
    expect(formatAmount('n/a', 'USD')).toBe('n/a USD');
  });

  test('totals per currency are exact', () => {
    expect(toScaled(0.1)).toBe(100000n);
    expect(fromScaled(toScaled('-12.50') as bigint)).toBe('-12.5');
    expect(toScaled('abc')).toBeNull();
    const lines = [
      { amount: 0.1, currency: 'USD' },
      { amount: 0.2, currency: 'USD' },
      { amount: 500, currency: 'JPY' },
      { amount: '-0.05', currency: 'USD' },
    ];
    expect(totalsByCurrency(lines)).toBe('0.25 USD · 500 JPY');
  });

  test('instants and days', () => {
    expect(formatInstant('2026-03-02T09:05:41.123Z')).toBe('2026-03-02 09:05 UTC');
    expect(formatInstant('2026-03-02')).toBe('2026-03-02');
    expect(isoDay('2026-03-02T09:05:41.123Z')).toBe('2026-03-02');
  });

  test('groupBy keeps first-seen order', () => {
    const groups = groupBy(['b1', 'a1', 'b2'], (s) => s[0]);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')).toEqual(['b1', 'b2']);
  });
});
