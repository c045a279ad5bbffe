import { ImmutableFieldError } from '../errors/ImmutableFieldError.js';
import type { JsonInput } from '../json/JsonValue.js';
import { findImmutableFieldChanges, invalidObjectMessage, readPair } from './findImmutableFieldChanges.js';

/**
 * Throws {@link ImmutableFieldError} (`IMMUTABLE_FIELD`) when the update from `oldObj` to `newObj`
 * changes `spec.selector` where the API server refuses it, with the server's words for the kind:
 *
 * - Deployment, ReplicaSet, DaemonSet, Job: `spec.selector: Invalid value: {…}: field is immutable`,
 *   for any difference, a selector added or removed included;
 * - StatefulSet: `spec: Forbidden: updates to statefulset spec for fields other than … are forbidden`;
 * - Argo `Rollout` (CRD v1.9 and later):
 *   `spec.selector: Invalid value: "object": .spec.selector is immutable`, only when a selector is present on both sides (adding one to a `workloadRef`
 *   Rollout passes); reordering `matchExpressions` counts as a change.
 *
 * Other kinds (a Service's `spec.selector` is mutable) and unchanged selectors pass. The error's
 * `changes` list every refused change (usually one) and its message is the API server's 422
 * (`Rollout.argoproj.io "web" is invalid: spec.selector: …`). Changing a selector orphans the
 * ReplicaSets of the old one: for a Rollout the new ReplicaSet then skips the canary steps.
 *
 * @example
 * ```ts
 * const live = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' },
 *   spec: { selector: { matchLabels: { app: 'web' } } } };
 * assertImmutableSelector(live, { ...live, spec: { selector: { matchLabels: { app: 'web', track: 'canary' } } } });
 * // throws ImmutableFieldError: Rollout.argoproj.io "web" is invalid: spec.selector: Invalid value: "object": .spec.selector is immutable
 * ```
 * @throws {@link ImmutableFieldError} when the selector change would be refused.
 * @throws {@link InvalidDocumentError} when an argument is not a JSON object.
 * @public
 */
export function assertImmutableSelector(oldObj: JsonInput, newObj: JsonInput): void {
  const pair = readPair(oldObj, newObj);
  const changes = findImmutableFieldChanges(pair.old, pair.new).filter(
    (change) => change.path === '/spec/selector' || change.path.startsWith('/spec/selector/'),
  );
  if (changes.length > 0) throw new ImmutableFieldError(invalidObjectMessage(pair.new, changes), { changes });
}
