import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, createJsonPatch, schemaFor, type JsonPatchOperation } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

// A Pod's env list is keyed by `name`: diffed by key, with moves.
const schema = schemaFor('v1', 'Pod')!;
const envPath = '/spec/containers/0/env';
const pod = (env: object[]) => deepFreeze({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'app', image: 'app:1', env }] } });
const variable = (id: number, value = `value-${id}`) => ({ name: `VAR_${id}`, value });
/** The patch, less the test of the container's name that guards every change inside it. */
const envPatch = (before: object, after: object): JsonPatchOperation[] =>
  createJsonPatch(before, after, { schema }).filter((operation) => operation.path !== '/spec/containers/0/name');
const isElement = (path: string) => /^\/spec\/containers\/0\/env\/\d+$/.test(path);
/** How many operations of a kind apply to whole env elements (not to their fields). */
const count = (patch: JsonPatchOperation[], op: JsonPatchOperation['op']) =>
  patch.filter((operation) => operation.op === op && isElement(operation.op === 'move' ? operation.from : operation.path)).length;

/** Length of the longest strictly increasing subsequence, the naive O(n²) way. */
function longestIncreasingLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  for (let i = 0; i < values.length; i++) {
    for (let k = 0; k < i; k++) if (values[k]! < values[i]!) best[i] = Math.max(best[i]!, best[k]! + 1);
  }
  return Math.max(0, ...best);
}

/** Every remove and move of an existing element comes right after a test of its key at that index. */
function expectKeyTested(patch: JsonPatchOperation[]): void {
  patch.forEach((operation, i) => {
    const at = operation.op === 'remove' ? operation.path : operation.op === 'move' ? operation.from : undefined;
    if (at === undefined || !isElement(at)) return;
    expect(patch[i - 1]).toMatchObject({ op: 'test', path: `${at}/name` });
  });
}

/** Ids before, and after: some removed, the rest reordered, some changed, some added anywhere. */
const similarKeyedLists = fc.uniqueArray(fc.nat(40), { maxLength: 25 }).chain((ids) =>
  fc.record({
    ids: fc.constant(ids),
    survivors: fc.shuffledSubarray(ids),
    changed: fc.subarray(ids),
    added: fc.uniqueArray(fc.integer({ min: 41, max: 60 }), { maxLength: 6 }),
    places: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  }),
);

describe('createJsonPatch with a schema: moves in keyed lists', () => {
  test.prop([similarKeyedLists], { numRuns: 400 })(
    'round-trips removals, additions, changes and reorders of frozen inputs, moving only what is out of order',
    ({ ids, survivors, changed, added, places }) => {
      const after: Array<{ name: string; value?: string }> = survivors.map((id) =>
        !changed.includes(id) ? variable(id) : id % 2 === 0 ? variable(id, 'changed') : { name: `VAR_${id}` },
      );
      added.forEach((id, k) => after.splice(places[k]! % (after.length + 1), 0, variable(id)));
      const before = pod(ids.map((id) => variable(id)));
      const target = pod(after);
      const patch = createJsonPatch(before, target, { schema });
      expectJsonEqual(applyJsonPatch(before, patch), target);
      expectKeyTested(patch);
      expect(count(patch, 'remove')).toBe(ids.length - survivors.length);
      expect(count(patch, 'add')).toBe(added.length);
      expect(count(patch, 'move')).toBe(survivors.length - longestIncreasingLength(survivors.map((id) => ids.indexOf(id))));
    },
  );

  const permutation = fc.integer({ min: 0, max: 12 }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => i);
    return fc.shuffledSubarray(ids, { minLength: n, maxLength: n });
  });

  test.prop([permutation], { numRuns: 400 })('a permutation gives n − LIS moves, each after a test of its key', (order) => {
    const before = pod(order.map((_, i) => variable(i)));
    const after = pod(order.map((i) => variable(i)));
    const patch = envPatch(before, after);
    expectJsonEqual(applyJsonPatch(before, patch), after);
    expect(count(patch, 'move')).toBe(order.length - longestIncreasingLength(order));
    expect(patch.length).toBe(2 * count(patch, 'move'));
    expectKeyTested(patch);
  });

  it('moves one element of a 1,000-element list far back with a single move', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i);
    const reordered = ids.filter((id) => id !== 10);
    reordered.splice(900, 0, 10);
    const before = pod(ids.map((id) => variable(id)));
    const after = pod(reordered.map((id) => variable(id)));
    const patch = envPatch(before, after);
    expect(patch).toEqual([
      { op: 'test', path: `${envPath}/10/name`, value: 'VAR_10' },
      { op: 'move', from: `${envPath}/10`, path: `${envPath}/900` },
    ]);
    expectJsonEqual(applyJsonPatch(before, patch), after);
  });

  it('keeps the longest run in order and counts each index on the list as the operations before left it', () => {
    // 0 1 2 3 4 → 4' 5 1 3 0: 2 is removed, 1 and 3 stay, 4 moves forward and changes, 5 is added, 0 moves back.
    const before = pod([variable(0), variable(1), variable(2), variable(3), variable(4)]);
    const after = pod([variable(4, 'changed'), variable(5), variable(1), variable(3), variable(0)]);
    const patch = envPatch(before, after);
    expect(patch).toEqual([
      { op: 'test', path: `${envPath}/2/name`, value: 'VAR_2' },
      { op: 'remove', path: `${envPath}/2` },
      // 0 1 3 4: 4 goes just before 1, still behind 0, which has not moved yet
      { op: 'test', path: `${envPath}/3/name`, value: 'VAR_4' },
      { op: 'move', from: `${envPath}/3`, path: `${envPath}/1` },
      { op: 'test', path: `${envPath}/1/name`, value: 'VAR_4' },
      { op: 'replace', path: `${envPath}/1/value`, value: 'changed' },
      { op: 'add', path: `${envPath}/2`, value: variable(5) },
      // 0 4' 5 1 3
      { op: 'test', path: `${envPath}/0/name`, value: 'VAR_0' },
      { op: 'move', from: `${envPath}/0`, path: `${envPath}/4` },
    ]);
    expectJsonEqual(applyJsonPatch(before, patch), after);
  });
});
