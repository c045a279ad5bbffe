import { runInNewContext } from 'node:vm';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, createStrategicMergePatch, createThreeWayStrategicMergePatch, PatchSchema, type SchemaTable } from 'kubepatch';
import { assertJsonValue } from '../../src/json/assertJsonValue.js';
import { deepFreeze } from '../helpers/deepFreeze.js';

// The diffs check their inputs as they read them, instead of checking each input first: a value
// that is not JSON must still give the error the check of that input gives, wherever it sits
// (in a changed, added, removed or unchanged element, under a field the schema does not know, in
// a list sent whole), and whatever else is wrong with the inputs.

const item = { kind: 'struct', ref: 'Item' } as const;
const table: SchemaTable = {
  Item: {
    fields: {
      name: { type: { kind: 'scalar', type: 'string' }, patchStrategies: [] },
      value: { type: { kind: 'scalar', type: 'string' }, patchStrategies: [] },
      items: { type: { kind: 'list', elem: item }, patchStrategies: ['merge'], patchMergeKey: 'name' },
      numbers: { type: { kind: 'list', elem: { kind: 'scalar', type: 'number' } }, patchStrategies: ['merge'] },
      whole: { type: { kind: 'list', elem: item }, patchStrategies: [] },
      labels: { type: { kind: 'map', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: [] },
      replaced: { type: { kind: 'unknown' }, patchStrategies: ['replace'] },
    },
  },
};
const schema = PatchSchema.fromTable(table, 'Item');

class Instance {
  readonly x = 1;
}
const notJson = fc.constantFrom<unknown>(undefined, Number.NaN, Infinity, -Infinity, () => 1, Symbol('s'), 10n, new Date(0), new Map(), new Instance());

/** A document of `Item`s, nested two levels, with numbers and maps. */
const document: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  item: fc.record(
    {
      name: fc.constantFrom('a', 'b', 'c', 'd'),
      value: fc.constantFrom('x', 'y'),
      items: fc.array(tie('leaf'), { maxLength: 4 }),
      numbers: fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0.5, max: 2, noNaN: true })), { maxLength: 4 }),
      whole: fc.array(tie('leaf'), { maxLength: 2 }),
      labels: fc.dictionary(fc.constantFrom('k1', 'k2'), fc.constantFrom('v1', 'v2')),
      replaced: fc.dictionary(fc.constantFrom('p', 'q'), fc.integer()),
      unknownField: fc.constantFrom(1, 2),
    },
    { requiredKeys: ['name'] },
  ),
  leaf: fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd', 'e'), value: fc.constantFrom('x', 'y') }, { requiredKeys: ['name'] }),
})).item as fc.Arbitrary<Record<string, unknown>>;

/** Every object and array in a value. */
function containers(value: unknown, into: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    into.push(value);
    for (const child of Object.values(value)) containers(child, into);
  }
  return into;
}

/** A copy of `value` with `bad` put at the `at`-th container (by a `key`, or as an element). */
function spoiled(value: Record<string, unknown>, at: number, key: string, bad: unknown): Record<string, unknown> {
  const copy = structuredClone(value);
  const places = containers(copy);
  const place = places[at % places.length] as Record<string, unknown> | unknown[];
  if (Array.isArray(place)) place.push(bad);
  else place[key] = bad;
  return copy;
}

/** The error a call throws, as comparable data. */
function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    const { name, message, code, path, input } = error as Record<string, unknown>;
    return { name, message, code, path, input };
  }
  return 'no error';
}

const place = fc.record({ at: fc.nat(), key: fc.constantFrom('value', 'extra', 'unknownField', 'numbers', 'name'), bad: notJson });

describe('strategic merge patch checks its inputs as it reads them', () => {
  test.prop([document, document, place, fc.constantFrom('original', 'modified', 'both')], { numRuns: 400 })(
    'a value that is not JSON anywhere gives the error checking the input gives',
    (original, modified, { at, key, bad }, which) => {
      const spoilOriginal = which !== 'modified';
      const a = spoilOriginal ? spoiled(original, at, key, bad) : original;
      const b = which !== 'original' ? spoiled(modified, at, key, bad) : modified;
      deepFreeze(a);
      deepFreeze(b);
      // `undefined` as a member is allowed (absent): then there is no such error to expect.
      const expected = failure(() => {
        assertJsonValue(a, 'original');
        assertJsonValue(b, 'modified');
      });
      if (expected !== 'no error') {
        expect(failure(() => createStrategicMergePatch(a, b, schema))).toEqual(expected);
        expect(failure(() => createThreeWayStrategicMergePatch(a, b, a, schema))).toEqual(expected);
      }
      const expectedOfApply = failure(() => {
        assertJsonValue(a, 'document');
        assertJsonValue(b, 'patch');
      });
      if (expectedOfApply !== 'no error') expect(failure(() => applyStrategicMergePatch(a, b, schema))).toEqual(expectedOfApply);
    },
  );

  it('sees a value that is not JSON in a part both documents share', () => {
    const shared = { name: 'a', value: Infinity };
    const error = failure(() => createStrategicMergePatch({ items: [shared] }, { items: [shared] }, schema));
    expect(error).toMatchObject({ name: 'InvalidDocumentError', path: '/items/0/value', input: 'original' });
  });

  it('refuses a cycle, and nesting past the limit, as the check does', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic['items'] = [cyclic];
    expect(failure(() => createStrategicMergePatch({ name: 'a' }, cyclic, schema))).toEqual(failure(() => assertJsonValue(cyclic, 'modified')));
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1001; i++) deep = { replaced: deep };
    expect(failure(() => createStrategicMergePatch({}, { replaced: deep }, schema))).toMatchObject({ code: 'DOCUMENT_TOO_DEEP', input: 'modified' });
  });

  it('takes what the check takes: objects of another realm, without prototype, with a __proto__ key', () => {
    const bare = Object.assign(Object.create(null) as object, { name: 'a', value: 'y' });
    const withProtoKey = JSON.parse('{"name":"b","replaced":{"__proto__":{"x":1}}}') as Record<string, unknown>;
    const foreign = runInNewContext('({ name: "c", labels: { k1: "v1" } })') as Record<string, unknown>;
    const patch = createStrategicMergePatch({ items: [{ name: 'a', value: 'x' }] }, { items: [bare, withProtoKey, foreign] }, schema);
    expect(JSON.stringify(patch)).toBe(
      '{"items":[{"value":"y","name":"a"},{"name":"b","replaced":{"__proto__":{"x":1}}},{"name":"c","labels":{"k1":"v1"}}],' +
        '"$setElementOrder/items":[{"name":"a"},{"name":"b"},{"name":"c"}]}',
    );
  });
});
