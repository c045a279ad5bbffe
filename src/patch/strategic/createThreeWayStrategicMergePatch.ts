import { PatchConflictError } from '../../errors/PatchConflictError.js';
import type { JsonInput, JsonObject } from '../../json/JsonValue.js';
import { checkSchema } from '../../schema/checkSchema.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { checkKinds } from '../checkKinds.js';
import { checkedInput } from './checkedObject.js';
import { checkReproduced } from './checkReproduced.js';
import { diffMaps } from './diffMaps.js';
import { twoWayDiff, type DiffReport } from './diffOptions.js';
import { findConflicts } from './findConflicts.js';
import { combineOptions } from './mergeOptions.js';
import { mergeMap } from './mergeMap.js';
import type { StrategicMergePatchOptions } from './createStrategicMergePatch.js';
import { checkPreconditions } from './preconditionCheck.js';

/**
 * Options of {@link createThreeWayStrategicMergePatch}.
 * @example
 * ```ts
 * const options: ThreeWayStrategicMergePatchOptions = { overwrite: false };
 * ```
 * @public
 */
export interface ThreeWayStrategicMergePatchOptions extends StrategicMergePatchOptions {
  /**
   * `true` (kubectl apply's `--overwrite`, its default): your configuration wins over changes made
   * on the live object. `false`: a patch that would undo such a change throws {@link PatchConflictError}.
   * Default: `true`.
   */
  readonly overwrite?: boolean;
}

/**
 * Computes the patch `kubectl apply` sends for a built-in kind (Go's `CreateThreeWayMergePatch`):
 * `original` is the last-applied configuration, `modified` the new one, `current` the live object.
 *
 * - the **delta** (`current` → `modified`, without deletions) sets your values on the live object;
 * - the **deletions** (`original` → `modified`, deletions only) remove what you stopped applying,
 *   and nothing that others added;
 * - the two are combined, carrying `$setElementOrder`, `$retainKeys` and
 *   `$deleteFromPrimitiveList` along;
 * - with `overwrite: false`, the patch is compared with the changes made from `original` to
 *   `current`; where they collide, {@link PatchConflictError} lists the paths.
 *
 * @example
 * ```ts
 * const schema = schemaFor('apps/v1', 'Deployment')!;
 * const lastApplied = { spec: { replicas: 3, template: { metadata: { labels: { app: 'web' } } } } };
 * const live = { spec: { replicas: 5, template: { metadata: { labels: { app: 'web', injected: 'yes' } } } } };
 * const manifest = { spec: { replicas: 3, template: { metadata: { labels: { app: 'web', tier: 'front' } } } } };
 * createThreeWayStrategicMergePatch(lastApplied, manifest, live, schema);
 * // { spec: { replicas: 3, template: { metadata: { labels: { tier: 'front' } } } } }
 * createThreeWayStrategicMergePatch(lastApplied, manifest, live, schema, { overwrite: false });
 * // throws PatchConflictError (conflicts: ['/spec/replicas']): the live object went from 3 to 5 replicas
 * ```
 * The three objects must be of one kind, and `schema` must be theirs, when they say
 * (`apiVersion` and `kind`): else {@link InvalidDocumentError} (`/kind`) or
 * {@link InvalidSchemaError}. A patch that would not set everything in `modified` on `current`,
 * because elements of a merge list share their merge key (Service ports 53/TCP and 53/UDP),
 * throws {@link MergeKeyCollisionError} with the patch kubectl sends all the same.
 *
 * @public
 */
export function createThreeWayStrategicMergePatch(
  original: JsonInput | null | undefined,
  modified: JsonInput | null | undefined,
  current: JsonInput | null | undefined,
  schema: PatchSchema,
  options: ThreeWayStrategicMergePatchOptions = {},
): JsonObject {
  // The diffs only read their inputs.
  const last = checkedInput(original, 'original', { emptyAllowed: true });
  const desired = checkedInput(modified, 'modified', { emptyAllowed: true });
  const live = checkedInput(current, 'current', { emptyAllowed: true });
  checkSchema(schema);
  checkKinds([[desired, 'modified'], [last, 'original'], [live, 'current']], schema);

  const report: DiffReport = { repeatedMergeKey: false };
  const delta = diffMaps(live, desired, schema, { ...twoWayDiff, ignoreDeletions: true, report }, '');
  const deletions = diffMaps(last, desired, schema, { ...twoWayDiff, ignoreChangesAndAdditions: true, report }, '');
  // The combination changes both halves in place: they are the diffs' own, sharing nothing.
  const patch = mergeMap(deletions, delta, schema, combineOptions, '');
  checkPreconditions(patch, options.preconditions);

  if (options.overwrite === false) {
    const changed = diffMaps(last, live, schema, { ...twoWayDiff, setElementOrder: false }, '');
    const conflicts = findConflicts(patch, changed, schema);
    if (conflicts.length > 0) {
      throw new PatchConflictError(
        `the patch would overwrite changes made to the live object since the last apply, at ${conflicts.join(', ')}`,
        { conflicts },
      );
    }
  }
  checkReproduced(live, patch, desired, schema, report, false);
  return patch;
}
