import { assertJsonValue } from '../../json/assertJsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonInput, JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import { checkSameKind } from '../checkKinds.js';
import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { checkJsonAt, checkJsonContainer, NOT_JSON } from '../../json/notJson.js';
import { checkReplaced, ownMember, same, setMember } from './checkedWalk.js';

/**
 * Computes the JSON Merge Patch (RFC 7386) that turns `from` into `to`, like Go's
 * `jsonpatch.CreateMergePatch`: members of `to` that are new or changed are set, members of `from`
 * missing from `to` are set to `null`, objects are compared recursively, and arrays that differ in
 * any way are sent whole.
 *
 * When both are objects the patch is an object, and **`{}` means "no change"**. Otherwise the
 * patch is a copy of `to`, since a merge patch replaces anything that is not an object whole.
 *
 * A merge patch cannot set a member to `null` (null means "remove"): where `to` holds `null`, the
 * patch removes the member instead.
 *
 * @example
 * ```ts
 * createMergePatch(
 *   { spec: { replicas: 3, paused: true } },
 *   { spec: { replicas: 5 } },
 * ); // { spec: { replicas: 5, paused: null } }
 * ```
 * When both name their `apiVersion` and `kind` (Kubernetes objects), they must be of the same
 * group and kind: a patch between a Deployment and a Service throws {@link InvalidDocumentError}
 * at `/kind`. Other JSON is diffed whatever it holds.
 *
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value, or the two are
 * objects of different kinds.
 * @public
 */
export function createMergePatch(from: JsonInput, to: JsonInput): JsonValue {
  let patch: JsonValue;
  try {
    patch = checkAndDiff(from, to);
  } catch (error) {
    if (error !== NOT_JSON) throw error;
    // The walk only knows that something is not JSON: these say what and where.
    assertJsonValue(from, 'from');
    assertJsonValue(to, 'to');
    // Both walks apply the same rules, so this is not reached; if it were, the patch is still right.
    patch = isJsonObject(from) && isJsonObject(to) ? diffObjects(from, to) : cloneJson(to as JsonValue);
  }
  if (isJsonObject(from) && isJsonObject(to)) checkSameKind(from, 'from', to, 'to');
  return patch;
}

/**
 * The patch, computed in one walk that also checks both inputs (throwing `NOT_JSON` at the first
 * value that is not JSON): only what goes into the patch is copied, and an object without changes
 * allocates nothing.
 */
function checkAndDiff(from: unknown, to: unknown): JsonValue {
  if (typeof from !== 'object' || from === null || Array.isArray(from) || typeof to !== 'object' || to === null || Array.isArray(to)) {
    checkJsonAt(from, 1);
    return cloneJsonChecking(to, 1);
  }
  checkJsonContainer(from, 1);
  checkJsonContainer(to, 1);
  return diffChecked(from as JsonObject, to as JsonObject, 1) ?? {};
}

/** {@link diffObjects} of two plain objects at `depth`, checking them; `undefined` when they are equal. */
function diffChecked(from: JsonObject, to: JsonObject, depth: number): JsonObject | undefined {
  let patch: JsonObject | undefined;
  let shared = 0;
  const keysTo = Object.keys(to);
  for (let i = 0; i < keysTo.length; i++) {
    const key = keysTo[i]!;
    const after = to[key];
    if (after === undefined) continue;
    const before = ownMember(from, key);
    if (before === undefined) {
      setMember((patch ??= {}), key, cloneJsonChecking(after, depth + 1));
      continue;
    }
    shared++;
    if (before === after) {
      // The same value in both documents (an object `to` was built from `from` with): equal.
      checkJsonAt(before, depth + 1);
    } else if (isPlainCandidate(before) && isPlainCandidate(after)) {
      checkJsonContainer(before, depth + 1);
      checkJsonContainer(after, depth + 1);
      const nested = diffChecked(before as JsonObject, after as JsonObject, depth + 1);
      if (nested !== undefined) setMember((patch ??= {}), key, nested);
    } else if (!same(before, after, depth + 1)) {
      setMember((patch ??= {}), key, cloneJsonChecking(after, depth + 1));
      checkReplaced(before, after, depth + 1);
    }
  }
  const keysFrom = Object.keys(from);
  // Every member of `from` was met above: none was removed (a common case, spared a second pass).
  if (shared === keysFrom.length) return patch;
  for (let i = 0; i < keysFrom.length; i++) {
    const key = keysFrom[i]!;
    const before = from[key];
    if (before === undefined || ownMember(to, key) !== undefined) continue;
    checkJsonAt(before, depth + 1);
    setMember((patch ??= {}), key, null);
  }
  return patch;
}

/** An object that is not an array: merged member by member (whether it is plain is checked on entry). */
function isPlainCandidate(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** {@link createMergePatch} of two checked objects (the three-way patch's two diffs). */
export function diffObjects(from: JsonObject, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of jsonKeys(to)) {
    const after = to[key] as JsonValue;
    const before = getOwn(from, key);
    if (before === undefined) {
      setOwn(patch, key, cloneJson(after));
    } else if (isJsonObject(before) && isJsonObject(after)) {
      const nested = diffObjects(before, after);
      if (jsonKeys(nested).length > 0) setOwn(patch, key, nested);
    } else if (!jsonEqual(before, after)) {
      setOwn(patch, key, cloneJson(after));
    }
  }
  for (const key of jsonKeys(from)) {
    if (getOwn(to, key) === undefined) setOwn(patch, key, null);
  }
  return patch;
}
