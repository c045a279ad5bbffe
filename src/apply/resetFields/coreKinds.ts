import type { StatusSubresourceKind } from './ResetRules.js';
import { K8S, RESET_OBJECT_META_FOR_STATUS, resetIn, restore, restoreBut, special, ZERO_STATUS } from './ruleBuilders.js';

const V1 = ['v1'];
const MAIN = { resetFields: resetIn(V1, ['status']), create: [ZERO_STATUS], update: [restore('status')] };
const STATUS = { resetFields: resetIn(V1, ['spec']), update: [restore('spec')] };

/**
 * The core (`v1`) kinds with a status subresource. Service, PersistentVolumeClaim,
 * ReplicationController and ResourceQuota follow the common pattern (main: reset `status`,
 * "update is not allowed to set status", cleared on create; status: reset `spec`,
 * `newX.Spec = oldX.Spec`). Pod, Node, Namespace and PersistentVolume do more; see each entry.
 */
export const coreKinds: readonly StatusSubresourceKind[] = [
  {
    group: '',
    kind: 'Pod',
    resource: 'pods',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}core/pod/strategy.go`, `${K8S}core/pod/storage/storage.go`],
    // PrepareForCreate: `pod.Status = api.PodStatus{Phase: api.PodPending, QOSClass: qos.GetPodQOS(pod)}`,
    // then applySchedulingGatedCondition. PrepareForUpdate: `newPod.Status = oldPod.Status`.
    main: { resetFields: resetIn(V1, ['status']), create: [special('podCreateStatus')], update: [restore('status')] },
    subresources: {
      // GetResetFields: "spec", ("metadata", "deletionTimestamp"), ("metadata", "ownerReferences").
      // PrepareForUpdate: `newPod.Spec = oldPod.Spec`; `newPod.DeletionTimestamp = nil` (rest.BeforeUpdate
      // then puts back the old one: "an update can never remove/change a deletion timestamp");
      // "don't allow the pods/status endpoint to touch owner references"; QOSClass backfilled from old.
      // Labels and annotations are not reset: a status write may change them.
      status: {
        resetFields: resetIn(V1, ['spec'], ['metadata', 'deletionTimestamp'], ['metadata', 'ownerReferences']),
        update: [restore('spec'), restore('metadata', 'deletionTimestamp'), restore('metadata', 'ownerReferences'), special('podStatusQosClass')],
      },
      // dropNonEphemeralContainerUpdates: "discards all changes except for pod.Spec.EphemeralContainers
      // and certain metadata". The strategy's GetResetFieldsFilter is not reported to the field
      // manager in 1.33 (EphemeralContainersREST does not implement it), so no reset fields.
      ephemeralcontainers: {
        resetFields: undefined,
        update: [restoreBut(['spec'], ['ephemeralContainers']), restore('status'), RESET_OBJECT_META_FOR_STATUS],
      },
      // dropNonResizeUpdates: "discards all changes except for pod.Spec.Containers[*].Resources,
      // pod.Spec.InitContainers[*].Resources, ResizePolicy and certain metadata"; no reset fields, as above.
      resize: { resetFields: undefined, update: [special('podResize')] },
    },
    unmodelled: ['binding', 'eviction', 'log', 'exec', 'attach', 'portforward', 'proxy'],
    notModelled: [
      'podutil.DropDisabledPodFields (feature-gated fields; status.observedGeneration with PodObservedGenerationTracking off)',
      'updatePodGeneration and metadata.generation 1 on create',
      'mutatePodAffinity and applyAppArmorVersionSkew on create (spec and annotations)',
      'preserveOldObservedGeneration on status writes (then dropped: its gate is off in 1.33)',
    ],
  },
  {
    group: '',
    kind: 'Service',
    resource: 'services',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}core/service/strategy.go`, `${K8S}core/service/storage/storage.go`],
    main: MAIN,
    subresources: { status: STATUS },
    unmodelled: ['proxy'],
    zeroStatus: { default: { loadBalancer: {} } },
    notModelled: [
      'dropTypeDependentFields on update (clusterIP(s), ipFamilies, nodePorts, healthCheckNodePort… wiped when the new type no longer uses them)',
      'cluster IP and node port allocation by the REST storage',
      'dropServiceDisabledFields and dropServiceStatusDisabledFields (gates on in 1.33)',
    ],
  },
  {
    group: '',
    kind: 'Node',
    resource: 'nodes',
    namespaced: false,
    served: ['v1'],
    source: [`${K8S}core/node/strategy.go`, `${K8S}core/node/storage/storage.go`],
    // "Nodes allow *all* fields, including status, to be set on create": PrepareForCreate only
    // drops spec.configSource and status.config. PrepareForUpdate: `newNode.Status = oldNode.Status`,
    // and spec.configSource dropped unless the old node has one.
    main: { resetFields: resetIn(V1, ['status']), create: [special('nodeCreate')], update: [restore('status'), special('nodeConfigSource')] },
    // Status PrepareForUpdate: `newNode.Spec = oldNode.Spec`; status.config dropped unless the old node has one.
    subresources: { status: { resetFields: resetIn(V1, ['spec']), update: [restore('spec'), special('nodeStatusConfig')] } },
    unmodelled: ['proxy'],
    notModelled: [
      'status.runtimeHandlers and status.features dropped when their gates are off (on in 1.33)',
      'SetDefaults_NodeStatus: allocatable = capacity (defaulting)',
      'the TaintNodesByCondition admission plugin (not the strategy) adds the node.kubernetes.io/not-ready:NoSchedule taint on create',
    ],
  },
  {
    group: '',
    kind: 'Namespace',
    resource: 'namespaces',
    namespaced: false,
    served: ['v1'],
    source: [`${K8S}core/namespace/strategy.go`, `${K8S}core/namespace/storage/storage.go`],
    // PrepareForCreate: "on create, status is active" and "we require the kubernetes value" in
    // spec.finalizers. PrepareForUpdate: `newNamespace.Spec.Finalizers = oldNamespace.Spec.Finalizers`
    // and `newNamespace.Status = oldNamespace.Status`; reset fields only `status`.
    main: { resetFields: resetIn(V1, ['status']), create: [special('namespaceCreate')], update: [restore('spec', 'finalizers'), restore('status')] },
    subresources: {
      status: STATUS,
      // namespaceFinalizeStrategy: reset `status`, `newNamespace.Status = oldNamespace.Status`.
      finalize: { resetFields: resetIn(V1, ['status']), update: [restore('status')] },
    },
    notModelled: ['deletion by the REST storage (finalizers and the Terminating phase)'],
  },
  {
    group: '',
    kind: 'PersistentVolume',
    resource: 'persistentvolumes',
    namespaced: false,
    served: ['v1'],
    source: [`${K8S}core/persistentvolume/strategy.go`, `${K8S}core/persistentvolume/storage/storage.go`],
    // PrepareForCreate: status cleared, `pv.Status.Phase = api.VolumePending`, LastPhaseTransitionTime now.
    main: { resetFields: resetIn(V1, ['status']), create: [special('persistentVolumeCreateStatus')], update: [restore('status')] },
    subresources: { status: { resetFields: resetIn(V1, ['spec']), update: [restore('spec'), special('persistentVolumePhaseTransition')] } },
    notModelled: ['pvutil.DropDisabledSpecFields'],
  },
  {
    group: '',
    kind: 'PersistentVolumeClaim',
    resource: 'persistentvolumeclaims',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}core/persistentvolumeclaim/strategy.go`, `${K8S}core/persistentvolumeclaim/storage/storage.go`],
    main: MAIN,
    subresources: { status: STATUS },
    zeroStatus: { default: {} },
    notModelled: [
      'EnforceDataSourceBackwardsCompatibility and NormalizeDataSources on spec (dataSource and dataSourceRef)',
      'DropDisabledFields and DropDisabledFieldsFromStatus (VolumeAttributesClass is off in 1.33: volumeAttributesClassName, status.currentVolumeAttributesClassName and status.modifyVolumeStatus dropped unless in use)',
      'SetDefaults_PersistentVolumeClaim: status.phase Pending when empty, so the object read back has it (defaulting)',
    ],
  },
  {
    group: '',
    kind: 'ReplicationController',
    resource: 'replicationcontrollers',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}core/replicationcontroller/strategy.go`, `${K8S}core/replicationcontroller/storage/storage.go`],
    main: MAIN,
    subresources: { status: STATUS },
    unmodelled: ['scale'],
    zeroStatus: { default: { replicas: 0 } },
    notModelled: ['metadata.generation: 1 on create, +1 on an update that changes spec', 'pod.DropDisabledTemplateFields'],
  },
  {
    group: '',
    kind: 'ResourceQuota',
    resource: 'resourcequotas',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}core/resourcequota/strategy.go`, `${K8S}core/resourcequota/storage/storage.go`],
    main: MAIN,
    subresources: { status: STATUS },
    zeroStatus: { default: {} },
  },
];
