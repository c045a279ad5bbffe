import type { JsonInput, JsonObject } from '../../json/JsonValue.js';
import { checkSchema } from '../../schema/checkSchema.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import type { PatchPrecondition } from '../merge-patch/preconditions.js';
import { checkKinds } from '../checkKinds.js';
import { argumentObject, firstArgumentError, refuseArguments } from './checkedInputs.js';
import { checkReproduced } from './checkReproduced.js';
import { diffMaps, ownPatch } from './diffMaps.js';
import { DiffOptions, twoWayDiff } from './diffOptions.js';
import { checkPreconditions } from './preconditionCheck.js';

/**
 * Options of {@link createStrategicMergePatch}.
 * @example
 * ```ts
 * const options: StrategicMergePatchOptions = { preconditions: [requireMetadataKeyUnchanged('name')] };
 * ```
 * @public
 */
export interface StrategicMergePatchOptions {
  /** Checks run on the finished patch; the first that fails throws {@link PreconditionFailedError}. Default: none. */
  readonly preconditions?: readonly PatchPrecondition[];
}

/**
 * Computes the strategic merge patch that turns `original` into `modified` (Go's
 * `CreateTwoWayMergePatch`): `applyStrategicMergePatch(original, patch, schema)` gives `modified`.
 *
 * Merge lists are diffed by merge key: a changed container appears as `{name, <changed fields>}`,
 * a removed one as `{name, $patch: delete}`, and `$setElementOrder/<field>` records the new order
 * whenever the list changed. Removed scalars of merge lists go in `$deleteFromPrimitiveList/<field>`.
 * Maps with the `retainKeys` strategy carry `$retainKeys`. `original` may be `null` or `undefined`.
 *
 * @example
 * ```ts
 * createStrategicMergePatch(
 *   { spec: { containers: [{ name: 'app', image: 'app:1' }, { name: 'old', image: 'old:1' }] } },
 *   { spec: { containers: [{ name: 'app', image: 'app:2' }] } },
 *   schemaFor('v1', 'Pod')!,
 * );
 * // { spec: {
 * //     $setElementOrder/containers: [{ name: 'app' }],
 * //     containers: [{ image: 'app:2', name: 'app' }, { name: 'old', $patch: 'delete' }] } }
 * ```
 * The two objects must be of one kind, and `schema` must be theirs, when they say
 * (`apiVersion` and `kind`): else {@link InvalidDocumentError} (`/kind`) or
 * {@link InvalidSchemaError}. A patch that would not give `modified`, because elements of a merge
 * list share their merge key (Service ports 53/TCP and 53/UDP), throws
 * {@link MergeKeyCollisionError}, which carries the patch kubectl would send all the same.
 *
 * @throws {@link StrategicMergePatchError} when a merge list lacks merge keys, mixes types, …
 * @throws {@link MergeKeyCollisionError} when the patch cannot give `modified` (a repeated merge key).
 * @throws {@link PreconditionFailedError} when a precondition rejects the patch.
 * @public
 */
export function createStrategicMergePatch(
  original: JsonInput | null | undefined,
  modified: JsonInput | null | undefined,
  schema: PatchSchema,
  options: StrategicMergePatchOptions = {},
): JsonObject {
  // The diff checks its arguments as it reads them (see `checkedInputs`).
  const from = argumentObject(original);
  const to = argumentObject(modified);
  if (from === undefined || to === undefined) refuseArguments([[original, 'original'], [modified, 'modified']]);
  let checked: PatchSchema;
  let patch: JsonObject;
  const diff = DiffOptions.of(twoWayDiff);
  try {
    checked = checkSchema(schema);
    checkKinds([[from, 'original'], [to, 'modified']], checked);
    patch = ownPatch(diffMaps(from, to, checked, diff, '', 1));
  } catch (error) {
    throw firstArgumentError(error, [[original, 'original'], [modified, 'modified']]);
  }
  checkPreconditions(patch, options.preconditions);
  checkReproduced(from, patch, to, checked, diff.report, true);
  return patch;
}
