import type { Stored } from './clientObjects.js';

/**
 * One built-in kind for the createPatchFor round trip: a manifest to create, and an edit of the
 * object the server stored (defaults included), touching its keyed lists where it has them and
 * only fields the server lets change. An element an edit adds is a copy of a stored one, so that
 * it carries the defaults the server would otherwise add and the stored object can equal the edit.
 */
export interface KindCase {
  readonly kind: string;
  readonly apiVersion: string;
  /** Spelled out here, so the read-back does not rest on kubepatch's guess of it. */
  readonly plural: string;
  readonly namespaced: boolean;
  manifest(name: string): object;
  edit(object: Stored): void;
  /** Annotations the server itself rewrites on such an edit, left out of the comparison. */
  readonly serverAnnotations?: readonly string[];
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

const podSpec = () => ({
  containers: [
    { name: 'app', image: 'app:1', env: [{ name: 'MODE', value: 'fast' }], ports: [{ containerPort: 8080 }] },
    { name: 'debug', image: 'busybox:1' },
  ],
});

/** Edits a stored pod spec: a new image and env var for `app`, `debug` removed, a `sidecar` added. */
function editPodSpec(spec: Stored): void {
  const [app, debug] = spec.containers;
  app.image = 'app:2';
  app.env = [{ name: 'MODE', value: 'slow' }, { name: 'LEVEL', value: '3' }];
  app.ports = [...app.ports, { ...app.ports[0], containerPort: 9090 }];
  spec.containers = [app, { ...debug, name: 'sidecar', image: 'sidecar:1' }];
}

const workload = (kind: string, plural: string, extraSpec: object = {}, serverAnnotations: readonly string[] = []): KindCase => ({
  kind,
  serverAnnotations,
  apiVersion: 'apps/v1',
  plural,
  namespaced: true,
  manifest: (name) => ({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, labels: { app: name } },
    spec: { ...extraSpec, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec() } },
  }),
  edit: (object) => {
    editPodSpec(object.spec.template.spec);
    object.spec.template.metadata.annotations = { 'prometheus.io/scrape': 'true' };
    object.metadata.labels.tier = 'front';
  },
});

const core = (kind: string, plural: string, body: object, edit: (object: Stored) => void, namespaced = true): KindCase => ({
  kind,
  apiVersion: 'v1',
  plural,
  namespaced,
  manifest: (name) => ({ apiVersion: 'v1', kind, metadata: { name }, ...body }),
  edit,
});

const grouped = (apiVersion: string, kind: string, plural: string, body: object, edit: (object: Stored) => void, namespaced = true): KindCase => ({
  kind,
  apiVersion,
  plural,
  namespaced,
  manifest: (name) => ({ apiVersion, kind, metadata: { name }, ...body }),
  edit,
});

const rule = (resources: string[], verbs: string[]) => ({ apiGroups: [''], resources, verbs });

export const KIND_CASES: readonly KindCase[] = [
  core('ConfigMap', 'configmaps', { data: { mode: 'fast', level: '3' } }, (o) => {
    o.data = { mode: 'slow', color: 'blue' };
    o.metadata.labels = { tier: 'front' };
  }),
  core('Secret', 'secrets', { type: 'Opaque', data: { user: b64('admin'), password: b64('one') } }, (o) => {
    o.data = { password: b64('two'), token: b64('t0k3n') };
  }),
  core('Service', 'services', { spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] } }, (o) => {
    o.spec.ports[0].targetPort = 9090;
    o.spec.ports.push({ name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' });
    o.spec.selector.tier = 'front';
  }),
  workload('Deployment', 'deployments', { replicas: 2 }),
  workload('StatefulSet', 'statefulsets', { serviceName: 'db', replicas: 1 }),
  // The DaemonSet strategy counts template changes in an annotation of its own.
  workload('DaemonSet', 'daemonsets', {}, ['deprecated.daemonset.template.generation']),
  workload('ReplicaSet', 'replicasets', { replicas: 3 }),
  core(
    'ReplicationController',
    'replicationcontrollers',
    { spec: { replicas: 1, selector: { app: 'rc' }, template: { metadata: { labels: { app: 'rc' } }, spec: podSpec() } } },
    (o) => {
      editPodSpec(o.spec.template.spec);
      o.spec.replicas = 2;
    },
  ),
  core('PodTemplate', 'podtemplates', { template: { metadata: { labels: { app: 'tpl' } }, spec: podSpec() } }, (o) => editPodSpec(o.template.spec)),
  grouped(
    'batch/v1',
    'Job',
    'jobs',
    { spec: { parallelism: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'job:1' }] } } } },
    (o) => {
      // The pod template of a Job may not change: its counts, deadline and metadata may.
      o.spec.parallelism = 3;
      o.spec.activeDeadlineSeconds = 600;
      o.metadata.annotations = { 'team.example.com/owner': 'batch' };
    },
  ),
  grouped(
    'batch/v1',
    'CronJob',
    'cronjobs',
    { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', ...podSpec() } } } } } },
    (o) => {
      o.spec.schedule = '*/10 * * * *';
      editPodSpec(o.spec.jobTemplate.spec.template.spec);
    },
  ),
  core(
    'Pod',
    'pods',
    { spec: { containers: [{ name: 'app', image: 'app:1' }, { name: 'proxy', image: 'envoy:1' }] } },
    (o) => {
      // A Pod lets its images, its deadline and added tolerations change.
      o.spec.containers[1].image = 'envoy:2';
      o.spec.activeDeadlineSeconds = 3600;
      o.spec.tolerations = [...(o.spec.tolerations ?? []), { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }];
    },
  ),
  core(
    'PersistentVolumeClaim',
    'persistentvolumeclaims',
    { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    (o) => {
      // The spec of an unbound claim may not change; its metadata may.
      o.metadata.labels = { tier: 'data' };
      o.metadata.annotations = { 'team.example.com/owner': 'storage' };
    },
  ),
  core('ServiceAccount', 'serviceaccounts', { secrets: [{ name: 'token-a' }], imagePullSecrets: [{ name: 'registry-a' }] }, (o) => {
    o.secrets = [{ name: 'token-b' }, ...o.secrets];
    o.imagePullSecrets = [{ name: 'registry-b' }];
    o.automountServiceAccountToken = false;
  }),
  core('Endpoints', 'endpoints', { subsets: [{ addresses: [{ ip: '10.1.0.1' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }] }, (o) => {
    o.subsets[0].addresses.push({ ip: '10.1.0.2' });
  }),
  core('LimitRange', 'limitranges', { spec: { limits: [{ type: 'Container', max: { cpu: '2', memory: '1Gi' } }] } }, (o) => {
    o.spec.limits[0].max.cpu = '4';
    o.spec.limits.push({ type: 'Pod', max: { cpu: '8' } });
  }),
  core('ResourceQuota', 'resourcequotas', { spec: { hard: { pods: '10', 'requests.cpu': '4' } } }, (o) => {
    o.spec.hard = { pods: '20', services: '5' };
  }),
  grouped('rbac.authorization.k8s.io/v1', 'Role', 'roles', { rules: [rule(['configmaps'], ['get'])] }, (o) => {
    o.rules = [rule(['configmaps'], ['get', 'list', 'watch']), rule(['secrets'], ['get'])];
  }),
  grouped(
    'rbac.authorization.k8s.io/v1',
    'RoleBinding',
    'rolebindings',
    {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'default' }],
    },
    (o) => {
      o.subjects.push({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' });
    },
  ),
  grouped(
    'rbac.authorization.k8s.io/v1',
    'ClusterRole',
    'clusterroles',
    { rules: [rule(['pods'], ['get'])] },
    (o) => {
      o.rules = [rule(['pods'], ['get', 'list']), { nonResourceURLs: ['/healthz'], verbs: ['get'] }];
      o.metadata.labels = { 'team.example.com/owner': 'platform' };
    },
    false,
  ),
  grouped(
    'rbac.authorization.k8s.io/v1',
    'ClusterRoleBinding',
    'clusterrolebindings',
    { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'a' }] },
    (o) => {
      o.subjects = [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'b' }];
    },
    false,
  ),
  grouped(
    'networking.k8s.io/v1',
    'Ingress',
    'ingresses',
    {
      spec: {
        rules: [
          { host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
        ],
      },
    },
    (o) => {
      o.spec.rules[0].http.paths.push({ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } });
      o.spec.tls = [{ hosts: ['web.example.com'], secretName: 'web-tls' }];
    },
  ),
  grouped(
    'networking.k8s.io/v1',
    'NetworkPolicy',
    'networkpolicies',
    { spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'proxy' } } }] }] } },
    (o) => {
      o.spec.ingress.push({ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }], ports: [{ protocol: 'TCP', port: 9090 }] });
    },
  ),
  grouped('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', { spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } }, (o) => {
    o.spec.minAvailable = 2;
  }),
  grouped(
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      },
    },
    (o) => {
      o.spec.maxReplicas = 10;
      o.spec.metrics.push({ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } } });
    },
  ),
  grouped('coordination.k8s.io/v1', 'Lease', 'leases', { spec: { holderIdentity: 'pod-a', leaseDurationSeconds: 15 } }, (o) => {
    o.spec.holderIdentity = 'pod-b';
  }),
  grouped(
    'scheduling.k8s.io/v1',
    'PriorityClass',
    'priorityclasses',
    { value: 1000, description: 'web' },
    (o) => {
      // value and preemptionPolicy may not change.
      o.description = 'web, raised';
      o.metadata.labels = { tier: 'front' };
    },
    false,
  ),
  grouped(
    'storage.k8s.io/v1',
    'StorageClass',
    'storageclasses',
    { provisioner: 'example.com/none', parameters: { type: 'fast' } },
    (o) => {
      // Provisioner, parameters, reclaim policy and binding mode may not change.
      o.allowVolumeExpansion = true;
      o.metadata.annotations = { 'team.example.com/owner': 'storage' };
    },
    false,
  ),
  grouped(
    'admissionregistration.k8s.io/v1',
    'ValidatingWebhookConfiguration',
    'validatingwebhookconfigurations',
    {
      // Matches nothing that exists, so it never takes part in another test's request.
      webhooks: [
        {
          name: 'a.kubepatch.example.com',
          clientConfig: { url: 'https://webhook.invalid/validate' },
          rules: [{ apiGroups: ['kubepatch.invalid'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['things'] }],
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
        },
      ],
    },
    (o) => {
      const [first] = o.webhooks;
      first.timeoutSeconds = 5;
      o.webhooks = [{ ...structuredClone(first), name: 'b.kubepatch.example.com', timeoutSeconds: 3 }, first];
    },
    false,
  ),
];
