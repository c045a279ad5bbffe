import { KubepatchError } from '../../errors/KubepatchError.js';
import { MergeKeyCollisionError } from '../../errors/MergeKeyCollisionError.js';
import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject } from '../../json/JsonValue.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import type { DiffReport } from './diffOptions.js';
import { findUnreproduced } from './findUnreproduced.js';
import { mergeMap } from './mergeMap.js';
import { applyOptions } from './mergeOptions.js';

/**
 * Throws {@link MergeKeyCollisionError} when `patch`, applied to `base`, does not give
 * `modified`. Only a repeated merge key makes Go's diff and merge disagree, so nothing is applied
 * unless the diff met one (`report`): the check costs nothing on every other patch.
 * A two-way patch (`exact`) must give `modified`; a three-way patch must give everything in
 * `modified`, and may keep what others added to `base` (the live object).
 *
 * @example
 * ```ts
 * checkReproduced(original, patch, modified, schema, report, true);
 * ```
 */
export function checkReproduced(
  base: JsonObject,
  patch: JsonObject,
  modified: JsonObject,
  schema: PatchSchema,
  report: DiffReport,
  exact: boolean,
): void {
  if (!report.repeatedMergeKey) return;
  let result: JsonObject;
  try {
    result = mergeMap(cloneJson(base) as JsonObject, patch, schema, applyOptions, '');
  } catch (error) {
    // Go's merge refuses Go's own patch (a `$setElementOrder` naming a key twice, …): the API server would too.
    if (!(error instanceof KubepatchError)) throw error;
    throw collision(`the strategic merge patch cannot be applied (${error.message})`, error.path ?? '', patch);
  }
  const path = findUnreproduced(result, modified, exact);
  if (path === undefined) return;
  throw collision(`the strategic merge patch does not give ${path || 'the object'}`, path, patch);
}

function collision(what: string, path: string, patch: JsonObject): MergeKeyCollisionError {
  return new MergeKeyCollisionError(
    `modified: ${what}: elements of a merge list share their ` +
      'merge key (as ports 53/TCP and 53/UDP share port 53), and Go\'s merge, which the API server and kubectl use, ' +
      'matches elements by merge key alone and folds them into one. kubectl sends this patch (error.patch) all the ' +
      'same; send a JSON merge patch (createMergePatch) or a JSON Patch (createJsonPatch) for this object instead',
    { path, input: 'modified', patch },
  );
}
