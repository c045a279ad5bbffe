import type { JsonValue } from '../../../json/JsonValue.js';
import { isJsonObject } from '../../../json/ownProperty.js';

/**
 * An error a jq program raises while it runs: Argo CD then skips the rule. `value` is what `catch` receives.
 * @example
 * ```ts
 * throw new JqRuntimeError('cannot iterate over: null');
 * ```
 * @internal
 */
export class JqRuntimeError extends Error {
  constructor(readonly value: JsonValue) {
    super(typeof value === 'string' ? value : `error: ${toJqJson(value)}`);
  }
}

/**
 * jq's name of a value's type.
 * @example
 * ```ts
 * jqType([]); // 'array'
 * ```
 * @internal
 */
export function jqType(v: JsonValue): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'boolean' | 'number' | 'string' | 'object';
}

/**
 * gojq's `type (preview)` in error messages.
 * @example
 * ```ts
 * describeJq('x'); // 'string ("x")'
 * ```
 * @internal
 */
export function describeJq(v: JsonValue): string {
  if (v === null) return 'null';
  const text = toJqJson(v);
  return `${jqType(v)} (${text.length > 30 ? `${text.slice(0, 25)} ...` : text})`;
}

/**
 * Throws a runtime error.
 * @example
 * ```ts
 * jqFail('cannot iterate over: null'); // throws JqRuntimeError
 * ```
 * @internal
 */
export function jqFail(message: string): never {
  throw new JqRuntimeError(message);
}

/**
 * `false` and `null` are false; everything else is true.
 * @example
 * ```ts
 * truthy(0); // true: only false and null are false
 * ```
 * @internal
 */
export function truthy(v: JsonValue): boolean {
  return v !== null && v !== false;
}

const ORDER = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5 } as const;

/**
 * jq's total order: null < false < true < numbers < strings (by code point) < arrays < objects (by sorted keys, then values).
 * @example
 * ```ts
 * compareJq(null, false); // < 0: null sorts first
 * ```
 * @internal
 */
export function compareJq(a: JsonValue, b: JsonValue): number {
  const ta = jqType(a);
  const tb = jqType(b);
  if (ta !== tb) return ORDER[ta] - ORDER[tb];
  switch (ta) {
    case 'null':
      return 0;
    case 'boolean':
      return Number(a) - Number(b);
    case 'number':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'string':
      return compareCodePoints(a as string, b as string);
    case 'array': {
      const x = a as JsonValue[];
      const y = b as JsonValue[];
      for (let i = 0; i < x.length && i < y.length; i++) {
        const c = compareJq(x[i]!, y[i]!);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    default: {
      const x = a as { [k: string]: JsonValue };
      const y = b as { [k: string]: JsonValue };
      const kx = sortedKeys(x);
      const ky = sortedKeys(y);
      const keys = compareJq(kx, ky);
      if (keys !== 0) return keys;
      for (const k of kx) {
        const c = compareJq(x[k]!, y[k]!);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
}

/**
 * Compares strings by code point (Go compares UTF-8 bytes, which orders the same).
 * @example
 * ```ts
 * compareCodePoints('\uFFFF', '\u{1F600}'); // < 0 (UTF-16 order says otherwise)
 * ```
 * @internal
 */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The keys of an object in code-point order (gojq's order for `keys`, `.[]` and JSON output).
 * @example
 * ```ts
 * sortedKeys({ b: 1, a: 2 }); // ['a', 'b']
 * ```
 * @internal
 */
export function sortedKeys(o: { readonly [k: string]: JsonValue }): string[] {
  return Object.keys(o).sort(compareCodePoints);
}

/**
 * JSON text as gojq writes it: keys sorted, non-finite numbers as the largest float or `null`.
 * @example
 * ```ts
 * toJqJson({ b: 1, a: [1] }); // '{"a":[1],"b":1}'
 * ```
 * @internal
 */
export function toJqJson(v: JsonValue): string {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'null';
    if (!Number.isFinite(v)) return v > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308';
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(toJqJson).join(',')}]`;
  if (isJsonObject(v)) return `{${sortedKeys(v).map((k) => `${JSON.stringify(k)}:${toJqJson(v[k]!)}`).join(',')}}`;
  return JSON.stringify(v);
}

/**
 * The binary operators of jq on two values, with gojq's results and errors.
 * @example
 * ```ts
 * applyOperator('%', -7, 3); // -1
 * ```
 * @internal
 */
export function applyOperator(op: string, l: JsonValue, r: JsonValue): JsonValue {
  switch (op) {
    case '==':
      return compareJq(l, r) === 0;
    case '!=':
      return compareJq(l, r) !== 0;
    case '<':
      return compareJq(l, r) < 0;
    case '<=':
      return compareJq(l, r) <= 0;
    case '>':
      return compareJq(l, r) > 0;
    case '>=':
      return compareJq(l, r) >= 0;
    case '+':
      return add(l, r);
    case '-':
      if (typeof l === 'number' && typeof r === 'number') return l - r;
      if (Array.isArray(l) && Array.isArray(r)) return l.filter((x) => !r.some((y) => compareJq(x, y) === 0));
      return jqFail(`cannot subtract: ${describeJq(l)} and ${describeJq(r)}`);
    case '*':
      return multiply(l, r);
    case '/':
      if (typeof l === 'number' && typeof r === 'number') {
        if (r === 0) jqFail(`cannot divide ${describeJq(l)} by: ${describeJq(r)}`);
        return l / r;
      }
      if (typeof l === 'string' && typeof r === 'string') return splitString(l, r);
      return jqFail(`cannot divide: ${describeJq(l)} and ${describeJq(r)}`);
    default: {
      if (typeof l !== 'number' || typeof r !== 'number') return jqFail(`cannot modulo: ${describeJq(l)} and ${describeJq(r)}`);
      const d = Math.trunc(r);
      if (d === 0) jqFail(`cannot modulo ${describeJq(l)} by: ${describeJq(r)}`);
      const m = Math.trunc(l) % Math.abs(d);
      return m === 0 ? 0 : m;
    }
  }
}

/**
 * `+`: numbers add, strings and arrays concatenate, objects merge (right wins), `null` is neutral.
 * @example
 * ```ts
 * add(null, [1]); // [1]
 * ```
 * @internal
 */
export function add(l: JsonValue, r: JsonValue): JsonValue {
  if (l === null) return r;
  if (r === null) return l;
  if (typeof l === 'number' && typeof r === 'number') return l + r;
  if (typeof l === 'string' && typeof r === 'string') return l + r;
  if (Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
  if (isJsonObject(l) && isJsonObject(r)) return { ...l, ...r };
  return jqFail(`cannot add: ${describeJq(l)} and ${describeJq(r)}`);
}

function multiply(l: JsonValue, r: JsonValue): JsonValue {
  if (typeof l === 'number' && typeof r === 'number') return l * r;
  if (typeof l === 'string' && typeof r === 'number') return repeat(l, r);
  if (typeof l === 'number' && typeof r === 'string') return repeat(r, l);
  if (isJsonObject(l) && isJsonObject(r)) return deepMerge(l, r);
  return jqFail(`cannot multiply: ${describeJq(l)} and ${describeJq(r)}`);
}

function repeat(s: string, n: number): JsonValue {
  if (n < 0 || Number.isNaN(n)) return null;
  const times = n < 1 && n > 0 ? 1 : Math.trunc(n);
  return s.repeat(times);
}

function deepMerge(l: { [k: string]: JsonValue }, r: { [k: string]: JsonValue }): JsonValue {
  const out: { [k: string]: JsonValue } = { ...l };
  for (const [k, v] of Object.entries(r)) {
    const left = out[k];
    out[k] = isJsonObject(left) && isJsonObject(v) ? deepMerge(left, v) : v;
  }
  return out;
}

/**
 * Splits on a literal separator; `""` splits into characters, an empty input gives `[]`.
 * @example
 * ```ts
 * splitString('a,b', ','); // ['a', 'b']
 * ```
 * @internal
 */
export function splitString(s: string, separator: string): JsonValue {
  if (s === '') return [];
  return separator === '' ? Array.from(s) : s.split(separator);
}
