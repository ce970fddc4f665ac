/**
 * The import graph of src/, built with TypeScript's own module resolution (the compiler the project
 * already has): every `import`, `import type`, `export ... from` and `import()` of each file under
 * src/, resolved as tsconfig.json resolves it. An edge is `typeOnly` when every import of that
 * module in the file is type-only (`import type`, `import { type X }`, `export type ... from`):
 * the compiler erases it, so it loads nothing at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../..');
export const SRC = path.join(ROOT, 'src');

export interface ImportEdge {
  /** The text after `from`. */
  specifier: string;
  /** The file it resolves to, relative to the repository root ("src/app/menu.ts"); null for a package. */
  target: string | null;
  typeOnly: boolean;
}

/** File (relative to the repository root, forward slashes) -> what it imports. */
export type ImportGraph = Map<string, ImportEdge[]>;

export const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** The specifiers some statement of the file imports or re-exports values from. */
function valueSpecifiers(source: ts.SourceFile): Set<string> {
  const values = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!bindings &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) values.add(statement.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const clause = statement.exportClause;
      const typeOnly =
        statement.isTypeOnly ||
        (!!clause &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) values.add(statement.moduleSpecifier.text);
    }
  }
  // import('...') anywhere loads a module at run time.
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      values.add(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return values;
}

export function importGraph(): ImportGraph {
  const options = compilerOptions();
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(SRC).sort()) {
    const text = readFileSync(file, 'utf8');
    const values = valueSpecifiers(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const specifiers = [...new Set(importedFiles.map((f) => f.fileName))];
    const edges = specifiers.map((specifier): ImportEdge => {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      const inside = resolved && !resolved.isExternalLibraryImport;
      return {
        specifier,
        target: inside ? relative(resolved.resolvedFileName) : null,
        typeOnly: !values.has(specifier),
      };
    });
    graph.set(relative(file), edges);
  }
  return graph;
}

/** A set of files that import one another, and one cycle through them. */
export interface ImportCycle {
  /** Every file of the strongly connected component, sorted. */
  files: string[];
  /** A shortest cycle through its first file, that file repeated at the end. */
  cycle: string[];
}

/**
 * The import cycles among the files of `graph` (following only value imports when `valuesOnly`):
 * one per strongly connected component of more than one file, or a file importing itself.
 */
export function importCycles(graph: ImportGraph, valuesOnly = false): ImportCycle[] {
  const next = (file: string): string[] => {
    const edges = (graph.get(file) ?? []).filter((e) => !valuesOnly || !e.typeOnly);
    return [...new Set(edges.flatMap((e) => (e.target && graph.has(e.target) ? [e.target] : [])))].sort();
  };
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next(file)) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || next(file).includes(file)) components.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.sort().map((component) => {
    const members = new Set(component);
    const start = component[0];
    // Breadth-first from the start, inside the component, until an edge leads back to it.
    const parent = new Map<string, string>();
    const queue = [start];
    let last: string | null = null;
    for (let i = 0; i < queue.length && last === null; i++) {
      for (const to of next(queue[i])) {
        if (!members.has(to)) continue;
        if (to === start) {
          last = queue[i];
          break;
        }
        if (parent.has(to)) continue;
        parent.set(to, queue[i]);
        queue.push(to);
      }
    }
    const cycle: string[] = [];
    for (let at = last; at !== null && at !== start; at = parent.get(at) ?? null) cycle.unshift(at);
    return { files: component, cycle: [start, ...cycle, start] };
  });
}
