import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { readsAncestors, readsAncestorTypes } from './rowSafety.js';
import type { ServerDefault, ServerDefaultContext } from './ServerDefault.js';

const CORE = 'io.k8s.api.core.v1.';
const APPS = 'io.k8s.api.apps.v1.';
const BATCH = 'io.k8s.api.batch.v1.';
const ADMISSION = 'io.k8s.api.admissionregistration.v1.';

/**
 * `SetDefaults_Container`: "if tag == "latest" { PullAlways } else { PullIfNotPresent }", where
 * `parsers.ParseImageName` gives the tag `latest` to an image with neither tag nor digest, and no
 * tag to an image pinned by digest.
 */
function imagePullPolicy(container: JsonObject): string {
  const image = getOwn(container, 'image');
  if (typeof image !== 'string' || image === '' || image.includes('@')) return 'IfNotPresent';
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  const tag = colon < 0 ? 'latest' : name.slice(colon + 1);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function serviceTypeIs(...types: string[]): (spec: JsonObject) => JsonValue | undefined {
  return (spec) => (types.includes(String(getOwn(spec, 'type') ?? 'ClusterIP')) ? 'Cluster' : undefined);
}

/** Whether the struct is held by structs of these types, nearest last (`[Pod, PodSpec]`: a Pod's own spec). */
function heldBy(context: ServerDefaultContext, types: readonly string[]): boolean {
  const { ancestors } = context;
  const offset = ancestors.length - types.length;
  if (offset < 0) return false;
  // A loop, not `every` with a callback: this runs for every struct of its type in a document.
  for (let i = 0; i < types.length; i++) if (ancestors[offset + i]!.type !== types[i]) return false;
  return true;
}

/** A row that applies only to a struct held by structs of these types (`SetDefaults_Pod`, `SetDefaults_Job`, not their templates). */
function onlyIn(types: string[], value: JsonValue | ((object: JsonObject, context: ServerDefaultContext) => JsonValue | undefined)) {
  return readsAncestorTypes((object: JsonObject, context: ServerDefaultContext): JsonValue | undefined => {
    if (!heldBy(context, types)) return undefined;
    return typeof value === 'function' ? value(object, context) : value;
  }, value);
}

/** A container of a Pod's own spec (not of a template). */
const POD_CONTAINER: readonly string[] = [`${CORE}Pod`, `${CORE}PodSpec`, `${CORE}Container`];

const absent = (object: JsonObject, field: string) => getOwn(object, field) === undefined || getOwn(object, field) === null;

/**
 * The server-filled defaults `semanticDiff` knows (Kubernetes 1.33), in the order they are
 * applied within one object. Documented, with the conditions, in `docs/normalizations/defaults.md`,
 * and checked against a real kube-apiserver by `test/e2e/defaults/`.
 *
 * @example
 * ```ts
 * SERVER_DEFAULTS.filter((d) => d.type === 'io.k8s.api.core.v1.PodSpec').map((d) => d.field);
 * // ['restartPolicy', 'terminationGracePeriodSeconds', 'dnsPolicy', 'securityContext', 'schedulerName', 'enableServiceLinks', 'serviceAccount']
 * ```
 * @public
 */
export const SERVER_DEFAULTS: readonly ServerDefault[] = Object.freeze([
  { type: `${APPS}DeploymentSpec`, field: 'replicas', value: 1, condition: 'always' },
  { type: `${APPS}DeploymentSpec`, field: 'strategy', value: {}, condition: 'always (then filled as DeploymentStrategy)' },
  { type: `${APPS}DeploymentSpec`, field: 'revisionHistoryLimit', value: 10, condition: 'always' },
  { type: `${APPS}DeploymentSpec`, field: 'progressDeadlineSeconds', value: 600, condition: 'always' },
  { type: `${APPS}DeploymentStrategy`, field: 'type', value: 'RollingUpdate', condition: 'always' },
  {
    type: `${APPS}DeploymentStrategy`, field: 'rollingUpdate', condition: 'type is RollingUpdate (then filled as RollingUpdateDeployment)',
    value: (s) => (getOwn(s, 'type') === 'RollingUpdate' ? {} : undefined),
  },
  { type: `${APPS}RollingUpdateDeployment`, field: 'maxUnavailable', value: '25%', condition: 'always' },
  { type: `${APPS}RollingUpdateDeployment`, field: 'maxSurge', value: '25%', condition: 'always' },
  { type: `${APPS}StatefulSetSpec`, field: 'replicas', value: 1, condition: 'always' },
  {
    type: `${APPS}StatefulSetSpec`, field: 'serviceName', value: '',
    condition: 'always (optional since 1.33 but without `omitempty`: an absent name is written `""`)',
  },
  { type: `${APPS}StatefulSetSpec`, field: 'podManagementPolicy', value: 'OrderedReady', condition: 'always' },
  { type: `${APPS}StatefulSetSpec`, field: 'updateStrategy', value: {}, condition: 'always (then filled as StatefulSetUpdateStrategy)' },
  { type: `${APPS}StatefulSetSpec`, field: 'revisionHistoryLimit', value: 10, condition: 'always' },
  {
    type: `${APPS}StatefulSetSpec`, field: 'persistentVolumeClaimRetentionPolicy', value: {},
    condition: 'always (then filled as StatefulSetPersistentVolumeClaimRetentionPolicy)',
  },
  {
    type: `${APPS}StatefulSetUpdateStrategy`, field: 'rollingUpdate', condition: 'type is absent (then filled as RollingUpdateStatefulSetStrategy)',
    value: (s) => (absent(s, 'type') ? {} : undefined),
  },
  { type: `${APPS}StatefulSetUpdateStrategy`, field: 'type', value: 'RollingUpdate', condition: 'always' },
  { type: `${APPS}RollingUpdateStatefulSetStrategy`, field: 'partition', value: 0, condition: 'always' },
  { type: `${APPS}StatefulSetPersistentVolumeClaimRetentionPolicy`, field: 'whenDeleted', value: 'Retain', condition: 'always' },
  { type: `${APPS}StatefulSetPersistentVolumeClaimRetentionPolicy`, field: 'whenScaled', value: 'Retain', condition: 'always' },
  { type: `${APPS}DaemonSetSpec`, field: 'updateStrategy', value: {}, condition: 'always (then filled as DaemonSetUpdateStrategy)' },
  { type: `${APPS}DaemonSetSpec`, field: 'revisionHistoryLimit', value: 10, condition: 'always' },
  { type: `${APPS}DaemonSetUpdateStrategy`, field: 'type', value: 'RollingUpdate', condition: 'always' },
  {
    type: `${APPS}DaemonSetUpdateStrategy`, field: 'rollingUpdate', condition: 'type is RollingUpdate (then filled as RollingUpdateDaemonSet)',
    value: (s) => (getOwn(s, 'type') === 'RollingUpdate' ? {} : undefined),
  },
  { type: `${APPS}RollingUpdateDaemonSet`, field: 'maxUnavailable', value: 1, condition: 'always' },
  { type: `${APPS}RollingUpdateDaemonSet`, field: 'maxSurge', value: 0, condition: 'always' },
  { type: `${APPS}ReplicaSetSpec`, field: 'replicas', value: 1, condition: 'always' },
  {
    type: `${BATCH}JobSpec`, field: 'completions', condition: 'in a Job (not a CronJob\'s template), when parallelism is absent too',
    value: onlyIn([`${BATCH}Job`], (s) => (absent(s, 'parallelism') ? 1 : undefined)),
  },
  { type: `${BATCH}JobSpec`, field: 'parallelism', value: onlyIn([`${BATCH}Job`], 1), condition: 'in a Job' },
  {
    type: `${BATCH}JobSpec`, field: 'backoffLimit', condition: 'in a Job: 6, or 2147483647 when backoffLimitPerIndex is set',
    value: onlyIn([`${BATCH}Job`], (s) => (absent(s, 'backoffLimitPerIndex') ? 6 : 2147483647)),
  },
  { type: `${BATCH}JobSpec`, field: 'completionMode', value: onlyIn([`${BATCH}Job`], 'NonIndexed'), condition: 'in a Job' },
  { type: `${BATCH}JobSpec`, field: 'suspend', value: onlyIn([`${BATCH}Job`], false), condition: 'in a Job' },
  {
    type: `${BATCH}JobSpec`, field: 'podReplacementPolicy', condition: 'in a Job: Failed when podFailurePolicy is set, else TerminatingOrFailed',
    value: onlyIn([`${BATCH}Job`], (s) => (absent(s, 'podFailurePolicy') ? 'TerminatingOrFailed' : 'Failed')),
  },
  {
    type: `${BATCH}JobSpec`, field: 'manualSelector', condition: 'in a Job (the Job strategy, as it generates the selector)',
    value: onlyIn([`${BATCH}Job`], false),
  },
  { type: `${BATCH}CronJobSpec`, field: 'concurrencyPolicy', value: 'Allow', condition: 'always' },
  { type: `${BATCH}CronJobSpec`, field: 'suspend', value: false, condition: 'always' },
  { type: `${BATCH}CronJobSpec`, field: 'successfulJobsHistoryLimit', value: 3, condition: 'always' },
  { type: `${BATCH}CronJobSpec`, field: 'failedJobsHistoryLimit', value: 1, condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'restartPolicy', value: 'Always', condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'terminationGracePeriodSeconds', value: 30, condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'dnsPolicy', value: 'ClusterFirst', condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'securityContext', value: {}, condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'schedulerName', value: 'default-scheduler', condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'enableServiceLinks', value: onlyIn([`${CORE}Pod`], true), condition: 'in a Pod (not a pod template)' },
  {
    type: `${CORE}PodSpec`, field: 'serviceAccount', condition: 'the value of `serviceAccountName`, when set (the deprecated alias)',
    value: (s) => (typeof getOwn(s, 'serviceAccountName') === 'string' && getOwn(s, 'serviceAccountName') !== '' ? getOwn(s, 'serviceAccountName')! : undefined),
  },
  { type: `${CORE}Container`, field: 'terminationMessagePath', value: '/dev/termination-log', condition: 'always' },
  { type: `${CORE}Container`, field: 'terminationMessagePolicy', value: 'File', condition: 'always' },
  {
    type: `${CORE}Container`, field: 'imagePullPolicy', value: imagePullPolicy,
    condition: 'Always when the image tag is `latest` or there is neither tag nor digest, else IfNotPresent',
  },
  {
    type: `${CORE}ResourceRequirements`, field: 'requests', entries: true,
    condition: 'in a Pod\'s containers and init containers: each entry of `limits` that `requests` lacks',
    value: onlyIn([`${CORE}Pod`, `${CORE}PodSpec`, `${CORE}Container`], (r) => (isJsonObject(getOwn(r, 'limits')) ? getOwn(r, 'limits')! : undefined)),
  },
  {
    type: `${CORE}ContainerPort`, field: 'hostPort', condition: 'in a Pod with `hostNetwork: true`: the value of `containerPort`',
    value: readsAncestors((port: JsonObject, context: ServerDefaultContext) => {
      if (!heldBy(context, POD_CONTAINER)) return undefined;
      const spec = context.ancestors[context.ancestors.length - 2]!.value;
      return getOwn(spec, 'hostNetwork') === true && typeof getOwn(port, 'containerPort') === 'number' ? getOwn(port, 'containerPort')! : undefined;
    }, [{ up: 2, fields: ['hostNetwork'] }]),
  },
  { type: `${CORE}ContainerPort`, field: 'protocol', value: 'TCP', condition: 'always' },
  { type: `${CORE}Probe`, field: 'timeoutSeconds', value: 1, condition: 'always' },
  { type: `${CORE}Probe`, field: 'periodSeconds', value: 10, condition: 'always' },
  { type: `${CORE}Probe`, field: 'successThreshold', value: 1, condition: 'always' },
  { type: `${CORE}Probe`, field: 'failureThreshold', value: 3, condition: 'always' },
  { type: `${CORE}HTTPGetAction`, field: 'path', value: '/', condition: 'always' },
  { type: `${CORE}HTTPGetAction`, field: 'scheme', value: 'HTTP', condition: 'always' },
  { type: `${CORE}GRPCAction`, field: 'service', value: '', condition: 'always' },
  { type: `${CORE}ObjectFieldSelector`, field: 'apiVersion', value: 'v1', condition: 'always' },
  { type: `${CORE}ResourceFieldSelector`, field: 'divisor', value: '0', condition: 'always (the zero quantity, which Go writes as "0")' },
  { type: `${CORE}ConfigMapVolumeSource`, field: 'defaultMode', value: 420, condition: 'always (0644)' },
  { type: `${CORE}SecretVolumeSource`, field: 'defaultMode', value: 420, condition: 'always (0644)' },
  { type: `${CORE}ProjectedVolumeSource`, field: 'defaultMode', value: 420, condition: 'always (0644)' },
  { type: `${CORE}DownwardAPIVolumeSource`, field: 'defaultMode', value: 420, condition: 'always (0644)' },
  { type: `${CORE}ServiceAccountTokenProjection`, field: 'expirationSeconds', value: 3600, condition: 'always' },
  { type: `${CORE}HostPathVolumeSource`, field: 'type', value: '', condition: 'always' },
  {
    type: `${CORE}PersistentVolumeClaim`, field: 'apiVersion', condition: 'in a StatefulSet\'s `volumeClaimTemplates`',
    value: onlyIn([`${APPS}StatefulSetSpec`], 'v1'),
  },
  {
    type: `${CORE}PersistentVolumeClaim`, field: 'kind', condition: 'in a StatefulSet\'s `volumeClaimTemplates`',
    value: onlyIn([`${APPS}StatefulSetSpec`], 'PersistentVolumeClaim'),
  },
  { type: `${CORE}PersistentVolumeClaim`, field: 'status', value: {}, condition: 'always (then filled as PersistentVolumeClaimStatus)' },
  { type: `${CORE}PersistentVolumeClaimStatus`, field: 'phase', value: 'Pending', condition: 'always' },
  { type: `${CORE}PersistentVolumeClaimSpec`, field: 'volumeMode', value: 'Filesystem', condition: 'always' },
  { type: `${CORE}Secret`, field: 'type', value: 'Opaque', condition: 'always' },
  { type: `${CORE}ServiceSpec`, field: 'type', value: 'ClusterIP', condition: 'always' },
  { type: `${CORE}ServiceSpec`, field: 'sessionAffinity', value: 'None', condition: 'always' },
  {
    type: `${CORE}ServiceSpec`, field: 'sessionAffinityConfig', condition: 'sessionAffinity is ClientIP: a timeout of 10800 seconds',
    value: (s) => (getOwn(s, 'sessionAffinity') === 'ClientIP' ? { clientIP: { timeoutSeconds: 10800 } } : undefined),
  },
  {
    type: `${CORE}ServiceSpec`, field: 'clusterIPs', condition: 'the value of `clusterIP`, when set (`None` for a headless Service)',
    value: (s) => (typeof getOwn(s, 'clusterIP') === 'string' && getOwn(s, 'clusterIP') !== '' ? [getOwn(s, 'clusterIP')!] : undefined),
  },
  {
    type: `${CORE}ServiceSpec`, field: 'internalTrafficPolicy', condition: 'type is not ExternalName',
    value: serviceTypeIs('ClusterIP', 'NodePort', 'LoadBalancer'),
  },
  {
    type: `${CORE}ServiceSpec`, field: 'externalTrafficPolicy', condition: 'type is NodePort or LoadBalancer',
    value: serviceTypeIs('NodePort', 'LoadBalancer'),
  },
  {
    type: `${CORE}ServiceSpec`, field: 'allocateLoadBalancerNodePorts', condition: 'type is LoadBalancer',
    value: (s) => (getOwn(s, 'type') === 'LoadBalancer' ? true : undefined),
  },
  { type: `${CORE}ServicePort`, field: 'protocol', value: 'TCP', condition: 'always' },
  {
    type: `${CORE}ServicePort`, field: 'targetPort', condition: 'the value of `port` ("if sp.TargetPort is zero … FromInt32(sp.Port)")',
    value: (p) => (typeof getOwn(p, 'port') === 'number' ? getOwn(p, 'port')! : undefined),
  },
  // k8s.io/kubernetes pkg/apis/admissionregistration/v1/defaults.go
  { type: `${ADMISSION}ValidatingWebhook`, field: 'failurePolicy', value: 'Fail', condition: 'always' },
  { type: `${ADMISSION}ValidatingWebhook`, field: 'matchPolicy', value: 'Equivalent', condition: 'always' },
  { type: `${ADMISSION}ValidatingWebhook`, field: 'namespaceSelector', value: {}, condition: 'always' },
  { type: `${ADMISSION}ValidatingWebhook`, field: 'objectSelector', value: {}, condition: 'always' },
  { type: `${ADMISSION}ValidatingWebhook`, field: 'timeoutSeconds', value: 10, condition: 'always' },
  { type: `${ADMISSION}MutatingWebhook`, field: 'failurePolicy', value: 'Fail', condition: 'always' },
  { type: `${ADMISSION}MutatingWebhook`, field: 'matchPolicy', value: 'Equivalent', condition: 'always' },
  { type: `${ADMISSION}MutatingWebhook`, field: 'namespaceSelector', value: {}, condition: 'always' },
  { type: `${ADMISSION}MutatingWebhook`, field: 'objectSelector', value: {}, condition: 'always' },
  { type: `${ADMISSION}MutatingWebhook`, field: 'timeoutSeconds', value: 10, condition: 'always' },
  { type: `${ADMISSION}MutatingWebhook`, field: 'reinvocationPolicy', value: 'Never', condition: 'always' },
  { type: `${ADMISSION}RuleWithOperations`, field: 'scope', value: '*', condition: 'always' },
  { type: `${ADMISSION}ServiceReference`, field: 'port', value: 443, condition: 'always' },
] satisfies ServerDefault[]);
