import { PatchConflictError } from '../../errors/PatchConflictError.js';
import type { JsonInput, JsonObject } from '../../json/JsonValue.js';
import { checkSchema } from '../../schema/checkSchema.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { checkKinds } from '../checkKinds.js';
import { argumentObject, firstArgumentError, refuseArguments, type NamedInput } from './checkedInputs.js';
import { checkReproduced } from './checkReproduced.js';
import { diffMaps, ownPatch } from './diffMaps.js';
import { DiffOptions, twoWayDiff, type DiffReport, type DiffSettings } from './diffOptions.js';
import { findConflicts } from './findConflicts.js';
import { combineOptions } from './mergeOptions.js';
import { mergeMap } from './mergeMap.js';
import type { StrategicMergePatchOptions } from './createStrategicMergePatch.js';
import { checkPreconditions } from './preconditionCheck.js';

/** The diffs of a three-way patch: the delta keeps no deletions, the deletions nothing else. */
const deltaDiff: DiffSettings = { ...twoWayDiff, ignoreDeletions: true };
const deletionsDiff: DiffSettings = { ...twoWayDiff, ignoreChangesAndAdditions: true };
/** The changes made to the live object, for conflicts: no order directives. */
const changesDiff: DiffSettings = { ...twoWayDiff, setElementOrder: false };

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
  // The diffs only read their arguments, and check them as they read them (see `checkedInputs`).
  const inputs = (): NamedInput[] => [[original, 'original'], [modified, 'modified'], [current, 'current']];
  const last = argumentObject(original);
  const desired = argumentObject(modified);
  const live = argumentObject(current);
  if (last === undefined || desired === undefined || live === undefined) refuseArguments(inputs());
  const report: DiffReport = { repeatedMergeKey: false };
  let delta: JsonObject;
  let deletions: JsonObject;
  try {
    checkSchema(schema);
    checkKinds([[desired, 'modified'], [last, 'original'], [live, 'current']], schema);
    delta = ownPatch(diffMaps(live, desired, schema, DiffOptions.of(deltaDiff, report), '', 1));
    deletions = ownPatch(diffMaps(last, desired, schema, DiffOptions.of(deletionsDiff, report), '', 1));
  } catch (error) {
    throw firstArgumentError(error, inputs());
  }
  // The combination changes both halves in place: they are the diffs' own, sharing nothing.
  const patch = mergeMap(deletions, delta, schema, combineOptions, '');
  checkPreconditions(patch, options.preconditions);

  if (options.overwrite === false) {
    // Its own report: the conflicts are found without the check of repeated merge keys.
    const changed = diffMaps(last, live, schema, DiffOptions.of(changesDiff), '', 1);
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
