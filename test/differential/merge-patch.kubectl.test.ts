// Differential test: kubepatch's applyMergePatch against the Go reference, `kubectl patch --local --type merge`
// (evanphx/json-patch v4 MergePatch). Only the content of a top-level `extra` field varies, so kubectl
// always sees a valid ConfigMap envelope; apiVersion/kind/metadata are never touched by the patch.
import fc from 'fast-check';
import { applyMergePatch, type JsonValue } from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { configMap, kubectlPatch, requireKubectl } from '../helpers/kubectl.js';
import { expectJsonEqual } from '../helpers/oracle.js';

// A small key pool, so patch keys often hit document keys; includes prototype-looking names.
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor', 'toString', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

// Integers within ±1e9 only: Go prints big or fractional float64s in its own format.
const scalar = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.string({ maxLength: 6 }), fc.boolean());

/** JSON values; `nullWeight` controls how often null appears (often in patches, where it means "delete"). */
function jsonValue(nullWeight: number): fc.Arbitrary<JsonValue> {
  const { value } = fc.letrec<{ value: JsonValue; object: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: scalar },
      { weight: nullWeight, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
      { weight: 3, arbitrary: tie('object') },
    ),
    // Object.fromEntries defines `__proto__` as an own data property, as JSON.parse does.
    object: fc
      .uniqueArray(fc.tuple(key, tie('value')), { maxLength: 4, selector: ([k]) => k })
      .map((entries) => Object.fromEntries(entries) as JsonValue),
  }));
  return value;
}

const extraObject = jsonValue(1).filter(isObject);
// Arrays of objects with null members are where Kubernetes and RFC 7386 differ: generate plenty.
const objectWithNull = fc
  .tuple(jsonValue(3).filter(isObject), key)
  .map(([o, k]) => Object.fromEntries([...Object.entries(o), [k, null]]) as JsonValue);
const randomPatch: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 3, arbitrary: jsonValue(3) },
  { weight: 1, arbitrary: fc.array(fc.oneof(objectWithNull, jsonValue(3)), { minLength: 1, maxLength: 3 }) },
);

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A patch shaped after `target`, so that it deletes, replaces and merges existing members
 * (independent random patches would rarely share keys with the document), plus new members.
 */
function patchFor(target: JsonValue, depth = 0): fc.Arbitrary<JsonValue> {
  if (!isObject(target) || depth > 3) return randomPatch;
  const keys = Object.keys(target);
  const change = (k: string) => fc.option(fc.oneof(fc.constant(null), patchFor(target[k] as JsonValue, depth + 1), randomPatch), { nil: undefined });
  const added = fc.uniqueArray(fc.tuple(key, randomPatch), { maxLength: 2, selector: ([k]) => k });
  return fc.tuple(fc.tuple(...keys.map(change)), added).map(([changes, extra]) => {
    const entries: [string, JsonValue][] = keys.flatMap((k, i) => (changes[i] === undefined ? [] : [[k, changes[i]] as [string, JsonValue]]));
    return Object.fromEntries([...entries, ...extra.filter(([k]) => !keys.includes(k))]) as JsonValue;
  });
}

// Mostly patches shaped after the document; sometimes an unrelated one (arrays, scalars, null replace or delete `extra`).
const documentAndPatch = extraObject.chain((extra) =>
  fc.tuple(fc.constant(extra), fc.oneof({ weight: 4, arbitrary: patchFor(extra) }, { weight: 1, arbitrary: randomPatch })),
);

/** Applies `{ extra: patch }` to the envelope holding `extra` with both implementations and compares. */
function expectSameAsKubectl(extra: JsonValue, patch: JsonValue): JsonValue {
  const document = frozenCopy(configMap(extra)) as JsonValue;
  const mergePatch = frozenCopy({ extra: patch }) as JsonValue;
  const kubectl = kubectlPatch(document, 'merge', mergePatch);
  if (!kubectl.ok) throw new Error(`kubectl rejected a merge patch: ${kubectl.stderr}\n${JSON.stringify({ extra, patch })}`);
  const ours = applyMergePatch(document, mergePatch);
  expectJsonEqual(ours, kubectl.result);
  return ours;
}

describe('applyMergePatch matches kubectl patch --local --type merge', () => {
  // Fails (never skips) without kubectl; every other test then fails too, saying why.
  it('has kubectl to compare with', () => requireKubectl(), 20_000);

  it('on random documents and patches', () => {
    fc.assert(
      fc.property(documentAndPatch, ([extra, patch]) => {
        expectSameAsKubectl(extra, patch);
      }),
      { seed: 42, numRuns: 40 },
    );
  }, 60_000);

  // Kubernetes differs from RFC 7386 on nulls inside arrays (MergePatchOptions.semantics): Go's
  // pruneNulls removes null members of objects inside an array unless the array replaces an object.
  const nullsInArrays: { name: string; extra: JsonValue; patch: JsonValue; kubernetes: JsonValue; rfc7386: JsonValue }[] = [
    {
      name: 'an array replacing a non-object: null members of its objects are dropped',
      extra: { arr: [1] },
      patch: { arr: [{ c: null }] },
      kubernetes: { arr: [{}] },
      rfc7386: { arr: [{ c: null }] },
    },
    {
      name: 'an array replacing an object: stored as it is',
      extra: { obj: { x: 1 } },
      patch: { obj: [{ c: null }] },
      kubernetes: { obj: [{ c: null }] },
      rfc7386: { obj: [{ c: null }] },
    },
    {
      name: 'a new member: nulls are pruned deeply, also inside arrays',
      extra: {},
      patch: { n: { a: null, b: [{ c: null, d: 1 }, [{ e: null }]] } },
      kubernetes: { n: { b: [{ d: 1 }, [{}]] } },
      rfc7386: { n: { b: [{ c: null, d: 1 }, [{ e: null }]] } },
    },
    {
      name: 'null elements of an array are kept either way',
      extra: { arr: 'x' },
      patch: { arr: [null, { c: null }] },
      kubernetes: { arr: [null, {}] },
      rfc7386: { arr: [null, { c: null }] },
    },
    {
      name: 'an object replacing a null member: its nested arrays are pruned too',
      extra: JSON.parse('{"n":null,"__proto__":1}') as JsonValue,
      patch: JSON.parse('{"n":{"l":[{"c":null}]},"__proto__":{"p":null}}') as JsonValue,
      kubernetes: JSON.parse('{"n":{"l":[{}]},"__proto__":{}}') as JsonValue,
      rfc7386: JSON.parse('{"n":{"l":[{"c":null}]},"__proto__":{}}') as JsonValue,
    },
  ];

  for (const { name, extra, patch, kubernetes, rfc7386 } of nullsInArrays) {
    it(`nulls inside arrays: ${name}`, () => {
      const ours = expectSameAsKubectl(extra, patch);
      expectJsonEqual((ours as { extra: JsonValue }).extra, kubernetes);
      const strict = applyMergePatch(configMap(extra) as JsonValue, { extra: patch }, { semantics: 'rfc7386' });
      expectJsonEqual((strict as { extra: JsonValue }).extra, rfc7386);
    }, 20_000);
  }

  it('keeps `__proto__` an ordinary key', () => {
    const extra = JSON.parse('{"__proto__":{"a":1,"b":2},"constructor":{"x":1}}') as JsonValue;
    const patch = JSON.parse('{"__proto__":{"a":null,"c":3},"constructor":null}') as JsonValue;
    const ours = expectSameAsKubectl(extra, patch) as { extra: object };
    expect(Object.getPrototypeOf(ours.extra)).toBe(Object.prototype);
    expectJsonEqual(ours.extra, JSON.parse('{"__proto__":{"b":2,"c":3}}'));
  }, 20_000);
});
