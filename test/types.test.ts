import type { Operation } from 'rfc6902';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  applyMergePatch,
  createJsonPatch,
  isKubepatchError,
  type ApiRefusal,
  type FallbackPatch,
  type InvalidPatchError,
  type JsonArray,
  type JsonObject,
  type JsonPatchOperation,
  type JsonValue,
  type PatchConflictError,
  type PatchFor,
  type PatchSchema,
  patchTypeFor,
  schemaFor,
} from 'kubepatch';
import type { ApiRefusal as ClientApiRefusal } from 'kubepatch/client';

describe('public types', () => {
  it('JSON Patch operations are JSON values and interchange with rfc6902', () => {
    // Compile-time checks: these assignments fail `npm run typecheck` if the types drift apart.
    const patch: JsonPatchOperation[] = createJsonPatch({ a: 1 }, { a: 2 });
    const asJson: JsonValue = patch;
    const asRfc6902: Operation[] = patch;
    expectTypeOf(asJson).not.toBeAny();
    expectTypeOf(asRfc6902).not.toBeAny();
  });

  it('isKubepatchError narrows by code', () => {
    const error: unknown = new Error('x');
    if (isKubepatchError(error, 'CONFLICT')) expectTypeOf(error).toEqualTypeOf<PatchConflictError>();
    if (isKubepatchError(error, 'PATH_NOT_FOUND')) expectTypeOf(error.code).toEqualTypeOf<InvalidPatchError['code']>();
  });

  it('schemaFor and patchTypeFor take a whole manifest literal', () => {
    // Compile-time checks: excess properties such as `metadata` must not be rejected.
    expectTypeOf(schemaFor({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toEqualTypeOf<PatchSchema | undefined>();
    expectTypeOf(patchTypeFor({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }).type).toEqualTypeOf<'strategic' | 'merge'>();
  });

  it('accepts interface-typed and readonly inputs', () => {
    interface Labels {
      readonly app?: string;
    }
    const labels: Labels = { app: 'web' };
    const list: readonly string[] = ['a'];
    expectTypeOf(createJsonPatch).toBeCallableWith(labels, list);
  });

  it('FallbackPatch and PatchFor type contentType alike: the literal media types', () => {
    expectTypeOf<FallbackPatch['contentType']>().toEqualTypeOf<PatchFor['contentType']>();
    expectTypeOf<FallbackPatch['contentType']>().toEqualTypeOf<'application/merge-patch+json' | 'application/strategic-merge-patch+json'>();
  });

  it('applyMergePatch: an object patch gives an object, an array patch an array, anything else a JSON value', () => {
    interface Labels {
      readonly app?: string;
    }
    const labels: Labels = { app: 'web' };
    const anyJson = 3 as JsonValue;
    const bareObject: object = ['an array is an object too'];
    // Compile-time checks, each beside the run-time fact it types (RFC 7386 §2).
    const onScalar = applyMergePatch('not an object', { a: 1 });
    expectTypeOf(onScalar).toEqualTypeOf<JsonObject>();
    expect(onScalar).toEqual({ a: 1 });
    expectTypeOf(applyMergePatch(anyJson, labels)).toEqualTypeOf<JsonObject>();
    expectTypeOf(applyMergePatch({ a: 1 }, { a: 2 } as JsonObject)).toEqualTypeOf<JsonObject>();
    const replaced = applyMergePatch({ a: 1 }, ['x', { b: null, c: 1 }]);
    expectTypeOf(replaced).toEqualTypeOf<JsonArray>();
    expect(replaced).toEqual(['x', { c: 1 }]);
    expectTypeOf(applyMergePatch({ a: 1 }, ['x'] as readonly string[])).toEqualTypeOf<JsonArray>();
    // A patch whose type may be an array at run time, or is not an object, gives a JsonValue.
    const fromBare = applyMergePatch({ a: 1 }, bareObject);
    expectTypeOf(fromBare).toEqualTypeOf<JsonValue>();
    expect(fromBare).toEqual(['an array is an object too']);
    expectTypeOf(applyMergePatch({ a: 1 }, {} as {})).toEqualTypeOf<JsonValue>();
    expectTypeOf(applyMergePatch({ a: 1 }, anyJson)).toEqualTypeOf<JsonValue>();
    expectTypeOf(applyMergePatch({ a: 1 }, {} as JsonObject | JsonArray)).toEqualTypeOf<JsonValue>();
    expectTypeOf(applyMergePatch({ a: 1 }, null)).toEqualTypeOf<JsonValue>();
    expectTypeOf(applyMergePatch({ a: 1 }, JSON.parse('{}'))).toEqualTypeOf<JsonValue>(); // any
    expect(applyMergePatch({ a: 1 }, null)).toBeNull();
  });

  it('kubepatch/client re-exports ApiRefusal, the type of kubepatch', () => {
    expectTypeOf<ClientApiRefusal>().toEqualTypeOf<ApiRefusal>();
  });
});
