import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, createStrategicMergePatch, createThreeWayStrategicMergePatch, schemaFor, StrategicMergePatchError } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

// The engine diffs merge lists through an index when merge keys are unique, and skips Go's first
// ordering of a merged list when `$setElementOrder` decides it alone; these pin what must not change.
const schema = schemaFor('v1', 'Pod')!;
const pod = (containers: object[]) => deepFreeze({ spec: { containers } });

/** Every object and array inside a value. */
function objectsIn(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    into.add(value);
    for (const child of Object.values(value)) objectsIn(child, into);
  }
  return into;
}

function expectNothingShared(result: unknown, ...inputs: unknown[]): void {
  const theirs = new Set(inputs.flatMap((input) => [...objectsIn(input)]));
  expect([...objectsIn(result)].filter((object) => theirs.has(object))).toEqual([]);
}

describe('strategic merge patch fast paths', () => {
  it('names the element by its place in Go\'s sorted list when a diff inside a merge list fails', () => {
    const before = pod([{ name: 'b', env: [{ name: 'x' }] }, { name: 'a', image: 'x' }]);
    const after = pod([{ name: 'b', env: ['not a map'] }, { name: 'a', image: 'x' }]);
    const error = (() => {
      try {
        createStrategicMergePatch(before, after, schema);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StrategicMergePatchError);
    expect(error).toMatchObject({ code: 'MIXED_LIST_TYPES', path: '/spec/containers/1/env' });
  });

  it('diffs lists with repeated merge keys the way Go\'s sorted walk pairs them', () => {
    const before = pod([{ name: 'a', image: '1' }, { name: 'a', image: '2' }, { name: 'b', image: '3' }]);
    const after = pod([{ name: 'a', image: '2' }, { name: 'b', image: '4' }, { name: 'a', image: '5' }]);
    // Go pairs equal keys after sorting them, which for short lists reverses them. Go's merge then
    // refuses that patch (its order names `a` twice), so kubepatch throws, with Go's patch attached.
    expect(() => createStrategicMergePatch(before, after, schema)).toThrow(
      expect.objectContaining({
        code: 'MERGE_KEY_COLLISION',
        patch: {
          spec: {
            containers: [{ image: '5', name: 'a' }, { image: '2', name: 'a' }, { image: '4', name: 'b' }],
            '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }, { name: 'a' }],
          },
        },
      }),
    );
  });

  it('returns patches and documents that share nothing with the inputs', () => {
    const before = pod([{ name: 'a', image: '1', ports: [{ containerPort: 80 }] }, { name: 'gone', image: 'x' }]);
    const after = pod([{ name: 'a', image: '2', ports: [{ containerPort: 80 }, { containerPort: 81 }] }, { name: 'new', resources: { limits: { cpu: '1' } } }]);
    const patch = createStrategicMergePatch(before, after, schema);
    expectNothingShared(patch, before, after);
    const threeWay = createThreeWayStrategicMergePatch(before, after, before, schema);
    expectNothingShared(threeWay, before, after);
    deepFreeze(patch);
    expectNothingShared(applyStrategicMergePatch(before, patch, schema), before, patch);
  });

  it('orders a list by $setElementOrder, then by the live list, whether or not the directive names every element', () => {
    const live = pod([{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }]);
    const patch = (order: string[]) => ({
      spec: { '$setElementOrder/containers': order.map((name) => ({ name })), containers: [{ name: 'c', image: 'x' }, { name: 'e' }, { name: 'a', $patch: 'delete' }] },
    });
    const names = (result: { spec?: unknown }) => (result.spec as { containers: Array<{ name: string }> }).containers.map((container) => container.name);
    expect(names(applyStrategicMergePatch(live, patch(['d', 'c', 'b', 'e']), schema))).toEqual(['d', 'c', 'b', 'e']);
    expect(names(applyStrategicMergePatch(live, patch(['c', 'e']), schema))).toEqual(['b', 'c', 'd', 'e']);
  });
});
