/**
 * The emulator keeps the time spent inside its emulated services apart (Runtime.emulatorTimeMs), so the
 * benchmark can report the script's own JavaScript time: on Apps Script the services' work happens in
 * Google's backends, not in the script.
 */
import { Emulator } from '../../../emulator/harness';

const OWNER = 'owner@acme.test';

const SCRIPT = `
function bigRead() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getDataRange().getValues().length;
}
function busyScript() {
  var x = 0;
  for (var i = 0; i < 3e6; i++) x = (x + i * 7) % 1000003;
  return x;
}
`;

function emulator(): Emulator {
  const rows = Array.from({ length: 20_000 }, (_, i) => [i, `row ${i}`, i % 7 === 0, i * 1.5]);
  return new Emulator({ owner: OWNER, sheets: { Data: rows } }).load(SCRIPT);
}

test('time inside an emulated service call counts as emulator time', () => {
  const emu = emulator();
  const before = emu.rt.emulatorTimeMs();
  expect(emu.call(OWNER, 'bigRead')).toBe(20_000);
  expect(emu.rt.emulatorTimeMs()).toBeGreaterThan(before);
});

test("the script's own loop adds no emulator time", () => {
  const emu = emulator();
  const before = emu.rt.emulatorTimeMs();
  emu.call(OWNER, 'busyScript');
  expect(emu.rt.emulatorTimeMs() - before).toBe(0);
});
