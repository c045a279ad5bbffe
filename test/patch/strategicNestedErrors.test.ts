import { describe, expect, it } from 'vitest';
import { createStrategicMergePatch, PatchSchema, type SchemaTable } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

// Go diffs a merge list walking both lists sorted by merge key, and names a failing element by
// its place in that sorted list. kubepatch pairs elements without sorting them, and when one
// fails, finds the element Go's walk would have failed on first and names it Go's way, without
// diffing any element twice (which, at every level of nested merge lists, doubled the work).

const table: SchemaTable = {
  Item: {
    fields: {
      name: { type: { kind: 'scalar', type: 'string' }, patchStrategies: [] },
      value: { type: { kind: 'scalar', type: 'string' }, patchStrategies: [] },
      items: { type: { kind: 'list', elem: { kind: 'struct', ref: 'Item' } }, patchStrategies: ['merge'], patchMergeKey: 'name' },
    },
  },
};
const schema = PatchSchema.fromTable(table, 'Item');
const fine = (name: string) => ({ name, items: [{ name: 'x', value: '1' }] });
const broken = (name: string) => ({ name, items: [{ value: 'no name' }] });

describe('errors inside merge lists, named as Go names them', () => {
  it('names the failing element Go meets first in its sorted walk, at its sorted place', () => {
    const before = deepFreeze({ items: [fine('c'), fine('a'), fine('b'), fine('d')] });
    // `c` fails first in list order; Go, walking a, b, c, d, fails at `b`, the second.
    const after = deepFreeze({ items: [broken('c'), fine('a'), broken('b'), fine('d')] });
    const error = thrownKubepatchError('MISSING_MERGE_KEY', () => createStrategicMergePatch(before, after, schema));
    expect(error.path).toBe('/items/1/items');
    expect(error.message).toBe('map: {"value":"no name"} does not contain declared merge key: name (at /items/1/items)');
  });

  it('names an element that only fails after a later one did', () => {
    const before = deepFreeze({ items: [fine('c'), fine('a'), fine('b'), fine('d')] });
    const after = deepFreeze({ items: [broken('d'), fine('a'), { name: 'b', items: [{ name: 'x', value: '2' }, { value: 'no' }] }, fine('c')] });
    const error = thrownKubepatchError('MISSING_MERGE_KEY', () => createStrategicMergePatch(before, after, schema));
    expect(error.path).toBe('/items/1/items');
    expect(error.message).toContain('{"value":"no"}');
  });

  it('fails a deeply nested list at once, diffing each level once', () => {
    const nest = (depth: number, leaf: object): object => (depth === 0 ? leaf : { name: 'n', items: [nest(depth - 1, leaf)] });
    // Forty levels: when each level diffed its failing element twice, this took 2^40 diffs.
    const error = thrownKubepatchError('MISSING_MERGE_KEY', () =>
      createStrategicMergePatch(nest(40, { name: 'leaf', value: 'a' }), nest(40, { value: 'no name' }), schema),
    );
    expect(error.path).toBe(`${'/items/0'.repeat(39)}/items`);
  });
});
