import type { JsonInput, JsonObject } from '../../json/JsonValue.js';
import { checkSchema } from '../../schema/checkSchema.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import type { PatchPrecondition } from '../merge-patch/preconditions.js';
import { checkedInput } from './checkedObject.js';
import { diffMaps } from './diffMaps.js';
import { twoWayDiff } from './diffOptions.js';
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
 * @throws {@link StrategicMergePatchError} when a merge list lacks merge keys, mixes types, …
 * @throws {@link PreconditionFailedError} when a precondition rejects the patch.
 * @public
 */
export function createStrategicMergePatch(
  original: JsonInput | null | undefined,
  modified: JsonInput | null | undefined,
  schema: PatchSchema,
  options: StrategicMergePatchOptions = {},
): JsonObject {
  const from = checkedInput(original, 'original', { emptyAllowed: true });
  const to = checkedInput(modified, 'modified', { emptyAllowed: true });
  const patch = diffMaps(from, to, checkSchema(schema), twoWayDiff, '');
  checkPreconditions(patch, options.preconditions);
  return patch;
}
