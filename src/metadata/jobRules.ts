import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import type { JsonValue } from '../json/JsonValue.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { isZeroValue, typeAt } from './goTypes.js';
import { goMarshal } from './goFormat.js';
import { changeAt, immutableField, member, valueAt, withMember, type UpdatePair } from './immutableRule.js';
import { semanticEqual } from './semanticEqual.js';

/**
 * Job (pkg/apis/batch/validation `ValidateJobSpecUpdate`), in the server's order:
 *
 * ```go
 * allErrs = append(allErrs, validateCompletions(spec, oldSpec, fldPath.Child("completions"), opts)...)
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(spec.Selector, oldSpec.Selector, fldPath.Child("selector"))...)
 * allErrs = append(allErrs, validatePodTemplateUpdate(spec, oldSpec, fldPath, opts)...)
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(spec.CompletionMode, oldSpec.CompletionMode, fldPath.Child("completionMode"))...)
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(spec.PodFailurePolicy, oldSpec.PodFailurePolicy, fldPath.Child("podFailurePolicy"))...)
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(spec.BackoffLimitPerIndex, oldSpec.BackoffLimitPerIndex, fldPath.Child("backoffLimitPerIndex"))...)
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(spec.ManagedBy, oldSpec.ManagedBy, fldPath.Child("managedBy"))...)
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(spec.SuccessPolicy, oldSpec.SuccessPolicy, fldPath.Child("successPolicy"))...)
 * ```
 *
 * `completionMode` defaults to `NonIndexed` (`SetDefaults_Job`), so an absent mode equals it.
 * @internal
 */
export function jobChanges(pair: UpdatePair): ImmutableFieldChange[] {
  return [
    ...completionsChanges(pair),
    ...immutableField(pair, ['spec', 'selector']),
    ...templateChanges(pair),
    ...immutableField(pair, ['spec', 'completionMode'], 'json', 'NonIndexed'),
    ...immutableField(pair, ['spec', 'podFailurePolicy']),
    ...immutableField(pair, ['spec', 'backoffLimitPerIndex']),
    ...immutableField(pair, ['spec', 'managedBy']),
    ...immutableField(pair, ['spec', 'successPolicy']),
  ];
}

/**
 * `validateCompletions`, with elastic Indexed Jobs (the ElasticIndexedJob feature, GA in 1.31):
 * `completions` is immutable, except that an Indexed Job may change it together with
 * `parallelism`, to the same value:
 *
 * ```go
 * if *spec.Completions != *spec.Parallelism {
 *   allErrs = append(allErrs, field.Invalid(fldPath, spec.Completions, fmt.Sprintf("can only be modified in tandem with %s", fldPath.Root().Child("parallelism").String())))
 * }
 * ```
 */
function completionsChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const indexed = valueAt(pair.new, ['spec', 'completionMode']) === 'Indexed';
  if (!indexed) return immutableField(pair, ['spec', 'completions']);
  const tokens = ['spec', 'completions'];
  const oldValue = valueAt(pair.old, tokens);
  const newValue = valueAt(pair.new, tokens);
  const type = typeAt(pair.type, tokens);
  if (semanticEqual(oldValue, newValue, type) || newValue === undefined || newValue === null) return [];
  if (newValue === valueAt(pair.new, ['spec', 'parallelism'])) return [];
  return [
    changeAt(tokens, oldValue, newValue, {
      type: 'Invalid value',
      field: 'spec.completions',
      value: goMarshal(newValue, type),
      detail: 'can only be modified in tandem with spec.parallelism',
    }),
  ];
}

/**
 * `validatePodTemplateUpdate`: the template is immutable, except that a Job that is suspended and
 * has never started (`AllowMutableSchedulingDirectives`: old `spec.suspend` true, no old
 * `status.startTime`) may change its node affinity, node selector, tolerations, labels,
 * annotations and scheduling gates:
 *
 * ```go
 * oldTemplate.Spec.Affinity.NodeAffinity = template.Spec.Affinity.NodeAffinity
 * oldTemplate.Spec.NodeSelector = template.Spec.NodeSelector
 * oldTemplate.Spec.Tolerations = template.Spec.Tolerations
 * oldTemplate.Annotations = template.Annotations
 * oldTemplate.Labels = template.Labels
 * oldTemplate.Spec.SchedulingGates = template.Spec.SchedulingGates
 * allErrs = append(allErrs, apivalidation.ValidateImmutableField(template, oldTemplate, fldPath.Child("template"))...)
 * ```
 *
 * Simplified: the server validates its internal `core.PodTemplateSpec` and prints it with its
 * Go field names; kubepatch prints the template it was given, as `k8s.io/api` would encode it.
 */
function templateChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const tokens = ['spec', 'template'];
  const oldTemplate = valueAt(pair.old, tokens);
  const newTemplate = valueAt(pair.new, tokens);
  const type = typeAt(pair.type, tokens);
  const mutableScheduling = valueAt(pair.old, ['spec', 'suspend']) === true && isNil(valueAt(pair.old, ['status', 'startTime']));
  const compared = mutableScheduling ? withSchedulingFrom(oldTemplate, newTemplate, type) : oldTemplate;
  if (semanticEqual(compared, newTemplate, type)) return [];
  return [
    changeAt(tokens, oldTemplate, newTemplate, {
      type: 'Invalid value',
      field: 'spec.template',
      value: goMarshal(newTemplate, type),
      detail: 'field is immutable',
    }),
  ];
}

/** The old template with the scheduling directives (and labels and annotations) of the new one. */
function withSchedulingFrom(oldTemplate: JsonValue | undefined, newTemplate: JsonValue | undefined, templateType: TypeRef): JsonValue {
  const oldSpec = member(oldTemplate, 'spec');
  const newSpec = member(newTemplate, 'spec');
  const oldAffinity = member(oldSpec, 'affinity');
  const newAffinity = member(newSpec, 'affinity');
  let affinity: JsonValue | undefined = oldAffinity;
  if (isNil(newAffinity) && !isNil(oldAffinity)) {
    // allow the Affinity field to be cleared if the old template had no affinity directives other than NodeAffinity
    affinity = withMember(oldAffinity, 'nodeAffinity', undefined);
    if (isZeroValue(affinity, typeAt(templateType, ['spec', 'affinity']))) affinity = undefined;
  } else if (!isNil(newAffinity)) {
    // allow the NodeAffinity field to skip immutability checking
    affinity = withMember(oldAffinity, 'nodeAffinity', member(newAffinity, 'nodeAffinity'));
  }
  let spec = withMember(oldSpec, 'affinity', affinity);
  for (const key of ['nodeSelector', 'tolerations', 'schedulingGates']) spec = withMember(spec, key, member(newSpec, key));
  let metadata = member(oldTemplate, 'metadata');
  for (const key of ['labels', 'annotations']) metadata = withMember(metadata, key, member(member(newTemplate, 'metadata'), key));
  return withMember(withMember(oldTemplate, 'spec', spec), 'metadata', metadata);
}

function isNil(value: JsonValue | undefined): boolean {
  return value === undefined || value === null;
}
