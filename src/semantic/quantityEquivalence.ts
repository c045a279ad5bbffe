import type { JsonValue } from '../json/JsonValue.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import { compareQuantities } from './quantity/compareQuantities.js';
import { isValidQuantity } from './quantity/isValidQuantity.js';
import type { PathSegment } from './kubernetesPath.js';

/**
 * Whether a value is a `resource.Quantity` field: the schema says `format: quantity`, or the
 * schema does not know the value and it sits at `resources.limits.<name>` or
 * `resources.requests.<name>`. The second case is the Argo Rollout CRD, whose `resources.limits`
 * and `requests` are `x-kubernetes-preserve-unknown-fields` (Argo CD registers the same paths as
 * `core/Quantity` known-type fields for Rollouts).
 * @internal
 */
export function isQuantityField(at: { readonly schema: PatchSchema | undefined; segments(): readonly PathSegment[] }): boolean {
  const { schema } = at;
  if (schema?.type.kind === 'scalar') return schema.type.format === 'quantity';
  if (schema !== undefined && schema.type.kind !== 'unknown') return false;
  // Only now the path (built for this): most values have a schema that says.
  const path = at.segments();
  const resources = path[path.length - 3];
  const group = path[path.length - 2];
  return (
    resources?.type === 'field' && resources.name === 'resources' &&
    group?.type === 'field' && (group.name === 'limits' || group.name === 'requests')
  );
}

/**
 * Whether two different JSON values are the same quantity: "Equality = numeric `Cmp`,
 * independent of format" (`1000m` = `1`, `1Gi` = `1024Mi`, but `1G` ≠ `1Gi`). Strings and JSON
 * numbers both count (`UnmarshalJSON` accepts bare numbers); anything that does not parse is
 * compared as JSON.
 * @internal
 */
export function sameQuantity(a: JsonValue, b: JsonValue): boolean {
  return isValidQuantity(a) && isValidQuantity(b) && compareQuantities(a, b) === 0;
}
