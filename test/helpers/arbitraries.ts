import fc from 'fast-check';

/** Keys that tempt prototype pollution or need pointer escaping, mixed with ordinary ones. */
export const trickyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a/b', 'm~n', '~1', '', '0', '-'),
  fc.constantFrom('name', 'value', 'image', 'replicas', 'labels'),
  fc.string({ maxLength: 4 }),
);

/** Builds an object whose keys are all own data properties, `__proto__` included (as JSON.parse does). */
export function objectFromEntries(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  }
  return object;
}

const scalar = (withNull: boolean) =>
  withNull
    ? fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constant(null))
    : fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean());

/** Random JSON documents with tricky keys; `withNull: false` leaves out `null` everywhere. */
export function jsonDocument(options: { withNull?: boolean; maxDepth?: number } = {}) {
  const withNull = options.withNull ?? true;
  const { value } = fc.letrec<{ value: unknown; object: Record<string, unknown>; array: unknown[] }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: options.maxDepth ?? 4 }, scalar(withNull), tie('object'), tie('array')),
    object: fc
      .uniqueArray(fc.tuple(trickyKey, tie('value')), { maxLength: 5, selector: ([key]) => key })
      .map(objectFromEntries),
    array: fc.array(tie('value'), { maxLength: 5 }),
  }));
  return value;
}

/** A random JSON object (the root of a Kubernetes-like document). */
export function jsonObject(options: { withNull?: boolean } = {}) {
  return fc
    .uniqueArray(fc.tuple(trickyKey, jsonDocument(options)), { maxLength: 6, selector: ([key]) => key })
    .map(objectFromEntries);
}

/** Two versions of a list: the second made from the first by inserts, deletes, changes and swaps. */
export function similarLists() {
  const item = fc.record(
    { name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), value: fc.integer({ min: 0, max: 3 }) },
    { noNullPrototype: true },
  );
  const edit = fc.record({
    kind: fc.constantFrom('insert', 'delete', 'change', 'swap'),
    at: fc.nat(),
    item,
  }, { noNullPrototype: true });
  return fc.tuple(fc.array(item, { maxLength: 12 }), fc.array(edit, { maxLength: 5 })).map(([before, edits]) => {
    const after = before.map((element) => ({ ...element }));
    for (const { kind, at, item: element } of edits) {
      const index = after.length === 0 ? 0 : at % after.length;
      if (kind === 'insert') after.splice(at % (after.length + 1), 0, element);
      else if (after.length === 0) continue;
      else if (kind === 'delete') after.splice(index, 1);
      else if (kind === 'change') after[index] = { ...after[index]!, value: element.value + 10 };
      else {
        const other = (index + 1) % after.length;
        [after[index], after[other]] = [after[other]!, after[index]!];
      }
    }
    return [before, after] as const;
  });
}

/** A deep copy that is `jsonEqual` to `value` but written differently: keys reversed, zeros of the other sign. */
export function rewritten(value: unknown): unknown {
  if (value === 0) return Object.is(value, 0) ? -0 : 0;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(rewritten);
  const record = value as Record<string, unknown>;
  return objectFromEntries(Object.keys(record).reverse().map((key) => [key, rewritten(record[key])] as const));
}

/**
 * Two versions of a list drawn from a few shared values, so that elements repeat, some of them
 * written differently ({@link rewritten}); the second made from the first by inserts, deletes,
 * rewrites and swaps.
 */
export function listsWithRepeats() {
  return fc.array(jsonDocument({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }).chain((pool) => {
    const element = fc
      .tuple(fc.nat({ max: pool.length - 1 }), fc.boolean())
      .map(([k, rewrite]) => (rewrite ? rewritten(pool[k]) : pool[k]));
    const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'rewrite', 'swap'), at: fc.nat(), element }, { noNullPrototype: true });
    return fc.tuple(fc.array(element, { maxLength: 12 }), fc.array(edit, { maxLength: 5 })).map(([before, edits]) => {
      const after = [...before];
      for (const { kind, at, element: inserted } of edits) {
        const index = after.length === 0 ? 0 : at % after.length;
        if (kind === 'insert') after.splice(at % (after.length + 1), 0, inserted);
        else if (after.length === 0) continue;
        else if (kind === 'delete') after.splice(index, 1);
        else if (kind === 'rewrite') after[index] = rewritten(after[index]);
        else {
          const other = (index + 1) % after.length;
          [after[index], after[other]] = [after[other], after[index]];
        }
      }
      return [before, after] as const;
    });
  });
}
