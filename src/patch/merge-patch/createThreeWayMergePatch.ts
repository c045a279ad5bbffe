import { PatchConflictError } from '../../errors/PatchConflictError.js';
import { PreconditionFailedError } from '../../errors/PreconditionFailedError.js';
import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../../json/assertJsonValue.js';
import type { JsonInput, JsonObject } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { mergeCheckedValues } from './applyMergePatch.js';
import { diffObjects } from './createMergePatch.js';
import { collectConflicts } from './findPatchConflicts.js';
import type { PatchPrecondition } from './preconditions.js';
import { additionsOf, deletionsOf } from './splitPatch.js';

/**
 * Options of {@link createThreeWayMergePatch}.
 *
 * @example
 * ```ts
 * const options: ThreeWayMergePatchOptions = {
 *   preconditions: [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')],
 * };
 * ```
 * @public
 */
export interface ThreeWayMergePatchOptions {
  /**
   * Checks run on the finished patch; the first that returns `false` throws
   * {@link PreconditionFailedError}. For custom resources `kubectl apply` passes
   * `requireKeyUnchanged('apiVersion')`, `requireKeyUnchanged('kind')` and
   * `requireMetadataKeyUnchanged('name')`.
   *
   * Default: none.
   */
  readonly preconditions?: readonly PatchPrecondition[];
}

/**
 * Computes the JSON Merge Patch that `kubectl apply` sends for a custom resource such as an Argo
 * Rollout, with the semantics of Go's `jsonmergepatch.CreateThreeWayJSONMergePatch`:
 *
 * - `original` is the configuration last applied (the `kubectl.kubernetes.io/last-applied-configuration`
 *   annotation), `modified` the new configuration, `current` the live object;
 * - **deletions** come from `original` → `modified`: a field you applied before and removed now is
 *   deleted, but fields that others added to the live object are left alone;
 * - **additions and changes** come from `current` → `modified`, so the live object ends up with
 *   your values;
 * - where the two collide, {@link PatchConflictError} lists the paths. Go makes this check too;
 *   for JSON merge patches the halves cannot collide (deletions only come from fields `modified`
 *   lacks, additions only from fields it has), so it is a safeguard here: the conflicts users meet
 *   come from strategic merge patches;
 * - the finished patch must pass every precondition, or {@link PreconditionFailedError} is thrown.
 *
 * `original` may be `undefined` or `null` (nothing applied before). All three must be objects.
 *
 * @example
 * ```ts
 * const original = { spec: { replicas: 3, paused: true } };  // last applied
 * const modified = { spec: { replicas: 5 } };                // the new manifest
 * const current = { spec: { replicas: 4, paused: true, strategy: 'canary' } }; // live
 * createThreeWayMergePatch(original, modified, current);
 * // { spec: { paused: null, replicas: 5 } } — strategy, which someone else set, survives
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON object.
 * @public
 */
export function createThreeWayMergePatch(
  original: JsonInput | null | undefined,
  modified: JsonInput,
  current: JsonInput,
  options: ThreeWayMergePatchOptions = {},
): JsonObject {
  const last = original === undefined || original === null ? {} : original;
  const [originalObject, modifiedObject, currentObject] = [
    checkObject(last, 'original'),
    checkObject(modified, 'modified'),
    checkObject(current, 'current'),
  ];

  const additions = additionsOf(diffObjects(currentObject, modifiedObject));
  const deletions = deletionsOf(diffObjects(originalObject, modifiedObject));

  const conflicts: string[] = [];
  collectConflicts(additions, deletions, '', conflicts);
  if (conflicts.length > 0) {
    throw new PatchConflictError(
      `the patch would overwrite changes made to the live object at ${conflicts.join(', ')}`,
      { conflicts },
    );
  }

  // Go merges the two halves with jsonpatch.MergePatch, so nulls inside arrays follow its rules.
  const patch = mergeCheckedValues(deletions, additions) as JsonObject;
  for (const precondition of options.preconditions ?? []) {
    if (!precondition(patch)) {
      const field = precondition.path === undefined ? '' : ` (${precondition.path})`;
      throw new PreconditionFailedError(`the patch fails a precondition${field}: ${JSON.stringify(patch)}`, {
        patch,
        path: precondition.path,
      });
    }
  }
  return patch;
}

function checkObject(value: unknown, input: string): JsonObject {
  assertJsonValue(value, input);
  if (!isJsonObject(value)) {
    throw new InvalidDocumentError(`${input}: a three-way merge patch needs JSON objects, got ${describe(value)}`, {
      path: '',
      input,
    });
  }
  return value;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
}
