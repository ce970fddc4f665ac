/**
 * Compile-time check that src/index.ts is the server the sidebar calls: for every endpoint of
 * `ServerApi` (src/shared/api.ts, what sidebar/common/client.ts types google.script.run with),
 * index.ts exports a function with exactly the same parameters and return type. A drift (a
 * missing export, a parameter added, removed or retyped, a different result) makes `npm run
 * typecheck` fail here, naming the endpoint. Types only: nothing here reaches dist/Code.js.
 */
import type * as Server from './index';
import type { ServerApi } from './shared/api';

/** True when A and B are the same type (not merely assignable one to the other). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The endpoints whose export in index.ts is missing or differs from ServerApi's. */
type Drift = {
  [K in keyof ServerApi]: K extends keyof typeof Server
    ? (typeof Server)[K] extends (...args: infer P) => infer R
      ? Same<P, Parameters<ServerApi[K]>> extends true
        ? Same<R, ReturnType<ServerApi[K]>> extends true
          ? never
          : K
        : K
      : K
    : K;
}[keyof ServerApi];

/** Fails with "Type '"<endpoint>"' does not satisfy the constraint 'never'" on a drift. */
type NoDrift<K extends never> = K;

export type ServerApiChecked = NoDrift<Drift>;
