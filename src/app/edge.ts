/**
 * The edge of every server function: its arguments checked against the shared schema
 * (src/shared/schema/server-args.ts) before anything is read or written; the person gets every
 * problem, each naming the argument.
 */
import type { ServerApi } from '../shared/api';
import { serverArgProblems } from '../shared/schema/server-args';
import { fail } from './user-error';

export function edge(name: keyof ServerApi, ...args: unknown[]): void {
  const problems = serverArgProblems(name, args);
  if (problems.length) fail(problems);
}
