import type { JsonValue } from '../../../json/JsonValue.js';
import type { JqNode, JqStep } from './JqAst.js';
import { callFunction } from './jqFunctions.js';
import { JqCompileError } from './lexJq.js';
import { indexValue, sliceValue } from './jqIndex.js';
import { iterate, recurse } from './jqIterate.js';
import { refusePathOperands } from './jqPathOperands.js';
import { applyOperator, describeJq, jqFail, JqRuntimeError, truthy } from './jqValues.js';

/**
 * One element of a path as gojq's `path(f)` reports it: a key, an index, or a slice `{start, end}`.
 * @example
 * ```ts
 * const element: JqPathElement = { start: 1, end: null }; // the slice .[1:]
 * ```
 * @internal
 */
export type JqPathElement = string | number | { readonly start: JsonValue; readonly end: JsonValue };

/**
 * Where a value of a path expression is: its path, and the value gojq tracked at that path.
 * @example
 * ```ts
 * const state: PathState = { path: ['spec'], tracked: { replicas: 1 } };
 * ```
 * @internal
 */
export interface PathState {
  readonly path: readonly JqPathElement[];
  readonly tracked: JsonValue;
}

/**
 * An output: its value and, when paths are tracked (inside `path(f)`), where it is.
 * @example
 * ```ts
 * const out: Out = { v: 3, p: { path: ['spec', 'replicas'], tracked: 3 } };
 * ```
 * @internal
 */
export interface Out {
  readonly v: JsonValue;
  readonly p: PathState | undefined;
}

/**
 * Variables in scope, and the step budget shared by one run.
 * @example
 * ```ts
 * const env: Env = { vars: new Map(), budget: { steps: 0 } };
 * ```
 * @internal
 */
export interface Env {
  readonly vars: ReadonlyMap<string, JsonValue>;
  readonly budget: { steps: number };
}

/** A tracked value no output is ever the same as. */
const NOT_A_PATH: JsonValue = Object.freeze({}) as JsonValue;

/** Steps one run may take before it fails as Argo CD's 1 s jq timeout would: the rule is skipped. */
const MAX_STEPS = 2_000_000;

/**
 * The same input, values only (conditions, arguments, index keys and `as` sources are not paths).
 * @example
 * ```ts
 * valueOf({ v: 1, p: { path: ['a'], tracked: 1 } }); // { v: 1, p: undefined }
 * ```
 * @internal
 */
export function valueOf(input: Out): Out {
  return input.p === undefined ? input : { v: input.v, p: undefined };
}

/**
 * gojq's `pathIntact`: inside `path(f)`, a path operation (indexing, slicing, iterating,
 * `getpath`) and the end of `f` require the value at hand to be the one last reached by a path
 * operation: the same array or object, or an equal scalar. So `path(.a | tostring)` is `["a"]`
 * for a string `.a`, and `path(1)` fails "invalid path against: number (1)".
 * @example
 * ```ts
 * checkIntact({ v: 1, p: { path: [], tracked: { a: 1 } } }); // throws: invalid path against: number (1)
 * ```
 * @internal
 */
export function checkIntact(input: Out): void {
  if (input.p === undefined) return;
  const tracked = input.p.tracked;
  const v = input.v;
  // Go compares slices by their first element's address and length: all empty arrays are one.
  const same =
    typeof v === 'object' && v !== null
      ? v === tracked || (Array.isArray(v) && Array.isArray(tracked) && v.length === 0 && tracked.length === 0)
      : v === tracked || (Number.isNaN(v) && Number.isNaN(tracked));
  if (!same) jqFail(`invalid path against: ${describeJq(v)}`);
}

/**
 * The output of a path operation from `input` to `value` through `element`.
 * @example
 * ```ts
 * stepTo({ v: { a: 1 }, p: { path: [], tracked: obj } }, 'a', 1); // { v: 1, p: { path: ['a'], tracked: 1 } }
 * ```
 * @internal
 */
export function stepTo(input: Out, element: JqPathElement, value: JsonValue): Out {
  if (input.p === undefined) return { v: value, p: undefined };
  checkIntact(input);
  return { v: value, p: { path: [...input.p.path, element], tracked: value } };
}

/**
 * Evaluates `node` on `input`, lazily, with gojq's semantics. Throws {@link JqRuntimeError}.
 * @example
 * ```ts
 * [...evaluate(parseJq('.a[]'), { v: { a: [1, 2] }, p: undefined }, env)].map((o) => o.v); // [1, 2]
 * ```
 * @internal
 */
export function* evaluate(node: JqNode, input: Out, env: Env): Generator<Out> {
  if (++env.budget.steps > MAX_STEPS) throw new JqRuntimeError('jq execution budget exceeded');
  switch (node.type) {
    case 'identity':
      yield input;
      return;
    case 'recurseDefault':
      yield* recurse(input, (x) => iterate(x, true));
      return;
    case 'literal':
      // gojq holds an integer literal as a Go int and decoded JSON numbers as float64, which
      // never compare equal: such a literal is never the value at a path.
      yield { v: node.value, p: input.p !== undefined && node.integer === true ? { path: input.p.path, tracked: NOT_A_PATH } : input.p };
      return;
    case 'variable': {
      if (!env.vars.has(node.name)) throw new JqCompileError(`variable not defined: $${node.name}`, 0, 'syntax');
      yield { v: env.vars.get(node.name)!, p: input.p };
      return;
    }
    case 'chain':
      yield* chain(node.base, node.steps, node.steps.length, input, input, env);
      return;
    case 'pipe':
      for (const left of evaluate(node.left, input, env)) yield* evaluate(node.right, left, env);
      return;
    case 'comma':
      yield* evaluate(node.left, input, env);
      yield* evaluate(node.right, input, env);
      return;
    case 'alternative': {
      // gojq: the truthy outputs of the left side, else the right side; errors of the left side propagate.
      let any = false;
      for (const left of evaluate(node.left, input, env)) {
        if (truthy(left.v)) {
          any = true;
          yield left;
        }
      }
      if (!any) yield* evaluate(node.right, input, env);
      return;
    }
    case 'and':
    case 'or':
      for (const left of evaluate(node.left, valueOf(input), env)) {
        if (truthy(left.v) === (node.type === 'or')) yield { v: node.type === 'or', p: input.p };
        else for (const right of evaluate(node.right, valueOf(input), env)) yield { v: truthy(right.v), p: input.p };
      }
      return;
    case 'binary':
      refusePathOperands(node.left, node.right, input);
      for (const right of evaluate(node.right, valueOf(input), env)) {
        for (const left of evaluate(node.left, valueOf(input), env)) yield { v: applyOperator(node.op, left.v, right.v), p: input.p };
      }
      return;
    case 'negate':
      refusePathOperands(node.operand, undefined, input);
      for (const operand of evaluate(node.operand, valueOf(input), env)) {
        if (typeof operand.v !== 'number') jqFail(`cannot negate: ${describeJq(operand.v)}`);
        yield { v: -operand.v, p: input.p };
      }
      return;
    case 'if':
      for (const cond of evaluate(node.cond, valueOf(input), env)) {
        if (truthy(cond.v)) yield* evaluate(node.then, input, env);
        else if (node.else !== undefined) yield* evaluate(node.else, input, env);
        else yield input;
      }
      return;
    case 'try':
      yield* guarded(node.body, node.handler, input, env);
      return;
    case 'bind':
      for (const source of evaluate(node.source, valueOf(input), env)) {
        yield* evaluate(node.body, input, { vars: new Map(env.vars).set(node.name, source.v), budget: env.budget });
      }
      return;
    case 'array': {
      const items = node.body === undefined ? [] : Array.from(evaluate(node.body, valueOf(input), env), (o) => o.v);
      yield { v: items, p: input.p };
      return;
    }
    case 'object':
      yield* objects(node.entries, 0, {}, input, env);
      return;
    case 'call':
      yield* callFunction(node.name, node.args, input, env);
      return;
  }
}

/** `try body (catch handler)`: outputs until the first error, then the handler's outputs on the error's value. */
function* guarded(body: JqNode, handler: JqNode | undefined, input: Out, env: Env): Generator<Out> {
  const outputs = evaluate(body, input, env);
  for (;;) {
    let next: IteratorResult<Out>;
    try {
      next = outputs.next();
    } catch (error) {
      if (!(error instanceof JqRuntimeError)) throw error;
      if (handler !== undefined) yield* evaluate(handler, { v: error.value, p: input.p }, env);
      return;
    }
    if (next.done === true) return;
    yield next.value;
  }
}

/** The suffixes of a term: each index key runs on the term's input, the last suffix's keys vary slowest. */
function* chain(base: JqNode, steps: readonly JqStep[], count: number, termInput: Out, input: Out, env: Env): Generator<Out> {
  if (count === 0) {
    yield* evaluate(base, input, env);
    return;
  }
  const step = steps[count - 1]!;
  const apply = (target: Out, key: JsonValue | undefined, to?: JsonValue): Iterable<Out> => {
    const run = () => applyStep(step, target, key, to);
    if (!step.optional) return run();
    try {
      return Array.from(run());
    } catch (error) {
      if (error instanceof JqRuntimeError) return [];
      throw error;
    }
  };
  if (step.kind === 'index') {
    for (const key of evaluate(step.key, valueOf(termInput), env)) {
      for (const target of chain(base, steps, count - 1, termInput, input, env)) yield* apply(target, key.v);
    }
  } else if (step.kind === 'slice') {
    const ends = step.to === undefined ? [null] : Array.from(evaluate(step.to, valueOf(termInput), env), (o) => o.v);
    for (const to of ends) {
      const starts = step.from === undefined ? [null] : Array.from(evaluate(step.from, valueOf(termInput), env), (o) => o.v);
      for (const from of starts) {
        for (const target of chain(base, steps, count - 1, termInput, input, env)) yield* apply(target, from, to);
      }
    }
  } else {
    for (const target of chain(base, steps, count - 1, termInput, input, env)) yield* apply(target, step.kind === 'field' ? step.name : undefined);
  }
}

function applyStep(step: JqStep, target: Out, key: JsonValue | undefined, to?: JsonValue): Iterable<Out> {
  if (step.kind === 'iterate') return iterate(target, false);
  if (step.kind === 'slice') {
    return [stepTo(target, { start: key ?? null, end: to ?? null }, sliceValue(target.v, key ?? null, to ?? null))];
  }
  return [stepTo(target, key as JqPathElement, indexValue(target.v, key!))];
}

/** Object construction: every combination of the entries' keys and values, the first entry varying slowest. */
function* objects(entries: readonly { key: JqNode; value: JqNode }[], i: number, built: { [k: string]: JsonValue }, input: Out, env: Env): Generator<Out> {
  if (i === entries.length) {
    yield { v: { ...built }, p: input.p };
    return;
  }
  const entry = entries[i]!;
  for (const key of evaluate(entry.key, valueOf(input), env)) {
    if (typeof key.v !== 'string') jqFail(`expected a string for object key but got: ${describeJq(key.v)}`);
    for (const value of evaluate(entry.value, valueOf(input), env)) {
      yield* objects(entries, i + 1, { ...built, [key.v]: value.v }, input, env);
    }
  }
}
