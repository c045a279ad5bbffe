import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFieldPath, type FieldPath, type KeyField, type PathElement } from 'kubepatch';
import type { JsonValue } from '../../../src/json/JsonValue.js';
import { parseFieldPath } from 'kubepatch';
import { deepFreeze } from '../../helpers/deepFreeze.js';

// parseFieldPath inverts formatFieldPath wherever the text is unambiguous. The arbitraries follow
// those of FieldSet.go-oracle.test.ts, without what prints ambiguously: a "." or "[" in a field
// name (handled by the object, below), an empty name or one with "=" or "]" in a key field (the
// name runs to its "=", `[3]` is an index), and Go map values (`k=v` entries without delimiters,
// in Go's random order).

const RUNS = 1_000;

/** No lone surrogate: Go's strings are UTF-8, and goQuote prints one as U+FFFD. */
const isWellFormed = (s: string): boolean => Buffer.from(s, 'utf8').toString('utf8') === s;

/** UTF-8 byte order, as Go sorts the fields of a key. */
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const anyName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'B', 'spec', 'name', 'aa', 'containerPort') },
  { weight: 2, arbitrary: fc.constantFrom('', '.', 'é', 'e\u0301', '😀', 'ﬀ', 'x<y>&z', 'q"u\\ote', 'tab\t', 'line\u2028sep', 'f:a', 'k:', 'a=b', ']', '3', '-1', 'a,b') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).filter(isWellFormed) },
);
const fieldName = anyName.filter((name) => !name.includes('.') && !name.includes('['));
const keyName = anyName.filter((name) => name !== '' && !name.includes('=') && !name.includes(']'));

const number = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, 2.5, -1.25, 1e6, 1234567, 1e21, 1e-7, 9007199254740993, 123456789012, 1.5e300, -0, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 3, arbitrary: number },
  { weight: 3, arbitrary: anyName },
  { weight: 1, arbitrary: fc.constantFrom<JsonValue>(true, false, null) },
);
const value: fc.Arbitrary<JsonValue> = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) });

const keyFields: fc.Arbitrary<KeyField[]> = fc
  .uniqueArray(fc.record({ name: keyName, value }), { minLength: 1, maxLength: 3, selector: (field) => field.name })
  .map((fields) => [...fields].sort((a, b) => byUtf8(a.name, b.name)));

const element: fc.Arbitrary<PathElement> = fc.oneof(
  { weight: 5, arbitrary: fieldName.map((name): PathElement => ({ kind: 'field', name })) },
  { weight: 2, arbitrary: keyFields.map((fields): PathElement => ({ kind: 'key', fields })) },
  { weight: 2, arbitrary: value.map((v): PathElement => ({ kind: 'value', value: v })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(100, 1_000_000)).map((index): PathElement => ({ kind: 'index', index })) },
);
const path: fc.Arbitrary<FieldPath> = fc.array(element, { maxLength: 6 });

describe('parseFieldPath inverts formatFieldPath', () => {
  it('for every path that prints unambiguously', () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(parseFieldPath(formatFieldPath(p))).toEqual(p);
      }),
      { numRuns: RUNS },
    );
  });

  // Names with "." (label keys, ConfigMap keys) print like several fields; an object that has the
  // path tells them apart, even beside decoys: shorter names that are scalars (`a` beside `a.b`).
  it('for names with "." too, given an object that has the path (with decoys)', () => {
    const dotted = fc.array(fc.constantFrom('', 'a', 'b', 'app', 'io/name'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
    const names = fc.array(fc.oneof(fieldName, dotted), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(names, fc.constantFrom<JsonValue>('leaf', 1, null, {}), (list, leaf) => {
        const p: FieldPath = list.map((name) => ({ kind: 'field', name }));
        const object = deepFreeze(objectFor(list, leaf));
        expect(parseFieldPath(formatFieldPath(p), { object })).toEqual(p);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Nested objects along `names`, with a scalar decoy for every shorter run of a dotted name. */
function objectFor(names: readonly string[], leaf: JsonValue): JsonValue {
  if (names.length === 0) return leaf;
  const [name = '', ...rest] = names;
  const node: Record<string, JsonValue> = {};
  const parts = name.split('.');
  for (let end = 1; end < parts.length; end++) node[parts.slice(0, end).join('.')] = 'decoy';
  node[name] = objectFor(rest, leaf);
  return node;
}
