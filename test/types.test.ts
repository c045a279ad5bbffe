import type { Operation } from 'rfc6902';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createJsonPatch,
  isKubepatchError,
  type InvalidPatchError,
  type JsonPatchOperation,
  type JsonValue,
  type PatchConflictError,
  type PatchSchema,
  patchTypeFor,
  schemaFor,
} from 'kubepatch';

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
});
