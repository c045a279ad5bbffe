import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import { memberType, typeAt } from './goTypes.js';
import { changeAt, immutableField, keysOf, member, type UpdatePair } from './immutableRule.js';
import { memberEqual } from './semanticEqual.js';

/**
 * Deployment, ReplicaSet and DaemonSet (pkg/registry/apps/{deployment,replicaset,daemonset}/strategy.go,
 * `ValidateUpdate`), for every group and version but extensions/v1beta1 and apps/v1beta1:
 *
 * ```go
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(newDeployment.Spec.Selector, oldDeployment.Spec.Selector, field.NewPath("spec").Child("selector"))...)
 * ```
 *
 * `spec.selector` is a `*metav1.LabelSelector`: a selector added where there was none is a
 * change too, and the message prints the new one with `json.Marshal`
 * (`spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable`).
 * @internal
 */
export function workloadSelectorChanges(pair: UpdatePair): ImmutableFieldChange[] {
  return immutableField(pair, ['spec', 'selector']);
}

/** The StatefulSet spec fields an update may change, in the order the message lists them. */
const updatableStatefulSetFields = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

/** `SetDefaults_StatefulSet`: what an absent field is compared as. */
const statefulSetDefaults: { readonly [field: string]: string } = { podManagementPolicy: 'OrderedReady' };

const statefulSetMessage =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
  "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/**
 * StatefulSet (pkg/apis/apps/validation `ValidateStatefulSetUpdate`): the new spec, with the
 * updatable fields put back from the old one, must equal the old spec, else
 *
 * ```go
 * allErrs = append(allErrs, field.Forbidden(field.NewPath("spec"), "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"))
 * ```
 *
 * so `selector`, `serviceName`, `volumeClaimTemplates` and `podManagementPolicy` cannot change.
 * The server reports one error for the whole spec; kubepatch reports one change per field that
 * differs, each with that message. (Older releases do not let `revisionHistoryLimit` change and
 * leave it out of the message; kube-apiserver 1.33.13 lists it.)
 * @internal
 */
export function statefulSetChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const specType = typeAt(pair.type, ['spec']);
  const oldSpec = member(pair.old, 'spec');
  const newSpec = member(pair.new, 'spec');
  const keys = keysOf(oldSpec, newSpec);
  const changes: ImmutableFieldChange[] = [];
  for (const key of keys) {
    if (updatableStatefulSetFields.includes(key) || memberType(specType, key) === undefined) continue;
    const oldValue = member(oldSpec, key) ?? statefulSetDefaults[key];
    const newValue = member(newSpec, key) ?? statefulSetDefaults[key];
    if (memberEqual(specType, key, oldValue, newValue)) continue;
    changes.push(changeAt(['spec', key], member(oldSpec, key), member(newSpec, key), { type: 'Forbidden', field: 'spec', detail: statefulSetMessage }));
  }
  return changes;
}
