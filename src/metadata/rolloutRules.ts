import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import type { JsonValue } from '../json/JsonValue.js';
import { jsonEqual } from '../json/jsonEqual.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import { changeAt, valueAt, type UpdatePair } from './immutableRule.js';

/**
 * Argo Rollouts' `Rollout` (argoproj.io), from v1.9.0 (argo-rollouts #4084, "fix!: make
 * .spec.selector immutable"): a CEL rule of the CRD, enforced by the API server,
 *
 * ```go
 * // +kubebuilder:validation:XValidation:rule="self == oldSelf",message=".spec.selector is immutable"
 * ```
 *
 * which the API server reports as `spec.selector: Invalid value: "object": .spec.selector is
 * immutable`. It is a transition rule: it only applies when `spec.selector` is present (not
 * `null`) in both the old and the new object, so adding a selector (a `workloadRef` Rollout that
 * had none) or removing one passes. CEL compares the stored JSON: `matchExpressions` is an atomic
 * list, so reordering it is a change. Clusters with a Rollout CRD older than v1.9 do not enforce
 * it, and the controller then orphans the old ReplicaSets (argo-rollouts #1761, #4070).
 * @internal
 */
export function rolloutChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const tokens = ['spec', 'selector'];
  const oldSelector = valueAt(pair.old, tokens);
  const newSelector = valueAt(pair.new, tokens);
  if (oldSelector === undefined || oldSelector === null || newSelector === undefined || newSelector === null) return [];
  // The API server prunes null members of a structural schema before validation.
  if (jsonEqual(withoutNullMembers(oldSelector), withoutNullMembers(newSelector))) return [];
  return [
    changeAt(tokens, oldSelector, newSelector, {
      type: 'Invalid value',
      field: 'spec.selector',
      value: '"object"',
      detail: '.spec.selector is immutable',
    }),
  ];
}

function withoutNullMembers(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (!isJsonObject(value)) return value;
  const result: { [key: string]: JsonValue } = {};
  for (const key of jsonKeys(value)) {
    const member = getOwn(value, key);
    if (member !== null && member !== undefined) {
      Object.defineProperty(result, key, { value: withoutNullMembers(member), enumerable: true, writable: true, configurable: true });
    }
  }
  return result;
}
