import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { applyMergePatch, createMergePatch, createThreeWayMergePatch } from 'kubepatch';
import { jsonDocument, jsonObject } from '../helpers/arbitraries.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

describe('createMergePatch / applyMergePatch', () => {
  test.prop([jsonDocument(), jsonDocument({ withNull: false })], { numRuns: 300 })(
    'apply(a, create(a, b)) equals b when b holds no null',
    (a, b) => {
      deepFreeze(a);
      deepFreeze(b);
      const patch = createMergePatch(a as object, b as object);
      expectJsonEqual(applyMergePatch(a as object, patch), b);
      expectJsonEqual(applyMergePatch(a as object, patch, { semantics: 'rfc7386' }), b);
    },
  );

  test.prop([jsonObject()], { numRuns: 100 })('an object compared with itself gives {}', (a) => {
    deepFreeze(a);
    expectJsonEqual(createMergePatch(a, structuredCloneJson(a)), {});
  });

  // Only RFC 7386 is idempotent: Go keeps nulls in an array that replaces an object the first time,
  // then removes them when the same array replaces that array (see MergePatchOptions.semantics).
  test.prop([jsonDocument(), jsonDocument()], { numRuns: 300 })('RFC 7386: applying twice is the same as once', (a, patch) => {
    deepFreeze(a);
    deepFreeze(patch);
    const once = applyMergePatch(a as object, patch as object, { semantics: 'rfc7386' });
    expectJsonEqual(applyMergePatch(once as object, patch as object, { semantics: 'rfc7386' }), once);
  });
});

describe('createThreeWayMergePatch', () => {
  test.prop([jsonObject(), jsonObject({ withNull: false })], { numRuns: 300 })(
    'when nobody changed the live object, applying the patch gives the new configuration',
    (original, modified) => {
      deepFreeze(original);
      deepFreeze(modified);
      const patch = createThreeWayMergePatch(original, modified, original);
      expectJsonEqual(applyMergePatch(original, patch), modified);
    },
  );

  test.prop([jsonObject(), jsonObject({ withNull: false }), jsonObject()], { numRuns: 300 })(
    'the live object ends up with every value of the new configuration, and never throws a conflict',
    (original, modified, current) => {
      deepFreeze(original);
      deepFreeze(modified);
      deepFreeze(current);
      const result = applyMergePatch(current, createThreeWayMergePatch(original, modified, current)) as Record<string, unknown>;
      for (const [key, value] of Object.entries(modified)) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) continue; // merged, checked above
        expectJsonEqual(result[key], value);
      }
    },
  );

  test.prop([jsonObject(), jsonObject({ withNull: false })], { numRuns: 200 })(
    'fields someone else added to the live object survive',
    (original, modified) => {
      const current = deepFreeze({ ...structuredCloneJson(original), 'added-by-controller': { ready: true } });
      const result = applyMergePatch(current, createThreeWayMergePatch(original, modified, current)) as Record<string, unknown>;
      if (!Object.hasOwn(modified, 'added-by-controller')) expect(result['added-by-controller']).toEqual({ ready: true });
    },
  );
});

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
