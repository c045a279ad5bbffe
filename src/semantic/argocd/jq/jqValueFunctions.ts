import type { JsonObject, JsonValue } from '../../../json/JsonValue.js';
import { isJsonObject } from '../../../json/ownProperty.js';
import type { JqNode } from './JqAst.js';
import { evaluate, valueOf, type Env, type Out } from './evalJq.js';
import { subarrayIndices } from './jqIndex.js';
import { compileJqRegex } from './jqRegex.js';
import { compareJq, describeJq, jqFail, jqType, sortedKeys, splitString, toJqJson, truthy } from './jqValues.js';

/**
 * A function of jq: its arguments (unevaluated), its input, the environment.
 * @example
 * ```ts
 * const identity: JqFunctionImpl = function* (_args, input) { yield input; };
 * ```
 * @internal
 */
export type JqFunctionImpl = (args: readonly JqNode[], input: Out, env: Env) => Iterable<Out>;

/**
 * A function of the input and of its arguments' values (every combination, the first argument varying slowest).
 * @example
 * ```ts
 * const length = valueFn((v) => (Array.isArray(v) ? v.length : 0));
 * ```
 * @internal
 */
export function valueFn(f: (v: JsonValue, ...args: JsonValue[]) => JsonValue): JqFunctionImpl {
  return function* (args, input, env) {
    const combine = function* (i: number, values: JsonValue[]): Generator<Out> {
      if (i === args.length) {
        yield { v: f(input.v, ...values), p: input.p };
        return;
      }
      for (const a of evaluate(args[i]!, valueOf(input), env)) yield* combine(i + 1, [...values, a.v]);
    };
    yield* combine(0, []);
  };
}

/**
 * gojq's type errors.
 * @example
 * ```ts
 * typeError0('length', true); // throws: length cannot be applied to: boolean (true)
 * ```
 * @internal
 */
export const typeError0 = (name: string, v: JsonValue): never => jqFail(`${name} cannot be applied to: ${describeJq(v)}`);
/**
 * gojq's type error of a function with one argument.
 * @example
 * ```ts
 * typeError1('has', [1], 'a'); // throws: has("a") cannot be applied to: array ([1])
 * ```
 * @internal
 */
export const typeError1 = (name: string, v: JsonValue, a: JsonValue): never => jqFail(`${name}(${toJqJson(a)}) cannot be applied to: ${describeJq(v)}`);

function length(v: JsonValue): JsonValue {
  if (v === null) return 0;
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return Array.from(v).length;
  if (Array.isArray(v)) return v.length;
  if (isJsonObject(v)) return Object.keys(v).length;
  return typeError0('length', v);
}

function contains(a: JsonValue, b: JsonValue): boolean {
  if (jqType(a) !== jqType(b)) return typeError1('contains', a, b);
  if (typeof a === 'string') return a.includes(b as string);
  if (Array.isArray(a)) return (b as JsonValue[]).every((y) => a.some((x) => jqType(x) === jqType(y) && contains(x, y)));
  if (isJsonObject(a)) {
    const o = b as JsonObject;
    return Object.keys(o).every((k) => Object.hasOwn(a, k) && jqType(a[k]!) === jqType(o[k]!) && contains(a[k]!, o[k]!));
  }
  return compareJq(a, b) === 0;
}

function positions(name: string, v: JsonValue, needle: JsonValue): number[] | null {
  if (v === null) return null;
  if (typeof v === 'string' && typeof needle === 'string') {
    if (needle === '') return [];
    const chars = Array.from(v);
    const n = Array.from(needle);
    const found: number[] = [];
    for (let i = 0; i + n.length <= chars.length; i++) if (n.every((c, j) => chars[i + j] === c)) found.push(i);
    return found;
  }
  if (Array.isArray(v)) return subarrayIndices(v, Array.isArray(needle) ? needle : [needle]) as number[] | null;
  return typeError1(name, v, needle);
}

function stringFn(name: string, f: (s: string, a: string) => JsonValue): JqFunctionImpl {
  return valueFn((v, a) => (typeof v === 'string' && typeof a === 'string' ? f(v, a) : typeError1(name, v, a!)));
}

function tonumber(v: JsonValue): JsonValue {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(v)) return Number(v);
  if (typeof v === 'string') return jqFail(`tonumber cannot be applied to ${JSON.stringify(v)}: invalid number`);
  return typeError0('tonumber', v);
}

function joinValues(v: JsonValue, sep: JsonValue): JsonValue {
  if (!Array.isArray(v) || typeof sep !== 'string') return typeError1('join', v, sep);
  return v
    .map((x) => {
      if (x === null) return '';
      if (typeof x === 'string') return x;
      if (typeof x === 'number' || typeof x === 'boolean') return toJqJson(x);
      return jqFail(`join cannot be applied to an array including: ${describeJq(x)}`);
    })
    .join(sep);
}

function hasKey(o: JsonValue, k: JsonValue): boolean {
  if (isJsonObject(o) && typeof k === 'string') return Object.hasOwn(o, k);
  if (Array.isArray(o) && typeof k === 'number') return k >= 0 && k < o.length;
  return typeError1('has', o, k);
}

function regexTest(v: JsonValue, re: JsonValue, flags: JsonValue): JsonValue {
  if (typeof v !== 'string') return jqFail(`test(${toJqJson(re)}; ${toJqJson(flags)}) cannot be applied to: ${describeJq(v)}`);
  return compileJqRegex(re, flags, 'test', v).test(v);
}

/**
 * The functions of values: their input and their arguments' values, no paths.
 * @example
 * ```ts
 * Object.hasOwn(VALUE_FUNCTIONS, 'length/0'); // true
 * ```
 * @internal
 */
export const VALUE_FUNCTIONS: Readonly<Record<string, JqFunctionImpl>> = {
  'length/0': valueFn(length),
  'utf8bytelength/0': valueFn((v) => (typeof v === 'string' ? new TextEncoder().encode(v).length : typeError0('utf8bytelength', v))),
  'not/0': valueFn((v) => !truthy(v)),
  'type/0': valueFn(jqType),
  'keys/0': valueFn((v) => (isJsonObject(v) ? sortedKeys(v) : Array.isArray(v) ? v.map((_, i) => i) : typeError0('keys', v))),
  'has/1': valueFn((v, k) => {
    if (isJsonObject(v) && typeof k === 'string') return Object.hasOwn(v, k);
    if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
    return typeError1('has', v, k!);
  }),
  'in/1': valueFn((k, o) => hasKey(o!, k)),
  'contains/1': valueFn((v, b) => contains(v, b!)),
  'inside/1': valueFn((v, b) => contains(b!, v)),
  'tostring/0': valueFn((v) => (typeof v === 'string' ? v : toJqJson(v))),
  'tojson/0': valueFn(toJqJson),
  'fromjson/0': valueFn((v) => {
    if (typeof v !== 'string') return typeError0('fromjson', v);
    try {
      return JSON.parse(v) as JsonValue;
    } catch {
      return jqFail(`fromjson cannot be applied to ${JSON.stringify(v)}: invalid json`);
    }
  }),
  'tonumber/0': valueFn(tonumber),
  'ascii_downcase/0': valueFn((v) => (typeof v === 'string' ? v.replace(/[A-Z]/g, (c) => c.toLowerCase()) : typeError0('ascii_downcase', v))),
  'ascii_upcase/0': valueFn((v) => (typeof v === 'string' ? v.replace(/[a-z]/g, (c) => c.toUpperCase()) : typeError0('ascii_upcase', v))),
  'startswith/1': stringFn('startswith', (s, a) => s.startsWith(a)),
  'endswith/1': stringFn('endswith', (s, a) => s.endsWith(a)),
  'ltrimstr/1': stringFn('ltrimstr', (s, a) => (s.startsWith(a) ? s.slice(a.length) : s)),
  'rtrimstr/1': stringFn('rtrimstr', (s, a) => (a !== '' && s.endsWith(a) ? s.slice(0, s.length - a.length) : s)),
  'trim/0': valueFn((v) => (typeof v === 'string' ? v.trim() : typeError0('trim', v))),
  'ltrim/0': valueFn((v) => (typeof v === 'string' ? v.trimStart() : typeError0('ltrim', v))),
  'rtrim/0': valueFn((v) => (typeof v === 'string' ? v.trimEnd() : typeError0('rtrim', v))),
  'split/1': stringFn('split', (s, a) => splitString(s, a)),
  'join/1': valueFn((v, sep) => joinValues(v, sep!)),
  'test/1': valueFn((v, re) => regexTest(v, re!, null)),
  'test/2': valueFn((v, re, flags) => regexTest(v, re!, flags!)),
  'index/1': valueFn((v, n) => positions('index', v, n!)?.[0] ?? null),
  'rindex/1': valueFn((v, n) => positions('rindex', v, n!)?.at(-1) ?? null),
  'indices/1': valueFn((v, n) => positions('indices', v, n!)),
  'min/0': valueFn((v) => (Array.isArray(v) ? (v.length === 0 ? null : v.reduce((m, x) => (compareJq(x, m) < 0 ? x : m))) : typeError0('min', v))),
  'max/0': valueFn((v) => (Array.isArray(v) ? (v.length === 0 ? null : v.reduce((m, x) => (compareJq(x, m) >= 0 ? x : m))) : typeError0('max', v))),
  'sort/0': valueFn((v) => (Array.isArray(v) ? [...v].sort(compareJq) : typeError0('sort', v))),
  'unique/0': valueFn((v) => (Array.isArray(v) ? [...v].sort(compareJq).filter((x, i, a) => i === 0 || compareJq(a[i - 1]!, x) !== 0) : typeError0('unique', v))),
  'reverse/0': valueFn((v) => (Array.isArray(v) ? [...v].reverse() : typeof v === 'string' ? Array.from(v).reverse().join('') : v === null ? [] : typeError0('reverse', v))),
  'abs/0': valueFn((v) => (typeof v === 'number' ? Math.abs(v) : typeError0('abs', v))),
  'floor/0': valueFn((v) => (typeof v === 'number' ? Math.floor(v) : typeError0('floor', v))),
  'ceil/0': valueFn((v) => (typeof v === 'number' ? Math.ceil(v) : typeError0('ceil', v))),
  'round/0': valueFn((v) => (typeof v === 'number' ? Math.sign(v) * Math.round(Math.abs(v)) : typeError0('round', v))),
  'explode/0': valueFn((v) => (typeof v === 'string' ? Array.from(v, (c) => c.codePointAt(0)!) : typeError0('explode', v))),
};
