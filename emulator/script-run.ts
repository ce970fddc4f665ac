/**
 * google.script.run's serialization rules. What crosses between the sidebar and the server may be
 * numbers, booleans, strings, null, and arrays/objects of those. Dates, functions, symbols, class
 * instances other than plain objects and arrays, and DOM nodes are illegal, even nested. Values
 * cross as copies (the server never sees the client's objects).
 *
 * The real service fails an illegal argument with "Failed due to illegal value in property: <key>";
 * an illegal return value does not reach the client. The emulator fails both loudly, naming the path,
 * so a Date that would be silently lost in Sheets fails a test here.
 */

export function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export class ScriptRunSerializationError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`Failed due to illegal value in property: ${path} (${kind} cannot cross google.script.run)`);
    this.name = 'ScriptRunSerializationError';
  }
}

/** A deep copy of `value` as google.script.run would deliver it; throws on anything illegal. */
export function serializeForScriptRun(value: unknown, path = 'value'): unknown {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return value;
  if (type === 'number') return Number.isFinite(value) ? value : null;
  if (type === 'function') throw new ScriptRunSerializationError(path, 'a function');
  if (type === 'symbol' || type === 'bigint') throw new ScriptRunSerializationError(path, `a ${type}`);
  if (isDateLike(value)) throw new ScriptRunSerializationError(path, 'a Date');
  if (Array.isArray(value)) return value.map((item, i) => serializeForScriptRun(item, `${path}.${i}`));
  const proto = Object.getPrototypeOf(value);
  const isPlain = proto === null || Object.getPrototypeOf(proto) === null;
  if (!isPlain) {
    const name = (value as object).constructor?.name ?? 'an object';
    throw new ScriptRunSerializationError(path, `an instance of ${name}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined) continue;
    out[key] = serializeForScriptRun(item, `${path}.${key}`);
  }
  return out;
}
