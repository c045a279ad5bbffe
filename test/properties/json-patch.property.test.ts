import { fc, test } from '@fast-check/vitest';
import { applyPatch as rfc6902ApplyPatch } from 'rfc6902';
import { describe, expect } from 'vitest';
import { applyJsonPatch, createJsonPatch } from 'kubepatch';
import { jsonDocument, listsWithRepeats, rewritten, similarLists } from '../helpers/arbitraries.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const hasProtoKey = (value: unknown): boolean => /"(__proto__|constructor|prototype)"/.test(JSON.stringify(value));
/** The value as JSON reads it back: `-0` becomes `0` (deep-equal's strict mode tells them apart). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('createJsonPatch / applyJsonPatch', () => {
  test.prop([jsonDocument(), jsonDocument()], { numRuns: 300 })('apply(a, create(a, b)) equals b', (a, b) => {
    deepFreeze(a);
    deepFreeze(b);
    expectJsonEqual(applyJsonPatch(a as object, createJsonPatch(a as object, b as object)), b);
    expectJsonEqual(applyJsonPatch(a as object, createJsonPatch(a as object, b as object, { guard: true })), b);
  });

  test.prop([similarLists()], { numRuns: 300 })('similar keyed-looking lists round-trip', ([before, after]) => {
    const a = deepFreeze({ env: before });
    const b = deepFreeze({ env: after });
    const patch = createJsonPatch(a, b);
    expectJsonEqual(applyJsonPatch(a, patch), b);
    // Never worse than rewriting every element that differs by index.
    const changedByIndex = Math.max(before.length, after.length);
    expect(patch.length).toBeLessThanOrEqual(changedByIndex + 1);
  });

  test.prop([listsWithRepeats()], { numRuns: 300 })('lists with repeated elements, some written differently, round-trip', ([before, after]) => {
    const a = deepFreeze({ list: before });
    const b = deepFreeze({ list: after });
    for (const guard of [false, true]) expectJsonEqual(asJson(applyJsonPatch(a, createJsonPatch(a, b, { guard }))), asJson(b));
    // Equal elements match however they are written: rewriting alone changes nothing, and
    // rewriting the target changes no operation or path (only the key order inside values).
    expect(createJsonPatch(a, { list: before.map(rewritten) })).toEqual([]);
    const shape = (patch: Array<{ op: string; path: string }>) => patch.map(({ op, path }) => `${op} ${path}`).sort();
    expect(shape(createJsonPatch(a, { list: after.map(rewritten) }))).toEqual(shape(createJsonPatch(a, b)));
  });

  test.prop([similarLists(), fc.nat()], { numRuns: 200 })(
    'a guarded patch fails on a stale read instead of touching another element',
    ([before, after], seed) => {
      const a = deepFreeze({ env: before });
      const patch = createJsonPatch(a, { env: after }, { guard: true });
      if (before.length < 2 || !patch.some((op) => op.op === 'remove' || op.op === 'replace')) return;
      // Someone removed one element since our read: indexes after it have shifted.
      const stale = { env: before.filter((_, i) => i !== seed % before.length) };
      let result: unknown;
      try {
        result = applyJsonPatch(stale, patch);
      } catch {
        return; // refused: the guard did its job
      }
      // Applied anyway: then every guarded element was still where the patch expected it.
      expect(result).toBeDefined();
    },
  );

  test.prop([jsonDocument({ withNull: true }), jsonDocument({ withNull: true })], { numRuns: 200 })(
    'patches are standard RFC 6902: the rfc6902 package applies them to the same result',
    (a, b) => {
      fc.pre(!hasProtoKey(a) && !hasProtoKey(b)); // rfc6902 skips these tokens on purpose
      const patch = createJsonPatch(a as object, b as object);
      const box = { root: structuredClone(a) };
      const results = rfc6902ApplyPatch(box, patch.map((op) => ({ ...op, path: `/root${op.path}` }) as never));
      expect(results.every((r) => r === null)).toBe(true);
      expectJsonEqual(box.root, b);
    },
  );
});
