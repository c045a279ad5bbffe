// Cross-check: the list and map types of the built-in apply table (client-go's structured-merge-diff
// schema) against the strategic-merge-patch table (src/schema/generated, from the Go sources).
import { describe, expect, it } from 'vitest';
import type { FieldDef } from 'kubepatch';
import { builtinApplyTable } from '../../../src/apply/schema/builtinApplyTable.ts';
import { builtinSchemas } from '../../../src/schema/builtinTable.ts';

const smp = builtinSchemas().table;
const apply = builtinApplyTable();
const shared = Object.keys(apply).filter((id) => Object.hasOwn(smp, id));

type ListView = string; // "atomic", "set", "map:k1,k2"

function applyList(id: string, name: string): ListView | undefined {
  const type = apply[id]?.fields[name];
  if (type?.kind !== 'list') return undefined;
  return type.listType === 'map' ? `map:${(type.keys ?? []).join(',')}` : type.listType;
}

/** What the SMP metadata alone implies: `merge` + merge key ⇔ associative with that key; `merge` alone ⇔ set. */
function smpImplied(field: FieldDef): ListView {
  if (!field.patchStrategies.includes('merge')) return 'atomic';
  return field.patchMergeKey === undefined ? 'set' : `map:${field.patchMergeKey}`;
}

/** kube-openapi's rule over the same field: `x-kubernetes-list-type` (+listType) first, else the patch strategy. */
function schemaconvRule(field: FieldDef): ListView {
  if (field.listType === 'map') return `map:${(field.listMapKeys ?? []).join(',')}`;
  if (field.listType !== undefined) return field.listType;
  return smpImplied(field);
}

function listFields(): { where: string; field: FieldDef; apply: ListView }[] {
  const found = [];
  for (const id of shared) {
    for (const [name, field] of Object.entries(smp[id]!.fields)) {
      const view = applyList(id, name);
      if (field.type.kind === 'list' && view !== undefined) found.push({ where: `${id}.${name}`, field, apply: view });
    }
  }
  return found;
}

/**
 * Every list whose apply type differs from what its strategic-merge-patch metadata implies, by
 * reason. kube-openapi reads `x-kubernetes-list-type` before `x-kubernetes-patch-strategy`, so a
 * `+listType` marker decides wherever there is one.
 */
const EXPECTED_DIFFERENCES: Record<string, readonly string[]> = {
  // +listType=set on a list with no patch strategy: server-side apply merges the values as a set,
  // strategic merge patch replaces the list.
  'listType set, no patch strategy': [
    'io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBindingSpec.validationActions',
    'io.k8s.api.admissionregistration.v1alpha1.ValidatingAdmissionPolicyBindingSpec.validationActions',
    'io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicyBindingSpec.validationActions',
    'io.k8s.api.apiserverinternal.v1alpha1.ServerStorageVersion.decodableVersions',
    'io.k8s.api.apiserverinternal.v1alpha1.ServerStorageVersion.servedVersions',
    'io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement.values',
    'io.k8s.api.batch.v1.UncountedTerminatedPods.succeeded',
    'io.k8s.api.batch.v1.UncountedTerminatedPods.failed',
    'io.k8s.api.discovery.v1.Endpoint.addresses',
    'io.k8s.api.discovery.v1beta1.Endpoint.addresses',
    'io.k8s.api.flowcontrol.v1.NonResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1.NonResourcePolicyRule.nonResourceURLs',
    'io.k8s.api.flowcontrol.v1.ResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1.ResourcePolicyRule.apiGroups',
    'io.k8s.api.flowcontrol.v1.ResourcePolicyRule.resources',
    'io.k8s.api.flowcontrol.v1.ResourcePolicyRule.namespaces',
    'io.k8s.api.flowcontrol.v1beta1.NonResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1beta1.NonResourcePolicyRule.nonResourceURLs',
    'io.k8s.api.flowcontrol.v1beta1.ResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1beta1.ResourcePolicyRule.apiGroups',
    'io.k8s.api.flowcontrol.v1beta1.ResourcePolicyRule.resources',
    'io.k8s.api.flowcontrol.v1beta1.ResourcePolicyRule.namespaces',
    'io.k8s.api.flowcontrol.v1beta2.NonResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1beta2.NonResourcePolicyRule.nonResourceURLs',
    'io.k8s.api.flowcontrol.v1beta2.ResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1beta2.ResourcePolicyRule.apiGroups',
    'io.k8s.api.flowcontrol.v1beta2.ResourcePolicyRule.resources',
    'io.k8s.api.flowcontrol.v1beta2.ResourcePolicyRule.namespaces',
    'io.k8s.api.flowcontrol.v1beta3.NonResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1beta3.NonResourcePolicyRule.nonResourceURLs',
    'io.k8s.api.flowcontrol.v1beta3.ResourcePolicyRule.verbs',
    'io.k8s.api.flowcontrol.v1beta3.ResourcePolicyRule.apiGroups',
    'io.k8s.api.flowcontrol.v1beta3.ResourcePolicyRule.resources',
    'io.k8s.api.flowcontrol.v1beta3.ResourcePolicyRule.namespaces',
    'io.k8s.api.storage.v1.CSIDriverSpec.volumeLifecycleModes',
  ],
  // +listType=map on a list with no patch strategy: keyed for apply, replaced by a strategic merge patch.
  'listType map, no patch strategy': [
    'io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyStatus.conditions',
    'io.k8s.api.admissionregistration.v1alpha1.ValidatingAdmissionPolicyStatus.conditions',
    'io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicyStatus.conditions',
    'io.k8s.api.apiserverinternal.v1alpha1.StorageVersionStatus.storageVersions',
    'io.k8s.api.apiserverinternal.v1alpha1.StorageVersionStatus.conditions',
    'io.k8s.api.certificates.v1.CertificateSigningRequestStatus.conditions',
    'io.k8s.api.certificates.v1beta1.CertificateSigningRequestStatus.conditions',
    'io.k8s.api.core.v1.ResourceRequirements.claims',
    'io.k8s.api.core.v1.ResourceStatus.resources',
    'io.k8s.api.flowcontrol.v1beta1.FlowSchemaStatus.conditions',
    'io.k8s.api.flowcontrol.v1beta1.PriorityLevelConfigurationStatus.conditions',
    'io.k8s.api.flowcontrol.v1beta2.FlowSchemaStatus.conditions',
    'io.k8s.api.flowcontrol.v1beta2.PriorityLevelConfigurationStatus.conditions',
    'io.k8s.api.resource.v1alpha3.AllocatedDeviceStatus.conditions',
    'io.k8s.api.resource.v1alpha3.ResourceClaimStatus.devices',
    'io.k8s.api.resource.v1beta1.AllocatedDeviceStatus.conditions',
    'io.k8s.api.resource.v1beta1.ResourceClaimStatus.devices',
    'io.k8s.api.resource.v1beta2.AllocatedDeviceStatus.conditions',
    'io.k8s.api.resource.v1beta2.ResourceClaimStatus.devices',
  ],
  // +listType=atomic on a list with patchStrategy merge: kube-openapi reads the list type first.
  'listType atomic over patchStrategy merge': [
    'io.k8s.api.batch.v1.JobStatus.conditions',
    'io.k8s.api.core.v1.PodStatus.hostIPs',
  ],
  // +listMapKey names more keys than the patchMergeKey: apply identifies elements by all of them
  // (a Service's 53/TCP and 53/UDP are two elements for apply, one merge key for SMP).
  'more list-map keys than the merge key': [
    'io.k8s.api.core.v1.Container.ports',
    'io.k8s.api.core.v1.EphemeralContainer.ports',
    'io.k8s.api.core.v1.PodSpec.topologySpreadConstraints',
    'io.k8s.api.core.v1.ServiceSpec.ports',
  ],
};

describe('apply list types against strategic-merge-patch metadata, for every built-in type in both tables', () => {
  it('covers the types both tables have (833 apply structs, all of them in the SMP table)', () => {
    expect(shared).toHaveLength(833);
    expect(listFields().length).toBeGreaterThan(440);
  });

  it('agree with kube-openapi rule applied to the SMP table (list-type marker first, else patch strategy): no exception', () => {
    const wrong = listFields().filter((list) => schemaconvRule(list.field) !== list.apply).map((list) => `${list.where}: ${list.apply}`);
    expect(wrong).toEqual([]);
  });

  it('agree with "merge + merge key ⇔ associative with that key" except where a +listType marker decides', () => {
    const differences = listFields().filter((list) => smpImplied(list.field) !== list.apply);
    const byReason: Record<string, string[]> = {};
    for (const list of differences) {
      const implied = smpImplied(list.field);
      const reason =
        implied === 'atomic' && list.apply === 'set'
          ? 'listType set, no patch strategy'
          : implied === 'atomic' && list.apply.startsWith('map:')
            ? 'listType map, no patch strategy'
            : list.apply === 'atomic'
              ? 'listType atomic over patchStrategy merge'
              : implied.startsWith('map:') && list.apply.startsWith(implied + ',')
                ? 'more list-map keys than the merge key'
                : `unexplained: SMP ${implied}, apply ${list.apply}`;
      (byReason[reason] ??= []).push(list.where);
    }
    expect(byReason).toEqual(EXPECTED_DIFFERENCES);
  });

  it('agree on map and struct types: +mapType / +structType (field or type) ⇔ the apply table', () => {
    const wrong: string[] = [];
    for (const id of shared) {
      const smpStruct = smp[id]!;
      if ((smpStruct.structType === 'atomic') !== (apply[id]!.structType === 'atomic')) wrong.push(`${id}: structType`);
      for (const [name, field] of Object.entries(smpStruct.fields)) {
        const type = apply[id]!.fields[name];
        if (type?.kind === 'map' && (field.mapType ?? 'granular') !== type.mapType) wrong.push(`${id}.${name}: mapType`);
        if (type?.kind === 'struct' && field.structType !== type.structType) wrong.push(`${id}.${name}: structType`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
