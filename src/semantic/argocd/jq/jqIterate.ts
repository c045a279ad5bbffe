import { isJsonObject } from '../../../json/ownProperty.js';
import { checkIntact, stepTo, type Out } from './evalJq.js';
import { describeJq, jqFail, sortedKeys } from './jqValues.js';

/**
 * `.[]`: an array's elements, an object's values in key order; `?` makes other values yield nothing.
 * @example
 * ```ts
 * [...iterate({ v: { b: 1, a: 2 }, p: undefined }, false)].map((o) => o.v); // [2, 1]: keys in order
 * ```
 * @internal
 */
export function* iterate(input: Out, optional: boolean): Generator<Out> {
  const v = input.v;
  if (Array.isArray(v)) {
    checkIntact(input);
    for (let i = 0; i < v.length; i++) yield stepTo({ v, p: input.p }, i, v[i]!);
  } else if (isJsonObject(v)) {
    checkIntact(input);
    for (const key of sortedKeys(v)) yield stepTo({ v, p: input.p }, key, v[key]!);
  } else if (!optional) jqFail(`cannot iterate over: ${describeJq(v)}`);
}

/**
 * `def recurse(f): def r: ., (f | r); r;`, walked with an explicit stack (no recursion limit).
 * @example
 * ```ts
 * [...recurse({ v: [[1]], p: undefined }, (x) => iterate(x, true))].map((o) => o.v); // [[[1]], [1], 1]
 * ```
 * @internal
 */
export function* recurse(input: Out, children: (x: Out) => Iterable<Out>): Generator<Out> {
  const stack: Iterator<Out>[] = [[input][Symbol.iterator]()];
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!.next();
    if (next.done === true) {
      stack.pop();
      continue;
    }
    yield next.value;
    stack.push(children(next.value)[Symbol.iterator]());
  }
}
