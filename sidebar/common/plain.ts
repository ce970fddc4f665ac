/**
 * google.script.run accepts only plain data: strings, numbers, booleans, null, and arrays and plain
 * objects of those. Date, functions, DOM nodes, class instances, NaN/Infinity and cycles are refused
 * here, before sending, with the path of the offending value.
 */

/** Describes the first value that cannot cross google.script.run, or null when all of it can. */
export function plainDataProblem(value: unknown, path = 'value'): string | null {
  return check(value, path, new Set());
}

function check(value: unknown, path: string, seen: Set<object>): string | null {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path} is ${String(value)}, which is not a finite number`;
    case 'undefined':
      return `${path} is undefined`;
    case 'bigint':
    case 'symbol':
    case 'function':
      return `${path} is a ${typeof value}`;
  }
  const obj = value as object;
  if (seen.has(obj)) return `${path} refers back to itself`;
  if (Array.isArray(obj)) {
    seen.add(obj);
    for (let i = 0; i < obj.length; i++) {
      const problem = check(obj[i], `${path}[${i}]`, seen);
      if (problem) return problem;
    }
    seen.delete(obj);
    return null;
  }
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    const kind = obj instanceof Date ? 'a Date (send an ISO string)' : `a ${describeClass(obj)}`;
    return `${path} is ${kind}`;
  }
  seen.add(obj);
  for (const [key, item] of Object.entries(obj)) {
    if (item === undefined) continue; // optional field left out: dropped by cleanArgs
    const problem = check(item, `${path}.${key}`, seen);
    if (problem) return problem;
  }
  seen.delete(obj);
  return null;
}

function describeClass(obj: object): string {
  const name = (obj as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? name : 'non-plain object';
}

/** A copy without undefined object properties (optional fields left out). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutUndefined(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = withoutUndefined(item);
    }
    return out as T;
  }
  return value;
}

/**
 * The arguments as they are sent: trailing undefined arguments dropped (optional parameters left
 * out), undefined object properties removed. Throws a TypeError naming the first illegal value.
 */
export function cleanArgs(name: string, args: readonly unknown[]): unknown[] {
  const list = [...args];
  while (list.length && list[list.length - 1] === undefined) list.pop();
  list.forEach((arg, i) => {
    const problem = plainDataProblem(arg, `argument ${i + 1}`);
    if (problem) throw new TypeError(`${name}: ${problem}; only plain data can be sent to the server`);
  });
  return list.map((arg) => withoutUndefined(arg));
}
