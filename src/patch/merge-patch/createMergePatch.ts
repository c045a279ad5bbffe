import { assertJsonValue } from '../../json/assertJsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonInput, JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import { checkSameKind } from '../checkKinds.js';

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
  assertJsonValue(from, 'from');
  assertJsonValue(to, 'to');
  if (!isJsonObject(from) || !isJsonObject(to)) return cloneJson(to);
  checkSameKind(from, 'from', to, 'to');
  return diffObjects(from, to);
}

/** {@link createMergePatch} of two checked objects. */
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
