// Minimal manifests, as a user writes them (no field the server would default), whose stored form
// the defaults tests compare with what kubepatch predicts.

/** One object to create: where to POST it, and the manifest. */
export interface DefaultsCase {
  readonly title: string;
  /** The collection path under the namespace, e.g. `/apis/apps/v1/namespaces/{ns}/deployments`. */
  readonly collection: (namespace: string) => string;
  readonly manifest: Record<string, unknown>;
}

const core = (resource: string) => (ns: string) => `/api/v1/namespaces/${ns}/${resource}`;
const group = (groupVersion: string, resource: string) => (ns: string) => `/apis/${groupVersion}/namespaces/${ns}/${resource}`;

/** A container with ports, the four kinds of probe, a lifecycle hook, every `env.valueFrom` and limits only. */
function appContainer(): Record<string, unknown> {
  return {
    name: 'app',
    image: 'registry.example.com/team/app:1.2',
    ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 9090, protocol: 'UDP' }],
    livenessProbe: { httpGet: { port: 8080 } },
    readinessProbe: { tcpSocket: { port: 'http' } },
    startupProbe: { exec: { command: ['true'] }, periodSeconds: 5 },
    lifecycle: { preStop: { httpGet: { port: 8080, path: '/quit' } }, postStart: { exec: { command: ['true'] } } },
    env: [
      { name: 'PLAIN', value: 'x' },
      { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      { name: 'CM', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } },
      { name: 'SECRET', valueFrom: { secretKeyRef: { name: 'creds', key: 'token', optional: true } } },
    ],
    envFrom: [{ configMapRef: { name: 'settings' } }],
    resources: { limits: { cpu: '500m', memory: '128Mi' } },
    volumeMounts: [
      { name: 'config', mountPath: '/etc/config' },
      { name: 'scratch', mountPath: '/scratch' },
    ],
  };
}

/** A sidecar with a gRPC probe and an image without a tag (`imagePullPolicy: Always`). */
function sidecarContainer(): Record<string, unknown> {
  return { name: 'sidecar', image: 'busybox', livenessProbe: { grpc: { port: 9091 } }, args: ['sleep', '3600'] };
}

/** A pod spec with an init container and volumes of every common kind. */
export function podSpec(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['true'] }],
    containers: [appContainer(), sidecarContainer()],
    volumes: [
      { name: 'config', configMap: { name: 'settings' } },
      { name: 'creds', secret: { secretName: 'creds' } },
      { name: 'scratch', emptyDir: {} },
      { name: 'memory', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      {
        name: 'bundle',
        projected: {
          sources: [
            { configMap: { name: 'settings' } },
            { secret: { name: 'creds' } },
            { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
            { serviceAccountToken: { path: 'token' } },
          ],
        },
      },
      {
        name: 'podinfo',
        downwardAPI: {
          items: [
            { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
            { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } },
          ],
        },
      },
      { name: 'host', hostPath: { path: '/var/log' } },
      { name: 'socket', hostPath: { path: '/run/app.sock', type: 'Socket' } },
    ],
    ...extra,
  };
}

const labels = { app: 'web' };
const template = (extra: Record<string, unknown> = {}) => ({ metadata: { labels }, spec: podSpec(extra) });
const selector = { matchLabels: labels };

/** The workloads: each kind with a pod template, minimal. */
export function workloadCases(): DefaultsCase[] {
  return [
    {
      title: 'Deployment',
      collection: group('apps/v1', 'deployments'),
      manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector, template: template() } },
    },
    {
      title: 'Deployment with the Recreate strategy',
      collection: group('apps/v1', 'deployments'),
      manifest: {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'recreate' },
        spec: { selector, strategy: { type: 'Recreate' }, template: template() },
      },
    },
    {
      title: 'Deployment naming its service account',
      collection: group('apps/v1', 'deployments'),
      manifest: {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'named' },
        spec: { selector, template: { metadata: { labels }, spec: { serviceAccountName: 'builder', containers: [{ name: 'app', image: 'app:1' }] } } },
      },
    },
    {
      title: 'StatefulSet with a volume claim template',
      collection: group('apps/v1', 'statefulsets'),
      manifest: {
        apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
        spec: {
          selector, serviceName: 'db', template: template(),
          volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
        },
      },
    },
    {
      title: 'StatefulSet with the RollingUpdate type but no rollingUpdate',
      collection: group('apps/v1', 'statefulsets'),
      manifest: {
        apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'typed' },
        spec: { selector, updateStrategy: { type: 'RollingUpdate' }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' }, template: template() },
      },
    },
    {
      title: 'DaemonSet with the OnDelete strategy',
      collection: group('apps/v1', 'daemonsets'),
      manifest: {
        apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ondelete' },
        spec: { selector, updateStrategy: { type: 'OnDelete' }, template: template() },
      },
    },
    {
      title: 'DaemonSet',
      collection: group('apps/v1', 'daemonsets'),
      manifest: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector, template: template() } },
    },
    {
      title: 'ReplicaSet',
      collection: group('apps/v1', 'replicasets'),
      manifest: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { selector, template: template() } },
    },
    {
      title: 'Job',
      collection: group('batch/v1', 'jobs'),
      manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { template: template({ restartPolicy: 'Never' }) } },
    },
    {
      title: 'Indexed Job',
      collection: group('batch/v1', 'jobs'),
      manifest: {
        apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'indexed' },
        spec: { completionMode: 'Indexed', completions: 3, template: template({ restartPolicy: 'OnFailure' }) },
      },
    },
    {
      title: 'Indexed Job with a backoff limit per index',
      collection: group('batch/v1', 'jobs'),
      manifest: {
        apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'per-index', labels: { team: 'a' } },
        spec: { completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimitPerIndex: 1, template: template({ restartPolicy: 'Never' }) },
      },
    },
    {
      title: 'Job with a pod failure policy',
      collection: group('batch/v1', 'jobs'),
      manifest: {
        apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'policy' },
        spec: {
          parallelism: 2,
          podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] },
          template: template({ restartPolicy: 'Never' }),
        },
      },
    },
    {
      title: 'CronJob',
      collection: group('batch/v1', 'cronjobs'),
      manifest: {
        apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' },
        spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: template({ restartPolicy: 'OnFailure' }) } } },
      },
    },
  ];
}

/** Bare Pods: the Pod-only defaults and the admission plugins' additions. */
export function podCases(): DefaultsCase[] {
  return [
    { title: 'Pod', collection: core('pods'), manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', labels }, spec: podSpec() } },
    {
      title: 'Pod without a service account token, with requests of its own',
      collection: core('pods'),
      manifest: {
        apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lean' },
        spec: {
          automountServiceAccountToken: false,
          containers: [{ name: 'app', image: 'app:latest', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } } }],
        },
      },
    },
    {
      title: 'Pod on the host network',
      collection: core('pods'),
      manifest: {
        apiVersion: 'v1', kind: 'Pod', metadata: { name: 'host' },
        spec: {
          hostNetwork: true,
          initContainers: [{ name: 'init', image: 'busybox@sha256:' + 'a'.repeat(64), ports: [{ containerPort: 7000 }], restartPolicy: 'Always' }],
          containers: [{ name: 'app', image: 'localhost:5000/app', ports: [{ containerPort: 8080 }, { containerPort: 8443, hostPort: 8443 }] }],
        },
      },
    },
  ];
}

/** Services of each type, and PersistentVolumeClaims. */
export function serviceAndClaimCases(): DefaultsCase[] {
  const service = (name: string, spec: Record<string, unknown>): DefaultsCase => ({
    title: `Service ${name}`,
    collection: core('services'),
    manifest: { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec },
  });
  const ports = [{ name: 'http', port: 80 }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 5353 }];
  return [
    service('clusterip', { selector: labels, ports }),
    service('nodeport', { type: 'NodePort', selector: labels, ports }),
    service('loadbalancer', { type: 'LoadBalancer', selector: labels, ports }),
    service('local', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: labels, ports: [{ port: 443, targetPort: 'https' }] }),
    service('headless', { clusterIP: 'None', selector: labels, ports: [{ port: 5432 }] }),
    service('external', { type: 'ExternalName', externalName: 'db.example.com' }),
    service('sticky', { selector: labels, sessionAffinity: 'ClientIP', ports: [{ port: 8080 }] }),
    {
      title: 'PersistentVolumeClaim',
      collection: core('persistentvolumeclaims'),
      manifest: {
        apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    },
  ];
}
