import type { StatusSubresourceKind } from './ResetRules.js';
import { K8S, RESET_OBJECT_META_FOR_STATUS, resetIn, restore, restoreBut, special, ZERO_STATUS } from './ruleBuilders.js';

const FLOWCONTROL = ['v1beta1', 'v1beta2', 'v1beta3', 'v1'].map((v) => `flowcontrol.apiserver.k8s.io/${v}`);
const CERTIFICATES = ['certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1'];
const MAIN_STATUS_ONLY = 'metadata.generation: 1 on create, +1 on an update that changes spec';

/** A main strategy of the common pattern: reset `status`, cleared on create, kept on update. */
function commonMain(apiVersions: readonly string[]) {
  return { resetFields: resetIn(apiVersions, ['status']), create: [ZERO_STATUS], update: [restore('status')] };
}

/**
 * The kinds with a status subresource outside the apps, batch, autoscaling, policy and core
 * groups. Several status strategies reset `metadata` as a whole in `GetResetFields` (a status
 * writer then owns no metadata field) while their `PrepareForUpdate` restores only what
 * `metav1.ResetObjectMetaForStatus` restores, or (FlowSchema, PriorityLevelConfiguration) the
 * whole `ObjectMeta` but `managedFields` ("managedFields must be preserved since it's been
 * modified to track changed fields in the status update").
 */
export const apiGroupKinds: readonly StatusSubresourceKind[] = [
  {
    group: 'networking.k8s.io',
    kind: 'Ingress',
    resource: 'ingresses',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}networking/ingress/strategy.go`, `${K8S}networking/ingress/storage/storage.go`],
    main: commonMain(['extensions/v1beta1', 'networking.k8s.io/v1beta1', 'networking.k8s.io/v1']),
    subresources: { status: { resetFields: resetIn(['extensions/v1beta1', 'networking.k8s.io/v1beta1', 'networking.k8s.io/v1'], ['spec']), update: [restore('spec')] } },
    zeroStatus: { default: { loadBalancer: {} } },
    notModelled: [MAIN_STATUS_ONLY],
  },
  {
    group: 'networking.k8s.io',
    kind: 'ServiceCIDR',
    resource: 'servicecidrs',
    namespaced: false,
    served: ['v1'],
    source: [`${K8S}networking/servicecidr/strategy.go`, `${K8S}networking/servicecidr/storage/storage.go`],
    // GetResetFields is keyed "networking/v1", "networking/v1beta1", "networking/v1alpha1", not
    // "networking.k8s.io/…": no request's apiVersion matches, so nothing is reset for ownership.
    // The main PrepareForCreate and PrepareForUpdate do nothing: a main write may set status.
    main: { resetFields: resetIn(['networking/v1', 'networking/v1beta1', 'networking/v1alpha1'], ['status']), create: [], update: [] },
    subresources: {
      status: {
        resetFields: resetIn(['networking/v1', 'networking/v1beta1', 'networking/v1alpha1'], ['spec']),
        update: [restore('spec'), RESET_OBJECT_META_FOR_STATUS],
      },
    },
  },
  {
    group: 'certificates.k8s.io',
    kind: 'CertificateSigningRequest',
    resource: 'certificatesigningrequests',
    namespaced: false,
    served: ['v1'],
    source: [`${K8S}certificates/certificates/strategy.go`, `${K8S}certificates/certificates/storage/storage.go`],
    // Main: reset spec and status; PrepareForCreate clears the user fields of spec, fills them from
    // the request's user, "Be explicit that users cannot create pre-approved certificate requests"
    // (status cleared); PrepareForUpdate: `newCSR.Spec = oldCSR.Spec`, `newCSR.Status = oldCSR.Status`.
    main: { resetFields: resetIn(CERTIFICATES, ['spec'], ['status']), create: [special('csrCreate'), ZERO_STATUS], update: [restore('spec'), restore('status')] },
    subresources: {
      // "Updating /status should not modify spec"; Approved and Denied conditions preserved; timestamps.
      status: { resetFields: resetIn(CERTIFICATES, ['spec'], ['status', 'conditions']), update: [restore('spec'), special('csrStatusConditions')] },
      // "Updating the approval should only update the conditions."
      approval: { resetFields: resetIn(CERTIFICATES, ['spec'], ['status', 'certificate']), update: [special('csrApproval')] },
    },
    zeroStatus: { default: {} },
  },
  ...(['FlowSchema', 'PriorityLevelConfiguration'] as const).map(
    (kind): StatusSubresourceKind => ({
      group: 'flowcontrol.apiserver.k8s.io',
      kind,
      resource: kind === 'FlowSchema' ? 'flowschemas' : 'prioritylevelconfigurations',
      namespaced: false,
      served: ['v1'],
      source: [`${K8S}flowcontrol/${kind.toLowerCase()}/strategy.go`],
      main: commonMain(FLOWCONTROL),
      subresources: {
        // `new.ObjectMeta = old.ObjectMeta`, but managedFields; `new.Spec = old.Spec`.
        status: { resetFields: resetIn(FLOWCONTROL, ['metadata'], ['spec']), update: [restoreBut(['metadata'], ['managedFields']), restore('spec')] },
      },
      zeroStatus: { default: {} },
      notModelled: [MAIN_STATUS_ONLY],
    }),
  ),
  {
    group: 'resource.k8s.io',
    kind: 'ResourceClaim',
    resource: 'resourceclaims',
    namespaced: true,
    served: [],
    source: [`${K8S}resource/resourceclaim/strategy.go`, `${K8S}resource/resourceclaim/storage/storage.go`],
    main: commonMain(['resource.k8s.io/v1alpha3', 'resource.k8s.io/v1beta1', 'resource.k8s.io/v1beta2']),
    subresources: {
      status: {
        resetFields: resetIn(['resource.k8s.io/v1alpha3', 'resource.k8s.io/v1beta1', 'resource.k8s.io/v1beta2'], ['spec']),
        update: [restore('spec'), RESET_OBJECT_META_FOR_STATUS],
      },
    },
    zeroStatus: { default: {} },
    notModelled: ['dropDeallocatedStatusDevices and dropDisabledFields (DRA feature gates)'],
  },
  {
    group: 'storage.k8s.io',
    kind: 'VolumeAttachment',
    resource: 'volumeattachments',
    namespaced: false,
    served: ['v1'],
    source: [`${K8S}storage/volumeattachment/strategy.go`, `${K8S}storage/volumeattachment/storage/storage.go`],
    main: commonMain(['storage.k8s.io/v1']),
    subresources: { status: { resetFields: resetIn(['storage.k8s.io/v1'], ['metadata'], ['spec']), update: [restore('spec'), RESET_OBJECT_META_FOR_STATUS] } },
    zeroStatus: { default: { attached: false } },
    notModelled: ['status.attachError.errorCode and status.detachError.errorCode dropped unless in use (MutableCSINodeAllocatableCount is off in 1.33)'],
  },
  {
    group: 'storagemigration.k8s.io',
    kind: 'StorageVersionMigration',
    resource: 'storageversionmigrations',
    namespaced: false,
    served: [],
    source: [`${K8S}storagemigration/storagemigration/strategy.go`],
    main: commonMain(['storagemigration.k8s.io/v1alpha1']),
    subresources: { status: { resetFields: resetIn(['storagemigration.k8s.io/v1alpha1'], ['metadata'], ['spec']), update: [restore('spec'), RESET_OBJECT_META_FOR_STATUS] } },
    zeroStatus: { default: {} },
  },
  {
    group: 'internal.apiserver.k8s.io',
    kind: 'StorageVersion',
    resource: 'storageversions',
    namespaced: false,
    served: [],
    source: [`${K8S}apiserverinternal/storageversion/strategy.go`],
    main: commonMain(['internal.apiserver.k8s.io/v1alpha1']),
    subresources: { status: { resetFields: resetIn(['internal.apiserver.k8s.io/v1alpha1'], ['metadata'], ['spec']), update: [restore('spec'), RESET_OBJECT_META_FOR_STATUS] } },
    zeroStatus: { default: {} },
  },
  {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingAdmissionPolicy',
    resource: 'validatingadmissionpolicies',
    namespaced: false,
    served: ['v1'],
    source: [`${K8S}admissionregistration/validatingadmissionpolicy/strategy.go`],
    main: commonMain(['admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1']),
    subresources: {
      status: {
        resetFields: resetIn(['admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1'], ['spec'], ['metadata']),
        update: [restore('spec'), RESET_OBJECT_META_FOR_STATUS],
      },
    },
    zeroStatus: { default: {} },
    notModelled: [MAIN_STATUS_ONLY],
  },
  {
    group: 'apiextensions.k8s.io',
    kind: 'CustomResourceDefinition',
    resource: 'customresourcedefinitions',
    namespaced: false,
    served: ['v1'],
    source: ['k8s.io/apiextensions-apiserver@v0.33.13/pkg/registry/customresourcedefinition/strategy.go'],
    // Main: status cleared on create and kept on update, then the storage version appended to
    // status.storedVersions when missing.
    main: {
      resetFields: resetIn(['apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1'], ['status']),
      create: [ZERO_STATUS, special('crdStoredVersions')],
      update: [restore('status'), special('crdStoredVersions')],
    },
    // Reset fields `metadata` and `spec`, but PrepareForUpdate calls
    // `metav1.ResetObjectMetaForStatus(&newObj.ObjectMeta, &newObj.ObjectMeta)` (new from new, a
    // no-op): a status write keeps its metadata changes, which nobody then owns.
    subresources: { status: { resetFields: resetIn(['apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1'], ['metadata'], ['spec']), update: [restore('spec')] } },
    zeroStatus: { default: { conditions: null, acceptedNames: { plural: '', kind: '' }, storedVersions: null } },
    notModelled: [MAIN_STATUS_ONLY, 'dropDisabledFields', 'the in-process controllers that set status.conditions and acceptedNames right after'],
  },
  {
    group: 'apiregistration.k8s.io',
    kind: 'APIService',
    resource: 'apiservices',
    namespaced: false,
    served: ['v1'],
    source: ['k8s.io/kube-aggregator@v0.33.13/pkg/registry/apiservice/strategy.go'],
    // PrepareForCreate: status cleared; "mark local API services as immediately available on create".
    main: { resetFields: resetIn(['apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1'], ['status']), create: [ZERO_STATUS, special('apiServiceCreate')], update: [restore('status')] },
    subresources: {
      // Spec, Labels, Annotations, Finalizers and OwnerReferences from old.
      status: {
        resetFields: resetIn(['apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1'], ['spec'], ['metadata']),
        update: ['spec', 'labels', 'annotations', 'finalizers', 'ownerReferences'].map((name) => (name === 'spec' ? restore('spec') : restore('metadata', name))),
      },
    },
    zeroStatus: { default: {} },
  },
];
