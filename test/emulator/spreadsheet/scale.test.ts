import { loadSheets } from '../../../emulator/spreadsheet';
import { setup } from './helpers';

test('100,000 rows x 20 columns load and read back with getValues', () => {
  const { ss } = setup();
  const rows = Array.from({ length: 100_000 }, (_, i) =>
    Array.from({ length: 20 }, (_, j) => (j === 0 ? `L-${i}` : i * 20 + j)),
  );
  loadSheets(ss, { Big: rows });
  const sheet = ss.getSheetByName('Big')!;
  expect(sheet.getLastRow()).toBe(100_000);
  const values = sheet.getRange(1, 1, 100_000, 20).getValues();
  expect(values[99_999][0]).toBe('L-99999');
  expect(values[99_999][19]).toBe(99_999 * 20 + 19);
});
