/**
 * No import cycles in src/: a module is read before what it imports, or they are one module. The
 * graph is TypeScript's own resolution of every import (test/architecture/import-graph.ts).
 */
import { importCycles, importGraph } from './import-graph';

const graph = importGraph();
const show = (cycles: ReturnType<typeof importCycles>): string[] => cycles.map((c) => c.cycle.join(' -> '));

describe('import cycles in src/', () => {
  it('reads the whole of src/', () => {
    expect(graph.has('src/index.ts')).toBe(true);
    expect(graph.size).toBeGreaterThan(150);
  });

  it('none through the imports that load code (value imports)', () => {
    expect(show(importCycles(graph, true))).toEqual([]);
  });

  it('none through type-only imports either', () => {
    expect(show(importCycles(graph))).toEqual([]);
  });

  it('finds a cycle when there is one (two files, a file importing itself, type-only)', () => {
    const edge = (target: string, typeOnly = false) => ({ specifier: target, target, typeOnly });
    const made = new Map([
      ['a.ts', [edge('b.ts')]],
      ['b.ts', [edge('c.ts'), edge('pkg')]],
      ['c.ts', [edge('a.ts', true)]],
      ['d.ts', [edge('d.ts')]],
      ['e.ts', [edge('a.ts')]],
    ]);
    expect(importCycles(made)).toEqual([
      { files: ['a.ts', 'b.ts', 'c.ts'], cycle: ['a.ts', 'b.ts', 'c.ts', 'a.ts'] },
      { files: ['d.ts'], cycle: ['d.ts', 'd.ts'] },
    ]);
    expect(importCycles(made, true)).toEqual([{ files: ['d.ts'], cycle: ['d.ts', 'd.ts'] }]);
  });
});
