import { assertJsonValue } from '../../json/assertJsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import type { JsonArray, JsonInput, JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import type { MergePatchOptions } from './MergePatchOptions.js';
import { withoutNulls } from './withoutNulls.js';

/**
 * Applies a JSON Merge Patch (RFC 7386, `application/merge-patch+json`) and returns a new
 * document; neither argument is changed and the result shares no object with them.
 *
 * RFC 7386 §2:
 *
 * > If the provided merge patch contains members that do not appear within the target, those
 * > members are added. If the target does contain the member, the value is replaced. Null values
 * > in the merge patch are given special meaning to indicate the removal of existing values in
 * > the target.
 *
 * Maps merge key by key, recursively; arrays and scalars replace what was there; a patch that is
 * not an object replaces the whole document. See {@link MergePatchOptions.semantics} for the one
 * place where Kubernetes differs from the RFC (nulls inside arrays).
 *
 * An object patch always gives an object (RFC 7386 replaces a document that is not one by `{}`
 * first), whatever the document; this overload takes a patch whose type cannot be an array (not a
 * bare `object`, `{}`, `any` or a union with an array type). The other overloads: an array patch
 * gives an array, and any other patch (a scalar, `null`, a `JsonValue`, `any`) gives a `JsonValue`.
 *
 * @example
 * ```ts
 * applyMergePatch(
 *   { metadata: { labels: { app: 'web', tier: 'front' } } },
 *   { metadata: { labels: { tier: null, track: 'canary' } } },
 * ); // { metadata: { labels: { app: 'web', track: 'canary' } } }
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value.
 * @public
 */
export function applyMergePatch<Patch extends object>(
  document: JsonInput,
  patch: Patch & ([Extract<Patch, readonly unknown[]>] extends [never] ? (unknown[] extends Patch ? never : unknown) : never),
  options?: MergePatchOptions,
): JsonObject;
/**
 * Applies a JSON Merge Patch that is an array: RFC 7386 replaces the whole document by it (in
 * Kubernetes semantics, with the `null` members of the objects inside it removed), so the result
 * is an array.
 *
 * @example
 * ```ts
 * applyMergePatch({ a: 1 }, ['x', { b: null, c: 1 }]); // ['x', { c: 1 }]
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value.
 * @public
 */
export function applyMergePatch<Patch extends readonly unknown[]>(
  document: JsonInput,
  patch: Patch & (0 extends 1 & Patch ? never : unknown),
  options?: MergePatchOptions,
): JsonArray;
/**
 * Applies a JSON Merge Patch of any JSON type: an object merges into the document, anything else
 * replaces it.
 *
 * @example
 * ```ts
 * declare const patch: JsonValue;
 * const result: JsonValue = applyMergePatch({ a: 1 }, patch);
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value.
 * @public
 */
export function applyMergePatch(document: JsonInput, patch: JsonInput, options?: MergePatchOptions): JsonValue;
export function applyMergePatch(document: JsonInput, patch: JsonInput, options: MergePatchOptions = {}): JsonValue {
  assertJsonValue(document, 'document');
  assertJsonValue(patch, 'patch');
  return mergeCheckedValues(document, patch, options);
}

/** RFC 7386's MergePatch(Target, Patch), returning a fresh value. */
function mergeValue(target: JsonValue | undefined, patch: JsonValue, kubernetes: boolean): JsonValue {
  if (Array.isArray(patch)) {
    // Go's merge() leaves an array alone only where it replaces an object.
    return kubernetes && !isJsonObject(target) ? withoutNulls(patch, true) : cloneJson(patch);
  }
  if (!isJsonObject(patch)) return patch;
  if (!isJsonObject(target)) return withoutNulls(patch, kubernetes);

  const result: JsonObject = {};
  for (const key of jsonKeys(target)) {
    const change = getOwn(patch, key);
    const current = target[key] as JsonValue;
    if (change === undefined) setOwn(result, key, cloneJson(current));
    else if (change !== null) setOwn(result, key, mergeValue(current, change, kubernetes));
  }
  for (const key of jsonKeys(patch)) {
    const change = patch[key] as JsonValue;
    if (change !== null && getOwn(target, key) === undefined) setOwn(result, key, mergeValue(undefined, change, kubernetes));
  }
  return result;
}

/** {@link applyMergePatch} without the input checks, for callers whose inputs are checked. */
export function mergeCheckedValues(target: JsonValue, patch: JsonValue, options: MergePatchOptions = {}): JsonValue {
  const kubernetes = options.semantics !== 'rfc7386';
  // Go's doMergePatch cleans a top-level array patch whatever the document is.
  if (kubernetes && Array.isArray(patch)) return withoutNulls(patch, true);
  return mergeValue(target, patch, kubernetes);
}
