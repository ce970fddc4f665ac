import { cleanArgs, plainDataProblem, withoutUndefined } from '../../sidebar/common/plain';

describe('plain data check', () => {
  test('accepts strings, finite numbers, booleans, null, arrays and plain objects', () => {
    expect(plainDataProblem({ a: 'x', b: 1.5, c: true, d: null, e: [1, { f: 'g' }] })).toBeNull();
    expect(plainDataProblem(Object.create(null))).toBeNull();
  });

  test('names the path of the first illegal value', () => {
    expect(plainDataProblem({ a: [1, { when: new Date(0) }] })).toBe(
      'value.a[1].when is a Date (send an ISO string)',
    );
    expect(plainDataProblem({ f: () => 1 })).toBe('value.f is a function');
    expect(plainDataProblem([Infinity])).toBe('value[0] is Infinity, which is not a finite number');
    expect(plainDataProblem(new Set())).toBe('value is a Set');
    expect(plainDataProblem(10n)).toBe('value is a bigint');
    expect(plainDataProblem([undefined])).toBe('value[0] is undefined');
  });

  test('refuses cycles but accepts the same object twice', () => {
    const shared = { x: 1 };
    expect(plainDataProblem({ a: shared, b: shared })).toBeNull();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(plainDataProblem(loop)).toBe('value.self refers back to itself');
  });

  test('cleanArgs drops trailing undefined and undefined properties, refuses a middle undefined', () => {
    expect(cleanArgs('f', ['a', { b: undefined, c: 1 }, undefined])).toEqual(['a', { c: 1 }]);
    expect(() => cleanArgs('f', ['a', undefined, 'c'])).toThrow('f: argument 2 is undefined');
    expect(withoutUndefined([{ a: undefined, b: [{ c: undefined }] }])).toEqual([{ b: [{}] }]);
  });
});
