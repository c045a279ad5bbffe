import type { JsonObject, JsonValue } from '../../../json/JsonValue.js';
import { isJsonObject } from '../../../json/ownProperty.js';
import type { JqNode } from './JqAst.js';
import { checkIntact, evaluate, stepTo, valueOf, type Env, type JqPathElement, type Out } from './evalJq.js';
import { iterate, recurse } from './jqIterate.js';
import { indexValue } from './jqIndex.js';
import { deletePaths } from './jqDelpaths.js';
import { typeError0, typeError1, valueFn, VALUE_FUNCTIONS, type JqFunctionImpl } from './jqValueFunctions.js';
import { add, compareJq, describeJq, jqFail, jqType, JqRuntimeError, sortedKeys, toJqJson, truthy } from './jqValues.js';

type Impl = JqFunctionImpl;

/** `select(type == …)`. */
const selectType = (...types: string[]): Impl =>
  function* (_args, input) {
    if (types.includes(jqType(input.v))) yield input;
  };

/** The first output of `g`, or none. */
function* take(g: Iterable<Out>, n: number): Generator<Out> {
  if (n <= 0) return;
  let i = 0;
  for (const o of g) {
    yield o;
    if (++i >= n) return;
  }
}

function outputs(node: JqNode, input: Out, env: Env): JsonValue[] {
  return Array.from(evaluate(node, valueOf(input), env), (o) => o.v);
}

function anyOf(g: Iterable<Out>, cond: (o: Out) => Iterable<Out>): boolean {
  for (const o of g) for (const c of cond(o)) if (truthy(c.v)) return true;
  return false;
}

function addAll(v: JsonValue): JsonValue {
  const items = Array.isArray(v) ? v : isJsonObject(v) ? sortedKeys(v).map((k) => v[k]!) : typeError0('add', v);
  return items.reduce<JsonValue>((sum, x) => add(sum, x), null);
}

function paths(input: Out, env: Env, filter: JqNode | undefined): Generator<Out> {
  const all = recurse({ v: input.v, p: { path: [], tracked: input.v } }, (x) => iterate(x, true));
  return (function* () {
    for (const o of all) {
      if (o.p!.path.length === 0) continue;
      if (filter !== undefined && !anyOf([{ v: o.v, p: undefined }], (x) => evaluate(filter, x, env))) continue;
      yield { v: o.p!.path as JsonValue, p: input.p };
    }
  })();
}

/**
 * The outputs of `path(f)` on `input`: each output's path, checked as gojq checks it.
 * @example
 * ```ts
 * [...pathsOf(parseJq('.a[]'), { a: [1, 2] }, env)]; // [['a', 0], ['a', 1]]
 * ```
 * @internal
 */
export function* pathsOf(f: JqNode, input: JsonValue, env: Env): Generator<JqPathElement[]> {
  for (const o of evaluate(f, { v: input, p: { path: [], tracked: input } }, env)) {
    checkIntact(o); // the end of path(f): the value must still be the one at the path
    yield [...o.p!.path];
  }
}

const FUNCTIONS: Readonly<Record<string, Impl>> = {
  'empty/0': function* () {},
  'error/0': (_a, input) => {
    throw new JqRuntimeError(input.v);
  },
  'error/1': function* (args, input, env) {
    for (const m of evaluate(args[0]!, valueOf(input), env)) throw new JqRuntimeError(m.v);
  },
  'select/1': function* (args, input, env) {
    for (const c of evaluate(args[0]!, valueOf(input), env)) if (truthy(c.v)) yield input;
  },
  'recurse/0': (_a, input) => recurse(input, (x) => iterate(x, true)),
  'recurse/1': (args, input, env) => recurse(input, (x) => evaluate(args[0]!, x, env)),
  'recurse/2': (args, input, env) =>
    recurse(input, function* (x) {
      for (const y of evaluate(args[0]!, x, env)) for (const c of evaluate(args[1]!, valueOf(y), env)) if (truthy(c.v)) yield y;
    }),
  'first/0': (_a, input) => [stepTo(input, 0, indexValue(input.v, 0))],
  'last/0': (_a, input) => [stepTo(input, -1, indexValue(input.v, -1))],
  'nth/1': function* (args, input, env) {
    for (const n of evaluate(args[0]!, valueOf(input), env)) yield stepTo(input, n.v as JqPathElement, indexValue(input.v, n.v));
  },
  'first/1': (args, input, env) => take(evaluate(args[0]!, input, env), 1),
  'last/1': function* (args, input, env) {
    let last: Out | undefined;
    for (const o of evaluate(args[0]!, input, env)) last = o;
    if (last !== undefined) yield last;
  },
  'limit/2': function* (args, input, env) {
    for (const n of evaluate(args[0]!, valueOf(input), env)) {
      if (typeof n.v === 'number' && n.v < 0) jqFail("error: limit doesn't support negative count");
      yield* take(evaluate(args[1]!, input, env), typeof n.v === 'number' ? Math.ceil(n.v) : 0);
    }
  },
  'nth/2': function* (args, input, env) {
    for (const n of evaluate(args[0]!, valueOf(input), env)) {
      if (typeof n.v !== 'number' || n.v < 0) jqFail("error: nth doesn't support negative index");
      let i = 0;
      for (const o of evaluate(args[1]!, input, env)) if (i++ >= n.v) return yield o;
    }
  },
  'until/2': function* until(args, input, env): Generator<Out> {
    for (const c of evaluate(args[0]!, valueOf(input), env)) {
      if (truthy(c.v)) yield input;
      else for (const next of evaluate(args[1]!, input, env)) yield* until(args, next, env);
    }
  },
  'while/2': function* loop(args, input, env): Generator<Out> {
    for (const c of evaluate(args[0]!, valueOf(input), env)) {
      if (!truthy(c.v)) continue;
      yield input;
      for (const next of evaluate(args[1]!, input, env)) yield* loop(args, next, env);
    }
  },
  'repeat/1': function* (args, input, env) {
    for (;;) yield* evaluate(args[0]!, input, env);
  },
  'getpath/1': function* (args, input, env) {
    for (const p of evaluate(args[0]!, valueOf(input), env)) {
      if (!Array.isArray(p.v)) return typeError1('getpath', input.v, p.v);
      let v = input.v;
      for (const element of p.v) {
        if (v !== null && typeof v !== 'object') return typeError1('getpath', input.v, p.v);
        v = indexValue(v, element);
      }
      if (input.p === undefined) yield { v, p: undefined };
      else {
        checkIntact(input);
        yield { v, p: { path: [...input.p.path, ...(p.v as JqPathElement[])], tracked: v } };
      }
    }
  },
  'arrays/0': selectType('array'),
  'objects/0': selectType('object'),
  'iterables/0': selectType('array', 'object'),
  'booleans/0': selectType('boolean'),
  'numbers/0': selectType('number'),
  'strings/0': selectType('string'),
  'nulls/0': selectType('null'),
  'values/0': selectType('boolean', 'number', 'string', 'array', 'object'),
  'scalars/0': selectType('null', 'boolean', 'number', 'string'),
  'path/1': function* (args, input, env) {
    for (const p of pathsOf(args[0]!, input.v, env)) yield { v: p as JsonValue, p: input.p };
  },
  'paths/0': (_a, input, env) => paths(input, env, undefined),
  'paths/1': (args, input, env) => paths(input, env, args[0]),
  'del/1': function* (args, input, env) {
    yield { v: deletePaths(input.v, Array.from(pathsOf(args[0]!, input.v, env)) as JsonValue[]), p: input.p };
  },
  'delpaths/1': valueFn((v, ps) => (Array.isArray(ps) ? deletePaths(v, ps) : typeError1('delpaths', v, ps!))),
  'isempty/1': function* (args, input, env) {
    yield { v: take(evaluate(args[0]!, valueOf(input), env), 1).next().done === true, p: input.p };
  },
  'any/0': valueFn((v) => (Array.isArray(v) ? v.some(truthy) : typeError0('any', v))),
  'all/0': valueFn((v) => (Array.isArray(v) ? v.every(truthy) : typeError0('all', v))),
  'any/1': function* (args, input, env) {
    yield { v: anyOf(iterate(valueOf(input), false), (o) => evaluate(args[0]!, o, env)), p: input.p };
  },
  'all/1': function* (args, input, env) {
    yield { v: !anyOf(iterate(valueOf(input), false), (o) => negated(args[0]!, o, env)), p: input.p };
  },
  'any/2': function* (args, input, env) {
    yield { v: anyOf(evaluate(args[0]!, valueOf(input), env), (o) => evaluate(args[1]!, o, env)), p: input.p };
  },
  'all/2': function* (args, input, env) {
    yield { v: !anyOf(evaluate(args[0]!, valueOf(input), env), (o) => negated(args[1]!, o, env)), p: input.p };
  },
  'IN/1': function* (args, input, env) {
    yield { v: anyOf(evaluate(args[0]!, valueOf(input), env), (o) => [{ v: compareJq(o.v, input.v) === 0, p: undefined }]), p: input.p };
  },
  'IN/2': function* (args, input, env) {
    const candidates = outputs(args[1]!, input, env);
    yield { v: anyOf(evaluate(args[0]!, valueOf(input), env), (o) => candidates.map((c) => ({ v: compareJq(o.v, c) === 0, p: undefined }))), p: input.p };
  },
  'map/1': function* (args, input, env) {
    const items: JsonValue[] = [];
    for (const o of iterate(valueOf(input), false)) for (const r of evaluate(args[0]!, o, env)) items.push(r.v);
    yield { v: items, p: input.p };
  },
  'to_entries/0': valueFn((v) => (isJsonObject(v) ? sortedKeys(v).map((key) => ({ key, value: v[key]! })) : typeError0('to_entries', v))),
  'from_entries/0': valueFn(fromEntries),
  'with_entries/1': function* (args, input, env) {
    const object = isJsonObject(input.v) ? input.v : typeError0('to_entries', input.v);
    const entries = sortedKeys(object).map((key) => ({ key, value: object[key]! }) as JsonValue);
    const mapped: JsonValue[] = [];
    for (const e of entries) for (const r of evaluate(args[0]!, { v: e, p: undefined }, env)) mapped.push(r.v);
    yield { v: fromEntries(mapped), p: input.p };
  },
  'add/0': valueFn(addAll),
  'add/1': function* (args, input, env) {
    yield { v: addAll(outputs(args[0]!, input, env)), p: input.p };
  },
  'range/1': rangeImpl,
  'range/2': rangeImpl,
  'range/3': rangeImpl,
  ...VALUE_FUNCTIONS,
};

function* negated(cond: JqNode, o: Out, env: Env): Generator<Out> {
  for (const c of evaluate(cond, valueOf(o), env)) yield { v: !truthy(c.v), p: undefined };
}

function fromEntries(v: JsonValue): JsonValue {
  if (!Array.isArray(v)) return typeError0('from_entries', v);
  const out: JsonObject = {};
  for (const e of v) {
    if (!isJsonObject(e)) return jqFail(`from_entries cannot be applied to: ${describeJq(v)}`);
    const key = ['key', 'k', 'name', 'Name', 'K', 'Key'].map((k) => e[k]).find((k) => k !== undefined && k !== null && k !== false);
    const value = ['value', 'v', 'Value', 'V'].map((k) => e[k]).find((x) => x !== undefined);
    const name = typeof key === 'string' ? key : typeof key === 'number' || typeof key === 'boolean' ? toJqJson(key) : jqFail(`from_entries cannot be applied to: ${describeJq(v)}`);
    out[name] = value ?? null;
  }
  return out;
}

function* rangeImpl(args: readonly JqNode[], input: Out, env: Env): Generator<Out> {
  const lists = args.map((a) => outputs(a, input, env));
  const [starts, ends, steps] = args.length === 1 ? [[0], lists[0]!, [1]] : [lists[0]!, lists[1]!, lists[2] ?? [1]];
  for (const start of starts) for (const end of ends) for (const step of steps) {
    if (typeof start !== 'number' || typeof end !== 'number' || typeof step !== 'number') jqFail('range bounds must be numbers');
    if (step > 0) for (let x = start; x < end; x += step) yield { v: x, p: input.p };
    else if (step < 0) for (let x = start; x > end; x += step) yield { v: x, p: input.p };
  }
}

/**
 * The functions kubepatch's jq subset runs, as `name/arity`.
 * @example
 * ```ts
 * SUPPORTED_FUNCTIONS.has('select/1'); // true
 * ```
 * @internal
 */
export const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));

/**
 * Calls a supported function.
 * @example
 * ```ts
 * [...callFunction('select', [parseJq('. > 1')], { v: 2, p: undefined }, env)]; // [{ v: 2, p: undefined }]
 * ```
 * @internal
 */
export function callFunction(name: string, args: readonly JqNode[], input: Out, env: Env): Iterable<Out> {
  return FUNCTIONS[`${name}/${args.length}`]!(args, input, env);
}

