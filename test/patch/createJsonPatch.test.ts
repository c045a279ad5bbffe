import { describe, expect, it } from 'vitest';
import { applyJsonPatch, createJsonPatch, PatchTestFailedError } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const env = (...names: string[]) => names.map((name) => ({ name, value: name.toLowerCase() }));

describe('createJsonPatch', () => {
  it('gives [] for equal documents, whatever the key order', () => {
    expect(createJsonPatch({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toEqual([]);
  });

  it('goes down to the changed scalar and escapes keys', () => {
    expect(createJsonPatch({ metadata: { annotations: { 'a/b~c': '1' } } }, { metadata: { annotations: { 'a/b~c': '2' } } })).toEqual([
      { op: 'replace', path: '/metadata/annotations/a~1b~0c', value: '2' },
    ]);
  });

  it('removes an element from the middle of a list with one operation (not one per later index)', () => {
    expect(createJsonPatch({ env: env('A', 'B', 'C', 'D') }, { env: env('A', 'C', 'D') })).toEqual([{ op: 'remove', path: '/env/1' }]);
  });

  it('inserts into the middle of a list with one operation', () => {
    expect(createJsonPatch({ env: env('A', 'C') }, { env: env('A', 'B', 'C') })).toEqual([
      { op: 'add', path: '/env/1', value: { name: 'B', value: 'b' } },
    ]);
  });

  it('patches inside an element that kept its name, and replaces one that did not', () => {
    expect(createJsonPatch({ env: [{ name: 'A', value: '1' }] }, { env: [{ name: 'A', value: '2' }] })).toEqual([
      { op: 'replace', path: '/env/0/value', value: '2' },
    ]);
    expect(createJsonPatch({ env: [{ name: 'A', value: '1' }] }, { env: [{ name: 'B', value: '2' }] })).toEqual([
      { op: 'replace', path: '/env/0', value: { name: 'B', value: '2' } },
    ]);
  });

  it('with guard, tests each array element before it is removed or changed', () => {
    const before = deepFreeze({ env: env('A', 'B', 'C') });
    const patch = createJsonPatch(before, { env: env('A', 'C') }, { guard: true });
    expect(patch).toEqual([
      { op: 'test', path: '/env/1', value: { name: 'B', value: 'b' } },
      { op: 'remove', path: '/env/1' },
    ]);
    // Someone removed A since our read: unguarded, the patch would now delete C.
    const stale = { env: env('B', 'C') };
    expect(applyJsonPatch(stale, createJsonPatch(before, { env: env('A', 'C') }))).toEqual({ env: env('B') });
    expect(() => applyJsonPatch(stale, patch)).toThrow(PatchTestFailedError);
  });

  it('stays exact on long lists with scattered changes', () => {
    const before = deepFreeze({ env: Array.from({ length: 10_000 }, (_, i) => ({ name: `VAR_${i}`, value: String(i) })) });
    const after = {
      env: before.env
        .filter((_, i) => i % 20 !== 3)
        .map((item, i) => (i % 20 === 7 ? { ...item, value: 'changed' } : item))
        .flatMap((item, i) => (i % 20 === 11 ? [item, { name: `NEW_${i}`, value: 'new' }] : [item])),
    };
    const patch = createJsonPatch(before, after);
    expectJsonEqual(applyJsonPatch(before, patch), after);
    // 500 removes, 475 changes, 475 adds: one operation each.
    expect(patch.length).toBeLessThanOrEqual(1500);
  });

  it('matches repeated elements however they are written (key order, sign of zero)', () => {
    // Unmatched, the middle elements would be replaced (they have no scalar member to patch inside).
    const before = deepFreeze({ list: [1, { a: [1], b: [0] }, 0, 'x', { a: [1], b: [0] }, 2] });
    const after = { list: [3, { b: [-0], a: [1] }, -0, 'x', { b: [0], a: [1] }, 4] };
    expect(createJsonPatch(before, after)).toEqual([
      { op: 'replace', path: '/list/0', value: 3 },
      { op: 'replace', path: '/list/5', value: 4 },
    ]);
  });

  it('handles a reordered list', () => {
    const before = deepFreeze({ env: env('A', 'B', 'C', 'D', 'E') });
    const after = { env: env('E', 'D', 'C', 'B', 'A') };
    expectJsonEqual(applyJsonPatch(before, createJsonPatch(before, after)), after);
  });

  it('replaces values of different types and the root', () => {
    expect(createJsonPatch({ a: [1] }, { a: { 0: 1 } })).toEqual([{ op: 'replace', path: '/a', value: { 0: 1 } }]);
    expect(createJsonPatch([1], 'x')).toEqual([{ op: 'replace', path: '', value: 'x' }]);
  });
});
