import { serializeForScriptRun } from '../../../emulator/script-run';
import { parseDuration } from '../../../emulator/duration';

describe('google.script.run serialization', () => {
  it('carries numbers, booleans, strings, null and nested plain objects and arrays as copies', () => {
    const value = { a: 1, b: [true, 'x', null, { c: 2.5 }] };
    const copy = serializeForScriptRun(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });

  it('refuses a Date even nested, naming where it is', () => {
    expect(() => serializeForScriptRun({ lead: { closedOn: new Date() } })).toThrow(
      /illegal value in property: value\.lead\.closedOn/,
    );
  });

  it('refuses functions and class instances', () => {
    expect(() => serializeForScriptRun([() => 1])).toThrow(/a function/);
    expect(() => serializeForScriptRun(new Map())).toThrow(/instance of Map/);
  });

  it('drops undefined properties and turns undefined into null', () => {
    expect(serializeForScriptRun({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(serializeForScriptRun(undefined)).toBeNull();
  });
});

describe('ISO 8601 durations for the clock', () => {
  it.each([
    ['P31D', 31 * 86400000],
    ['PT1H', 3600000],
    ['P1DT2H30M', 86400000 + 2.5 * 3600000],
    ['PT90S', 90000],
    ['P2W', 14 * 86400000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['P1M', 'P', 'PT', '31D', 'P1Y'])('refuses %s', (text) => {
    expect(() => parseDuration(text)).toThrow(/not an ISO 8601 duration/);
  });
});
