import type { StatusSubresourceKind } from './ResetRules.js';
import { K8S, resetIn, restore, ZERO_STATUS } from './ruleBuilders.js';

const APPS_V1 = ['apps/v1'];
const SCALE = ['scale'];
const TEMPLATE_DROPS = 'pod.DropDisabledTemplateFields (feature-gated pod template fields)';
const GENERATION = 'metadata.generation: 1 on create, +1 on an update that changes spec';

/**
 * The workload kinds with a status subresource: apps (Deployment, StatefulSet, DaemonSet,
 * ReplicaSet), batch (Job, CronJob), autoscaling (HorizontalPodAutoscaler) and policy
 * (PodDisruptionBudget). Each follows the common pattern: the main strategy's
 * `GetResetFields` is `status` and its `PrepareForUpdate` says "update is not allowed to set
 * status" (`newX.Status = oldX.Status`), `PrepareForCreate` clears it (`x.Status = XStatus{}`);
 * the status strategy's `GetResetFields` is `spec` and its `PrepareForUpdate` says "status
 * changes are not allowed to update spec" (`newX.Spec = oldX.Spec`). The Deployment's status
 * strategy also resets `metadata.labels` (`newDeployment.Labels = oldDeployment.Labels`); none of
 * these calls `ResetObjectMetaForStatus`, so a status write may change annotations (and, but for
 * the Deployment, labels).
 */
export const workloadKinds: readonly StatusSubresourceKind[] = [
  {
    group: 'apps',
    kind: 'Deployment',
    resource: 'deployments',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}apps/deployment/strategy.go`, `${K8S}apps/deployment/storage/storage.go`],
    main: { resetFields: resetIn(APPS_V1, ['status']), create: [ZERO_STATUS], update: [restore('status')] },
    subresources: {
      // GetResetFields: "spec", ("metadata", "labels"); PrepareForUpdate: Spec and Labels from old.
      status: { resetFields: resetIn(APPS_V1, ['spec'], ['metadata', 'labels']), update: [restore('spec'), restore('metadata', 'labels')] },
    },
    unmodelled: SCALE,
    zeroStatus: { default: {} },
    notModelled: [GENERATION + ', or annotations', TEMPLATE_DROPS, 'dropDisabledStatusFields'],
  },
  {
    group: 'apps',
    kind: 'StatefulSet',
    resource: 'statefulsets',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}apps/statefulset/strategy.go`, `${K8S}apps/statefulset/storage/storage.go`],
    main: { resetFields: resetIn(APPS_V1, ['status']), create: [ZERO_STATUS], update: [restore('status')] },
    subresources: { status: { resetFields: resetIn(APPS_V1, ['spec']), update: [restore('spec')] } },
    unmodelled: SCALE,
    zeroStatus: { default: { replicas: 0, availableReplicas: 0 } },
    notModelled: [GENERATION, TEMPLATE_DROPS, 'dropStatefulSetDisabledFields'],
  },
  {
    group: 'apps',
    kind: 'DaemonSet',
    resource: 'daemonsets',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}apps/daemonset/strategy.go`, `${K8S}apps/daemonset/storage/storage.go`],
    main: { resetFields: resetIn(APPS_V1, ['status']), create: [ZERO_STATUS], update: [restore('status')] },
    subresources: { status: { resetFields: resetIn(APPS_V1, ['spec']), update: [restore('spec')] } },
    zeroStatus: { default: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 } },
    notModelled: [
      GENERATION,
      'Spec.TemplateGeneration (internal; apps/v1 carries it in the deprecated.daemonset.template.generation annotation): 1 on create, kept, +1 when the template changes',
      TEMPLATE_DROPS,
    ],
  },
  {
    group: 'apps',
    kind: 'ReplicaSet',
    resource: 'replicasets',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}apps/replicaset/strategy.go`, `${K8S}apps/replicaset/storage/storage.go`],
    main: { resetFields: resetIn(APPS_V1, ['status']), create: [ZERO_STATUS], update: [restore('status')] },
    subresources: { status: { resetFields: resetIn(APPS_V1, ['spec']), update: [restore('spec')] } },
    unmodelled: SCALE,
    zeroStatus: { default: { replicas: 0 } },
    notModelled: [GENERATION, TEMPLATE_DROPS, 'dropDisabledStatusFields'],
  },
  {
    group: 'batch',
    kind: 'Job',
    resource: 'jobs',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}batch/job/strategy.go`, `${K8S}batch/job/storage/storage.go`],
    main: { resetFields: resetIn(['batch/v1'], ['status']), create: [ZERO_STATUS], update: [restore('status')] },
    subresources: { status: { resetFields: resetIn(['batch/v1'], ['spec']), update: [restore('spec')] } },
    zeroStatus: { default: {} },
    notModelled: [
      GENERATION,
      'generateSelectorIfNeeded on create: unless spec.manualSelector, spec.selector and the template labels get batch.kubernetes.io/controller-uid (the uid) and job-name',
      'feature-gated spec fields dropped (JobManagedBy, JobSuccessPolicy, JobBackoffLimitPerIndex, JobPodReplacementPolicy: all on in 1.33)',
      TEMPLATE_DROPS,
    ],
  },
  {
    group: 'batch',
    kind: 'CronJob',
    resource: 'cronjobs',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}batch/cronjob/strategy.go`, `${K8S}batch/cronjob/storage/storage.go`],
    main: { resetFields: resetIn(['batch/v1', 'batch/v1beta1'], ['status']), create: [ZERO_STATUS], update: [restore('status')] },
    subresources: { status: { resetFields: resetIn(['batch/v1', 'batch/v1beta1'], ['spec']), update: [restore('spec')] } },
    zeroStatus: { default: {} },
    notModelled: [GENERATION, TEMPLATE_DROPS],
  },
  {
    group: 'autoscaling',
    kind: 'HorizontalPodAutoscaler',
    resource: 'horizontalpodautoscalers',
    namespaced: true,
    served: ['v2', 'v1'],
    source: [`${K8S}autoscaling/horizontalpodautoscaler/strategy.go`, `${K8S}autoscaling/horizontalpodautoscaler/storage/storage.go`],
    main: {
      resetFields: resetIn(['autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2'], ['status']),
      create: [ZERO_STATUS],
      update: [restore('status')],
    },
    subresources: {
      status: { resetFields: resetIn(['autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2'], ['spec']), update: [restore('spec')] },
    },
    zeroStatus: {
      'autoscaling/v1': { currentReplicas: 0, desiredReplicas: 0 },
      'autoscaling/v2': { desiredReplicas: 0, currentMetrics: null },
      'autoscaling/v2beta1': { currentReplicas: 0, desiredReplicas: 0, currentMetrics: null, conditions: null },
      'autoscaling/v2beta2': { currentReplicas: 0, desiredReplicas: 0, currentMetrics: null, conditions: null },
      default: { desiredReplicas: 0, currentMetrics: null },
    },
    notModelled: ['dropDisabledFields (HPAConfigurableTolerance, alpha in 1.33)'],
  },
  {
    group: 'policy',
    kind: 'PodDisruptionBudget',
    resource: 'poddisruptionbudgets',
    namespaced: true,
    served: ['v1'],
    source: [`${K8S}policy/poddisruptionbudget/strategy.go`, `${K8S}policy/poddisruptionbudget/storage/storage.go`],
    main: { resetFields: resetIn(['policy/v1beta1', 'policy/v1'], ['status']), create: [ZERO_STATUS], update: [restore('status')] },
    subresources: { status: { resetFields: resetIn(['policy/v1beta1', 'policy/v1'], ['spec']), update: [restore('spec')] } },
    zeroStatus: { default: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } },
    notModelled: [GENERATION],
  },
];
